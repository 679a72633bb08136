package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.api.listing.ListingRoute;
import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.ReadConfig.Listings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings served from the in-memory snapshot ({@code asegraph.read.listings=snapshot}) against the same listings run
 * in Cypher ({@code store}) on one service holding the small generated estate (bench generator, seed 42) and the
 * reference topology: every {@code …Connection} and plain list of the schema, each with every field of its node two
 * levels deep (so the relationship fields dashboards use — an NSG's rules and what it is applied to, a subnet's VNet,
 * NSG and route table, an ASE's apps and subnet, a VNet's subnets and peerings — with their own fields), under several
 * sorts and pages, each posted over HTTP once per mode and compared byte for byte. Each is asked a third time with the
 * direct listing writer off ({@link ListingRoute}): graphql-java's own execution of the document, the same bytes again
 * (same rows, same order, same cursors) — the writer's answers are checked against graphql-java's, not against
 * expectations of its own.
 */
@QuarkusTest
@TestProfile(ListingSnapshotProfile.class)
class ListingSnapshotVsStoreTest {
    private static final String MISSING_NSG = "snapcmp-never-imported-nsg";
    private static final String NET =
            "/subscriptions/33333333-0000-0000-0000-000000000000/resourceGroups/snapcmp-rg/providers/Microsoft.Network";
    /** A VNet whose subnet names an NSG that is not imported: the NSG becomes a placeholder (label Unresolved). */
    private static final String PLACEHOLDER_DOC =
            """
            [{"id": "NET/virtualNetworks/snapcmp-vnet", "name": "snapcmp-vnet", "type": "Microsoft.Network/virtualNetworks",
              "location": "westus", "properties": {"addressSpace": {"addressPrefixes": ["10.250.0.0/16"]},
              "subnets": [{"name": "snapcmp-subnet", "id": "NET/virtualNetworks/snapcmp-vnet/subnets/snapcmp-subnet",
                "properties": {"addressPrefix": "10.250.1.0/24",
                  "networkSecurityGroup": {"id": "NET/networkSecurityGroups/MISSING"}}}]}}]"""
                    .replace("NET", NET)
                    .replace("MISSING", MISSING_NSG);

    private static final String IMPORT =
            "mutation($d: String!) { importResources(document: $d) { created updated unchanged } }";
    private static boolean imported;

    @Inject
    GraphReader reader;

    @Inject
    ListingRoute listingRoute;

    @BeforeEach
    void importSmallEstate() throws Exception {
        if (imported) {
            return;
        }
        Path dir = Files.createTempDirectory("asegraph-snapcmp");
        EstateGenerator.generate(EstateSpec.SMALL, 42, dir, false);
        for (String file : List.of(EstateGenerator.SERVICE_TAGS_FILE, EstateGenerator.RESOURCES_FILE)) {
            Gql.post(IMPORT, "d", Files.readString(dir.resolve(file)))
                    .body("errors", org.hamcrest.Matchers.nullValue());
        }
        Gql.post(IMPORT, "d", PLACEHOLDER_DOC).body("errors", org.hamcrest.Matchers.nullValue());
        imported = true;
    }

    @AfterEach
    void backToTheSetting() {
        reader.listingsFrom(Listings.SNAPSHOT);
        listingRoute.answerDirectly(true);
    }

    // ---- the schema's listings, from introspection ----

    private record Listing(
            String name, String nodeType, boolean connection, boolean resourceSort, boolean nameFilter) {}

    static JsonPath schema() {
        return JsonPath.from(Gql.post(
                        """
                { __schema { queryType { name } types { name kind
                    inputFields { name }
                    fields { name args { name type { kind name ofType { kind name ofType { kind name } } } }
                      type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }""")
                .extract()
                .asString());
    }

