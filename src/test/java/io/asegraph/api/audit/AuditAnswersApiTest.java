package io.asegraph.api.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.api.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Repeated audit documents are answered from memory ({@link AuditAnswerRoute}): the same bytes as the first answer,
 * never after a write has changed the answer, never to another caller, never for anything but audits or for an answer
 * with errors. Over HTTP on a service of its own (it writes).
 */
@QuarkusTest
@TestProfile(AuditAnswersApiTest.Own.class)
class AuditAnswersApiTest {
    private static final String DB_NSG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg"
            + "/providers/Microsoft.Network/networkSecurityGroups/db-nsg";
    private static final String SHADOWED = "{ shadowedRules(nsg: \"db-nsg\") { nsg rule differentAction } }";

    /** A fresh data directory with the reference topology, for this class alone. */
    public static class Own implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asegraph.store.data-directory", "target/test-data/answers-" + UUID.randomUUID());
        }
    }

    @Inject
    AuditAnswerRoute route;

    private static Response ask(String user, String password, String document) {
        return Gql.as(user, password)
                .contentType(ContentType.JSON)
                .body(Gql.body(document))
                .when()
                .post("/graphql");
    }

    @Test
    void aRepeatIsTheSameAnswerServedFromMemoryUntilAWriteChangesIt() {
        Response first = ask(Gql.USER, Gql.PASSWORD, SHADOWED);
        first.then().statusCode(200).body("data.shadowedRules.rule", not(hasItem("securityRules/redundant-sql")));
        long hits = route.answers().hits();
        Response second = ask(Gql.USER, Gql.PASSWORD, SHADOWED);
        assertEquals(hits + 1, route.answers().hits(), "the repeat is answered from memory");
        assertEquals(first.asString(), second.asString());
        assertEquals(first.contentType(), second.contentType());

        // A rule below allow-sql-from-ase-one (priority 100, the same sources, port and action) is redundant.
        Gql.post(
                "mutation($nsg: String!) { putSecurityRule(nsg: $nsg, rule: {name: \"redundant-sql\", priority: 4000,"
                        + " direction: INBOUND, access: ALLOW, protocol: TCP, sourceAddressPrefixes: [\"10.0.1.0/26\"],"
                        + " sourcePortRanges: [\"*\"], destinationAddressPrefixes: [\"*\"],"
                        + " destinationPortRanges: [\"1433\"]}) { name } }",
                "nsg",
                DB_NSG);
        ask(Gql.USER, Gql.PASSWORD, SHADOWED)
                .then()
                .statusCode(200)
                .body("data.shadowedRules.rule", hasItem("securityRules/redundant-sql"));
    }

    @Test
    void anotherCallerNeverGetsTheAnswerKeptForTheFirst() {
        String doc = "{ environmentsHealth { environment healthy } }";
        ask(Gql.USER, Gql.PASSWORD, doc).then().statusCode(200);
        long hits = route.answers().hits();
        ask(Gql.NOBODY, Gql.NOBODY_PASSWORD, doc).then().statusCode(403);
        ask("tester", "wrong-password", doc).then().statusCode(401);
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Gql.body(doc))
                .post("/graphql")
                .then()
                .statusCode(401);
        assertEquals(hits, route.answers().hits(), "no refused caller reached the kept answer");
        ask(Gql.READER, Gql.READER_PASSWORD, doc).then().statusCode(200);
        assertEquals(hits, route.answers().hits(), "a reader's first request is its own");
    }

    @Test
    void listingsAndAnswersWithErrorsAreNeverKept() {
        long hits = route.answers().hits();
        for (int i = 0; i < 2; i++) {
            ask(Gql.USER, Gql.PASSWORD, "{ environments { name } }").then().statusCode(200);
            ask(Gql.USER, Gql.PASSWORD, "{ environmentHealth(environment: \"no-such-ase\") { healthy } }")
                    .then()
                    .statusCode(200)
                    .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        }
        assertEquals(hits, route.answers().hits());
    }

    @Test
    void theAnswerKeepsTheContentTypeTheClientAskedFor() {
        String doc = "{ exposures { target port } }";
        for (int i = 0; i < 2; i++) {
            Gql.given()
                    .accept("application/json")
                    .contentType(ContentType.JSON)
                    .body(Gql.body(doc))
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .contentType(equalTo("application/json"));
            Gql.given()
                    .contentType(ContentType.JSON)
                    .body(Gql.body(doc))
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .contentType(equalTo("application/graphql-response+json; charset=UTF-8"));
        }
    }
}
