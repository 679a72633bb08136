package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The external store goes away and comes back, the service running throughout: the store is a child process
 * ({@link BoltStoreProcess}) killed with SIGKILL and started again on the same data. While it is gone, writes
 * ({@code POST /import}: 503 with {@code Retry-After}; the {@code importResources} mutation) and store-backed reads
 * ({@code changes}) answer {@code STORE_UNAVAILABLE}, analysis answers from the last snapshot and says so
 * ({@code extensions.snapshot}), readiness is DOWN; once it is back, readiness is UP and writes land, no restart.
 * Shares {@link ExternalStoreTest}'s profile (one Quarkus start for both); it leaves the store running.
 */
@QuarkusTest
@TestProfile(ExternalStoreTest.External.class)
class StoreOutageTest {
    private static final String FLOW =
            "{ flow(from: \"ase-one\", to: \"db-vm-nic\", port: 1433, protocol: TCP) { verdict } }";
    private static final String MUTATION =
            "mutation($d: String!) { importResources(document: $d) { created updated unchanged } }";

    /** A one-endpoint document whose name is this class's own. */
    private static String document(String name) {
        return "[{\"id\": \"/asegraph/endpoints/" + name + "\", \"name\": \"" + name
                + "\", \"type\": \"asegraph/endpoints\", \"location\": \"westus\", \"addresses\": [\"198.51.100.9/32\"]}]";
    }

    private static ValidatableResponse importDocument(String name) {
        return Gql.given().body(document(name)).when().post("/import").then();
    }

    private static int readiness() {
        return RestAssured.get("/q/health/ready").statusCode();
    }

    @Test
    void writesAnswerStoreUnavailableWhileTheStoreIsGoneAndLandAgainOnceItIsBack() throws Exception {
        BoltStoreProcess bolt = BoltStoreProcess.running();
        String verdict = Gql.post(FLOW).extract().path("data.flow.verdict");
        assertTrue(verdict != null, "the flow question answers while the store is up");
        Gql.post(FLOW).body("extensions", nullValue());
        try {
            bolt.kill();

            RestAssured.get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

            importDocument("store-outage-during")
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("STORE_UNAVAILABLE"))
                    .body("message", containsString("not available"));

            Gql.given()
                    .get("/export")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("STORE_UNAVAILABLE"));

            Gql.post(MUTATION, "d", document("store-outage-during-gql"))
                    .body("data.importResources", nullValue())
                    .body("errors[0].extensions.code", equalTo("STORE_UNAVAILABLE"))
                    .body("errors[0].message", containsString("nothing was read or written"));

            Gql.post("{ changes(limit: 1) { version } }")
                    .body("errors[0].extensions.code", equalTo("STORE_UNAVAILABLE"));

            Gql.post(FLOW)
                    .log()
                    .ifValidationFails()
                    .body("data.flow.verdict", equalTo(verdict))
                    .body("extensions.snapshot.storeAvailable", equalTo(false))
                    .body("extensions.snapshot.version", notNullValue())
                    .body("extensions.snapshot.ageSeconds", notNullValue());
        } finally {
            bolt.restart();
        }

        // The driver reconnects by itself; readiness says when (bounded wait, no timing asserted).
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (readiness() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        importDocument("store-outage-after").statusCode(200).body("created", equalTo(1));
        Gql.post("{ endpoints(where: {name: {eq: \"store-outage-after\"}}) { name } }")
                .body("data.endpoints[0].name", equalTo("store-outage-after"));
        Gql.post("{ endpoints(where: {name: {startsWith: \"store-outage-during\"}}) { name } }")
                .body("data.endpoints.size()", equalTo(0));
        Gql.post(FLOW).body("data.flow.verdict", equalTo(verdict)).body("extensions", nullValue());
    }
}