    /** The named type at the bottom of a type reference (through NON_NULL and LIST). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> base(Map<String, Object> type) {
        Map<String, Object> t = type;
        while (t.get("name") == null) {
            t = (Map<String, Object>) t.get("ofType");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> types(JsonPath schema) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) schema.get("data.__schema.types")) {
            out.put((String) t.get("name"), t);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fields(Map<String, Object> type) {
        Object f = type.get("fields");
        return f == null ? List.of() : (List<Map<String, Object>>) f;
    }

    @SuppressWarnings("unchecked")
    private static boolean requiresArguments(Map<String, Object> field) {
        return ((List<Map<String, Object>>) field.get("args"))
                .stream().anyMatch(a -> "NON_NULL".equals(((Map<String, Object>) a.get("type")).get("kind")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arg(Map<String, Object> field, String name) {
        return ((List<Map<String, Object>>) field.get("args"))
                .stream().filter(a -> a.get("name").equals(name)).findFirst().orElse(null);
    }

    /** Every query with a where, a sort and paging: the plain lists and their connections. */
    @SuppressWarnings("unchecked")
    private static List<Listing> listings(Map<String, Map<String, Object>> types) {
        List<Listing> out = new ArrayList<>();
        for (Map<String, Object> q : fields(types.get("Query"))) {
            Map<String, Object> where = arg(q, "where");
            Map<String, Object> sort = arg(q, "sort");
            if (where == null || sort == null) {
                continue;
            }
            boolean connection = arg(q, "first") != null && arg(q, "after") != null;
            if (!connection && (arg(q, "limit") == null || arg(q, "offset") == null)) {
                continue;
            }
            String type = (String) base((Map<String, Object>) q.get("type")).get("name");
            if (connection) {
                Map<String, Object> edges = fields(types.get(type)).stream()
                        .filter(f -> f.get("name").equals("edges"))
                        .findFirst()
                        .orElseThrow();
                Map<String, Object> edge = types.get(
                        (String) base((Map<String, Object>) edges.get("type")).get("name"));
                Map<String, Object> node = fields(edge).stream()
                        .filter(f -> f.get("name").equals("node"))
                        .findFirst()
                        .orElseThrow();
                type = (String) base((Map<String, Object>) node.get("type")).get("name");
            }
            String sortType =
                    (String) base((Map<String, Object>) sort.get("type")).get("name");
            String whereType =
                    (String) base((Map<String, Object>) where.get("type")).get("name");
            List<Map<String, Object>> whereFields =
                    (List<Map<String, Object>>) types.get(whereType).get("inputFields");
            boolean nameFilter =
                    whereFields.stream().anyMatch(f -> f.get("name").equals("name"));
            out.add(new Listing(
                    (String) q.get("name"), type, connection, sortType.startsWith("ResourceSort"), nameFilter));
        }
        return out;
    }

