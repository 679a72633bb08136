package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two Neo4j baselines of the benchmark, run in this JVM on a small store. */
class BareBaselinesTest {
    @TempDir
    Path dir;

    @Test
    void bareUnwindWritesTheAskedNodesAndRelationshipsThatABareStartThenCounts() throws IOException {
        Path store = dir.resolve("store");
        BareUnwindImport.Result created = BareUnwindImport.run(store, 2_500, 1_200, 1_000, "64m");
        assertEquals(2_500, created.nodes());
        assertEquals(1_200, created.relationships());
        assertTrue(created.seconds() > 0);

        Path copy = dir.resolve("copy");
        Bench.copyTree(store, copy);
        AtomicLong readyReported = new AtomicLong(-1);
        BareNeo4jStart.Result started = BareNeo4jStart.measure(copy, "64m", readyReported::set);
        assertTrue(started.readyMillis() > 0);
        assertEquals(Math.round(started.readyMillis()), readyReported.get(), "ready is reported before counting");
        assertEquals(2_500, started.nodes());
        assertEquals(1_200, started.relationships());
        assertEquals(Map.of("X", 2_500L), started.labels());
        assertTrue(BareNeo4jStart.line(started).startsWith("COUNTS nodes=2500 relationships=1200 labels=X:2500"));
        assertEquals(2_500, Bench.field(BareNeo4jStart.line(started), "nodes"));
    }

    @Test
    void bareUnwindRefusesAStoreThatIsNotFresh() throws IOException {
        Files.writeString(dir.resolve("something"), "x");
        assertThrows(IllegalArgumentException.class, () -> BareUnwindImport.run(dir, 10, 0, 10, "64m"));
    }

    @Test
    void bareStartRefusesAMissingDirectory() {
        assertThrows(
                IllegalArgumentException.class, () -> BareNeo4jStart.measure(dir.resolve("missing"), "64m", ms -> {}));
    }
}
