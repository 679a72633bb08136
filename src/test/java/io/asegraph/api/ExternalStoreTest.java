package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The same service in external mode: {@code asegraph.store.uri} points at a separate Neo4j process over bolt ({@link BoltStoreProcess}), no
 * embedded store starts, the seed goes into the external store, and the answers are the same as embedded.
 */
@QuarkusTest
@TestProfile(ExternalStoreTest.External.class)
class ExternalStoreTest {
    public static class External implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(BoltStoreProcess.class));
        }
    }

    @Test
    void readinessNamesTheExternalStore() {
        RestAssured.get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks[0].data.store", containsString("external Neo4j at bolt://"));
    }

    @Test
    void listsTheSeededTopologyFromTheExternalStore() {
        Gql.post("{ environments { name publicVip subnet { addressPrefix } } }")
                .body("data.environments.name", contains("ase-one", "ase-two"))
                .body("data.environments[0].subnet.addressPrefix", equalTo("10.0.1.0/26"));
    }

    @Test
    void answersTheSameCallSourceAsEmbedded() {
        Gql.post(
                        "query($f: String!, $t: String!) { callSource(from: $f, to: $t) { kind address addressRange } }",
                        "f",
                        "app1",
                        "t",
                        "orders-api.ase-two.p.azurewebsites.net")
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.address", equalTo("192.23.1.2"));
        Gql.post(
                        "query($f: String!, $t: String!) { callSource(from: $f, to: $t) { kind addressRange } }",
                        "f",
                        "ase-one",
                        "t",
                        "db-vm-nic")
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.addressRange", equalTo("10.0.1.0/26"));
    }
}
