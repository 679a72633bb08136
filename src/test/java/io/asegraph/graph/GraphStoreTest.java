package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store and the seed, without the rest of the service. */
class GraphStoreTest {
    static final Path SEED = Path.of("graph-seed");

    @TempDir
    Path data;

    private static long count(GraphStore s, String cypher) {
        return s.read(tx -> tx.run(cypher).single().get(0).asLong());
    }

    @Test
    void seedsOnceAndKeepsDataAcrossARestartOnTheSameDirectory() {
        GraphStore first = TestStores.embedded(data, SEED, true);
        first.start();
        try {
            assertEquals(2, count(first, "MATCH (a:AppServiceEnvironment) RETURN count(a)"));
            first.write(tx -> tx.run("MATCH (v:VirtualNetwork {name: 'ase-vnet'}) SET v.marker = 'kept'")
                    .consume());
        } finally {
            first.stop();
        }
        GraphStore second = TestStores.embedded(data, SEED, true);
        second.start();
        try {
            assertEquals(2, count(second, "MATCH (a:AppServiceEnvironment) RETURN count(a)"), "seeded twice");
            assertEquals(
                    1,
                    count(second, "MATCH (v:VirtualNetwork {marker: 'kept'}) RETURN count(v)"),
                    "data lost on restart");
            assertTrue(second.isEmbedded());
            assertTrue(second.description().contains("127.0.0.1"), second.description());
        } finally {
            second.stop();
        }
    }

    @Test
    void aBrokenStatementFailsStartupNamingTheFileAndLeavesNothingHalfWritten(@TempDir Path seeds) throws IOException {
        Files.copy(SEED.resolve("001-schema.cypher"), seeds.resolve("001-schema.cypher"));
        Files.writeString(seeds.resolve("010-good.cypher"), "CREATE (:VirtualNetwork {id: 'x', key: 'x', name: 'x'});");
        Files.writeString(
                seeds.resolve("020-broken.cypher"),
                "CREATE (:Subnet {id: 'y', key: 'y'});\nCREATE (n:Subnet {id: oops');");
        GraphStore store = TestStores.embedded(data, seeds, true);
        SeedException e = assertThrows(SeedException.class, store::start);
        assertTrue(e.getMessage().contains("020-broken.cypher"), e.getMessage());
        assertTrue(e.getMessage().contains("statement 2"), e.getMessage());
        store.stop();
        GraphStore again = TestStores.embedded(data, seeds, false);
        again.start();
        try {
            assertEquals(
                    0,
                    count(again, "MATCH (n) WHERE NOT n:AsegraphMeta RETURN count(n)"),
                    "a failed seed must write nothing");
        } finally {
            again.stop();
        }
    }

    @Test
    void seedingOffLeavesAnEmptyStoreButCreatesTheSchema() {
        GraphStore store = TestStores.embedded(data, SEED, false);
        store.start();
        try {
            assertEquals(0, count(store, "MATCH (n) RETURN count(n)"));
            assertTrue(count(store, "SHOW CONSTRAINTS YIELD name WHERE name = 'nsg_key' RETURN count(*)") == 1);
        } finally {
            store.stop();
        }
    }
}
