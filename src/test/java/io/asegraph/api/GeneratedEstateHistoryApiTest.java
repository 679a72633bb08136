package io.asegraph.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.bench.EstateSpec;
import io.asegraph.net.Cidr;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What if and what changed on the small generated estate (the bench generator's SMALL spec, its own seed so its ids
 * are its own, without the reference topology's resources), through the real GraphQL stack and store: the flows are
 * found by asking the service, not written down. A what-if narrowing the rule that allows a flow turns ALLOWED into
 * PARTIAL, losing exactly the part narrowed away; an invalid what-if writes nothing; three writes are three versions;
 * their diff names every changed resource field by field, and with flows gives the verdicts at both versions (the
 * earlier rebuilt from the change log) equal to what the service answered at each; a dry run answers the drift.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class GeneratedEstateHistoryApiTest {
    static final long SEED = 1515;
    private static ArrayNode estate;

    static final String FLOW_FIELDS =
            "verdict allowedSourceRanges decisions { nsg direction matches { rule access sourceRanges } }";
    static final String WHAT_IF =
            """
            query($document: String!, $flows: [FlowQuestion]) {
              whatIf(document: $document, flows: $flows, audits: false) {
                version resources { id name change details } flows { before after changed gained lost } } }""";
    static final String DIFF =
            """
            query($from: Int!, $to: Int, $flows: [FlowQuestion]) {
              estateDiff(from: $from, to: $to, flows: $flows) {
                from to resources { id name type change details } flows { from to port before after changed gained lost
                  beforeFlow { allowedSourceRanges } afterFlow { allowedSourceRanges } } } }""";

    /**
     * A flow the generated estate allows over one block, the NSG that filters it inbound at its destination, the
     * priorities free there, and the block's two halves.
     */
    record Narrowing(Map<String, Object> flow, ObjectNode nsg, int priority, String allowed, String kept, String cut) {
        String nsgId() {
            return nsg.path("id").asText();
        }

        /** putSecurityRule's argument: {@code name}, {@code access} from {@code source} on the flow's port. */
        Map<String, Object> rule(String name, int priority, String access, String source) {
            return ImportApiTest.inboundRule(name, priority, access, source, String.valueOf(flow.get("port")));
        }

        /** The allow narrowed to the kept half, as a whatIf edit. */
        String narrowingEdit() throws Exception {
            return TestEstate.MAPPER.writeValueAsString(Map.of(
                    "edits",
                    List.of(Map.of(
                            "putSecurityRule",
                            Map.of("nsg", nsgId(), "rule", rule("h15d-allow", priority, "ALLOW", kept))))));
        }
    }

    @BeforeEach
    void importEstate() throws Exception {
        if (estate == null) {
            Path dir = Files.createTempDirectory("asegraph-h15d");
            estate = (ArrayNode) TestEstate.MAPPER.readTree(ImportTestProfile.generated(EstateSpec.SMALL, SEED, dir));
        }
        // Idempotent: the first import creates it, a later one puts back what an earlier test changed.
        Gql.post("mutation($d: String!) { importResources(document: $d) { created } }", "d", TestEstate.text(estate))
                .body("errors", nullValue());
    }

    private static List<JsonNode> ofType(String type) {
        List<JsonNode> out = new ArrayList<>();
        estate.forEach(r -> {
            if (r.path("type").asText().equalsIgnoreCase(type)) {
                out.add(r);
            }
        });
        return out;
    }

    private static int version() {
        return Gql.post("{ estateVersions(limit: 1) { version } }")
                .body("errors", nullValue())
                .extract()
                .path("data.estateVersions[0].version");
    }

    /**
     * Asks the service every flow from a generated ASE or NIC to a generated NIC on 443 (in requests of 40: the service's
     * query complexity limit counts every field), and keeps those ALLOWED over one block wider than an address whose
     * destination's NSG (inbound) is one of the document's.
     */
    static List<Narrowing> candidates() {
        List<String> callers = new ArrayList<>();
        ofType("Microsoft.Web/hostingEnvironments")
                .forEach(a -> callers.add(a.path("id").asText()));
        ofType("Microsoft.Network/networkInterfaces")
                .forEach(a -> callers.add(a.path("id").asText()));
        List<String> nics = ofType("Microsoft.Network/networkInterfaces").stream()
                .map(a -> a.path("id").asText())
                .toList();
        Map<String, ObjectNode> nsgs = new LinkedHashMap<>();
        for (JsonNode n : ofType("Microsoft.Network/networkSecurityGroups")) {
            nsgs.put(n.path("id").asText().toLowerCase(), (ObjectNode) n);
        }
        List<Map<String, Object>> asked = new ArrayList<>();
        for (String a : callers) {
            for (String n : nics) {
                if (!a.equals(n)) {
                    asked.add(Map.of("from", a, "to", n, "port", 443));
                }
            }
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int from = 0; from < asked.size(); from += 40) {
            StringBuilder q = new StringBuilder("{");
            for (int i = from; i < Math.min(asked.size(), from + 40); i++) {
                Map<String, Object> f = asked.get(i);
                q.append(" f%d: flow(from: \"%s\", to: \"%s\", port: %d) { %s }"
                        .formatted(i, f.get("from"), f.get("to"), f.get("port"), FLOW_FIELDS));
            }
            answers.putAll(Gql.post(q.append(" }").toString())
                    .body("errors", nullValue())
                    .extract()
                    .jsonPath()
                    .getMap("data"));
        }
        List<Narrowing> out = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) answers.get("f" + i);
            @SuppressWarnings("unchecked")
            List<String> allowed = (List<String>) f.get("allowedSourceRanges");
            if (!"ALLOWED".equals(f.get("verdict")) || allowed.size() != 1) {
                continue;
            }
            Cidr block = Cidr.parseBlock(allowed.get(0));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> decisions = (List<Map<String, Object>>) f.get("decisions");
            for (Map<String, Object> d : decisions) {
                ObjectNode nsg = nsgs.get(((String) d.get("nsg")).toLowerCase());
                if (block.length() >= 32 || !"INBOUND".equals(d.get("direction")) || nsg == null) {
                    continue;
                }
                Set<Integer> used = new java.util.HashSet<>();
                for (JsonNode r : nsg.path("properties").path("securityRules")) {
                    if (r.path("properties").path("direction").asText().equals("Inbound")) {
                        used.add(r.path("properties").path("priority").asInt());
                    }
                }
                int p = 4000;
                while (used.contains(p) || used.contains(p + 1)) {
                    p++;
                }
                Cidr kept = new Cidr(block.base(), block.length() + 1);
                Cidr cut = new Cidr(block.base() + Cidr.blockSize(block.length() + 1), block.length() + 1);
                out.add(new Narrowing(asked.get(i), nsg, p, block.toString(), kept.toString(), cut.toString()));
                break;
            }
        }
        return out;
    }

    /**
     * The first candidate, with its destination's NSG given (a real write) an allow of the block on the flow's port and
     * a deny of it right below: the flow stays ALLOWED, now by that rule (the generated SMALL estate has no flow
     * between its ASEs and NICs that a single user rule allows with a deny under it: its ALLOWED flows pass by the
     * default rules). Asserts the flow is still allowed, over the same block.
     */
    static Narrowing narrowable() {
        List<Narrowing> all = candidates();
        assertFalse(all.isEmpty(), "the service allows some flow to a generated NIC behind a generated NSG");
        Narrowing n = all.get(0);
        Gql.post(
                        ImportApiTest.PUT_RULE,
                        "nsg",
                        n.nsgId(),
                        "rule",
                        n.rule("h15d-allow", n.priority(), "ALLOW", n.allowed()))
                .body("errors", nullValue());
        Gql.post(
                        ImportApiTest.PUT_RULE,
                        "nsg",
                        n.nsgId(),
                        "rule",
                        n.rule("h15d-deny", n.priority() + 1, "DENY", n.allowed()))
                .body("errors", nullValue());
        Map<String, Object> f = n.flow();
        Gql.post(
                        "query($f: String!, $t: String!, $p: Int!) { flow(from: $f, to: $t, port: $p) { verdict"
                                + " allowedSourceRanges } }",
                        "f",
                        f.get("from"),
                        "t",
                        f.get("to"),
                        "p",
                        f.get("port"))
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.allowedSourceRanges", equalTo(List.of(n.allowed())));
        return n;
    }

    @Test
    void aWhatIfNarrowingTheAllowingRuleTurnsAllowedIntoPartialLosingTheHalfCutAway() throws Exception {
        Narrowing n = narrowable();
        int before = version();
        Gql.post(WHAT_IF, "document", n.narrowingEdit(), "flows", List.of(n.flow()))
                .body("errors", nullValue())
                .body("data.whatIf.flows[0].before", equalTo("ALLOWED"))
                .body("data.whatIf.flows[0].after", equalTo("PARTIAL"))
                .body("data.whatIf.flows[0].changed", equalTo(true))
                .body("data.whatIf.flows[0].lost", equalTo(List.of(n.cut())))
                .body("data.whatIf.flows[0].gained", equalTo(List.of()))
                .body(
                        "data.whatIf.resources[0].details",
                        equalTo(List.of("rule h15d-allow sourceAddressPrefixes " + n.allowed() + " → " + n.kept())))
                .body(
                        "data.whatIf.resources.id",
                        equalTo(List.of(n.nsg().path("id").asText())))
                .body("data.whatIf.resources[0].change", equalTo("UPDATED"));
        assertEquals(before, version(), "a what-if writes nothing");
    }

    @Test
    void anInvalidWhatIfAnswersInvalidDocumentAndWritesNothing() {
        int before = version();
        ObjectNode nsg = (ObjectNode)
                ofType("Microsoft.Network/networkSecurityGroups").get(0).deepCopy();
        ObjectNode props =
                (ObjectNode) nsg.path("properties").path("securityRules").get(0).path("properties");
        props.put("priority", 99_999);
        Gql.post(WHAT_IF, "document", TestEstate.text(nsg))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].extensions.problems[0].location", org.hamcrest.Matchers.containsString("priority"));
        assertEquals(before, version(), "nothing written");
    }

    @Test
    void threeWritesAreThreeVersionsWhoseDiffNamesEveryChangeAndWhoseFlowsAreTheVerdictsAtEach() throws Exception {
        Narrowing n = narrowable();
        String nsgId = n.nsgId();
        int v0 = version();
        // Write 1: the narrowing, as the what-if proposed it.
        Map<String, Object> narrowed = n.rule("h15d-allow", n.priority(), "ALLOW", n.kept());
        Gql.post(ImportApiTest.PUT_RULE, "nsg", nsgId, "rule", narrowed).body("errors", nullValue());
        int first = version();
        // Write 2: a rule added to another NSG; write 3: a generated rule of the narrowed NSG removed (the flow was
        // allowed by a default rule before the test's allow, so no generated rule decides it).
        ObjectNode other = ofType("Microsoft.Network/networkSecurityGroups").stream()
                .filter(x -> !x.path("id").asText().equalsIgnoreCase(nsgId))
                .map(ObjectNode.class::cast)
                .findFirst()
                .orElseThrow();
        Set<Integer> used = new java.util.HashSet<>();
        other.path("properties")
                .path("securityRules")
                .forEach(r -> used.add(r.path("properties").path("priority").asInt()));
        int free = 4000;
        while (used.contains(free)) {
            free++;
        }
        Gql.post(
                        ImportApiTest.PUT_RULE,
                        "nsg",
                        other.path("id").asText(),
                        "rule",
                        ImportApiTest.inboundRule("h15d-deny-rdp", free, "DENY", "*", "3389"))
                .body("errors", nullValue());
        JsonNode generatedRules = n.nsg().path("properties").path("securityRules");
        assertTrue(generatedRules.size() > 0, "the narrowed NSG has generated rules");
        String removedRule = generatedRules.get(0).path("name").asText();
        Gql.post(
                        "mutation($nsg: String!, $rule: String!) { removeSecurityRule(nsg: $nsg, name: $rule) { name } }",
                        "nsg",
                        nsgId,
                        "rule",
                        removedRule)
                .body("errors", nullValue());
        int third = version();
        assertEquals(first + 2, third, "three writes, three versions");

        JsonPath versions = Gql.post("{ estateVersions(limit: 3) { version principal operation updated diffable } }")
                .body("errors", nullValue())
                .extract()
                .jsonPath();
        assertEquals(List.of(third, third - 1, first), versions.getList("data.estateVersions.version"));
        assertEquals(List.of("tester", "tester", "tester"), versions.getList("data.estateVersions.principal"));
        List<String> operations = versions.getList("data.estateVersions.operation");
        assertTrue(operations.get(0).startsWith("removeSecurityRule " + removedRule), operations.toString());
        assertTrue(operations.get(1).startsWith("putSecurityRule h15d-deny-rdp"), operations.toString());
        assertTrue(operations.get(2).startsWith("putSecurityRule h15d-allow"), operations.toString());
        assertEquals(List.of(true, true, true), versions.getList("data.estateVersions.diffable"));

        // first → third: both NSGs, field by field.
        JsonPath diff = Gql.post(DIFF, "from", first, "to", third)
                .body("errors", nullValue())
                .extract()
                .jsonPath();
        assertEquals(
                Set.of(nsgId.toLowerCase(), other.path("id").asText().toLowerCase()),
                Set.copyOf(diff.getList("data.estateDiff.resources.id").stream()
                        .map(x -> ((String) x).toLowerCase())
                        .toList()));
        assertEquals(List.of(), diff.getList("data.estateDiff.flows"), "no flows asked, none answered");
        String all = diff.getList("data.estateDiff.resources.details").toString();
        assertTrue(all.contains("rule h15d-deny-rdp added"), all);
        assertTrue(all.contains("rule " + removedRule + " removed"), all);
        // v0 → first: the narrowing, field by field.
        Gql.post(DIFF, "from", v0, "to", first)
                .body("errors", nullValue())
                .body(
                        "data.estateDiff.resources.details",
                        equalTo(List.of(List.of(
                                "rule h15d-allow" + " sourceAddressPrefixes " + n.allowed() + " → " + n.kept()))));

        // With the flow: v0 (rebuilt from the change log) against the current estate, and v0 against first (both
        // rebuilt): ALLOWED before, PARTIAL after, losing the half cut away, as the what-if said before the write.
        for (int to : List.of(third, first)) {
            Gql.post(DIFF, "from", v0, "to", to, "flows", List.of(n.flow()))
                    .body("errors", nullValue())
                    .body("data.estateDiff.flows[0].before", equalTo("ALLOWED"))
                    .body("data.estateDiff.flows[0].after", equalTo("PARTIAL"))
                    .body("data.estateDiff.flows[0].lost", equalTo(List.of(n.cut())))
                    .body("data.estateDiff.flows[0].beforeFlow.allowedSourceRanges", equalTo(List.of(n.allowed())))
                    .body("data.estateDiff.flows[0].afterFlow.allowedSourceRanges", equalTo(List.of(n.kept())));
        }
        // Between first and third the flow did not change.
        Gql.post(DIFF, "from", first, "flows", List.of(n.flow()))
                .body("errors", nullValue())
                .body("data.estateDiff.flows[0].before", equalTo("PARTIAL"))
                .body("data.estateDiff.flows[0].after", equalTo("PARTIAL"));
    }

    @Test
    void aVersionThatCannotBeRebuiltExactlyAnswersUndeterminedNamingTheCause() {
        int before = version();
        // A Service Tag of this test's own, new: the tags' earlier prefixes are not put back, so no version before it
        // is rebuilt (the diff itself still lists it).
        String tags = "{\"changeNumber\": 1, \"cloud\": \"Public\", \"values\": [{\"name\": \"H15dTag\","
                + " \"id\": \"H15dTag\", \"properties\": {\"changeNumber\": " + (before + 1) + ", \"region\": \"\","
                + " \"systemService\": \"\", \"addressPrefixes\": [\"198.18.15.0/24\"]}}]}";
        Gql.post("mutation($d: String!) { importResources(document: $d) { created updated } }", "d", tags)
                .body("errors", nullValue());
        Map<String, Object> flow = Map.of(
                "from",
                ofType("Microsoft.Web/hostingEnvironments").get(0).path("id").asText(),
                "to",
                ofType("Microsoft.Network/networkInterfaces").get(0).path("id").asText(),
                "port",
                443);
        Gql.post(DIFF, "from", before, "flows", List.of(flow))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Service Tags changed"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("H15dTag"));
        Gql.post(DIFF, "from", before)
                .body("errors", nullValue())
                .body("data.estateDiff.resources.name", org.hamcrest.Matchers.hasItem("H15dTag"));
    }

    @Test
    void aDryRunAnswersTheDriftResourceByResourceAndWritesNothing() {
        ObjectNode nsg = (ObjectNode)
                ofType("Microsoft.Network/networkSecurityGroups").get(0).deepCopy();
        ObjectNode props =
                (ObjectNode) nsg.path("properties").path("securityRules").get(0).path("properties");
        int priority = props.path("priority").asInt();
        String name =
                nsg.path("properties").path("securityRules").get(0).path("name").asText();
        props.put("priority", priority + 1);
        int before = version();
        Gql.post(
                        "mutation($d: String!) { importResources(document: $d, dryRun: true) { dryRun updated"
                                + " changes { id change details } } }",
                        "d",
                        TestEstate.text(nsg))
                .body("errors", nullValue())
                .body("data.importResources.dryRun", equalTo(true))
                .body("data.importResources.updated", equalTo(1))
                .body(
                        "data.importResources.changes.id",
                        equalTo(List.of(nsg.path("id").asText())))
                .body("data.importResources.changes[0].change", equalTo("UPDATED"))
                .body(
                        "data.importResources.changes[0].details",
                        equalTo(List.of("rule " + name + " priority " + priority + " → " + (priority + 1))));
        assertEquals(before, version(), "a dry run writes nothing");
    }
}
