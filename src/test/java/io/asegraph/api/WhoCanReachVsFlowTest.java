package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code whoCanReach} against {@code flow}, through GraphQL over HTTP: for every caller a listing names, {@code flow(from:
 * caller, to, port)} asked alone gives the same verdict, the same allowed, denied and undetermined source ranges, the
 * same source kind, and the same deciding rules (NSG, rule and access of every match, and the blockers) as the row's own
 * on-demand flow; and every ASE, app and network interface of the estate whose own flow is neither DENIED nor
 * UNREACHABLE is in the listing. On the seeded reference topology and on the bench generator's small estate (without the
 * reference topology's resources), which the test imports itself before each test (an import is idempotent).
 */
@QuarkusTest
@TestProfile(WhoCanReachVsFlowProfile.class)
class WhoCanReachVsFlowTest {
    static final String FLOW_FIELDS =
            """
            verdict allowedSourceRanges deniedSourceRanges undeterminedSourceRanges
            decisions { nsg matches { rule access } } blockers { nsg matches { rule access } }""";
    static final String WHO = "query($to: String!, $port: Int!, $protocol: Protocol) {"
            + " whoCanReach(to: $to, port: $port, protocol: $protocol) { caller callerKind verdict sourceKind"
            + " allowedSourceRanges deniedSourceRanges undeterminedSourceRanges flow { " + FLOW_FIELDS + " } } }";
    static final String FLOW = "query($from: String!, $to: String!, $port: Int!, $protocol: Protocol) {"
            + " flow(from: $from, to: $to, port: $port, protocol: $protocol) { source { kind } " + FLOW_FIELDS + " } }";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyListedCallerOfTheReferenceTopologyHasItsOwnFlowAndNoReachingCallerIsMissing() {
        Set<String> callers = callers(WhoCanReachVsFlowTest::ofTheReference);
        assertTrue(callers.size() >= 6, "the reference topology's ASEs, apps and NIC: " + callers);
        Set<String> verdicts = new TreeSet<>();
        for (Object[] q : List.<Object[]>of(
                new Object[] {"db-vm-nic", 1433, "TCP"},
                new Object[] {"ase-one", 443, "TCP"},
                new Object[] {"app2", 443, "TCP"},
                new Object[] {"azure-sql-westus", 1433, "TCP"},
                new Object[] {"13.107.21.200", 443, "TCP"},
                new Object[] {"192.168.10.5", 53, "UDP"})) {
            verdicts.addAll(compare((String) q[0], (Integer) q[1], (String) q[2], callers));
        }
        assertTrue(verdicts.containsAll(List.of("ALLOWED", "DENIED")), "both answers are exercised: " + verdicts);
    }

    @Test
    void everyListedCallerOfASmallGeneratedEstateHasItsOwnFlowAndNoReachingCallerIsMissing() throws IOException {
        importGenerated();
        Set<String> callers = callers(id -> !ofTheReference(id));
        assertTrue(callers.size() >= 10, "the generated estate's ASEs, apps and NICs: " + callers);
        List<String> nics = new ArrayList<>();
        List<String> ases = new ArrayList<>();
        for (String c : callers) {
            (c.contains("/networkInterfaces/")
                            ? nics
                            : c.contains("/hostingEnvironments/") ? ases : new ArrayList<String>())
                    .add(c);
        }
        Set<String> verdicts = new TreeSet<>();
        for (Object[] q : List.<Object[]>of(
                new Object[] {nics.get(0), 1433, "TCP"},
                new Object[] {nics.get(nics.size() - 1), 22, "TCP"},
                new Object[] {ases.get(0), 443, "TCP"},
                new Object[] {"13.107.21.200", 443, "TCP"},
                new Object[] {nics.get(nics.size() / 2), 53, "UDP"})) {
            verdicts.addAll(compare((String) q[0], (Integer) q[1], (String) q[2], callers));
        }
        assertTrue(verdicts.size() >= 2, "more than one verdict is exercised: " + verdicts);
    }

