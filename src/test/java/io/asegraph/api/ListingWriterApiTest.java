package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.api.listing.ListingRoute;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The direct listing writer ({@link ListingRoute}) through real HTTP on the reference topology: every document is
 * posted twice, once with the writer on and once with it off (graphql-java's own execution), and the two bodies must be
 * the same bytes; each test also says whether the writer answered (its counter), so that what it claims to answer is
 * answered by it, and what it must leave to SmallRye — errors, limits, refusals, documents it has no plan for — is
 * answered exactly as before.
 */
@QuarkusTest
class ListingWriterApiTest {
    @Inject
    ListingRoute route;

    @AfterEach
    void writerOn() {
        route.answerDirectly(true);
    }

    /** One answer: its status, body and whether the direct writer gave it. */
    private record Answer(int status, String body, boolean direct) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private Answer ask(boolean directly, String user, String password, Map<String, Object> body) {
        route.answerDirectly(directly);
        long before = route.answeredHere();
        var response = (user == null ? io.restassured.RestAssured.given() : Gql.as(user, password))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/graphql")
                .then()
                .extract();
        return new Answer(response.statusCode(), response.asString(), route.answeredHere() > before);
    }

    /** Asks with the writer on and off as {@code user}: the same status and bytes. Returns the first answer. */
    private Answer bothWays(String user, String password, Map<String, Object> body) {
        Answer direct = ask(true, user, password, body);
        Answer graphqlJava = ask(false, user, password, body);
        assertEquals(graphqlJava.status(), direct.status(), body::toString);
        assertEquals(graphqlJava.body(), direct.body(), () -> "writer on vs off: " + body);
        assertTrue(!graphqlJava.direct(), "the writer answered while off");
        return direct;
    }

    private Answer bothWays(String document, Object... variables) {
        return bothWays(Gql.USER, Gql.PASSWORD, Gql.body(document, variables));
    }

    @Test
    void aliasesFragmentsVariablesAndTypenameAreAnsweredDirectlyAsGraphqlJavaAnswersThem() {
        Answer a = bothWays(
                """
                query Page($n: Int!, $after: String) {
                  nsgs: networkSecurityGroupsConnection(first: $n, after: $after) {
                    total: totalCount
                    pageInfo { hasNextPage endCursor }
                    edges { cursor node { __typename ...nsg } }
                  }
                  subnetsConnection(first: 3) { edges { node { ... on Subnet { name } virtualNetwork { name } } } }
                }
                fragment nsg on NetworkSecurityGroup { id name rules { name priority direction access } }""",
                "n",
                1);
        assertTrue(a.direct(), a.body());
        JsonPath page = a.json();
        assertNull(page.get("errors"));
        assertEquals(1, page.getList("data.nsgs.edges").size());
        assertEquals("NetworkSecurityGroup", page.getString("data.nsgs.edges[0].node.__typename"));
        assertTrue(page.getInt("data.nsgs.total") > 1, a.body());
        // the next page through the variable, from the first page's end cursor
        Answer next = bothWays(
                """
                query Page($n: Int!, $after: String) {
                  nsgs: networkSecurityGroupsConnection(first: $n, after: $after) { edges { node { name } } } }""",
                "n",
                1,
                "after",
                page.getString("data.nsgs.pageInfo.endCursor"));
        assertTrue(next.direct(), next.body());
        assertTrue(!page.getList("data.nsgs.edges.node.name")
                .contains(next.json().getString("data.nsgs.edges[0].node.name")));
    }

    @Test
    void aPageOverTheLimitIsRefusedWithItsCodeBySmallRye() {
        Answer a = bothWays("{ subnetsConnection(first: 100000) { totalCount } }");
        assertTrue(!a.direct());
        assertEquals("INVALID_ARGUMENT", a.json().getString("errors[0].extensions.code"), a.body());
        Answer cursor = bothWays("{ subnetsConnection(first: 2, after: \"not-a-cursor\") { totalCount } }");
        assertTrue(!cursor.direct());
        assertNotNull(cursor.json().get("errors"), cursor.body());
    }

    @Test
    void callersWithoutTheReaderRoleAndAnonymousCallersAreRefusedAsBefore() {
        String doc = "{ networkSecurityGroupsConnection(first: 2) { totalCount edges { node { name } } } }";
        Answer nobody = bothWays(Gql.NOBODY, Gql.NOBODY_PASSWORD, Gql.body(doc));
        assertTrue(!nobody.direct());
        assertEquals(403, nobody.status(), nobody.body());
        Answer anonymous = bothWays(null, null, Gql.body(doc));
        assertEquals(401, anonymous.status());
        assertTrue(!anonymous.direct());
        Answer reader = bothWays(Gql.READER, Gql.READER_PASSWORD, Gql.body(doc));
        assertTrue(reader.direct(), reader.body());
    }

    @Test
    void documentsWithoutAPlanAreAnsweredBySmallRyeAsBefore() {
        Map<String, String> documents = new HashMap<>();
        documents.put("unknown field", "{ subnetsConnection(first: 2) { edges { node { nosuchfield } } } }");
        documents.put(
                "a sort (an input object)", "{ subnetsConnection(first: 2, sort: [{field: NAME}]) { totalCount } }");
        documents.put("a where", "{ subnets(where: {name: {contains: \"a\"}}) { name } }");
        documents.put("a directive", "{ subnetsConnection(first: 2) { totalCount @include(if: true) } }");
        documents.put("a mutation", "mutation { deleteResource(id: \"/no/such/id\") { deleted } }");
        documents.put(
                "an unused fragment", "{ subnetsConnection(first: 1) { totalCount } } fragment f on Subnet { name }");
        documents.put("a wrong argument type", "{ subnetsConnection(first: \"two\") { totalCount } }");
        documents.put("a field without its selection", "{ subnetsConnection(first: 2) { edges } }");
        documents.put("a not-listing root field", "{ __typename }");
        for (Map.Entry<String, String> d : documents.entrySet()) {
            Answer a = bothWays(d.getValue());
            assertTrue(!a.direct(), d.getKey() + ": " + a.body());
        }
    }

    @Test
    void aMissingNonNullVariableIsRefusedBySmallRye() {
        Answer a = bothWays("query($n: Int!) { subnetsConnection(first: $n) { totalCount } }");
        assertTrue(!a.direct());
        assertNotNull(a.json().get("errors"), a.body());
        Answer wrongType = bothWays("query($n: Int) { subnetsConnection(first: $n) { totalCount } }", "n", "two");
        assertTrue(!wrongType.direct());
        assertNotNull(wrongType.json().get("errors"), wrongType.body());
    }

    @Test
    void aListingDeeperThanTheDepthLimitIsRefusedWithItsCode() {
        // environments → apps → environment → apps → ... : 16 levels, over asegraph.api.max-query-depth (15)
        StringBuilder doc = new StringBuilder("{ environments { apps { environment { ");
        for (int i = 0; i < 6; i++) {
            doc.append("apps { environment { ");
        }
        doc.append("name").append(" }".repeat(2 * 6 + 3 + 1));
        Answer a = bothWays(doc.toString());
        assertTrue(!a.direct());
        assertEquals("LIMIT_EXCEEDED", a.json().getString("errors[0].extensions.code"), a.body());
    }

    @Test
    void pathQuestionsWithEveryFieldThreeLevelsDeepAreAnsweredDirectlyAsGraphqlJavaAnswersThem() {
        Map<String, Map<String, Object>> types = ListingSnapshotVsStoreTest.types(ListingSnapshotVsStoreTest.schema());
        Map<String, String> questions = new java.util.LinkedHashMap<>();
        questions.put("flow(from: \"ase-one\", to: \"db-vm-nic\", port: 1433)", "FlowAnalysis");
        questions.put("flow(from: \"app1\", to: \"orders-api\", port: 443, protocol: TCP)", "FlowAnalysis");
        questions.put("callSource(from: \"app1\", to: \"orders-api\")", "CallSource");
        questions.put("nextHop(source: \"ase-one\", destinationAddress: \"8.8.8.8\")", "NextHopResult");
        for (Map.Entry<String, String> q : questions.entrySet()) {
            String doc =
                    "{ " + q.getKey() + " { " + ListingSnapshotVsStoreTest.selection(types, q.getValue(), 3) + " } }";
            Answer a = bothWays(doc);
            assertNull(a.json().get("errors"), a.body());
            assertTrue(a.direct(), doc + " -> " + a.body());
        }
        // an unknown reference: the resolver's coded error, answered by SmallRye
        Answer unknown = bothWays("{ callSource(from: \"no-such-app\", to: \"orders-api\") { kind } }");
        assertTrue(!unknown.direct());
        assertNotNull(unknown.json().get("errors[0].extensions.code"), unknown.body());
    }

    @Test
    void aTypenameWithASelectionAndABodyWithACommentAreAnsweredBySmallRye() {
        Answer typename = bothWays("{ virtualNetworks { __typename { name } } }");
        assertTrue(!typename.direct());
        assertNotNull(typename.json().get("errors"), typename.body());
        for (String body : List.of(
                "{\"query\": \"{ virtualNetworks { name } }\" /* a comment */}",
                "\uFEFF{\"query\": \"{ virtualNetworks { name } }\"}")) {
            route.answerDirectly(true);
            long before = route.answeredHere();
            String direct = Gql.given()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/graphql")
                    .asString();
            boolean answered = route.answeredHere() > before;
            route.answerDirectly(false);
            String graphqlJava = Gql.given()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/graphql")
                    .asString();
            assertEquals(graphqlJava, direct, body);
            assertTrue(!answered, body);
        }
    }

    @Test
    void aVariableNotGivenLeavesTheArgumentsDefault() {
        Answer a = bothWays("query($d: Boolean) { securityRules(includeDefaultRules: $d) { name } }");
        assertTrue(a.direct(), a.body());
        assertNull(a.json().get("errors"), a.body());
        Answer given = bothWays("query($d: Boolean) { securityRules(includeDefaultRules: $d) { name } }", "d", true);
        assertTrue(given.direct(), given.body());
        assertTrue(given.json().getList("data.securityRules").size()
                > a.json().getList("data.securityRules").size());
    }

    @Test
    void plainListsWithLimitAndOffsetAreAnsweredDirectly() {
        Answer a = bothWays("{ environments(limit: 5, offset: 0) { name kind apps { name } subnet { name } } }");
        assertTrue(a.direct(), a.body());
        List<Object> names = a.json().getList("data.environments.name");
        assertTrue(!names.isEmpty(), a.body());
    }
}
