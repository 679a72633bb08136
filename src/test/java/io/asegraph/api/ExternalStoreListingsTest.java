package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.graph.GraphStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Listings from the snapshot on an external store that other instances write too: a write this service did not make
 * (a node created and the store version raised in one transaction, as another instance's import does) is listed
 * within the version check's second, never served stale for longer.
 */
@QuarkusTest
@TestProfile(ExternalStoreTest.External.class)
class ExternalStoreListingsTest {
    @Inject
    GraphStore store;

    private static List<String> nsgNames() {
        return Gql.post("{ networkSecurityGroups(limit: 500) { name } }")
                .extract()
                .path("data.networkSecurityGroups.name");
    }

    @Test
    void anotherInstancesWriteIsListedWithinTheVersionCheck() throws InterruptedException {
        String name = "other-instance-nsg-" + System.nanoTime();
        assertFalse(nsgNames().contains(name));
        String id = "/subscriptions/44444444-0000-0000-0000-000000000000/resourceGroups/other/providers/"
                + "Microsoft.Network/networkSecurityGroups/" + name;
        store.write(tx -> tx.run(
                        "CREATE (n:NetworkSecurityGroup {key: toLower($id), id: $id, name: $name, nameKey: toLower($name),"
                                + " location: 'westus'}) WITH n MERGE (m:AsegraphMeta {key: 'meta'})"
                                + " SET m.version = coalesce(m.version, 0) + 1",
                        Map.of("id", id, "name", name))
                .consume());
        long until = System.currentTimeMillis() + 5_000;
        boolean listed = false;
        while (!listed && System.currentTimeMillis() < until) {
            listed = nsgNames().contains(name);
            if (!listed) {
                Thread.sleep(100);
            }
        }
        assertTrue(listed, name + " listed within 5 s of another instance's write");
    }
}
