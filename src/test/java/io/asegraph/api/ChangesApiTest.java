package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code changes}: every committed write through the real HTTP stack is recorded with its principal, operation,
 * counts and the store version it produced — an import by one user, an edit by another, a delete — and nothing for
 * a dry run or a refused write.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class ChangesApiTest {
    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-secret";
    static final String LATEST =
            "{ changes(limit: 1) { principal operation at version documentSha256 created updated unchanged removed } }";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, Object> latest() {
        return Gql.post(LATEST).extract().jsonPath().getMap("data.changes[0]");
    }

    /** The newest change's version, 0 when none is recorded yet. */
    private static long latestVersion() {
        Map<String, Object> c = latest();
        return c == null ? 0 : number(c, "version");
    }

    private static io.restassured.response.ValidatableResponse deleteAs(String user, String password, String id) {
        return Gql.as(user, password)
                .contentType(ContentType.JSON)
                .body(Gql.body(
                        "mutation($id: String!) { deleteResource(id: $id, cascade: true) { deleted } }", "id", id))
                .post("/graphql")
                .then()
                .statusCode(200);
    }

    private static long number(Map<String, Object> change, String field) {
        return ((Number) change.get(field)).longValue();
    }

    private JsonPath importAsOperator(byte[] body, String query) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(importUrl + query))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Authorization", Gql.basic(OPERATOR, OPERATOR_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonPath(r.body());
    }

    @Test
    void anImportAnEditAndADeleteAreRecordedWithTheirPrincipalsCountsAndVersions() throws Exception {
        String p = "chg";
        byte[] document = ImportResourceTest.bytes(TestEstate.estate(p));
        JsonPath imported = importAsOperator(document, "");
        Map<String, Object> c = latest();
        assertEquals(OPERATOR, c.get("principal"));
        assertEquals("POST /import", c.get("operation"));
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)),
                c.get("documentSha256"),
                "the SHA-256 of the body as sent");
        assertEquals(imported.getLong("created"), number(c, "created"));
        assertEquals(imported.getLong("updated"), number(c, "updated"));
        assertEquals(imported.getLong("unchanged"), number(c, "unchanged"));
        long afterImport = number(c, "version");

        Gql.post(
                        ImportApiTest.PUT_RULE,
                        "nsg",
                        TestEstate.nsgId(p),
                        "rule",
                        ImportApiTest.rule("chg-rule", 3001, "8443"))
                .body("errors", equalTo(null));
        Map<String, Object> edit = latest();
        assertEquals(Gql.USER, edit.get("principal"), "the edit was the test user's, not the importer's");
        assertEquals("putSecurityRule chg-rule in " + TestEstate.nsgId(p), edit.get("operation"));
        assertEquals(
                List3.of(0L, 1L, 0L),
                List3.of(number(edit, "created"), number(edit, "updated"), number(edit, "removed")));
        assertEquals(afterImport + 1, number(edit, "version"));
        assertEquals(null, edit.get("documentSha256"));

        deleteAs(OPERATOR, OPERATOR_PASSWORD, TestEstate.aseId(p)).body("errors", equalTo(null));
        Map<String, Object> delete = latest();
        assertEquals(OPERATOR, delete.get("principal"));
        assertEquals("deleteResource " + TestEstate.aseId(p) + " (cascade)", delete.get("operation"));
        assertEquals(afterImport + 2, number(delete, "version"));
        assertEquals(true, number(delete, "removed") >= 1, delete::toString);
    }

    @Test
    void aDryRunAnUnchangedImportAndARefusedWriteRecordNothing() throws Exception {
        String p = "chgdry";
        byte[] document = ImportResourceTest.bytes(TestEstate.estate(p));
        long before = latestVersion();
        importAsOperator(document, "?dryRun=true");
        assertEquals(before, latestVersion(), "a dry run is not recorded");
        importAsOperator(document, "");
        long imported = latestVersion();
        assertEquals(before + 1, imported, "the real import is recorded");
        importAsOperator(document, ""); // the same document again: nothing changes, nothing is written
        deleteAs(Gql.READER, Gql.READER_PASSWORD, TestEstate.aseId(p))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(imported, latestVersion(), "neither the unchanged import nor the refused delete is recorded");
    }

    @Test
    void aReaderMayListChangesAndBadArgumentsAreRefusedWithACode() {
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Gql.body("{ changes(limit: 5) { principal version } }"))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", equalTo(null));
        Gql.post("{ changes(limit: 0) { version } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("limit must be 1 to"));
        Gql.post("{ changes(since: \"yesterday\") { version } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("since must be an ISO 8601 instant"));
        Gql.post("{ changes(since: \"2999-01-01T00:00:00Z\") { version } }")
                .body("data.changes", equalTo(java.util.List.of()));
    }

    /** Three numbers, compared as a list. */
    private record List3(long a, long b, long c) {
        static List3 of(long a, long b, long c) {
            return new List3(a, b, c);
        }
    }
}
