package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.asegraph.graph.GraphStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /import} as curl uses it: a raw body, any Content-Type or none, on the service of the import tests.
 * Requests go through {@link HttpClient} so that nothing but the body and the headers named here is sent.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class ImportResourceTest {
    @TestHTTPResource("/import")
    URL importUrl;

    @Inject
    GraphStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {}

    Answer post(String query, String contentType, byte[] body) throws Exception {
        return post(http, importUrl, query, contentType, body);
    }

    /** POSTs {@code body} to {@code importUrl + query} with only the Content-Type given (none when null). */
    static Answer post(HttpClient http, URL importUrl, String query, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(importUrl + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(java.time.Duration.ofMinutes(5))
                .header("Authorization", Gql.basic(Gql.USER, Gql.PASSWORD));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), TestEstate.read(r.body()));
    }

    static byte[] bytes(JsonNode doc) {
        return TestEstate.text(doc).getBytes(StandardCharsets.UTF_8);
    }

    long nodes() {
        return store.read(
                tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
    }

    @Test
    void postImportTakesARawBodyWithoutContentTypeLikeCurlDataBinary() throws Exception {
        Answer a = post("", null, bytes(TestEstate.estate("curlraw")));
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(ImportApiTest.ESTATE_RESOURCES, a.body().get("created").asInt());
        assertEquals(0, a.body().get("updated").asInt());
        assertEquals(0, a.body().get("unchanged").asInt());
        assertEquals(0, a.body().get("removed").asInt());
        assertTrue(a.body().get("warnings").isArray());
        assertEquals(false, a.body().get("dryRun").asBoolean());
        Gql.post(
                        "query($v: String!) { virtualNetworks(where: {name: {eq: $v}}) { subnets { name } } }",
                        "v",
                        "curlraw-vnet")
                .body("data.virtualNetworks[0].subnets.name", org.hamcrest.Matchers.hasSize(3));
    }

    @ParameterizedTest
    @CsvSource({"application/json, curljson", "text/plain, curltext", "'application/json; charset=utf-8', curlcharset"})
    void postImportAcceptsJsonAndPlainTextBodies(String contentType, String p) throws Exception {
        Answer a = post("", contentType, bytes(TestEstate.estate(p)));
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(ImportApiTest.ESTATE_RESOURCES, a.body().get("created").asInt());
        Answer again = post("", contentType, bytes(TestEstate.estate(p)));
        assertEquals(
                ImportApiTest.ESTATE_RESOURCES, again.body().get("unchanged").asInt());
    }

    @Test
    void postImportWithDryRunWritesNothing() throws Exception {
        long before = nodes();
        Answer a = post("?dryRun=true", "application/json", bytes(TestEstate.estate("curldry")));
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(ImportApiTest.ESTATE_RESOURCES, a.body().get("created").asInt());
        assertTrue(a.body().get("dryRun").asBoolean());
        assertEquals(before, nodes());
    }

    @Test
    void aDocumentWithProblemsIs400WithEveryProblemAndNothingWritten() throws Exception {
        long before = nodes();
        ArrayNode doc = TestEstate.estate("curlbad");
        TestEstate.set(
                doc, "/" + TestEstate.NSG + "/properties/securityRules/0/properties/protocol", "\"Carrier-Pigeon\"");
        TestEstate.set(
                doc, "/" + TestEstate.HUB + "/properties/subnets/0/properties/addressPrefix", "\"10.61.1.0/24\"");
        Answer a = post("", "application/json", bytes(doc));
        assertEquals(400, a.status());
        assertEquals("INVALID_DOCUMENT", a.body().get("code").asText());
        assertThat(a.body().get("message").asText(), containsString("2 problems"));
        Set<String> locations = new HashSet<>();
        a.body().get("problems").forEach(p -> {
            locations.add(p.get("location").asText());
            assertTrue(p.get("line").isInt() && p.get("column").isInt(), p::toString);
            assertTrue(p.has("value") && p.has("message"), p::toString);
        });
        assertEquals(
                Set.of(
                        "$[2].properties.securityRules[0].properties.protocol",
                        "$[1].properties.subnets[0].properties.addressPrefix"),
                locations);
        assertEquals(before, nodes());
    }

    /** Representative validation rules, one edit each, reach the HTTP client at their location (the parser tests cover all). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/2/properties/securityRules/1/properties/priority | 100 | $[2].properties.securityRules[1].properties.priority | already used",
                "/2/properties/securityRules/0/properties/sourceAddressPrefix | \"10.0.0.5/24\" | $[2].properties.securityRules[0].properties.sourceAddressPrefix | invalid",
                "/2/properties/securityRules/0/properties/destinationPortRange | \"80,81\" | $[2].properties.securityRules[0].properties.destinationPortRange | invalid",
                "/0/properties/subnets/0/properties/routeTable/id | \"/subscriptions/x/resourceGroups/g/providers/Microsoft.Network/networkSecurityGroups/none\" | $[0].properties.subnets[0].properties.routeTable.id | must name a route table, but the id is of a network security group",
                "/0/properties/subnets/1/properties/addressPrefix | \"10.50.1.128/25\" | $[0].properties.subnets[1].properties.addressPrefix | overlaps",
                "/3/properties/routes/0/properties/nextHopIpAddress | \"10.60.1\" | $[3].properties.routes[0].properties.nextHopIpAddress | IPv4",
                "/9/properties/addresses/internalIpAddress | \"10.50.2.9\" | $[9].properties.addresses.internalIpAddress | outside its subnet",
                "/1/properties/addressSpace/addressPrefixes/0 | \"10.60.0.0/33\" | $[1].properties.addressSpace.addressPrefixes[0] | invalid"
            })
    void representativeValidationRulesReachTheClientWithTheirLocation(
            String pointer, String value, String location, String fragment) throws Exception {
        ArrayNode doc = TestEstate.estate("curlrule");
        TestEstate.set(doc, pointer.trim(), value.trim());
        Answer a = post("?dryRun=true", "application/json", bytes(doc));
        assertProblemAt(a, location.trim(), fragment.trim());
    }

    /** The answer is a 400 whose problems include one at {@code location} whose message contains {@code fragment}. */
    static void assertProblemAt(Answer a, String location, String fragment) {
        assertEquals(400, a.status(), a.body()::toString);
        List<String> found = new ArrayList<>();
        a.body()
                .get("problems")
                .forEach(p -> found.add(
                        p.get("location").asText() + " : " + p.get("message").asText()));
        assertTrue(
                found.stream().anyMatch(f -> f.startsWith(location + " : ") && f.contains(fragment)),
                () -> "expected " + location + " (" + fragment + ") in " + found);
    }

    @Test
    void aMalformedDryRunFlagIsAnInvalidArgument() throws Exception {
        Answer a = post("?dryRun=maybe", "application/json", bytes(TestEstate.estate("curlflag")));
        assertEquals(400, a.status());
        assertEquals("INVALID_ARGUMENT", a.body().get("code").asText());
    }

    @Test
    void anEmptyBodyIsAnInvalidDocument() throws Exception {
        Answer a = post("", null, new byte[0]);
        assertEquals(400, a.status());
        assertEquals("INVALID_DOCUMENT", a.body().get("code").asText());
        assertThat(a.body().get("problems").get(0).get("message").asText(), containsString("empty"));
    }

    @Test
    void aBodyAboveQuarkusDefaultTenMegabytesIsAccepted(@TempDir Path dir) throws Exception {
        EstateGenerator.generate(EstateSpec.MEDIUM, 7, dir, false);
        byte[] body = Files.readAllBytes(dir.resolve(EstateGenerator.RESOURCES_FILE));
        assertThat(body.length, greaterThan(10 * 1024 * 1024));
        long before = nodes();
        Answer a = post("?dryRun=true", null, body);
        assertEquals(200, a.status(), () -> a.body().toString().substring(0, 500));
        assertThat(a.body().get("created").asInt(), greaterThan(3_000));
        assertEquals(before, nodes());
    }

    @Test
    void aRecordLargerThanTheStoresTransactionMemoryIs413TooLargeWithNothingWritten() throws Exception {
        byte[] body = ImportTestProfile.oversizedRecord();
        long before = nodes();
        Answer a = post("", null, body);
        assertEquals(413, a.status(), () -> a.body().toString());
        assertEquals("TOO_LARGE", a.body().get("code").asText());
        assertThat(a.body().get("message").asText(), containsString("asegraph.store.transaction-memory"));
        assertEquals(before, nodes());
        assertEquals(200, post("?dryRun=true", null, body).status(), "the document itself is valid");
    }

    /**
     * Two clients import conflicting versions of the same NSG over and over; imports are serialised and each is one
     * transaction, so the NSG always ends as exactly one of the two versions, never a mix.
     */
    @Test
    void concurrentImportsOfConflictingVersionsLeaveExactlyOneOfThem() throws Exception {
        String p = "race";
        assertEquals(200, post("", null, bytes(TestEstate.estate(p))).status());
        JsonNode a = TestEstate.only(p, TestEstate.NSG);
        JsonNode b = TestEstate.only(p, TestEstate.NSG);
        ArrayNode rulesA = (ArrayNode) a.at("/properties/securityRules");
        ArrayNode rulesB = (ArrayNode) b.at("/properties/securityRules");
        rulesA.removeAll();
        rulesB.removeAll();
        for (int i = 0; i < 40; i++) {
            rulesA.add(TestEstate.read(
                    """
                    {"name": "a-%d", "properties": {"priority": %d, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                     "sourceAddressPrefix": "10.1.%d.0/24", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "443"}}"""
                            .formatted(i, 100 + i, i)));
        }
        for (int i = 0; i < 25; i++) {
            rulesB.add(TestEstate.read(
                    """
                    {"name": "b-%d", "properties": {"priority": %d, "direction": "Outbound", "access": "Deny", "protocol": "Udp",
                     "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "10.2.%d.0/24",
                     "destinationPortRange": "53"}}"""
                            .formatted(i, 1000 + i, i)));
        }
        byte[] bodyA = bytes(a);
        byte[] bodyB = bytes(b);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (byte[] body : List.of(bodyA, bodyB)) {
                Callable<Integer> loop = () -> {
                    int ok = 0;
                    for (int i = 0; i < 12; i++) {
                        if (post("", "application/json", body).status() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                };
                runs.add(pool.submit(loop));
            }
            for (Future<Integer> f : runs) {
                assertEquals(12, f.get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> names = Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}}) { securityRules { name } } }",
                        "n",
                        p + "-nsg")
                .extract()
                .path("data.networkSecurityGroups[0].securityRules.name");
        Set<String> got = new HashSet<>(names);
        Set<String> versionA = new HashSet<>();
        rulesA.forEach(r -> versionA.add(r.get("name").asText()));
        Set<String> versionB = new HashSet<>();
        rulesB.forEach(r -> versionB.add(r.get("name").asText()));
        assertEquals(names.size(), got.size(), "no rule twice");
        assertTrue(got.equals(versionA) || got.equals(versionB), () -> "a mix of both versions: " + names);
        long ruleNodes = store.read(tx -> tx.run(
                        "MATCH (:NetworkSecurityGroup {key: $k})-[:HAS_RULE]->(r) RETURN count(r) AS c",
                        java.util.Map.of("k", TestEstate.nsgId(p).toLowerCase()))
                .single()
                .get("c")
                .asLong());
        assertEquals(got.size(), ruleNodes, "stray rule nodes");
        assertThat(names, org.hamcrest.Matchers.not(empty()));
    }
}
