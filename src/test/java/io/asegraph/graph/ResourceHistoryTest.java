package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.history.ChangeKind;
import io.asegraph.history.ResourceChange;
import io.asegraph.importing.UnresolvedReferences;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-version log of resource states against a real embedded store: retention keeps the newest versions or the
 * recent days, whichever keeps more, and prunes the rest; a staged write records its states as a one-transaction
 * write does; a diff across pruned-and-kept versions compares the state at {@code from} with the state at {@code to}.
 */
class ResourceHistoryTest {
    private static GraphStore store(Path data) {
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), false);
        store.start();
        return store;
    }

    private static GraphImporter importer(GraphStore store, GraphImporter.Staging staging, int versions, int days) {
        return new GraphImporter(
                store,
                new EstateCache(store),
                staging,
                UnresolvedReferences.PLACEHOLDER,
                new ResourceHistory.Retention(versions, days));
    }

    /** The versions states are recorded for, ascending, and how many states each has. */
    private static Map<Long, Long> statesByVersion(GraphStore store) {
        return store.read(tx -> {
            Map<Long, Long> m = new java.util.TreeMap<>();
            tx.run("MATCH (v:" + Labels.RESOURCE_VERSION + ") RETURN v.version AS v, count(*) AS n")
                    .forEachRemaining(
                            r -> m.put(r.get("v").asLong(-1), r.get("n").asLong()));
            return m;
        });
    }

    /** Imports the reference topology, then three times with its VNet in another region: four versions. */
    private static void fourWrites(GraphImporter importer) throws Exception {
        ArrayNode doc = ImportDiffTest.reference();
        assertTrue(importer.importDocument(doc.toString(), false).valid());
        for (int i = 1; i <= 3; i++) {
            ImportDiffTest.set(doc, "/0/location", "\"region-" + i + "\"");
            ImportOutcome o = importer.importDocument(doc.toString(), false);
            assertEquals(1, o.updated(), o::toString);
        }
    }

    @Test
    void statesOfTheNewestVersionsAreKeptAndOlderOnesPruned(@TempDir Path data) throws Exception {
        GraphStore store = store(data);
        try {
            fourWrites(importer(store, GraphImporter.Staging.NEVER, 2, 0));
            assertEquals(Map.of(3L, 1L, 4L, 1L), statesByVersion(store), "keep-versions 2, keep-days 0");
            EstateHistory history = new EstateHistory(store);
            assertEquals(new EstateHistory.Range(2, 4), history.range());
            List<ResourceChange> diff = history.diff(2, 4);
            assertEquals(1, diff.size(), diff::toString);
            assertEquals(ChangeKind.UPDATED, diff.get(0).change());
            assertEquals(List.of("location region-1 → region-3"), diff.get(0).details());
            assertEquals(
                    4,
                    new ChangeLog(store).recent(10, java.util.Optional.empty()).size(),
                    "changes are kept");
        } finally {
            store.stop();
        }
    }

    @Test
    void versionsOfTheLastDaysAreKeptWhateverTheirNumber(@TempDir Path data) throws Exception {
        GraphStore store = store(data);
        try {
            fourWrites(importer(store, GraphImporter.Staging.NEVER, 1, 90));
            assertEquals(4, statesByVersion(store).size(), "keep-versions 1, but keep-days 90 keeps all four");
            EstateHistory history = new EstateHistory(store);
            assertEquals(new EstateHistory.Range(0, 4), history.range());
            List<ResourceChange> all = history.diff(0, 4);
            assertTrue(all.stream().allMatch(c -> c.change() == ChangeKind.CREATED), all::toString);
            assertTrue(
                    all.stream().anyMatch(c -> c.details().contains("location region-3")),
                    "created with its state at version 4");
        } finally {
            store.stop();
        }
    }

    @Test
    void aStagedWriteRecordsItsStatesWithItsVersion(@TempDir Path data) throws Exception {
        GraphStore store = store(data);
        try {
            ImportOutcome o = importer(store, GraphImporter.Staging.ALWAYS, 100, 90)
                    .importDocument(ImportDiffTest.reference().toString(), false);
            assertTrue(o.valid());
            assertEquals(Map.of(1L, (long) o.created()), statesByVersion(store), "every state has the version");
            long staged = store.read(tx -> tx.run(
                            "MATCH (v:" + Labels.RESOURCE_VERSION + ") WHERE v.stage IS NOT NULL RETURN count(v) AS n")
                    .single()
                    .get("n")
                    .asLong());
            assertEquals(0, staged, "no state is left marked as staged");
            assertEquals(o.created(), new EstateHistory(store).diff(0, 1).size());
        } finally {
            store.stop();
        }
    }
}
