package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What changed, through GraphQL and HTTP: three writes are three versions ({@code estateVersions}) and their diff names
 * every changed resource field by field ({@code estateDiff}); a dry run answers the drift resource by resource and
 * writes nothing, over GraphQL and {@code POST /import?dryRun=true&diff=true}; a resource listed without properties is
 * in no diff; bad version arguments are refused with INVALID_ARGUMENT naming the argument and the retained range.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class HistoryApiTest {
    static final String IMPORT =
            """
            mutation($d: String!, $dry: Boolean) { importResources(document: $d, dryRun: $dry) {
              created updated unchanged removed dryRun changes { id name type change details } } }""";
    static final String DIFF =
            "query($from: Int!, $to: Int) { estateDiff(from: $from, to: $to) { from to resources { id name type change"
                    + " details } } }";

    @TestHTTPResource("/import")
    URL importUrl;

    private static long currentVersion() {
        List<Map<String, Object>> v = Gql.post("{ estateVersions(limit: 1) { version } }")
                .extract()
                .jsonPath()
                .getList("data.estateVersions");
        return v.isEmpty() ? 0 : ((Number) v.get(0).get("version")).longValue();
    }

    private static JsonPath importDocument(String document, boolean dry) {
        return Gql.post(IMPORT, "d", document, "dry", dry)
                .body("errors", equalTo(null))
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> named(List<Map<String, Object>> changes, String name) {
        return changes.stream()
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among " + changes));
    }

    @SuppressWarnings("unchecked")
    private static List<String> details(List<Map<String, Object>> changes, String name) {
        return (List<String>) named(changes, name).get("details");
    }

    @Test
    void threeWritesAreThreeVersionsAndTheirDiffNamesEveryChangedFieldByField() {
        String p = "hist";
        importDocument(TestEstate.text(TestEstate.estate(p)), false);
        long first = currentVersion();
        Gql.post(
                        ImportApiTest.PUT_RULE,
                        "nsg",
                        TestEstate.nsgId(p),
                        "rule",
                        ImportApiTest.rule("allow-https", 100, "8443"))
                .body("errors", equalTo(null));
        Gql.post(
                        "mutation($t: String!) { removeRoute(routeTable: $t, name: \"default-internet\") { name } }",
                        "t",
                        TestEstate.routeTableId(p))
                .body("errors", equalTo(null));
        long third = currentVersion();
        assertEquals(first + 2, third, "each write is one version");

        List<Map<String, Object>> versions = Gql.post(
                        "{ estateVersions(limit: 3) { version principal operation created updated removed diffable } }")
                .body("errors", equalTo(null))
                .extract()
                .jsonPath()
                .getList("data.estateVersions");
        assertEquals(
                List.of(third, first + 1, first),
                versions.stream()
                        .map(v -> ((Number) v.get("version")).longValue())
                        .toList());
        assertEquals(
                "removeRoute default-internet in " + TestEstate.routeTableId(p),
                versions.get(0).get("operation"));
        assertEquals(
                "putSecurityRule allow-https in " + TestEstate.nsgId(p),
                versions.get(1).get("operation"));
        assertEquals("importResources", versions.get(2).get("operation"));
        versions.forEach(v -> assertEquals(Gql.USER, v.get("principal")));
        versions.forEach(v -> assertEquals(true, v.get("diffable")));
        assertEquals(1, ((Number) versions.get(0).get("updated")).intValue());
        assertTrue(((Number) versions.get(2).get("created")).intValue() >= 15, versions.get(2)::toString);

        List<Map<String, Object>> changed = Gql.post(DIFF, "from", (int) first, "to", (int) third)
                .body("errors", equalTo(null))
                .body("data.estateDiff.from", equalTo((int) first))
                .body("data.estateDiff.to", equalTo((int) third))
                .extract()
                .jsonPath()
                .getList("data.estateDiff.resources");
        assertEquals(
                List.of(p + "-nsg", p + "-rt"),
                changed.stream().map(c -> c.get("name")).toList());
        assertEquals("NETWORK_SECURITY_GROUP", named(changed, p + "-nsg").get("type"));
        assertEquals("UPDATED", named(changed, p + "-nsg").get("change"));
        assertTrue(
                details(changed, p + "-nsg").contains("rule allow-https destinationPortRanges 443 → 8443"),
                changed::toString);
        assertEquals(List.of("route default-internet removed"), details(changed, p + "-rt"));

        // From before the import: everything of it is created, with the state at the third version.
        List<Map<String, Object>> all = Gql.post(DIFF, "from", (int) first - 1)
                .body("data.estateDiff.to", equalTo((int) third))
                .extract()
                .jsonPath()
                .getList("data.estateDiff.resources");
        all.forEach(c -> assertEquals("CREATED", c.get("change"), c::toString));
        assertTrue(details(all, p + "-rt").contains("route to-firewall added"), all::toString);
        assertFalse(details(all, p + "-rt").contains("route default-internet added"), all::toString);
    }

    @Test
    void aDryRunAnswersTheDriftResourceByResourceAndWritesNothing() throws Exception {
        String p = "histdry";
        ArrayNode doc = TestEstate.estate(p);
        importDocument(TestEstate.text(doc), false);
        long version = currentVersion();

        ObjectNode vnet = (ObjectNode) doc.get(0);
        ((ArrayNode) vnet.at("/properties/addressSpace/addressPrefixes")).add("10.51.0.0/16");
        ObjectNode hub = (ObjectNode) doc.get(1);
        ((ObjectNode) hub.get("properties")).set("subnets", TestEstate.read("[]"));
        ObjectNode https = (ObjectNode) doc.get(2).at("/properties/securityRules/0/properties");
        https.put("priority", 110);
        // The route table listed without properties (as az resource list prints it): unchanged, not "routes removed".
        ObjectNode rt = (ObjectNode) doc.get(3);
        doc.set(
                3,
                TestEstate.read("{\"id\": \"" + rt.get("id").asText() + "\", \"name\": \""
                        + rt.get("name").asText() + "\", \"type\": \"Microsoft.Network/routeTables\"}"));
        String drift = TestEstate.text(doc);

        JsonPath dry = importDocument(drift, true);
        List<Map<String, Object>> changes = dry.getList("data.importResources.changes");
        assertEquals(
                List.of(p + "-vnet", p + "-hub-subnet", p + "-nsg"),
                changes.stream().map(c -> c.get("name")).toList(),
                changes::toString);
        assertEquals(
                List.of("addressPrefixes 10.50.0.0/16 → 10.50.0.0/16, 10.51.0.0/16"), details(changes, p + "-vnet"));
        assertEquals("REMOVED", named(changes, p + "-hub-subnet").get("change"));
        assertEquals("SUBNET", named(changes, p + "-hub-subnet").get("type"));
        assertEquals(List.of("rule allow-https priority 100 → 110"), details(changes, p + "-nsg"));
        assertEquals(version, currentVersion(), "a dry run writes nothing");

        HttpResponse<String> rest = post(drift, "?dryRun=true&diff=true");
        assertEquals(200, rest.statusCode(), rest.body());
        assertEquals(changes, new JsonPath(rest.body()).getList("changes"), "HTTP answers what GraphQL answers");
        HttpResponse<String> counts = post(drift, "?dryRun=true");
        assertFalse(counts.body().contains("\"changes\""), "without diff=true the HTTP answer is the counts");
        HttpResponse<String> refused = post(drift, "?diff=true");
        assertEquals(400, refused.statusCode());
        assertEquals("INVALID_ARGUMENT", new JsonPath(refused.body()).getString("code"));
        assertEquals(version, currentVersion(), "diff without dryRun writes nothing");

        JsonPath real = importDocument(drift, false);
        assertEquals(
                (Object) null, real.get("data.importResources.changes"), "an import that writes answers its counts");
        List<Map<String, Object>> recorded =
                Gql.post(DIFF, "from", (int) version).extract().jsonPath().getList("data.estateDiff.resources");
        assertEquals(changes, recorded, "the version the import made holds what its dry run announced");
    }

    private HttpResponse<String> post(String document, String query) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(importUrl + query))
                                .POST(HttpRequest.BodyPublishers.ofString(document))
                                .header("Authorization", Gql.basic(Gql.USER, Gql.PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void versionArgumentsOutsideTheRetainedHistoryAreRefusedNamingTheArgumentAndTheRange() {
        long current = currentVersion();
        Gql.post(DIFF, "from", 0, "to", (int) current + 5)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("to " + (current + 5) + " is beyond the current version"))
                .body("errors[0].message", containsString("the retained history spans versions"));
        Gql.post(DIFF, "from", (int) current, "to", (int) current - 1)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("from " + current + " is after to " + (current - 1)));
        Gql.post(DIFF, "from", -1)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("from -1 is older than the retained history"));
        Gql.post("{ estateVersions(limit: 0) { version } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("limit must be 1 to"));
        Gql.post(DIFF, "from", (int) current).body("data.estateDiff.resources", equalTo(List.of()));
    }
}