    /** Compares each row with its caller's own flow, and every candidate not listed with its flow; the verdicts seen. */
    private static Set<String> compare(String to, int port, String protocol, Set<String> candidates) {
        JsonNode rows = data(WHO, "to", to, "port", port, "protocol", protocol).path("whoCanReach");
        Map<String, JsonNode> listed = new HashMap<>();
        rows.forEach(r -> listed.put(r.path("caller").asText(), r));
        assertFalse(listed.isEmpty(), "whoCanReach " + to + ":" + port + " lists callers");
        Set<String> verdicts = new TreeSet<>();
        Set<String> asked = new HashSet<>(candidates);
        asked.addAll(listed.keySet());
        for (String caller : asked) {
            JsonNode flow = data(FLOW, "from", caller, "to", to, "port", port, "protocol", protocol)
                    .path("flow");
            String label = caller + " → " + to + ":" + port + "/" + protocol;
            JsonNode row = listed.get(caller);
            if (row == null) {
                String verdict = flow.path("verdict").asText();
                assertTrue(
                        verdict.equals("DENIED") || verdict.equals("UNREACHABLE") || sameResource(caller, to),
                        label + " is not listed though its flow is " + verdict);
                continue;
            }
            verdicts.add(row.path("verdict").asText());
            assertEquals(flow.path("verdict"), row.path("verdict"), label + ": verdict");
            assertEquals(flow.path("source").path("kind"), row.path("sourceKind"), label + ": source kind");
            for (String ranges : List.of("allowedSourceRanges", "deniedSourceRanges", "undeterminedSourceRanges")) {
                assertEquals(flow.path(ranges), row.path(ranges), label + ": " + ranges);
            }
            assertEquals(flow.path("decisions"), row.path("flow").path("decisions"), label + ": deciding rules");
            assertEquals(flow.path("blockers"), row.path("flow").path("blockers"), label + ": blockers");
            assertEquals(flow.path("verdict"), row.path("flow").path("verdict"), label + ": the row's own flow");
        }
        return verdicts;
    }

    /** The reference topology's resources are all in its resource group {@code ase-rg}. */
    private static boolean ofTheReference(String id) {
        return id.toLowerCase(Locale.ROOT).contains("/resourcegroups/ase-rg/");
    }

    private static boolean sameResource(String caller, String to) {
        return caller.toLowerCase(Locale.ROOT).endsWith("/" + to.toLowerCase(Locale.ROOT));
    }

    /** The ids of every ASE, app and network interface that {@code keep} accepts. */
    private static Set<String> callers(java.util.function.Predicate<String> keep) {
        JsonNode d = data(
                "{ environments(limit: 500) { id } apps(limit: 500) { id } networkInterfaces(limit: 500) { id } }");
        Set<String> out = new TreeSet<>();
        for (String listing : List.of("environments", "apps", "networkInterfaces")) {
            d.path(listing).forEach(r -> {
                String id = r.path("id").asText();
                if (keep.test(id)) {
                    out.add(id);
                }
            });
        }
        return out;
    }

    private static JsonNode data(String document, Object... variables) {
        String body = Gql.post(document, variables)
                .body("errors", org.hamcrest.Matchers.nullValue())
                .extract()
                .asString();
        try {
            return JSON.readTree(body).path("data");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Imports the small generated estate without the reference topology's resources (the generator writes some of
     * them again, changed): the reference test sees the reference topology as seeded.
     */
    private static void importGenerated() throws IOException {
        Path dir = Files.createTempDirectory("who-can-reach");
        EstateGenerator.generate(EstateSpec.SMALL, 11, dir, false);
        Set<String> reference = new HashSet<>();
        for (JsonNode r :
                JSON.readTree(Path.of("graph-seed/reference-topology.az.json").toFile())) {
            reference.add(r.path("id").asText().toLowerCase(Locale.ROOT));
        }
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode r :
                JSON.readTree(dir.resolve(EstateGenerator.RESOURCES_FILE).toFile())) {
            if (!reference.contains(r.path("id").asText().toLowerCase(Locale.ROOT))) {
                kept.add(r);
            }
        }
        String tags = Files.readString(dir.resolve(EstateGenerator.SERVICE_TAGS_FILE));
        for (String document : List.of(JSON.writeValueAsString(kept), tags)) {
            Gql.post("mutation($d: String!) { importResources(document: $d) { created } }", "d", document)
                    .body("errors", org.hamcrest.Matchers.nullValue());
        }
    }
}
