package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing through the real HTTP stack: a seeded generator of mutated import documents (keys dropped, values of the
 * wrong JSON type, bad prefixes, addresses and ports, dangling and malformed ids, truncated JSON) sent to
 * {@code POST /import?dryRun=true} and to {@code importResources(dryRun: true)}, and of malformed GraphQL documents sent
 * to {@code /graphql}. Every answer is a 2xx with data or a coded error ({@code extensions.code} on every GraphQL error,
 * {@code code} on an HTTP one), or a 4xx: never a 5xx. Dry runs write nothing (the store version is the same after
 * them). Mutated imports that are not dry runs land whole or are refused whole, the store unchanged. The seed is
 * {@code -Dasegraph.fuzz.seed} (default {@value #DEFAULT_SEED}) and the case count {@code -Dasegraph.fuzz.cases}; every
 * failure names the seed and the case, so {@code mvn test -Dtest=FuzzApiTest -Dasegraph.fuzz.seed=N} repeats it.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class FuzzApiTest {
    static final long DEFAULT_SEED = 18;
    private static final long SEED = Long.getLong("asegraph.fuzz.seed", DEFAULT_SEED);
    private static final int CASES = Integer.getInteger("asegraph.fuzz.cases", 1500);
    private static final String IMPORT = ImportApiTest.IMPORT;

    @TestHTTPResource("/import")
    URL importUrl;

    @TestHTTPResource("/graphql")
    URL graphqlUrl;

    @Inject
    GraphStore store;

    private final HttpClient http = HttpClient.newBuilder().build();

    record Answer(int status, String body) {}

    private Answer send(URL url, String query, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", Gql.basic(Gql.USER, Gql.PASSWORD));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private long version() {
        return store.read(tx -> tx.run("OPTIONAL MATCH (m:AsegraphMeta) RETURN coalesce(m.version, 0) AS v")
                .single()
                .get("v")
                .asLong());
    }

    private static String where(String what, int i) {
        return what + " case " + i + " (seed " + SEED + "; repeat with -Dasegraph.fuzz.seed=" + SEED + ")";
    }

    /** A 2xx or a 4xx, never a 5xx; an HTTP error names its code; a GraphQL answer has data or coded errors. */
    static void assertAnswered(Answer a, boolean graphql, String where) {
        assertTrue(a.status() < 500, () -> where + ": HTTP " + a.status() + " " + shorten(a.body()));
        JsonNode body;
        try {
            body = TestEstate.MAPPER.readTree(a.body());
        } catch (Exception e) {
            body = null;
        }
        if (graphql && a.status() / 100 == 2) {
            JsonNode b = body;
            assertTrue(b != null && b.isObject(), () -> where + ": no JSON body: " + shorten(a.body()));
            boolean data = b.path("data").isObject()
                    && b.path("data").properties().stream()
                            .anyMatch(e -> !e.getValue().isNull());
            for (JsonNode e : b.path("errors")) {
                assertTrue(
                        e.path("extensions").path("code").isTextual(),
                        () -> where + ": an error without extensions.code: " + shorten(e.toString()));
            }
            assertTrue(data || b.path("errors").size() > 0, () -> where + ": neither data nor errors");
        } else if (!graphql && a.status() / 100 == 4 && a.status() != 401) {
            JsonNode b = body;
            assertTrue(
                    b != null && b.path("code").isTextual(),
                    () -> where + ": a 4xx without code: " + a.status() + " " + shorten(a.body()));
        } else if (!graphql) {
            JsonNode b = body;
            assertTrue(
                    b != null && b.path("created").isNumber(),
                    () -> where + ": a 2xx without the import's counts: " + shorten(a.body()));
        }
    }

    private static String shorten(String s) {
        return s == null || s.length() < 600 ? String.valueOf(s) : s.substring(0, 600) + "…";
    }

    @Test
    void mutatedImportDocumentsNeverGet5xxAndDryRunsWriteNothing() throws Exception {
        Mutator m = new Mutator(new Random(SEED));
        List<JsonNode> bases = List.of(
                TestEstate.estate("fuzz18"),
                TestEstate.MAPPER.readTree(Files.readString(Path.of("graph-seed/reference-topology.az.json"))));
        long before = version();
        int graphqlCases = CASES / 3;
        for (int i = 0; i < CASES; i++) {
            String doc = m.mutate(bases.get(i % bases.size()));
            Answer http = send(importUrl, "?dryRun=true", "application/json", doc.getBytes(StandardCharsets.UTF_8));
            assertAnswered(http, false, where("POST /import?dryRun=true", i));
            if (i < graphqlCases) {
                Answer gql = send(
                        graphqlUrl,
                        "",
                        "application/json",
                        TestEstate.MAPPER.writeValueAsBytes(Gql.body(IMPORT, "d", doc, "dry", true)));
                assertAnswered(gql, true, where("importResources(dryRun: true)", i));
            }
            if (i % 250 == 249) {
                int at = i;
                assertEquals(before, version(), () -> where("dry runs wrote: after", at));
            }
        }
        assertEquals(before, version(), "the dry runs wrote nothing (seed " + SEED + ")");
    }

    @Test
    void mutatedImportsLandWholeOrAreRefusedWhole() throws Exception {
        Mutator m = new Mutator(new Random(SEED + 1));
        int landed = 0;
        int refused = 0;
        for (int i = 0; i < 24; i++) {
            String p = "fuzzw" + i;
            String doc = m.mutate(TestEstate.estate(p));
            long before = version();
            Answer a = send(importUrl, "", "application/json", doc.getBytes(StandardCharsets.UTF_8));
            String where = where("POST /import", i);
            assertAnswered(a, false, where);
            long mine = store.read(tx -> tx.run(
                            "MATCH (n) WHERE toLower(n.id) CONTAINS $rg AND NOT n:ResourceVersion RETURN count(n) AS c",
                            Map.of("rg", "/resourcegroups/" + p + "-rg/"))
                    .single()
                    .get("c")
                    .asLong());
            if (a.status() == 200) {
                landed++;
                assertEquals(before + 1, version(), where + ": one write");
                assertTrue(mine > 0, where + ": landed");
            } else {
                refused++;
                assertEquals(before, version(), where + ": refused, nothing written");
                assertEquals(0, mine, where + ": refused, nothing of it in the store");
            }
        }
        assertTrue(landed > 0 && refused > 0, "both outcomes seen: " + landed + " landed, " + refused + " refused");
    }

    @Test
    void malformedGraphqlDocumentsNeverGet5xx() throws Exception {
        Random r = new Random(SEED + 2);
        List<String> valid = List.of(
                "{ virtualNetworks { id name subnets { name addressPrefixes } } }",
                "query($id: String!) { networkSecurityGroup(id: $id) { name securityRules { name priority } } }",
                "{ flow(from: \"app1\", to: \"db-vm-nic\", port: 1433, protocol: TCP) { verdict } }",
                "{ changes(limit: 3) { version principal } }",
                IMPORT,
                "mutation { putSecurityRule(nsg: \"x\", rule: {name: \"a\", priority: 100}) { name } }");
        for (int i = 0; i < CASES; i++) {
            String q = malformed(r, valid.get(r.nextInt(valid.size())));
            byte[] body;
            switch (r.nextInt(6)) {
                case 0 -> body = q.getBytes(StandardCharsets.UTF_8); // not JSON at all
                case 1 -> body = ("{\"query\": " + r.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
                case 2 -> body = ("{\"query\": " + TestEstate.MAPPER.writeValueAsString(q) + ", \"variables\": "
                                + List.of("[]", "1", "\"x\"", "{\"id\": 5}", "{\"d\": {}}", "{")
                                        .get(r.nextInt(6)) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                default -> body = TestEstate.MAPPER.writeValueAsBytes(Gql.body(q, "id", "x", "d", "[]"));
            }
            Answer a = send(graphqlUrl, "", "application/json", body);
            assertAnswered(a, true, where("/graphql", i));
        }
    }

    private static final String PUNCTUATION = "{}()[]:$!@\"\\#,=.&|";

    /** A broken version of a GraphQL document: cut, characters dropped or inserted, nesting, repetition. */
    static String malformed(Random r, String q) {
        StringBuilder s = new StringBuilder(q);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : r.nextInt(s.length());
            switch (r.nextInt(7)) {
                case 0 -> s.setLength(at);
                case 1 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
                case 2 -> s.insert(at, PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length())));
                case 3 -> s.insert(at, "{ a ".repeat(1 + r.nextInt(200)));
                case 4 -> s.insert(at, " x" + r.nextInt(1000) + ": __typename");
                case 5 -> s.insert(at, (char) r.nextInt(0x3000));
                default -> s.insert(at, " ...on " + "Query".repeat(1 + r.nextInt(3)) + " { __typename } ");
            }
        }
        return s.toString();
    }

    /** Seeded mutations of an import document (as a JSON tree or, at the end, as its text). */
    static final class Mutator {
        private static final List<String> BAD_PREFIXES = List.of(
                "10.0.0.0/33",
                "300.1.1.1",
                "10.0.0.1/-1",
                "10.0.0.0/8/8",
                "::zz",
                "",
                " ",
                "10.0.0.256/24",
                "1.2.3",
                "2001:db8::/129",
                "Internet2",
                "VirtualNetwork.WestUS.Nowhere");
        private static final List<String> BAD_PORTS =
                List.of("70000", "-1", "80-", "a-b", "65536", "0", "443-80", "*-*", "1,2", "");
        private static final List<String> BAD_IDS = List.of(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/nowhere/providers/Microsoft.Network/"
                        + "networkSecurityGroups/missing",
                "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/v/subnets/missing",
                "not-an-id",
                "/",
                "",
                "/subscriptions//resourceGroups//providers");
        private final Random r;

        Mutator(Random r) {
            this.r = r;
        }

        String mutate(JsonNode base) throws Exception {
            JsonNode doc = base.deepCopy();
            int edits = 1 + r.nextInt(3);
            for (int e = 0; e < edits; e++) {
                doc = edit(doc);
            }
            String text = TestEstate.MAPPER.writeValueAsString(doc);
            if (r.nextInt(8) == 0) {
                return text.substring(0, r.nextInt(Math.max(1, text.length()))); // truncated JSON
            }
            return text;
        }

        private JsonNode edit(JsonNode doc) {
            List<Slot> slots = new ArrayList<>();
            collect(doc, slots);
            if (slots.isEmpty()) {
                return doc;
            }
            Slot s = slots.get(r.nextInt(slots.size()));
            String key = s.key == null ? "" : s.key.toLowerCase(java.util.Locale.ROOT);
            JsonNode v = s.value();
            switch (r.nextInt(5)) {
                case 0 -> s.remove(); // a dropped key or element
                case 1 -> s.set(wrongType(v)); // the wrong JSON type
                case 2 -> {
                    if (key.contains("prefix") || key.contains("address") || key.contains("ip")) {
                        s.set(text(BAD_PREFIXES));
                    } else if (key.contains("port")) {
                        s.set(text(BAD_PORTS));
                    } else if (key.equals("priority")) {
                        s.set(JsonNodeFactory.instance.numberNode(List.of(-1, 0, 99, 4097, 65536, Integer.MAX_VALUE)
                                .get(r.nextInt(6))));
                    } else {
                        s.set(text(BAD_PREFIXES));
                    }
                }
                case 3 -> s.set(text(BAD_IDS)); // a dangling or malformed id
                default -> {
                    // a random other value of the document moved here
                    Slot other = slots.get(r.nextInt(slots.size()));
                    s.set(other.value().deepCopy());
                }
            }
            return doc;
        }

        private JsonNode text(List<String> choices) {
            return JsonNodeFactory.instance.textNode(choices.get(r.nextInt(choices.size())));
        }

        private JsonNode wrongType(JsonNode v) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            List<JsonNode> options = new ArrayList<>(List.of(
                    f.nullNode(),
                    f.booleanNode(r.nextBoolean()),
                    f.numberNode(r.nextInt(70000) - 100),
                    f.numberNode(r.nextDouble() * 1e12),
                    f.textNode("x".repeat(r.nextInt(40))),
                    f.arrayNode().add(f.textNode("10.0.0.0/24")),
                    f.objectNode().put("id", "x")));
            options.removeIf(o -> o.getNodeType() == v.getNodeType());
            return options.get(r.nextInt(options.size()));
        }

        /** A place in the tree: an object member or an array element. */
        record Slot(JsonNode parent, String key, int index) {
            JsonNode value() {
                return key != null ? parent.get(key) : parent.get(index);
            }

            void remove() {
                if (key != null) {
                    ((ObjectNode) parent).remove(key);
                } else {
                    ((ArrayNode) parent).remove(index);
                }
            }

            void set(JsonNode v) {
                if (key != null) {
                    ((ObjectNode) parent).set(key, v);
                } else {
                    ((ArrayNode) parent).set(index, v);
                }
            }
        }

        private static void collect(JsonNode n, List<Slot> out) {
            if (n.isObject()) {
                for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
                    String k = names.next();
                    out.add(new Slot(n, k, -1));
                    collect(n.get(k), out);
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    out.add(new Slot(n, null, i));
                    collect(n.get(i), out);
                }
            }
        }
    }
}
