package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing under failure: a process killed in the middle of an import (inside its one write transaction, after
 * the first chunk of rows was written) leaves the store, reopened on the same data directory, exactly as it was
 * before. Then the same import run to its end in a second process is fully there, proving the kill happened before
 * the commit and that the store recovered usable.
 */
class ImportCrashTest {
    @TempDir
    Path data;

    @TempDir
    Path estate;

    /** Nodes per label, relationships per type and the store version: what "the graph" is for this test. */
    static Map<String, Long> shape(GraphStore store) {
        Map<String, Long> m = new TreeMap<>();
        store.read(tx -> {
            tx.run("MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c").forEachRemaining(r -> m.put("node " + r.get("l").asString(),
                    r.get("c").asLong()));
            tx.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c").forEachRemaining(r -> m.put("rel " + r.get("t").asString(),
                    r.get("c").asLong()));
            m.put("version", tx.run("MATCH (m:AsegraphMeta) RETURN m.version AS v").single().get("v").asLong());
            return null;
        });
        return m;
    }

    Map<String, Long> shapeOfStore() {
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        try {
            return shape(store);
        } finally {
            store.stop();
        }
    }

    /** Starts the child JVM; its output goes to {@code log} (a file: no pipe to fill up, nothing to drain). */
    Process child(Path file, String mode, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ImportCrashChild.class.getName(), data.toString(), file.toString(), mode);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
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
    void killingTheProcessMidImportLeavesTheStoreAsItWasAndAFinishedImportIsWhole() throws Exception {
        // Small in resources but with enough rules for several chunks (GraphWriter.CHUNK rows each) in the one transaction.
        EstateGenerator.Summary generated = EstateGenerator.generate(EstateSpec.SMALL.with("rules", 6_000), 11, estate, false);
        Path file = estate.resolve(EstateGenerator.RESOURCES_FILE);
        Map<String, Long> before = shapeOfStore(); // seeded with the reference topology

        Path log = estate.resolve("crash.log");
        Process crashing = child(file, "crash", log);
        String signal;
        try {
            signal = await(crashing, log, ImportCrashChild.SIGNAL);
        } finally {
            crashing.destroyForcibly();
            crashing.waitFor(1, TimeUnit.MINUTES);
        }
        assertTrue(signal != null, () -> "the child never reached the transaction:\n" + read(log));
        long done = Long.parseLong(signal.split(" ")[1]);
        long total = Long.parseLong(signal.split(" ")[3]);
        assertTrue(done > 0 && done < total, signal);
        assertTrue(total > 3L * GraphWriter.CHUNK, () -> "a transaction of several chunks: " + signal);

        assertEquals(before, shapeOfStore(), "a killed import must leave nothing behind");

        Path log2 = estate.resolve("finish.log");
        Process finishing = child(file, "finish", log2);
        String committed = await(finishing, log2, ImportCrashChild.DONE);
        boolean exited = finishing.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            finishing.destroyForcibly();
        }
        assertTrue(committed != null && exited, () -> "the import did not finish:\n" + read(log2));
        assertEquals(0, finishing.exitValue());

        Map<String, Long> after = shapeOfStore();
        assertNotEquals(before, after);
        assertEquals(before.get("node VirtualNetwork") + generated.count("Microsoft.Network/virtualNetworks"), after.get("node VirtualNetwork"));
        assertEquals(before.get("node SecurityRule") + generated.securityRules(), after.get("node SecurityRule"));
        assertEquals(before.get("version") + 1, after.get("version"));
    }
}
