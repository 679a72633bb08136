package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in the repository ({@value #DASHBOARD}) is an importable dashboard over a Prometheus data source
 * input {@code ${DS_PROMETHEUS}}, and every metric any of its queries names is in a real scrape of {@code /q/metrics}
 * (as reader, after an import, so the import series exist): it cannot chart a metric the service does not have.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class GrafanaDashboardTest {
    static final String DASHBOARD = "src/main/dashboards/asegraph.json";
    /** A metric selector in PromQL as the dashboard writes every one: {@code name{labels}}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    /** Any asegraph name, with or without braces. */
    private static final Pattern ASEGRAPH = Pattern.compile("\\basegraph_[a-zA-Z0-9_]+");
    /** A metric name inside label_values(NAME, label). */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Path.of(DASHBOARD).toFile());
    }

    /** Every PromQL query of the dashboard: each panel's targets, then each query variable. */
    static List<String> queries(JsonNode d) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : d.path("panels")) {
            for (JsonNode t : p.path("targets")) {
                out.add(t.path("expr").asText());
            }
        }
        for (JsonNode v : d.path("templating").path("list")) {
            out.add(v.path("definition").asText());
        }
        return out;
    }

    static Set<String> metricNames(String promql) {
        Set<String> names = new TreeSet<>();
        for (Pattern p : List.of(SELECTOR, ASEGRAPH, LABEL_VALUES)) {
            Matcher m = p.matcher(promql);
            while (m.find()) {
                names.add(m.group(1 <= m.groupCount() ? 1 : 0));
            }
        }
        return names;
    }

    /** Whether {@code metrics} (Prometheus text) has a series of {@code name}. */
    static boolean scraped(String metrics, String name) {
        return Pattern.compile("^" + Pattern.quote(name) + "[{ ]", Pattern.MULTILINE)
                .matcher(metrics)
                .find();
    }

    @Test
    void itIsAnImportableDashboardOverAPrometheusDataSourceInput() throws IOException {
        JsonNode d = dashboard();
        assertTrue(d.path("schemaVersion").isInt() && d.path("schemaVersion").asInt() >= 36, "schemaVersion");
        assertEquals("asegraph", d.path("uid").asText());
        JsonNode input = d.path("__inputs").get(0);
        assertEquals("DS_PROMETHEUS", input.path("name").asText());
        assertEquals("datasource", input.path("type").asText());
        assertEquals("prometheus", input.path("pluginId").asText());
        Set<Integer> ids = new HashSet<>();
        int charts = 0;
        for (JsonNode p : d.path("panels")) {
            assertTrue(ids.add(p.path("id").asInt()), "panel ids are unique: " + p.path("id"));
            for (String f : List.of("x", "y", "w", "h")) {
                assertTrue(p.path("gridPos").path(f).isInt(), p.path("title") + " has gridPos." + f);
            }
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            charts++;
            assertEquals("${DS_PROMETHEUS}", p.path("datasource").path("uid").asText(), p.path("title") + "");
            assertTrue(p.path("targets").size() > 0, p.path("title") + " has queries");
            for (JsonNode t : p.path("targets")) {
                assertEquals(
                        "${DS_PROMETHEUS}", t.path("datasource").path("uid").asText());
                assertFalse(t.path("refId").asText().isEmpty(), p.path("title") + " refId");
                assertFalse(metricNames(t.path("expr").asText()).isEmpty(), p.path("title") + " queries a metric");
            }
        }
        assertTrue(charts >= 10, "panels: " + charts);
    }

    @Test
    void itChartsAseHealthExposuresImportsStoreVersionAndSnapshotAge() throws IOException {
        Set<String> used = new TreeSet<>();
        queries(dashboard()).forEach(q -> used.addAll(metricNames(q)));
        for (String wanted : List.of(
                "asegraph_environments",
                "asegraph_environments_unhealthy",
                "asegraph_exposures",
                "asegraph_import_seconds_count",
                "asegraph_import_records_total",
                "asegraph_shadowed_rules",
                "asegraph_store_version",
                "asegraph_snapshot_age_seconds")) {
            assertTrue(used.contains(wanted), wanted + " is charted; the dashboard uses " + used);
        }
    }

    @Test
    void everyMetricTheDashboardUsesIsInARealScrapeAfterAnImport() throws IOException {
        Gql.given()
                .body(ImportResourceTest.bytes(TestEstate.estate("graf")))
                .post("/import")
                .then()
                .statusCode(200);
        Gql.post("{ environmentsHealth { status } }");
        String metrics = MetricsTest.scrape(Gql.READER, Gql.READER_PASSWORD);
        assertFalse(scraped(metrics, "asegraph_no_such_metric"), "the check can fail");
        Set<String> used = new TreeSet<>();
        queries(dashboard()).forEach(q -> used.addAll(metricNames(q)));
        List<String> missing = used.stream().filter(n -> !scraped(metrics, n)).toList();
        assertEquals(List.of(), missing, "metrics the dashboard uses but /q/metrics does not have; it uses " + used);
    }
}
