package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every committed write records who, what, when, the version and its counts, in its own transaction: through one
 * transaction and through stage and swap alike, and the first start's seed, kept across a restart; dry runs and
 * rejected documents record nothing.
 */
class ChangeLogTest {
    private static final Path REFERENCE = Path.of("graph-seed", "reference-topology.az.json");

    private static long version(GraphStore store) {
        return store.read(tx -> tx.run("OPTIONAL MATCH " + Labels.META_NODE + " RETURN coalesce(m.version, 0) AS v")
                .single()
                .get("v")
                .asLong());
    }

    private static ImportOutcome importAs(GraphImporter importer, String principal, String document, boolean dry) {
        return Attribution.run(
                new Attribution(principal, "test import", Optional.of("feed")),
                () -> importer.importDocument(document, dry));
    }

    @Test
    void aCommittedImportIsRecordedWithItsPrincipalCountsAndVersionAndTheRecordSurvivesARestart(@TempDir Path data)
            throws Exception {
        String document = Files.readString(REFERENCE);
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), false);
        store.start();
        ImportOutcome outcome;
        long version;
        try {
            GraphImporter importer = new GraphImporter(store, new EstateCache(store), GraphImporter.Staging.NEVER);
            outcome = importAs(importer, "alice", document, false);
            assertTrue(outcome.valid(), outcome.problems()::toString);
            assertTrue(outcome.created() > 0, "the unseeded store gets the reference topology");
            version = version(store);
        } finally {
            store.stop();
        }
        GraphStore again = TestStores.embedded(data, Path.of("graph-seed"), false);
        again.start();
        try {
            List<ChangeRecord> changes = new ChangeLog(again).recent(10, Optional.empty());
            assertEquals(1, changes.size(), changes::toString);
            ChangeRecord c = changes.get(0);
            assertEquals("alice", c.principal());
            assertEquals("test import", c.operation());
            assertEquals(Optional.of("feed"), c.documentSha256());
            assertEquals(version, c.version());
            assertEquals(
                    List.of((long) outcome.created(), (long) outcome.updated(), (long) outcome.unchanged(), (long)
                            outcome.removed()),
                    List.of(c.created(), c.updated(), c.unchanged(), c.removed()));
            assertFalse(c.at().isBefore(before), "at is the commit's time: " + c.at());
            assertEquals(
                    List.of(), new ChangeLog(again).recent(10, Optional.of(c.at().plusSeconds(1))), "since filters");
        } finally {
            again.stop();
        }
    }

    /** The first start's seed is a write too: recorded once, by the service, with what it created. */
    @Test
    void theSeedIsRecordedOnceAsTheServicesOwnChange(@TempDir Path data) {
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        try {
            List<ChangeRecord> changes = new ChangeLog(store).recent(10, Optional.empty());
            assertEquals(1, changes.size(), changes::toString);
            ChangeRecord c = changes.get(0);
            assertEquals("system", c.principal());
            assertTrue(c.operation().startsWith("seed ") && c.operation().endsWith("graph-seed"), c.operation());
            long resources = store.read(tx -> tx.run(
                            "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n",
                            java.util.Map.of("labels", Labels.RESOURCES))
                    .single()
                    .get("n")
                    .asLong());
            assertTrue(resources > 0);
            assertEquals(resources, c.created());
            assertEquals(version(store), c.version());
        } finally {
            store.stop();
        }
        GraphStore again = TestStores.embedded(data, Path.of("graph-seed"), true);
        again.start();
        try {
            assertEquals(1, new ChangeLog(again).recent(10, Optional.empty()).size(), "a restart seeds nothing");
        } finally {
            again.stop();
        }
    }

    @Test
    void aStagedImportRecordsItsChangeAtTheSwapAndDryRunsAndRejectedDocumentsRecordNothing(@TempDir Path data)
            throws Exception {
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), false);
        store.start();
        try {
            GraphImporter staged = new GraphImporter(store, new EstateCache(store), GraphImporter.Staging.ALWAYS);
            String document = Files.readString(REFERENCE);
            importAs(staged, "bob", document, true);
            importAs(staged, "bob", "[{\"id\": 3}]", false);
            assertEquals(List.of(), new ChangeLog(store).recent(10, Optional.empty()), "nothing was written");
            ImportOutcome outcome = importAs(staged, "bob", document, false);
            assertTrue(outcome.valid(), outcome.problems()::toString);
            importAs(staged, "carol", document, false); // unchanged: nothing written, nothing recorded
            List<ChangeRecord> changes = new ChangeLog(store).recent(10, Optional.empty());
            assertEquals(1, changes.size(), changes::toString);
            assertEquals("bob", changes.get(0).principal());
            assertEquals(outcome.created(), changes.get(0).created());
            assertEquals(version(store), changes.get(0).version());
            assertEquals(0, StagedWriteTest.stagingNodes(store), "the stage is gone, the change stays");
        } finally {
            store.stop();
        }
    }

    @Test
    void aWriteWithNoAttributionIsRecordedAsTheSystems(@TempDir Path data) throws Exception {
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), false);
        store.start();
        try {
            new GraphImporter(store, new EstateCache(store)).importDocument(Files.readString(REFERENCE), false);
            ChangeRecord c = new ChangeLog(store).recent(1, Optional.empty()).get(0);
            assertEquals(Attribution.SYSTEM.principal(), c.principal());
            assertEquals(Optional.empty(), c.documentSha256());
        } finally {
            store.stop();
        }
    }
}
