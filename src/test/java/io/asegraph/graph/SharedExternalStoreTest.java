package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.estate.Estate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Two instances of the service's store layer (a {@link GraphStore} with its {@link EstateCache} and importer each,
 * as two service processes hold them) on one external Neo4j server (neo4j-harness over bolt): what one writes, the
 * other serves once its version re-check is due, without being told.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedExternalStoreTest {
    private static final Path SEED = Path.of("graph-seed");
    private Neo4j server;
    private GraphStore one;
    private GraphStore two;

    @BeforeAll
    void start() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        one = TestStores.external(server.boltURI().toString(), SEED);
        two = TestStores.external(server.boltURI().toString(), SEED);
        one.start();
        two.start();
    }

    @AfterAll
    void stop() {
        one.stop();
        two.stop();
        server.close();
    }

    private static boolean hasEndpoint(Estate estate, String name) {
        return estate.topology().endpoints().stream().anyMatch(e -> e.name().equals(name));
    }

    @Test
    void anImportThroughOneInstanceIsServedByTheOtherAfterItsVersionCheck() throws Exception {
        assertFalse(one.isEmbedded());
        EstateCache cacheOne = new EstateCache(one);
        EstateCache cacheTwo = new EstateCache(two);
        Estate before = cacheTwo.current();
        assertEquals(before.version(), cacheOne.current().version(), "both read the one seeded store");
        assertFalse(hasEndpoint(before, "shared-store-partner"));

        ObjectMapper json = new ObjectMapper();
        ArrayNode doc = (ArrayNode) json.readTree(Files.readString(SEED.resolve("reference-topology.az.json")));
        doc.addObject()
                .put("id", "/asegraph/endpoints/shared-store-partner")
                .put("name", "shared-store-partner")
                .put("type", "asegraph/endpoints")
                .put("location", "westus")
                .putArray("addresses")
                .add("198.51.100.7/32");
        ImportOutcome outcome = new GraphImporter(one, cacheOne).importDocument(json.writeValueAsString(doc), false);
        assertEquals(1, outcome.created(), outcome::toString);
        assertTrue(hasEndpoint(cacheOne.current(), "shared-store-partner"), "the writer sees its write at once");

        // The other instance was not told; it re-checks the store's version at most every VERSION_CHECK_MILLIS.
        // Sleeping longer than that is the wait it documents (a lower bound only: a slow machine cannot fail this).
        Thread.sleep(EstateCache.VERSION_CHECK_MILLIS + 100);
        Estate after = cacheTwo.current();
        assertTrue(hasEndpoint(after, "shared-store-partner"), "the other instance serves the write");
        assertEquals(cacheOne.current().version(), after.version());
        assertTrue(after.version() > before.version());
    }
}