    /** The fields of {@code type} that take no required argument: scalars, and objects {@code depth} levels deep. */
    @SuppressWarnings("unchecked")
    static String selection(Map<String, Map<String, Object>> types, String type, int depth) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> f : fields(types.get(type))) {
            if (requiresArguments(f)) {
                continue;
            }
            Map<String, Object> b = base((Map<String, Object>) f.get("type"));
            String kind = (String) b.get("kind");
            if (kind.equals("SCALAR") || kind.equals("ENUM")) {
                parts.add((String) f.get("name"));
            } else if (kind.equals("UNION")) {
                parts.add(f.get("name") + " { __typename }");
            } else if (depth > 0) {
                String inner = selection(types, (String) b.get("name"), depth - 1);
                if (!inner.isEmpty()) {
                    parts.add(f.get("name") + " { " + inner + " }");
                }
            }
        }
        return String.join(" ", parts);
    }

    // ---- asking both ----

    /** The raw body of one answer in one mode, with the direct listing writer on. */
    private String ask(Listings mode, String document) {
        return ask(mode, true, document);
    }

    /** The raw body of one answer in one mode, by the direct writer if it can ({@code directly}) or by graphql-java. */
    private String ask(Listings mode, boolean directly, String document) {
        reader.listingsFrom(mode);
        listingRoute.answerDirectly(directly);
        return Gql.given()
                .contentType(ContentType.JSON)
                .body(Gql.body(document))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** How many documents the direct writer answered during this class (of the store and snapshot asks). */
    private int direct;

    /**
     * Asks {@code document} in both modes and once more of graphql-java (the direct writer off): the same bytes, and
     * no errors. Returns the answer.
     */
    private JsonPath same(String document) {
        long before = listingRoute.answeredHere();
        String store = ask(Listings.STORE, document);
        String snapshot = ask(Listings.SNAPSHOT, document);
        direct += (int) (listingRoute.answeredHere() - before);
        String graphqlJava = ask(Listings.SNAPSHOT, false, document);
        assertEquals(graphqlJava, snapshot, () -> "the direct writer vs graphql-java: " + document);
        assertEquals(store, snapshot, document);
        JsonPath answer = JsonPath.from(snapshot);
        assertNull(answer.get("errors"), () -> document + " -> " + snapshot);
        return answer;
    }

    /** {@link #same}, and both of its first two asks answered by the direct writer. */
    private JsonPath direct(String document) {
        int before = direct;
        JsonPath answer = same(document);
        assertEquals(2, direct - before, () -> "answered by the direct writer in both modes: " + document);
        return answer;
    }

    private static final List<String> SORTS = List.of(
            "", "sort: [{field: NAME, direction: DESC}]", "sort: [{field: LOCATION}, {field: ID, direction: DESC}]");

    @Test
    void everyListingFromTheSnapshotIsTheStoresAnswerByteForByte() {
        Map<String, Map<String, Object>> types = types(schema());
        List<Listing> listings = listings(types);
        List<String> names = listings.stream().map(Listing::name).toList();
        for (String expected : List.of(
                "networkSecurityGroupsConnection",
                "subnetsConnection",
                "environmentsConnection",
                "virtualNetworksConnection",
                "peeringsConnection",
                "gatewayConnectionsConnection",
                "serviceTagsConnection",
                "routeTables",
                "apps")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        int nonEmpty = 0;
        for (Listing l : listings) {
            // every field two levels deep under the default order; the other orders and the pages with the node's own
            String deep = selection(types, l.nodeType(), 2);
            String flat = selection(types, l.nodeType(), 0);
            // (the plain list form pages the same sorted rows as the connection form: its default order suffices)
            List<String> sorts =
                    l.resourceSort() && l.connection() ? new ArrayList<>(SORTS) : new ArrayList<>(List.of(""));
            if (l.name().startsWith("environments")) {
                sorts.add("sort: [{field: KIND, direction: DESC}, {field: NAME}]");
            }
            for (String sort : sorts) {
                String nodes = sort.isEmpty() ? deep : flat;
                if (l.connection()) {
                    String doc = "{ %s(first: 500 %s) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor"
                            + " endCursor } edges { cursor node { %s } } } }";
                    JsonPath all = same(doc.formatted(l.name(), sort, nodes));
                    int total = all.getInt("data." + l.name() + ".totalCount");
                    nonEmpty += total > 0 ? 1 : 0;
                    // two pages of three, the second after the first's end cursor
                    JsonPath first = same(
                            doc.formatted(l.name(), "first: 3 " + sort, nodes).replace("first: 500 ", ""));
                    String end = first.getString("data." + l.name() + ".pageInfo.endCursor");
                    if (end != null) {
                        same(doc.formatted(l.name(), "first: 3 after: \"" + end + "\" " + sort, nodes)
                                .replace("first: 500 ", ""));
                    }
                } else {
                    same("{ %s(limit: 500 %s) { %s } }".formatted(l.name(), sort, nodes));
                    same("{ %s(limit: 4, offset: 2 %s) { %s } }".formatted(l.name(), sort, nodes));
                }
            }
            if (l.nameFilter()) {
                String args = "where: {name: {contains: \"a\"}}" + (l.connection() ? " first: 50" : " limit: 50");
                same("{ %s(%s) { %s } }"
                        .formatted(
                                l.name(), args, l.connection() ? "totalCount edges { cursor node { name } }" : "name"));
            }
        }
        assertTrue(nonEmpty >= 15, "listings with rows: " + nonEmpty);
        // Every listing's default order, its pages and its plain list have a plan; a sort or a where does not (140 asks
        // answered directly on this schema: a listing whose nodes have a union field has no plan).
        assertTrue(direct >= 140, "asks answered by the direct writer: " + direct);
    }

    @Test
    void theDashboardsNestedRelationsFromTheSnapshotAreTheStoresAnswer() {
        JsonPath nsgs = direct(
                """
                { networkSecurityGroupsConnection(first: 100) { totalCount edges { cursor node { id name
                    securityRules { name priority direction access sourceAddressPrefixes destinationPortRanges }
                    defaultSecurityRules { name priority } rules { name priority direction }
                    appliedToSubnets { id name } appliedToNetworkInterfaces { id name } } } } }""");
        assertTrue(nsgs.getInt("data.networkSecurityGroupsConnection.totalCount") >= 8);
        JsonPath subnets = direct(
                """
                { subnetsConnection(first: 100) { totalCount edges { node { id name addressPrefixes
                    virtualNetwork { id name } networkSecurityGroup { id name securityRules { name } }
                    routeTable { id name routes { name addressPrefix nextHopType } } } } } }""");
        List<Object> subnetNsgs = subnets.getList("data.subnetsConnection.edges.node.networkSecurityGroup");
        assertTrue(subnetNsgs.stream().anyMatch(n -> n != null), "some subnets have an NSG");
        JsonPath ases = direct(
                """
                { environmentsConnection(first: 100) { totalCount edges { node { id name kind
                    apps { id name } subnet { id name virtualNetwork { name } } } } } }""");
        assertTrue(ases.getList("data.environmentsConnection.edges.node.apps.name").stream()
                .anyMatch(a -> !((List<?>) a).isEmpty()));
        direct(
                """
                { virtualNetworksConnection(first: 100) { totalCount edges { node { id name
                    subnets { name networkSecurityGroup { name securityRules { name } } }
                    peerings { name state remoteVirtualNetwork allowGatewayTransit } } } } }""");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlaceholderIsListedInNeitherModeAndNoSubnetPointsAtIt() {
        for (Listings mode : Listings.values()) {
            JsonPath nsgs = JsonPath.from(ask(mode, "{ networkSecurityGroups(limit: 500) { name } }"));
            assertFalse(nsgs.getList("data.networkSecurityGroups.name").contains(MISSING_NSG), mode.name());
            JsonPath subnet = JsonPath.from(ask(
                    mode,
                    "{ subnets(where: {name: {eq: \"snapcmp-subnet\"}}) { name networkSecurityGroup { name } } }"));
            List<Map<String, Object>> rows = subnet.getList("data.subnets");
            assertEquals(1, rows.size(), mode.name());
            assertNull(rows.get(0).get("networkSecurityGroup"), mode.name());
        }
    }

    @Test
    void aWriteIsSeenByTheNextSnapshotListing() {
        String doc = "{ networkSecurityGroupsConnection(where: {name: {startsWith: \"snapcmp-\"}}) { totalCount"
                + " edges { node { name securityRules { name } } } } }";
        JsonPath before = same(doc);
        int count = before.getInt("data.networkSecurityGroupsConnection.totalCount");
        String nsg = "snapcmp-added-" + System.nanoTime();
        Gql.post(
                        IMPORT,
                        "d",
                        """
                [{"id": "NET/networkSecurityGroups/NAME", "name": "NAME", "type": "Microsoft.Network/networkSecurityGroups",
                  "location": "westus", "properties": {"securityRules": [{"name": "deny-ssh", "properties": {"priority": 100,
                  "direction": "Inbound", "access": "Deny", "protocol": "Tcp", "sourceAddressPrefix": "*",
                  "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "22"}}]}}]"""
                                .replace("NET", NET)
                                .replace("NAME", nsg))
                .body("errors", org.hamcrest.Matchers.nullValue());
        JsonPath after = same(doc);
        assertEquals(count + 1, after.getInt("data.networkSecurityGroupsConnection.totalCount"));
        List<String> names = after.getList("data.networkSecurityGroupsConnection.edges.node.name");
        assertTrue(names.contains(nsg), names.stream().collect(Collectors.joining(", ")));
        assertNotEquals(before.prettify(), after.prettify());
    }

    @Test
    void aRuleDescriptionWithAnEmojiAndAControlCharacterIsWrittenAsGraphqlJavaWritesIt() {
        String nsg = "snapcmp-emoji-" + System.nanoTime();
        Gql.post(
                        IMPORT,
                        "d",
                        """
                [{"id": "NET/networkSecurityGroups/NAME", "name": "NAME", "type": "Microsoft.Network/networkSecurityGroups",
                  "location": "westus", "properties": {"securityRules": [{"name": "allow-rocket", "properties": {
                  "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                  "description": "launch \uD83D\uDE80 then \\u001b escape", "sourceAddressPrefix": "*",
                  "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}}]"""
                                .replace("NET", NET)
                                .replace("NAME", nsg))
                .body("errors", org.hamcrest.Matchers.nullValue());
        JsonPath answer = same("{ networkSecurityGroupsConnection(first: 500) { totalCount edges { node { name"
                + " securityRules { name description } } } } }");
        List<String> descriptions =
                answer.getList("data.networkSecurityGroupsConnection.edges.node.securityRules.description.flatten()");
        assertTrue(descriptions.contains("launch \uD83D\uDE80 then \u001b escape"), descriptions.toString());
    }

    /** A document nested {@code 3 + 2 * pairs} levels (then {@code name}): environments, apps, environment, pairs. */
    private static String nested(int pairs) {
        StringBuilder deep = new StringBuilder("{ environments { apps { environment { ");
        for (int i = 0; i < pairs; i++) {
            deep.append("apps { environment { ");
        }
        return deep.append("name").append(" }".repeat(2 * pairs + 3 + 1)).toString();
    }

    @Test
    void withOurQueryLimitsOffSmallRyesOwnDepthSettingStillRefusesADeeperDocument() {
        // 25 levels and more: over the profile's quarkus.smallrye-graphql.instrumentation-query-depth=20, refused by
        // graphql-java's instrumentation as SmallRye builds it (its message and classification, not our code).
        Gql.post(nested(11))
                .body("data", org.hamcrest.Matchers.nullValue())
                .body("errors[0].message", org.hamcrest.Matchers.containsString("maximum query depth exceeded"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("> 20"))
                .body("errors[0].extensions.classification", org.hamcrest.Matchers.equalTo("ExecutionAborted"));
        // 17 levels: under it, answered (and over our default of 15, which is off here).
        Gql.post(nested(7)).body("errors", org.hamcrest.Matchers.nullValue());
    }
}
