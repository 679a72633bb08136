package io.asegraph.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code asegraph.auth.anonymous-read=true}: callers without credentials read every query, and are still refused every
 * mutation (FORBIDDEN) and {@code POST /import} (401: they must sign in to write). Off, the default, is
 * {@link SecurityApiTest}: 401.
 */
@QuarkusTest
@TestProfile(AnonymousReadTest.AnonymousRead.class)
class AnonymousReadTest {
    public static class AnonymousRead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "asegraph.auth.anonymous-read",
                    "true",
                    "%test.asegraph.store.data-directory",
                    "target/test-data/anonymous-" + UUID.randomUUID());
        }
    }

    @Test
    void anAnonymousCallerReadsTheSeededEnvironments() {
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Gql.body("{ environments(where: {name: {eq: \"ase-one\"}}) { name publicVip } }"))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.environments[0].publicVip", equalTo("192.23.1.2"));
    }

    @Test
    void anAnonymousCallerIsRefusedEveryMutationWithForbidden() {
        for (String document : MutationDocuments.all(
                Gql.post(MutationDocuments.INTROSPECTION).extract().jsonPath())) {
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body(Gql.body(document))
                    .post("/graphql")
                    .then()
                    .statusCode(200)
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("data", nullValue());
        }
    }

    @Test
    void anAnonymousImportIs401AndAWrongPasswordStill401() {
        RestAssured.given()
                .body("[]")
                .post("/import")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        Gql.as(Gql.USER, "wrong")
                .contentType(ContentType.JSON)
                .body(Gql.body("{ environments { name } }"))
                .post("/graphql")
                .then()
                .statusCode(401);
    }
}
