package io.asegraph.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics at {@code /q/metrics} through the real HTTP stack: refused to anonymous callers by default
 * ({@code asegraph.auth.metrics=reader}; {@link MetricsOpenTest} for {@code permit}), HTTP, JVM and SmallRye GraphQL
 * per-operation figures, and the estate's {@code asegraph_*} gauges, which must equal what the GraphQL API answers
 * for the same store version, and move after an import.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class MetricsTest {
    static final String NSG_TYPE = "Microsoft.Network/networkSecurityGroups";

    /** The metrics text as {@code user} sees it. */
    static String scrape(String user, String password) {
        return Gql.as(user, password)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The value of the series {@code name} whose labels include {@code labels} (name, value, ...); fails when none. */
    static double value(String metrics, String name, String... labels) {
        return find(metrics, name, labels)
                .orElseThrow(
                        () -> new AssertionError("no series " + name + " with " + List.of(labels) + " in the metrics"));
    }

    /** The same for a series that may not exist yet (a counter before its first event): 0 then. */
    static double valueOrZero(String metrics, String name, String... labels) {
        return find(metrics, name, labels).orElse(0);
    }

    private static OptionalDouble find(String metrics, String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);
        Pattern label = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        OptionalDouble found = OptionalDouble.empty();
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            Map<String, String> have = new HashMap<>();
            Matcher l = label.matcher(m.group(2) == null ? "" : m.group(2));
            while (l.find()) {
                have.put(l.group(1), l.group(2));
            }
            if (have.entrySet().containsAll(wanted.entrySet())) {
                assertTrue(found.isEmpty(), "more than one series " + name + " with " + wanted);
                found = OptionalDouble.of(Double.parseDouble(m.group(3)));
            }
        }
        return found;
    }

    @Test
    void anAnonymousScrapeIsRefusedWith401AndASignedInCallerWithoutARoleWith403() {
        RestAssured.given().get("/q/metrics").then().statusCode(401).header("WWW-Authenticate", notNullValue());
        Gql.as(Gql.NOBODY, Gql.NOBODY_PASSWORD).get("/q/metrics").then().statusCode(403);
    }

    @Test
    void aReaderScrapesHttpJvmAndGraphqlPerOperationFigures() {
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Gql.body("query MetricsProbe { environments { name } }"))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("data.environments", notNullValue());
        String metrics = scrape(Gql.READER, Gql.READER_PASSWORD);
        assertTrue(value(metrics, "http_server_requests_seconds_count", "uri", "/graphql", "status", "200") >= 1);
        assertTrue(value(metrics, "jvm_memory_used_bytes", "area", "heap", "id", "G1 Eden Space") >= 0);
        assertTrue(
                value(metrics, "mp_graphql_seconds_count", "name", "environments", "type", "QUERY") >= 1,
                "SmallRye GraphQL's timer of the environments field");
    }

    @Test
    void theEstateGaugesEqualWhatTheApiAnswersForTheSameStoreVersion() {
        String metrics = scrape(Gql.READER, Gql.READER_PASSWORD);
        JsonPath api = Gql.post(
                        """
                        { networkSecurityGroupsConnection(first: 1) { totalCount }
                          environmentsConnection(first: 1) { totalCount }
                          environmentsHealth { status }
                          exposures { verdict }
                          shadowedRules { rule } }""")
                .body("errors", org.hamcrest.Matchers.nullValue())
                .extract()
                .jsonPath();
        assertEquals(api.getInt("data.networkSecurityGroupsConnection.totalCount"), (int)
                value(metrics, "asegraph_resources", "type", NSG_TYPE));
        assertEquals(api.getInt("data.environmentsConnection.totalCount"), (int)
                value(metrics, "asegraph_resources", "type", "Microsoft.Web/hostingEnvironments"));
        List<String> health = api.getList("data.environmentsHealth.status");
        for (String status : List.of("PASS", "WARN", "FAIL")) {
            assertEquals(
                    health.stream().filter(status::equals).count(),
                    (long) value(metrics, "asegraph_environments", "status", status),
                    "ASEs whose health is " + status);
        }
        assertEquals(health.stream().filter(s -> !s.equals("PASS")).count(), (long)
                value(metrics, "asegraph_environments_unhealthy"));
        List<String> exposures = api.getList("data.exposures.verdict");
        // The reference topology opens no default (management and database) port to the Internet: every series is 0,
        // and must be there (a missing series fails in value()).
        for (String verdict : List.of("ALLOWED", "PARTIAL", "UNDETERMINED")) {
            assertEquals(
                    exposures.stream().filter(verdict::equals).count(),
                    (long) value(metrics, "asegraph_exposures", "verdict", verdict),
                    "exposure rows " + verdict);
        }
        assertEquals(api.getList("data.shadowedRules").size(), (int) value(metrics, "asegraph_shadowed_rules"));
        assertTrue(value(metrics, "asegraph_snapshot_age_seconds") >= 0);
    }

    @Test
    void anImportIsTimedAndCountedAndTheGaugesFollowTheNewStoreVersion() {
        String before = scrape(Gql.READER, Gql.READER_PASSWORD);
        double imports =
                valueOrZero(before, "asegraph_import_seconds_count", "endpoint", "POST /import", "outcome", "written");
        double created = valueOrZero(before, "asegraph_import_records_total", "change", "created");
        double nsgs = value(before, "asegraph_resources", "type", NSG_TYPE);
        double version = value(before, "asegraph_store_version");
        String id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/metrics/providers/"
                + "Microsoft.Network/networkSecurityGroups/metrics-nsg-" + System.nanoTime();
        String document = "[{\"id\":\"" + id + "\",\"name\":\"metrics-nsg\",\"type\":\"" + NSG_TYPE
                + "\",\"location\":\"westus\",\"properties\":{\"securityRules\":[]}}]";
        Gql.given()
                .contentType(ContentType.JSON)
                .body(document)
                .post("/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        String after = scrape(Gql.READER, Gql.READER_PASSWORD);
        assertEquals(
                imports + 1,
                value(after, "asegraph_import_seconds_count", "endpoint", "POST /import", "outcome", "written"));
        assertEquals(created + 1, value(after, "asegraph_import_records_total", "change", "created"));
        assertEquals(nsgs + 1, value(after, "asegraph_resources", "type", NSG_TYPE));
        assertTrue(value(after, "asegraph_store_version") > version, "the gauges are of the version the import made");
    }
}
