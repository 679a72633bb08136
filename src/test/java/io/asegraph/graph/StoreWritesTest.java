package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes against one embedded store (seeded with the reference topology) whose transaction memory is Neo4j's minimum,
 * 10 MiB: with staging off, an import larger than that is refused whole, and the snapshot cache never serves an estate older than a
 * committed write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreWritesTest {
    private GraphStore store;

    @BeforeAll
    void start(@TempDir Path data) {
        store = TestStores.embedded(data, Path.of("graph-seed"), true, "10m");
        store.start();
    }

    @AfterAll
    void stop() {
        store.stop();
    }

    private List<Long> counts() {
        return store.read(tx -> List.of(
                tx.run("MATCH (n) RETURN count(n)").single().get(0).asLong(),
                tx.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong(),
                tx.run("MATCH (m:AsegraphMeta) RETURN coalesce(max(m.version), 0)")
                        .single()
                        .get(0)
                        .asLong()));
    }

    @Test
    void withStagingOffAnImportOverTheTransactionMemoryFailsAtOnceWithNothingWrittenAndTheStoreKeepsWorking(
            @TempDir Path estate) throws Exception {
        // The small estate with 8,000 rules: a few MB of JSON, more than 10 MiB of transaction state. (By default such
        // an import is staged and swapped instead: StagedWriteTest, ImportApiTest.)
        EstateGenerator.generate(new EstateSpec(3, 12, 3, 6, 10, 8, 8_000, 2, 2, 1, 1, 3, 3, 60), 7, estate, false);
        String document = Files.readString(estate.resolve(EstateGenerator.RESOURCES_FILE));
        GraphImporter importer = new GraphImporter(store, new EstateCache(store), GraphImporter.Staging.NEVER);
        List<Long> before = counts();

        TransactionTooLargeException e =
                assertThrows(TransactionTooLargeException.class, () -> importer.importDocument(document, false));
        assertTrue(e.getMessage().contains("dbms.memory.transaction.total.max"), e.getMessage());
        assertEquals(before, counts(), "nothing of the refused import is in the graph");

        // The refusal broke neither the store nor the importer's lock: the seeded reference re-imports unchanged.
        ImportOutcome again =
                importer.importDocument(Files.readString(Path.of("graph-seed/reference-topology.az.json")), false);
        assertEquals(0, again.created() + again.updated());
        assertEquals(before, counts());
    }

    @Test
    void aQuestionAfterAWriteSeesItEvenWhileABackgroundReloadIsInFlight() {
        ExecutorService warmer = Executors.newSingleThreadExecutor();
        try {
            EstateCache cache = new EstateCache(store);
            // Like the service's warm-up: every invalidation starts a reload on another thread.
            cache.onWrite(() -> warmer.execute(cache::current));
            cache.current();
            for (int i = 0; i < 40; i++) {
                long version = TestStores.bumpVersion(store);
                cache.invalidate();
                assertEquals(
                        version, cache.current().version(), "write " + i + " committed and invalidated before asking");
            }
        } finally {
            warmer.shutdownNow();
        }
    }
}
