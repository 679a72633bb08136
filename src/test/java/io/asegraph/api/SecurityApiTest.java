package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authentication and roles on the default test service (users from {@code src/test/resources/test-users.properties},
 * anonymous reads off): 401 with {@code WWW-Authenticate} without or with wrong credentials, on {@code /graphql} and
 * {@code /import}; a reader refused every mutation (taken from the schema, so a new one cannot escape) and
 * {@code POST /import} with FORBIDDEN, nothing written; the health checks open.
 */
@QuarkusTest
class SecurityApiTest {
    static final String NSG =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/networkSecurityGroups/ase-two-nsg";
    private static final String ENVIRONMENTS = "{ environments { name } }";

    private static io.restassured.response.ValidatableResponse postGraphql(
            io.restassured.specification.RequestSpecification request, String document) {
        return request.contentType(ContentType.JSON)
                .body(Gql.body(document))
                .when()
                .post("/graphql")
                .then();
    }

    @Test
    void graphqlWithoutCredentialsIs401WithAChallenge() {
        postGraphql(io.restassured.RestAssured.given(), ENVIRONMENTS)
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void graphqlWithAWrongPasswordIs401WithAChallenge() {
        postGraphql(Gql.as(Gql.USER, "not-the-password"), ENVIRONMENTS)
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        postGraphql(Gql.as("no-such-user", "x"), ENVIRONMENTS).statusCode(401);
    }

    @Test
    void importWithoutOrWithWrongCredentialsIs401WithAChallenge() {
        io.restassured.RestAssured.given()
                .body("[]")
                .post("/import")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        Gql.as(Gql.USER, "wrong")
                .body("[]")
                .post("/import")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void theBrowserIsAskedForBasicCredentialsOnTheGraphqlUi() {
        io.restassured.RestAssured.given()
                .get("/q/graphql-ui/")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsStringIgnoringCase("basic realm=\"asegraph\""));
        Gql.as(Gql.READER, Gql.READER_PASSWORD).get("/q/graphql-ui/").then().statusCode(200);
    }

    @Test
    void healthStaysOpen() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aReaderReadsEveryQueryFieldAndAUserWithoutARoleGets403() {
        postGraphql(Gql.as(Gql.READER, Gql.READER_PASSWORD), ENVIRONMENTS)
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.environments.name", org.hamcrest.Matchers.hasItem("ase-one"));
        postGraphql(Gql.as(Gql.NOBODY, Gql.NOBODY_PASSWORD), ENVIRONMENTS).statusCode(403);
    }

    @Test
    void aReaderIsRefusedEveryMutationOfTheSchemaWithForbidden() {
        List<String> documents = MutationDocuments.all(Gql.post(MutationDocuments.INTROSPECTION)
                .body("errors", nullValue())
                .extract()
                .jsonPath());
        assertFalse(documents.isEmpty());
        List<String> notRefused = new ArrayList<>();
        for (String document : documents) {
            JsonPath answer = postGraphql(Gql.as(Gql.READER, Gql.READER_PASSWORD), document)
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!"FORBIDDEN".equals(answer.getString("errors[0].extensions.code"))) {
                notRefused.add(document + " -> " + answer.prettify());
            }
        }
        assertEquals(List.of(), notRefused);
    }

    @Test
    void aReadersCascadingDeleteIsRefusedAndDeletesNothing() {
        postGraphql(
                        Gql.as(Gql.READER, Gql.READER_PASSWORD),
                        "mutation { deleteResource(id: \"" + NSG + "\", cascade: true) { deleted } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("writer"))
                .body("data", nullValue());
        Gql.post("{ networkSecurityGroups(where: {name: {eq: \"ase-two-nsg\"}}) { name } }")
                .body("data.networkSecurityGroups", hasSize(1));
    }

    @Test
    void aWriterMayCallAMutation() {
        Gql.post("mutation { importResources(document: \"[]\", dryRun: true) { created dryRun } }")
                .body("errors", nullValue())
                .body("data.importResources.dryRun", equalTo(true));
    }

    @Test
    void aReaderIsRefusedPostImportWith403AndNothingIsWritten() {
        String doc = TestEstate.text(TestEstate.estate("sec-reader"));
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .body(doc)
                .post("/import")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Gql.post("{ environments(where: {name: {startsWith: \"sec-reader\"}}) { name } }")
                .body("errors", nullValue())
                .body("data.environments", hasSize(0));
        Gql.post("{ virtualNetworks(where: {name: {startsWith: \"sec-reader\"}}) { name } }")
                .body("data.virtualNetworks", hasSize(0));
    }

    @Test
    void aWriterMayPostImport() {
        Map<String, Object> answer = Gql.given()
                .body("[]")
                .post("/import?dryRun=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertTrue(Boolean.TRUE.equals(answer.get("dryRun")), answer::toString);
    }
}
