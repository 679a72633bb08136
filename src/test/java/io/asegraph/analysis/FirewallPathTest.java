package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Calls through an Azure Firewall in the path engine, without the service: the hub-and-spoke estate of
 * {@code src/test/resources/estates/hub-firewall.json} (the document {@code FirewallEstateTest} imports through HTTP)
 * read by the importer's parser into records, and asked with {@link FlowAnalyzer}. Each test pins what one branch of
 * the firewall hop decides — source NAT to every public IP, no translation for private destinations, the SNAT
 * private-range setting, the firewall's verdict over the whole ASE subnet, a policy hierarchy, a policy not in the
 * snapshot, an IP group — with exact ranges and the hop kinds and steps of the trace.
 */
class FirewallPathTest {
    static final Path DOCUMENT = Path.of("src/test/resources/estates/hub-firewall.json");
    static final Path TAGS = Path.of("src/test/resources/estates/hub-firewall-tags.json");
    static final Path POLICY_DOCUMENT = Path.of("src/test/resources/estates/hub-firewall-policy.json");
    static final String NET = "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers"
            + "/Microsoft.Network";
    static final ObjectMapper JSON = new ObjectMapper();

    static ArrayNode read(Path file) {
        try {
            return (ArrayNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument parse(String json) {
        ParsedDocument d = ImportParser.parse(json);
        assertTrue(d.isValid(), () -> "the test document imports: " + d.problems());
        return d;
    }

    /** The estate, after {@code edit} changed the resources document. */
    static FlowAnalyzer analyzer(Consumer<ArrayNode> edit) {
        ArrayNode doc = read(DOCUMENT);
        edit.accept(doc);
        return new FlowAnalyzer(AnalysisContext.of(JsonEstates.of(doc.toString(), JsonEstates.read(TAGS))));
    }

    static FlowAnalyzer analyzer() {
        return analyzer(doc -> {});
    }

    static ObjectNode firewall(ArrayNode doc) {
        for (JsonNode r : doc) {
            if (r.path("type").asText().equals("Microsoft.Network/azureFirewalls")) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no firewall in " + DOCUMENT);
    }

    static List<String> kinds(List<Hop> trace) {
        return trace.stream().map(h -> h.kind().label()).toList();
    }

    static List<String> cidrs(AddressSet set) {
        return set.toCidrStrings();
    }

    static FlowResult flow(FlowAnalyzer a, String from, String to, int port) {
        return a.analyze(from, to, port, Protocol.TCP);
    }

    @Test
    void anInternetCallThroughTheFirewallLeavesFromEveryOneOfItsPublicIpsAndItsRuleDecides() {
        FlowResult f = flow(analyzer(), "locked-ase", "hubfw-partner", 443);
        CallSource c = f.callSource();
        assertEquals(SourceKind.AZURE_FIREWALL, c.kind(), c.reason());
        assertEquals(List.of("20.50.0.10/31"), cidrs(c.sources()), "both public IPs, 20.50.0.10 and .11");
        assertTrue(c.reason().contains("hub-fw"), c.reason());
        assertEquals(List.of("AppServiceEnvironment", "AzureFirewall", "Endpoint"), kinds(c.trace()));
        assertTrue(
                c.trace().get(1).stepTypes().contains(StepType.SOURCE_NAT),
                c.trace().get(1).toString());

        assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
        assertEquals(List.of("10.200.0.0/24"), cidrs(f.allowedSources()));
        assertEquals(1, f.firewalls().size());
        FirewallEvaluator.Decision d = f.firewalls().get(0);
        assertTrue(d.firewall().id().value().endsWith("/azureFirewalls/hub-fw"));
        assertEquals(
                List.of("egress/https-out (priority 200)"),
                d.matches().stream().map(FirewallEvaluator.Match::describe).toList());
    }

    @Test
    void aPrivateDestinationThroughTheFirewallIsNotTranslated() {
        FlowResult f = flow(analyzer(), "locked-ase", "api-nic", 443);
        CallSource c = f.callSource();
        assertEquals(SourceKind.SUBNET_RANGE, c.kind(), c.reason());
        assertEquals("10.200.0.0/24", c.addressRange().orElseThrow().toString());
        assertEquals(List.of("AppServiceEnvironment", "AzureFirewall", "NetworkInterface"), kinds(c.trace()));
        assertTrue(
                c.trace().get(1).steps().stream().anyMatch(s -> s.detail().contains("Not translated")),
                c.trace().get(1).toString());
    }

    @Test
    void aNetworkRuleAdmittingHalfTheAseSubnetGivesPartialWithTheExactSubRanges() {
        FlowResult f = flow(analyzer(), "locked-ase", "api-nic", 443);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        assertEquals(List.of("10.200.0.0/25"), cidrs(f.allowedSources()));
        assertEquals(List.of("10.200.0.128/25"), cidrs(f.deniedSources()));
        FirewallEvaluator.Decision d = f.firewalls().get(0);
        assertEquals(Verdict.PARTIAL, d.verdict());
        assertEquals(
                List.of("ase-front-half-to-api", FirewallEvaluator.NO_RULE_MATCHES),
                d.matches().stream().map(FirewallEvaluator.Match::rule).toList());
        assertEquals(List.of("10.200.0.0/25"), cidrs(d.matches().get(0).sources()));
        assertEquals(List.of("10.200.0.128/25"), cidrs(d.matches().get(1).sources()));
        // The spoke's NSG admits the whole ASE subnet: only the firewall blocks.
        assertEquals(
                List.of(Verdict.ALLOWED),
                f.decisions().stream().map(NsgDecisionResult::verdict).toList());
        assertEquals(List.of(), f.blockers());
        assertTrue(f.reason().contains("implicit deny of Azure Firewall hub-fw"), f.reason());
    }

    @Test
    void aCallNoRuleAdmitsIsDroppedAtTheFirewallByTheImplicitDeny() {
        FlowResult f = flow(analyzer(), "locked-ase", "hubfw-partner", 80);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        assertEquals(List.of("10.200.0.0/24"), cidrs(f.deniedSources()));
        assertEquals(
                List.of(FirewallEvaluator.NO_RULE_MATCHES), f.firewalls().get(0).denyingRules());
        assertTrue(f.reason().contains(FirewallEvaluator.NO_RULE_MATCHES), f.reason());
        assertEquals(List.of("AppServiceEnvironment", "AzureFirewall"), kinds(f.trace()));
        assertEquals(
                List.of(StepType.ROUTE, StepType.FILTER, StepType.DROP),
                f.trace().get(1).stepTypes());
    }

    @Test
    void theSnatPrivateRangeSettingDecidesWhetherAPrivateDestinationIsTranslated() {
        FlowAnalyzer always =
                analyzer(doc -> ((ObjectNode) firewall(doc).path("properties").path("additionalProperties"))
                        .put("Network.SNAT.PrivateRanges", "255.255.255.255/32"));
        CallSource c = flow(always, "locked-ase", "api-nic", 443).callSource();
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertTrue(c.reason().contains("private addresses in AzureFirewallSubnet"), c.reason());
    }

    @Test
    void aRuleNamingAnIpGroupThatIsNotImportedIsUndeterminedForTheSourcesItMayTake() {
        String group = NET + "/ipGroups/canary-workers";
        Consumer<ArrayNode> canaries = doc -> {
            ArrayNode collections = (ArrayNode) firewall(doc).path("properties").path("networkRuleCollections");
            ObjectNode c = JSON.createObjectNode().put("name", "canaries");
            ObjectNode p = c.putObject("properties").put("priority", 100);
            p.putObject("action").put("type", "Deny");
            ObjectNode rule = p.putArray("rules").addObject().put("name", "no-canary-to-api");
            rule.putArray("protocols").add("TCP");
            rule.putArray("sourceIpGroups").add(group);
            rule.putArray("destinationAddresses").add("10.201.0.0/24");
            rule.putArray("destinationPorts").add("443");
            collections.insert(0, c);
            ((ObjectNode) collections.get(1).path("properties")).put("priority", 110);
        };
        FlowResult f = flow(analyzer(canaries), "locked-ase", "api-nic", 443);
        assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
        assertEquals(List.of("10.200.0.0/24"), cidrs(f.undeterminedSources()));
        assertTrue(
                f.firewalls().get(0).causes().stream().anyMatch(s -> s.contains("IP group 'canary-workers'")),
                f.firewalls().get(0).causes().toString());

        FlowResult imported = flow(
                analyzer(canaries.andThen(doc -> {
                    ObjectNode g = doc.addObject()
                            .put("id", group)
                            .put("name", "canary-workers")
                            .put("type", "Microsoft.Network/ipGroups")
                            .put("location", "westeurope");
                    g.putObject("properties").putArray("ipAddresses").add("10.200.0.0/28");
                })),
                "locked-ase",
                "api-nic",
                443);
        assertEquals(Verdict.PARTIAL, imported.verdict(), imported.reason());
        assertEquals(List.of("10.200.0.16/28", "10.200.0.32/27", "10.200.0.64/26"), cidrs(imported.allowedSources()));
        assertEquals(List.of("10.200.0.0/28", "10.200.0.128/25"), cidrs(imported.deniedSources()));
        assertEquals(
                List.of("no-canary-to-api", "ase-front-half-to-api", FirewallEvaluator.NO_RULE_MATCHES),
                imported.firewalls().get(0).matches().stream()
                        .map(FirewallEvaluator.Match::rule)
                        .toList());
    }

    static Consumer<ArrayNode> withPolicy(String policy) {
        return doc -> {
            ObjectNode props = (ObjectNode) firewall(doc).path("properties");
            props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
            props.putObject("firewallPolicy").put("id", NET + "/firewallPolicies/" + policy);
            read(POLICY_DOCUMENT).forEach(doc::add);
        };
    }

    @Test
    void aFirewallPolicyAppliesItsParentsRulesFirstThenItsOwnByGroupAndCollectionPriority() {
        FlowAnalyzer a = analyzer(withPolicy("hub-policy"));
        FlowResult f = flow(a, "locked-ase", "api-nic", 443);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        assertEquals(List.of("10.200.0.64/26"), cidrs(f.allowedSources()));
        assertEquals(List.of("10.200.0.0/26", "10.200.0.128/25"), cidrs(f.deniedSources()));
        FirewallEvaluator.Decision d = f.firewalls().get(0);
        assertEquals(
                List.of("quarantined-workers", "ase-front-half-to-api", FirewallEvaluator.NO_RULE_MATCHES),
                d.matches().stream().map(FirewallEvaluator.Match::rule).toList());
        assertEquals(
                List.of("quarantine", "spoke-to-spoke", FirewallEvaluator.NO_RULE_MATCHES),
                d.matches().stream().map(FirewallEvaluator.Match::collection).toList());

        // An application rule by FQDN (HTTPS on 8443) cannot decide a call to an address.
        FlowResult byName = flow(a, "locked-ase", "hubfw-partner", 8443);
        assertEquals(Verdict.UNDETERMINED, byName.verdict(), byName.reason());
        assertEquals(List.of("10.200.0.0/26"), cidrs(byName.deniedSources()));
        assertEquals(List.of("10.200.0.64/26", "10.200.0.128/25"), cidrs(byName.undeterminedSources()));
        assertTrue(
                byName.firewalls().get(0).causes().stream().anyMatch(s -> s.contains("partner-by-name")),
                byName.firewalls().get(0).causes().toString());
    }

    @Test
    void aPolicyThatIsNotInTheSnapshotLeavesTheCallUndetermined() {
        FlowResult f = flow(analyzer(withPolicy("not-exported")), "locked-ase", "api-nic", 443);
        assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
        assertEquals(List.of("10.200.0.0/24"), cidrs(f.undeterminedSources()));
        assertTrue(
                f.firewalls().get(0).causes().stream().anyMatch(s -> s.contains("firewall policy not-exported")),
                f.firewalls().get(0).causes().toString());
    }

    @Test
    void aNetworkInterfaceLeavingByItsOwnPublicIpIsPublicIp() {
        CallSource c = flow(analyzer(), "jump-nic", "hubfw-partner", 443).callSource();
        assertEquals(SourceKind.PUBLIC_IP, c.kind(), c.reason());
        assertEquals("20.50.0.20", Ipv4.format(c.address().orElseThrow()));
    }

    @Test
    void aServiceEndpointKeepsTheSubnetsPrivateSourceAndBypassesTheFirewallRoute() {
        CallSource c = flow(analyzer(), "locked-ase", "hubfw-storage", 443).callSource();
        assertEquals(SourceKind.SUBNET_RANGE, c.kind(), c.reason());
        assertTrue(c.reason().contains("service endpoint"), c.reason());
        assertEquals(List.of("AppServiceEnvironment", "Endpoint"), kinds(c.trace()));
    }

    @Test
    void aServiceEndpointWhoseTagIsNotImportedLeavesPublicDestinationsUndetermined() {
        FlowAnalyzer a = analyzer();
        CallSource pub = flow(a, "sql-client-nic", "hubfw-partner", 443).callSource();
        assertEquals(SourceKind.UNDETERMINED, pub.kind(), pub.reason());
        assertTrue(pub.reason().contains("Sql.westeurope, which is not imported"), pub.reason());
        CallSource priv = flow(a, "sql-client-nic", "api-nic", 443).callSource();
        assertEquals(SourceKind.PRIVATE_ADDRESS, priv.kind(), priv.reason());
        assertEquals("10.100.4.4", Ipv4.format(priv.address().orElseThrow()));
    }
}
