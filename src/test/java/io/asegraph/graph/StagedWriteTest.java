package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage and swap ({@link StagedWrite}) writes exactly what one transaction writes. Two stores seeded alike get the
 * same documents, one always staged, one always in one transaction; after each their whole graphs must be equal and
 * the staged one must hold nothing of its staging. Readers of the staging process wait while a swap runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StagedWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private GraphStore staged;
    private GraphStore single;
    private GraphImporter stagedImporter;
    private GraphImporter singleImporter;

    @BeforeAll
    void start(@TempDir Path a, @TempDir Path b) {
        staged = TestStores.embedded(a, Path.of("graph-seed"), true);
        single = TestStores.embedded(b, Path.of("graph-seed"), true);
        staged.start();
        single.start();
        stagedImporter = new GraphImporter(staged, new EstateCache(staged), GraphImporter.Staging.ALWAYS);
        singleImporter = new GraphImporter(single, new EstateCache(single), GraphImporter.Staging.NEVER);
    }

    @AfterAll
    void stop() {
        staged.stop();
        single.stop();
    }

    /** Staging nodes in the store, counted without finishing a pending swap first. */
    static long stagingNodes(GraphStore store) {
        return store.readDuringSwap(tx -> tx.run("MATCH (n) WHERE n:" + StagedWrite.STAGE + " OR n:" + StagedWrite.STEP
                        + " RETURN count(n) AS c")
                .single()
                .get("c")
                .asLong());
    }

    private void importIntoBothAndCompare(String document, String what) {
        ImportOutcome one = singleImporter.importDocument(document, false);
        ImportOutcome two = stagedImporter.importDocument(document, false);
        assertEquals(
                List.of(one.created(), one.updated(), one.unchanged(), one.removed()),
                List.of(two.created(), two.updated(), two.unchanged(), two.removed()),
                what + ": the same counts");
        List<String> expected = TestStores.dump(single);
        List<String> actual = TestStores.dump(staged);
        assertEquals(List.of(), difference(expected, actual), what + ": what only the one-transaction import wrote");
        assertEquals(List.of(), difference(actual, expected), what + ": what only the staged import wrote");
        assertEquals(expected.size(), actual.size(), what + ": as many nodes and relationships (none twice)");
        assertEquals(0, stagingNodes(staged), what + ": nothing of the staging is left");
    }

    /** The lines of {@code a} not in {@code b} (at most 5, shortened). */
    static List<String> difference(List<String> a, List<String> b) {
        java.util.Set<String> in = new java.util.HashSet<>(b);
        return a.stream()
                .filter(l -> !in.contains(l))
                .limit(5)
                .map(l -> l.length() > 600 ? l.substring(0, 600) + "…" : l)
                .toList();
    }

    @Test
    void aStagedImportWritesExactlyWhatOneTransactionWrites(@TempDir Path estate) throws Exception {
        // Several steps per statement (GraphWriter.CHUNK rows each) for the rules.
        EstateGenerator.generate(EstateSpec.SMALL.with("rules", 5_000), 5, estate, false);
        String resources = Files.readString(estate.resolve(EstateGenerator.RESOURCES_FILE));
        importIntoBothAndCompare(resources, "a new estate");
        importIntoBothAndCompare(
                Files.readString(estate.resolve(EstateGenerator.SERVICE_TAGS_FILE)), "a Service Tags file");

        // Exact replacement: every NSG loses its last rule and its first changes priority; every route table loses its
        // routes but one — deletions and re-creations.
        ArrayNode edited = JSON.createArrayNode();
        int changed = 0;
        for (JsonNode r : JSON.readTree(resources)) {
            ObjectNode x = r.deepCopy();
            JsonNode type = x.path("type");
            ArrayNode rules = x.path("properties").path("securityRules") instanceof ArrayNode a ? a : null;
            ArrayNode routes = x.path("properties").path("routes") instanceof ArrayNode a ? a : null;
            if (type.asText().equalsIgnoreCase("Microsoft.Network/networkSecurityGroups")
                    && rules != null
                    && rules.size() > 1) {
                rules.remove(rules.size() - 1);
                ((ObjectNode) rules.get(0).path("properties")).put("priority", 4096);
                edited.add(x);
                changed++;
            } else if (type.asText().equalsIgnoreCase("Microsoft.Network/routeTables")
                    && routes != null
                    && routes.size() > 1) {
                while (routes.size() > 1) {
                    routes.remove(routes.size() - 1);
                }
                edited.add(x);
                changed++;
            }
        }
        assertTrue(changed > 3, "the edit changes several resources");
        importIntoBothAndCompare(JSON.writeValueAsString(edited), "rules and routes replaced");
        importIntoBothAndCompare(JSON.writeValueAsString(edited), "the same again (nothing written)");
    }

    /**
     * Placeholders by stage and swap: a NIC-only export (its subnet and NSG in other exports), then its VNet's and
     * its NSG's, leave the same graph as one transaction after each step; the staged store makes the placeholders
     * and fills them in place.
     */
    @Test
    void aStagedImportMakesAndFillsPlaceholdersAsOneTransactionDoes() throws Exception {
        importIntoBothAndCompare(shape("partial-nic-only.json"), "a NIC-only export");
        assertEquals(2, unresolvedNodes(staged), "the subnet and the NSG are placeholders");
        assertEquals(2, stagedImporter.snapshot().unresolved().placeholders().size());
        assertFalse(
                stagedImporter.snapshot().topology().nics().stream()
                        .anyMatch(n -> n.name().equals("lone-nic")),
                "held out of the snapshot while its subnet is a placeholder");
        importIntoBothAndCompare(shape("partial-vnet.json"), "its VNet export");
        assertEquals(1, unresolvedNodes(staged), "the NSG is left");
        assertTrue(
                stagedImporter.snapshot().topology().nics().stream()
                        .anyMatch(n -> n.name().equals("lone-nic")),
                "in the snapshot once its subnet is imported");
        importIntoBothAndCompare(shape("partial-nsg.json"), "its NSG export");
        assertEquals(0, unresolvedNodes(staged));
        assertTrue(stagedImporter.snapshot().unresolved().isEmpty());
    }

    private static String shape(String file) throws java.io.IOException {
        try (java.io.InputStream in = StagedWriteTest.class.getResourceAsStream("/shapes/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static long unresolvedNodes(GraphStore store) {
        return store.read(tx -> tx.run("MATCH (n:Unresolved) RETURN count(n) AS c")
                .single()
                .get("c")
                .asLong());
    }

    @Test
    void aReaderOfTheStagingProcessWaitsForTheSwapAndThenSeesAllOfIt(@TempDir Path estate, @TempDir Path data)
            throws Exception {
        EstateGenerator.generate(EstateSpec.SMALL.with("rules", 4_000), 9, estate, false);
        String resources = Files.readString(estate.resolve(EstateGenerator.RESOURCES_FILE));
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        try {
            readerWaits(store, resources);
        } finally {
            store.stop();
        }
    }

    private static void readerWaits(GraphStore staged, String resources) throws Exception {
        GraphImporter stagedImporter = new GraphImporter(staged, new EstateCache(staged), GraphImporter.Staging.ALWAYS);
        AtomicReference<CompletableFuture<Long>> read = new AtomicReference<>();
        AtomicReference<Boolean> doneDuringSwap = new AtomicReference<>();
        ImportOutcome outcome = stagedImporter.importDocument(resources, false, (done, total) -> {
            if (read.get() == null) {
                // The first swap transaction has committed: the graph holds part of the import.
                read.set(CompletableFuture.supplyAsync(
                        () -> staged.read(tx -> tx.run("MATCH (r:SecurityRule) RETURN count(r) AS c")
                                .single()
                                .get("c")
                                .asLong())));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                doneDuringSwap.set(read.get().isDone());
            }
        });
        assertTrue(outcome.created() > 0, outcome.toString());
        assertFalse(doneDuringSwap.get(), "a read during the swap waits for it");
        long after = staged.read(tx -> tx.run("MATCH (r:SecurityRule) RETURN count(r) AS c")
                .single()
                .get("c")
                .asLong());
        assertEquals(after, read.get().get(1, TimeUnit.MINUTES), "the waiting read saw the whole import");
    }

    @Test
    void aStagingThatFailsBeforeItsCommitLeavesNothing(@TempDir Path small) throws Exception {
        // One store with Neo4j's least transaction memory, and a document with one rule whose description alone is
        // more:
        // the one transaction fails, and staging refuses the record before its commit point (its swap could never
        // run) — nothing of either is left.
        GraphStore store = TestStores.embedded(small, Path.of("graph-seed"), true, "10m");
        store.start();
        try {
            String document = new String(
                    io.asegraph.api.ImportTestProfile.oversizedRecord(), java.nio.charset.StandardCharsets.UTF_8);
            String nsgId = JSON.readTree(document).get(0).path("id").asText();
            List<String> before = TestStores.dump(store);
            GraphImporter importer = new GraphImporter(store, new EstateCache(store));
            TransactionTooLargeException e =
                    assertThrows(TransactionTooLargeException.class, () -> importer.importDocument(document, false));
            assertTrue(
                    e.getMessage().contains("more than a staged write takes")
                            && e.getMessage().contains(nsgId),
                    e.getMessage());
            assertTrue(
                    e.getSuppressed().length == 1
                            && e.getSuppressed()[0].getMessage().contains("dbms.memory.transaction"),
                    "the one transaction's failure is kept");
            assertEquals(
                    before,
                    TestStores.dump(store),
                    "nothing of the one transaction nor of the staging is in the graph");
        } finally {
            store.stop();
        }
    }

    @Test
    void aSwapThatFailsAfterItsCommitPointIsFinishedByTheNextReadOrEstateReload(
            @TempDir Path estate, @TempDir Path data) throws Exception {
        EstateGenerator.Summary generated =
                EstateGenerator.generate(EstateSpec.SMALL.with("rules", 4_000), 13, estate, false);
        String resources = Files.readString(estate.resolve(EstateGenerator.RESOURCES_FILE));
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        try {
            EstateCache cache = new EstateCache(store);
            GraphImporter importer = new GraphImporter(store, cache, GraphImporter.Staging.ALWAYS);
            long version = cache.current().version();
            long rules = ruleCount(store);
            // The swap's first transaction commits, then the importing thread fails (as a lost connection would) —
            // while a reader waits for the swap.
            AtomicReference<CompletableFuture<Long>> waiting = new AtomicReference<>();
            ImportProgress failingWithAReaderWaiting = (done, total) -> {
                waiting.set(CompletableFuture.supplyAsync(() -> ruleCount(store)));
                try {
                    Thread.sleep(300);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("failed mid-swap, " + done + " of " + total);
            };
            RuntimeException e = assertThrows(
                    RuntimeException.class, () -> importer.importDocument(resources, false, failingWithAReaderWaiting));
            assertTrue(e.getMessage().startsWith("failed mid-swap"), e.getMessage());

            // The reader that waited, and the next read, finish the swap first and see all of the import.
            assertEquals(
                    rules + generated.securityRules(),
                    waiting.get().get(1, TimeUnit.MINUTES),
                    "the reader that waited");
            assertEquals(rules + generated.securityRules(), ruleCount(store));
            assertEquals(0, stagingNodes(store));
            assertEquals(version + 1, cache.current().version());

            // Again, as if another process had failed mid-swap (this one does not know): the next estate reload
            // finds the stage committed and finishes it. Every NSG loses its last rule.
            ArrayNode edited = JSON.createArrayNode();
            long dropped = 0;
            for (JsonNode r : JSON.readTree(resources)) {
                if (r.path("properties").path("securityRules") instanceof ArrayNode list && list.size() > 1) {
                    ObjectNode x = r.deepCopy();
                    ((ArrayNode) x.path("properties").path("securityRules")).remove(list.size() - 1);
                    edited.add(x);
                    dropped++;
                }
            }
            assertTrue(dropped > 3);
            ImportProgress failing = (done, total) -> {
                throw new IllegalStateException("failed mid-swap, " + done + " of " + total);
            };
            assertThrows(
                    RuntimeException.class,
                    () -> importer.importDocument(JSON.writeValueAsString(edited), false, failing));
            store.unfinishedSwap(false);
            assertTrue(stagingNodes(store) > 0, "the committed stage waits to be finished");
            Estate reloaded = cache.current();
            assertEquals(version + 2, reloaded.version());
            assertEquals(
                    rules + generated.securityRules() - dropped,
                    reloaded.policies().nsgs().stream()
                            .mapToLong(n -> n.rules().size())
                            .sum());
            assertEquals(0, stagingNodes(store));
            ImportOutcome again = importer.importDocument(JSON.writeValueAsString(edited), true);
            assertEquals(0, again.created() + again.updated(), "the graph holds the whole document: " + again);
        } finally {
            store.stop();
        }
    }

    private static long ruleCount(GraphStore store) {
        return store.read(tx -> tx.run("MATCH (r:SecurityRule) RETURN count(r) AS c")
                .single()
                .get("c")
                .asLong());
    }
}
