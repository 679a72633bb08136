package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The query limits: depth and complexity at their defaults (15, 500), the {@code /graphql} body limit lowered to 1 MB
 * so a test need not send 32. Each refusal names the limit and its value, and none is a 5xx. Depth and complexity are
 * graphql-java's instrumentations, refused with our code ({@code QueryLimits}).
 */
@QuarkusTest
@TestProfile(LimitsTest.SmallBody.class)
class LimitsTest {
    public static class SmallBody implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "asegraph.api.graphql-max-body-mb", "1",
                    "asegraph.api.max-query-tokens", "5000",
                    "%test.asegraph.store.data-directory", "target/test-data/limits-" + UUID.randomUUID(),
                    "asegraph.seed.enabled", "false",
                    // MetricsOpenTest shares this service (one start fewer in the suite): metrics open to anyone
                    // touches no limit and no other path.
                    "asegraph.auth.metrics", "permit");
        }
    }

    @Test
    void aQueryNested25LevelsIsRefusedNamingTheDepthLimit() {
        StringBuilder deep = new StringBuilder("{ environments { apps { environment { ");
        for (int i = 0; i < 11; i++) {
            deep.append("apps { environment { ");
        }
        deep.append("name");
        deep.append(" }".repeat(2 * 11 + 3 + 1));
        Gql.post(deep.toString())
                .body("data", nullValue())
                .body("errors[0].message", containsString("depth exceeded"))
                .body("errors[0].message", containsString("> 15 (asegraph.api.max-query-depth)"))
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].extensions.classification", equalTo("ExecutionAborted"));
    }

    @Test
    void sixtyAliasesOfAListingWithRulesAreRefusedNamingTheComplexityLimit() {
        StringBuilder q = new StringBuilder("{ ");
        for (int i = 0; i < 60; i++) {
            q.append("a")
                    .append(i)
                    .append(": networkSecurityGroups(limit: 500) { id name location rules { name priority access"
                            + " direction qualifiedName } } ");
        }
        q.append("}");
        Gql.post(q.toString())
                .body("data", nullValue())
                .body("errors[0].message", containsString("complexity exceeded"))
                .body(
                        "errors[0].message",
                        containsString("> 500 (one point per field; asegraph.api.max-query-complexity)"))
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].extensions.classification", equalTo("ExecutionAborted"));
    }

    @Test
    void aGraphqlBodyOverTheLimitIs413WithLimitExceeded() {
        String big = "x".repeat(1_200_000);
        Gql.given()
                .contentType(ContentType.JSON)
                .body(Gql.body("query($x: String) { environments { name } }", "x", big))
                .post("/graphql")
                .then()
                .statusCode(413)
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"))
                .body("errors[0].message", containsString("1 MB"));
    }

    @Test
    void aBodyUnderTheLimitPasses() {
        Gql.post("query($x: String) { environments(where: {name: {eq: $x}}) { name } }", "x", "x".repeat(500_000))
                .body("errors", nullValue());
    }

    /** The introspection query GraphiQL (the GraphQL UI) sends: its type references nest 13 deep. */
    @Test
    void theGraphqlUisIntrospectionQueryPassesTheLimits() {
        String typeRef = "kind name";
        for (int i = 0; i < 7; i++) {
            typeRef = "kind name ofType { " + typeRef + " }";
        }
        String fullType =
                "kind name description fields(includeDeprecated: true) { name description args { name description"
                        + " type { " + typeRef + " } defaultValue } type { " + typeRef
                        + " } isDeprecated deprecationReason }"
                        + " inputFields { name description type { " + typeRef + " } defaultValue } interfaces { "
                        + typeRef
                        + " } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }"
                        + " possibleTypes { " + typeRef + " }";
        Gql.post(
                        "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }"
                                + " types { " + fullType
                                + " } directives { name description locations args { name description type { "
                                + typeRef + " } defaultValue } } } }")
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    /**
     * Over the token limit (lowered to 5,000 here, a third of graphql-java's own default, so the setting is what
     * refuses) a document is refused before it runs, naming the limit. The same shape under it is parsed and stopped
     * by the complexity limit instead.
     */
    @Test
    void aDocumentOfMoreTokensThanTheLimitIsRefusedNamingTheSetting() {
        Gql.post("{ environments { " + "name ".repeat(6_000) + "} }")
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", containsString("more than 5000 tokens (asegraph.api.max-query-tokens)"))
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"));
        Gql.post("{ environments { " + "name ".repeat(4_000) + "} }")
                .body("data", nullValue())
                .body("errors[0].message", containsString("complexity exceeded"))
                .body("errors[0].extensions.code", equalTo("LIMIT_EXCEEDED"));
    }

    /** Authentication comes first: an anonymous caller is refused before its document is read or parsed. */
    @Test
    void anAnonymousDocumentOverTheTokenLimitIs401NotParsed() {
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Gql.body("{ environments { " + "name ".repeat(6_000) + "} }"))
                .post("/graphql")
                .then()
                .statusCode(401);
    }

    /** A body sent in chunks, without a length, is read up to the limit and refused like one with a length. */
    @Test
    void aChunkedBodyOverTheLimitIs413WithLimitExceeded() throws Exception {
        byte[] json = new io.vertx.core.json.JsonObject(
                        Gql.body("query($x: String) { environments { name } }", "x", "x".repeat(1_200_000)))
                .encode()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", Gql.basic("tester", "tester-secret"))
                // A publisher of unknown length: the JDK client sends it chunked.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(json)))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode(), response.body());
        org.hamcrest.MatcherAssert.assertThat(response.body(), containsString("LIMIT_EXCEEDED"));
        org.hamcrest.MatcherAssert.assertThat(response.body(), containsString("sent without a length"));
    }
}
