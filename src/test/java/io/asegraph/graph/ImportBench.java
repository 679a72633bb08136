package io.asegraph.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures one import through the real code path (parse, compare, one write transaction) on an embedded store:
 * {@code java -cp <test classpath> io.asegraph.graph.ImportBench DATA_DIR FILE [FILE...]}. Prints the time of each
 * import and the peak heap in use (sum of the heap pools' peaks since the import began). Not a test; run by hand.
 */
public final class ImportBench {
    private ImportBench() {}

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), false);
        store.start();
        try {
            EstateCache cache = new EstateCache(store);
            GraphImporter importer = new GraphImporter(store, cache);
            System.out.printf(
                    Locale.ROOT, "max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            for (int i = 1; i < args.length; i++) {
                boolean dry = args[i].startsWith("dry:");
                Path file = Path.of(dry ? args[i].substring(4) : args[i]);
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long c0 = cpu();
                long t0 = System.nanoTime();
                String json = Files.readString(file);
                long read = System.nanoTime();
                long[] last = {0};
                ImportOutcome o = importer.importDocument(json, dry, (done, total) -> {
                    long now = System.nanoTime();
                    if (last[0] == 0) {
                        System.out.printf(
                                Locale.ROOT,
                                "  read %.1f s, parsed and compared %.1f s%n",
                                (read - t0) / 1e9,
                                (now - read) / 1e9);
                    }
                    if (now - last[0] > 3_000_000_000L || done == total) {
                        last[0] = now;
                        System.out.printf(
                                Locale.ROOT,
                                "  %7d / %d records at %.1f s (CPU %.1f s)%n",
                                done,
                                total,
                                (now - t0) / 1e9,
                                (cpu() - c0) / 1e9);
                    }
                });
                json = null;
                long t1 = System.nanoTime();
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum();
                System.out.printf(
                        Locale.ROOT,
                        "%s%s: created %d updated %d unchanged %d removed %d problems %d warnings %d"
                                + " in %.1f s (process CPU %.1f s), peak heap %,d MB%n",
                        dry ? "dry run " : "",
                        file,
                        o.created(),
                        o.updated(),
                        o.unchanged(),
                        o.removed(),
                        o.problems().size(),
                        o.warnings().size(),
                        (t1 - t0) / 1e9,
                        (cpu() - c0) / 1e9,
                        peak >> 20);
                o.problems().stream().limit(5).forEach(p -> System.out.println("  " + p));
                long l0 = System.nanoTime();
                var estate = cache.current();
                System.out.printf(
                        Locale.ROOT,
                        "snapshot v%d loaded in %.1f s (%d subnets, %d NSGs)%n",
                        estate.version(),
                        (System.nanoTime() - l0) / 1e9,
                        estate.topology().subnets().size(),
                        estate.policies().nsgs().size());
            }
        } finally {
            store.stop();
        }
    }
}
