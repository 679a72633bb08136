package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    Process child(Path file, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ImportCrashChild.class.getName(), data.toString(), file.toString(), mode);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Reads the child's output until a line starting with {@code marker}; returns it, with everything read. */
    static String await(Process p, String marker, List<String> seen) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            seen.add(line);
            if (line.startsWith(marker)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void killingTheProcessMidImportLeavesTheStoreAsItWasAndAFinishedImportIsWhole() throws Exception {
        // Small in resources but with enough rules for several chunks (GraphWriter.CHUNK rows each) in the one transaction.
        EstateGenerator.Summary generated = EstateGenerator.generate(EstateSpec.SMALL.with("rules", 6_000), 11, estate, false);
        Path file = estate.resolve(EstateGenerator.RESOURCES_FILE);
        Map<String, Long> before = shapeOfStore(); // seeded with the reference topology

        Process crashing = child(file, "crash");
        List<String> output = new ArrayList<>();
        String signal;
        try {
            signal = await(crashing, ImportCrashChild.SIGNAL, output);
        } finally {
            crashing.destroyForcibly();
            crashing.waitFor(1, TimeUnit.MINUTES);
        }
        assertTrue(signal != null, () -> "the child never reached the transaction:\n" + String.join("\n", output));
        long done = Long.parseLong(signal.split(" ")[1]);
        long total = Long.parseLong(signal.split(" ")[3]);
        assertTrue(done > 0 && done < total, signal);
        assertTrue(total > 3L * GraphWriter.CHUNK, () -> "a transaction of several chunks: " + signal);

        assertEquals(before, shapeOfStore(), "a killed import must leave nothing behind");

        Process finishing = child(file, "finish");
        List<String> output2 = new ArrayList<>();
        String committed = await(finishing, ImportCrashChild.DONE, output2);
        assertTrue(finishing.waitFor(10, TimeUnit.MINUTES));
        assertTrue(committed != null, () -> "the import did not finish:\n" + String.join("\n", output2));
        assertEquals(0, finishing.exitValue());

        Map<String, Long> after = shapeOfStore();
        assertNotEquals(before, after);
        assertEquals(before.get("node VirtualNetwork") + generated.count("Microsoft.Network/virtualNetworks"), after.get("node VirtualNetwork"));
        assertEquals(before.get("node SecurityRule") + generated.securityRules(), after.get("node SecurityRule"));
        assertEquals(before.get("version") + 1, after.get("version"));
    }
}
