package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import larger than the store's transaction memory ({@code asegraph.store.transaction-memory}) fails at once
 * with {@link TransactionTooLargeException} (not retried), writes nothing, and leaves the store working.
 */
class TransactionMemoryTest {
    @TempDir
    Path data;
    @TempDir
    Path estate;

    private static List<Long> counts(GraphStore s) {
        return s.read(tx -> List.of(tx.run("MATCH (n) RETURN count(n)").single().get(0).asLong(),
                tx.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong(),
                tx.run("MATCH (m:AsegraphMeta) RETURN coalesce(max(m.version), 0)").single().get(0).asLong()));
    }

    @Test
    void anImportOverTheTransactionMemoryFailsWithNothingWrittenAndTheStoreKeepsWorking() throws Exception {
        // The small estate with 8,000 rules: a few MB of JSON, more than the store's minimum of 10 MiB of transaction memory.
        EstateGenerator.generate(new EstateSpec(3, 12, 3, 6, 10, 8, 8_000, 2, 2, 1, 1, 3, 3, 60), 7, estate, false);
        String document = Files.readString(estate.resolve(EstateGenerator.RESOURCES_FILE));
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true, "10m");
        store.start();
        try {
            GraphImporter importer = new GraphImporter(store, new EstateCache(store));
            List<Long> before = counts(store);

            TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class,
                    () -> importer.importDocument(document, false));
            assertEquals(true, e.getMessage().contains("dbms.memory.transaction.total.max"), e.getMessage());
            assertEquals(before, counts(store), "nothing of the refused import is in the graph");

            // A small change still goes through: the refusal did not break the store or the importer's lock.
            String vnet = Files.readString(Path.of("graph-seed/reference-topology.az.json"));
            ImportOutcome again = importer.importDocument(vnet, false);
            assertEquals(0, again.created() + again.updated(), "the seeded reference topology re-imports unchanged");
            assertEquals(before, counts(store));
        } finally {
            store.stop();
        }
    }
}
