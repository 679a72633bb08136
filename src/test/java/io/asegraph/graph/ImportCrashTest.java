package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing under failure, on one data directory and one document, each time by killing a child process
 * ({@link ImportCrashChild}) and reopening the store: killed inside its one write transaction, the import leaves the
 * graph exactly as before; staged ({@link StagedWrite}) and killed before its commit point, too; staged and killed
 * mid-swap, with part of it committed, the restart finishes it and the graph equals a whole import of the document
 * into the same seed (compared node by node and relationship by relationship).
 */
class ImportCrashTest {
    @TempDir
    Path data;

    @TempDir
    Path estate;

    /** Opens the store on {@code dir} (seeding it if empty, recovering staged writes), reads it with {@code read}, closes it. */
    static <T> T onStore(Path dir, java.util.function.Function<GraphStore, T> read) {
        GraphStore store = TestStores.embedded(dir, Path.of("graph-seed"), true);
        store.start();
        try {
            return read.apply(store);
        } finally {
            store.stop();
        }
    }

    /** Runs the child in {@code mode} until it signals, then kills it; returns the signal line. */
    String killAtSignal(Path file, String mode) throws Exception {
        Path log = estate.resolve(mode + ".log");
        Process crashing = child(file, mode, log);
        String signal;
        try {
            signal = await(crashing, log, ImportCrashChild.SIGNAL);
        } finally {
            crashing.destroyForcibly();
            crashing.waitFor(1, TimeUnit.MINUTES);
        }
        assertTrue(signal != null, () -> "the child (" + mode + ") never signalled:\n" + read(log));
        return signal;
    }

    /** Starts the child JVM; its output goes to {@code log} (a file: no pipe to fill up, nothing to drain). */
    Process child(Path file, String mode, Path log) throws Exception {
        return ChildJvm.start(ImportCrashChild.class, "1g", log, data.toString(), file.toString(), mode);
    }

    /** Waits until the child's output has a line starting with {@code marker} (returned), or it ends, or 10 minutes pass. */
    static String await(Process p, Path log, String marker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean ended = !p.isAlive();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(marker)) {
                    return line;
                }
            }
            if (ended) {
                return null;
            }
            Thread.sleep(100);
        }
        return null;
    }

    static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void aKilledImportIsAllOrNothingInOneTransactionAndStagedBeforeAndAfterItsCommitPoint(@TempDir Path reference)
            throws Exception {
        // Small in resources but with enough rules for several chunks (GraphWriter.CHUNK rows each): several statements
        // in the one transaction, several swap transactions when staged.
        EstateGenerator.Summary generated =
                EstateGenerator.generate(EstateSpec.SMALL.with("rules", 6_000), 11, estate, false);
        Path file = estate.resolve(EstateGenerator.RESOURCES_FILE);
        List<String> before = onStore(data, TestStores::dump); // seeded with the reference topology

        // 1. One transaction, killed after its first chunk: the reopened store is as before.
        String inside = killAtSignal(file, "crash");
        long done = Long.parseLong(inside.split(" ")[1]);
        long total = Long.parseLong(inside.split(" ")[3]);
        assertTrue(done > 0 && done < total, inside);
        assertTrue(total > 3L * GraphWriter.CHUNK, () -> "a transaction of several chunks: " + inside);
        assertEquals(before, onStore(data, TestStores::dump), "a killed import must leave nothing behind");

        // 2. Staged, killed with every step staged, just before the commit point: the restart deletes the stage.
        String staged = killAtSignal(file, "crash-staging");
        assertTrue(staged.endsWith(" of " + staged.split(" ")[1]), "all staged: " + staged);
        assertEquals(
                before, onStore(data, TestStores::dump), "a staged import killed before its commit leaves nothing");

        // 3. Staged, killed after the first swap transaction committed: part of the import is in the graph, so the
        // restart must finish the swap — the graph is then the one a whole import into the same seed gives.
        String swapping = killAtSignal(file, "crash-swap");
        long swapped = Long.parseLong(swapping.split(" ")[1]);
        long rows = Long.parseLong(swapping.split(" ")[3]);
        assertTrue(swapped > 0 && swapped < rows, swapping);
        List<String> recovered = onStore(data, TestStores::dump);

        List<String> expected = onStore(reference, store -> {
            try {
                new GraphImporter(store, new EstateCache(store), GraphImporter.Staging.NEVER)
                        .importDocument(Files.readString(file), false);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return TestStores.dump(store);
        });
        assertEquals(
                generated.securityRules(),
                expected.stream()
                                .filter(l -> l.startsWith("node [SecurityRule]"))
                                .count()
                        - before.stream()
                                .filter(l -> l.startsWith("node [SecurityRule]"))
                                .count(),
                "the whole import has every rule");
        assertEquals(List.of(), StagedWriteTest.difference(expected, recovered), "missing after the recovered swap");
        assertEquals(List.of(), StagedWriteTest.difference(recovered, expected), "extra after the recovered swap");
        assertEquals(expected.size(), recovered.size());
    }
}
