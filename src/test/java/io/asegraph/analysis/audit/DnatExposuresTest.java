package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.Hop;
import io.asegraph.analysis.Step;
import io.asegraph.analysis.StepType;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Azure Firewall DNAT rules through {@link ExposureAudit} (and so {@link DnatExposures}), without the service: the
 * hub-and-spoke estate {@code estates/hub-firewall.json} with {@code estates/hub-firewall-dnat.json} on top (the two
 * documents {@code api.DnatExposureTest} imports), read by the importer's parser into records. {@code hub-fw}
 * (AzureFirewallSubnet 10.100.1.0/26, public 20.50.0.10 and .11) has NAT collection {@code inbound-nat} (priority 100):
 * {@code rdp-to-jump} publishes {@code rdp-vm-nic} (10.100.2.10, whose NSG {@code rdp-nsg} admits the firewall's subnet
 * on 3389) from 203.0.113.0/24 at 20.50.0.10:50000, {@code https-to-api} {@code api-nic} (its NSG denies the VNet on
 * 443), {@code https-to-kv} the private endpoint {@code kv-pe} (policies Disabled) and {@code https-to-sql}
 * {@code sql-pe} (pe-nsg denies the firewall's subnet). Each test edits one thing of that estate.
 */
class DnatExposuresTest {
    static final Path BASE = Path.of("src/test/resources/estates/hub-firewall.json");
    static final Path DNAT = Path.of("src/test/resources/estates/hub-firewall-dnat.json");
    static final Path TAGS = Path.of("src/test/resources/estates/hub-firewall-tags.json");
    static final String NET = "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers"
            + "/Microsoft.Network";
    static final String FW = NET + "/azureFirewalls/hub-fw";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Internet as hub-fw's public side sees it: the hub's VNet topology is private space, so only Azure's host. */
    static final AddressSet INTERNET = PrefixResolver.INTERNET.minus(PrefixResolver.AZURE_LOAD_BALANCER);

    private static ArrayNode read(Path file) {
        try {
            return (ArrayNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedDocument parse(String json) {
        ParsedDocument d = ImportParser.parse(json);
        assertTrue(d.isValid(), () -> "the test document imports: " + d.problems());
        return d;
    }

    /** hub-firewall.json with hub-firewall-dnat.json imported over it (same ids replaced), then {@code edit}. */
    static AnalysisContext estate(Consumer<ArrayNode> edit) {
        ArrayNode doc = read(BASE);
        for (JsonNode r : read(DNAT)) {
            boolean replaced = false;
            for (int i = 0; i < doc.size(); i++) {
                if (doc.get(i).path("id").asText().equals(r.path("id").asText())) {
                    doc.set(i, r);
                    replaced = true;
                }
            }
            if (!replaced) {
                doc.add(r);
            }
        }
        edit.accept(doc);
        return AnalysisContext.of(
                io.asegraph.analysis.JsonEstates.of(doc.toString(), io.asegraph.analysis.JsonEstates.read(TAGS)));
    }

    static ObjectNode resource(ArrayNode doc, String name) {
        for (JsonNode r : doc) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no " + name);
    }

    /** The NAT collection inbound-nat of hub-fw. */
    static ArrayNode natRules(ArrayNode doc) {
        return (ArrayNode) resource(doc, "hub-fw")
                .path("properties")
                .path("natRuleCollections")
                .get(0)
                .path("properties")
                .path("rules");
    }

    /** The rule of inbound-nat named {@code name}. */
    static ObjectNode natRule(ArrayNode doc, String name) {
        for (JsonNode r : natRules(doc)) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no rule " + name);
    }

    /** A NAT rule appended to inbound-nat. */
    static ObjectNode addNatRule(
            ArrayNode doc, String name, List<String> protocols, List<String> sources, String destination, String port) {
        ObjectNode rule = natRules(doc).addObject();
        rule.put("name", name);
        protocols.forEach(rule.putArray("protocols")::add);
        sources.forEach(rule.putArray("sourceAddresses")::add);
        rule.putArray("destinationAddresses").add(destination);
        rule.putArray("destinationPorts").add(port);
        return rule;
    }

    static List<Exposure> exposures(AnalysisContext context, Protocol protocol, Integer... ports) {
        return new ExposureAudit(context).exposures(List.of(ports), protocol);
    }

    static List<Exposure> dnatRows(List<Exposure> rows) {
        return rows.stream()
                .filter(e -> e.dnat().isPresent() || e.targetKind().equals("AzureFirewall"))
                .toList();
    }

    static Exposure only(List<Exposure> rows, String targetName, int port) {
        List<Exposure> found = rows.stream()
                .filter(e -> e.targetName().equals(targetName) && e.port() == port)
                .toList();
        assertEquals(1, found.size(), () -> targetName + ":" + port + " in " + summary(rows));
        return found.get(0);
    }

    static List<String> summary(List<Exposure> rows) {
        return rows.stream()
                .map(e -> e.targetName() + ":" + e.port() + " " + e.verdict())
                .toList();
    }

    static List<String> kinds(List<Hop> path) {
        return path.stream().map(h -> h.kind().label()).toList();
    }

    static List<String> details(Hop hop) {
        return hop.steps().stream().map(Step::detail).toList();
    }

    static AddressSet set(String... cidrs) {
        return AddressSet.parse(cidrs);
    }

    @Test
    void aDnatRulePublishingAVmIsAPartialExposureOfItsTranslatedPortWithTheRuleThePublicAddressAndThePath() {
        List<Exposure> rows = dnatRows(exposures(estate(doc -> {}), Protocol.TCP, 3389, 443));
        // rdp-vm-nic and kv-pe; api-nic (api-nsg denies the VNet) and sql-pe (pe-nsg denies the firewall) are none.
        assertEquals(List.of("kv-pe:443 ALLOWED", "rdp-vm-nic:3389 PARTIAL"), summary(rows));
        Exposure e = only(rows, "rdp-vm-nic", 3389);
        assertEquals(NET + "/networkInterfaces/rdp-vm-nic", e.target().value());
        assertEquals("NetworkInterface", e.targetKind());
        assertEquals(Protocol.TCP, e.protocol());
        assertEquals(Optional.of(Ipv4.parse("20.50.0.10")), e.publicAddress());
        assertEquals(set("203.0.113.0/24"), e.exposedSources());
        assertEquals(AddressSet.EMPTY, e.undeterminedSources());
        assertEquals(
                List.of(
                        "hub-fw inbound-nat/rdp-to-jump (DNAT, priority 100)",
                        "rdp-nsg securityRules/allow-rdp-from-firewall"),
                e.admittedBy());
        assertEquals(List.of(), e.causes());
        // rdp-nsg admits the firewall's whole subnet and the rule names its sources: nothing to warn about.
        assertEquals(List.of(), e.warnings());

        DnatPublication d = e.dnat().orElseThrow();
        assertEquals(FW, d.firewall().value());
        assertEquals("hub-fw", d.firewallName());
        assertEquals("inbound-nat", d.ruleCollection());
        assertEquals("rdp-to-jump", d.rule());
        assertEquals(100, d.priority());
        assertEquals(List.of(Ipv4.parse("20.50.0.10")), d.publicAddresses());
        assertEquals(List.of("50000"), d.publicPorts());
        assertEquals(Ipv4.parse("10.100.2.10"), d.translatedAddress());
        assertEquals(3389, d.translatedPort());
        assertEquals(set("10.100.1.0/26"), d.arrivesFrom());

        assertEquals(List.of("Internet", "AzureFirewall", "Subnet", "NetworkInterface"), kinds(e.path()));
        assertEquals(
                List.of("Internet sources send TCP port 50000 to 20.50.0.10 (hub-fw)."),
                details(e.path().get(0)));
        assertEquals(FW, e.path().get(1).node());
        assertEquals(
                List.of(StepType.ROUTE, StepType.SOURCE_NAT), e.path().get(1).stepTypes());
        assertEquals(
                List.of(
                        "Azure Firewall hub-fw: DNAT rule rdp-to-jump of collection inbound-nat (priority 100) admits"
                                + " 203.0.113.0/24 and translates the destination to 10.100.2.10:3389.",
                        "hub-fw translates the source to one of its addresses in AzureFirewallSubnet 10.100.1.0/26,"
                                + " so the NSGs see that, not the Internet address."),
                details(e.path().get(1)));
        assertEquals(
                List.of("No NSG on mgmt-subnet: nothing filters at the subnet."),
                details(e.path().get(2)));
        assertEquals(List.of(StepType.FILTER, StepType.DELIVER), e.path().get(3).stepTypes());
        assertEquals(
                List.of(
                        "rdp-nsg (inbound) admits every address of hub-fw's subnet by rdp-nsg"
                                + " securityRules/allow-rdp-from-firewall.",
                        "Delivered to rdp-vm-nic (10.100.2.10) on TCP port 3389, from one of hub-fw's addresses in"
                                + " 10.100.1.0/26."),
                details(e.path().get(3)));
    }

    @Test
    void aDnatRuleToAPrivateEndpointWhoseSubnetBypassesItsNsgIsAllowedFromEveryInternetSourceAndWarnsOfTheStar() {
        Exposure e = only(dnatRows(exposures(estate(doc -> {}), Protocol.TCP, 443)), "kv-pe", 443);
        assertEquals("PrivateEndpoint", e.targetKind());
        assertEquals(NET + "/privateEndpoints/kv-pe", e.target().value());
        assertEquals(Verdict.ALLOWED, e.verdict());
        assertEquals(INTERNET, e.exposedSources());
        assertEquals(Optional.of(Ipv4.parse("20.50.0.11")), e.publicAddress());
        assertEquals(List.of("hub-fw inbound-nat/https-to-kv (DNAT, priority 100)"), e.admittedBy());
        assertEquals(2, e.warnings().size(), e.warnings()::toString);
        assertTrue(e.warnings().get(0).contains("NSG pe-nsg of pe-disabled-subnet bypassed"), e.warnings()::toString);
        assertEquals(
                "DNAT rule https-to-kv of collection inbound-nat (priority 100) admits any source (*); Microsoft"
                        + " recommends naming specific Internet sources for DNAT.",
                e.warnings().get(1));
        assertEquals(List.of("Internet", "AzureFirewall", "Subnet", "PrivateEndpoint"), kinds(e.path()));
        assertEquals(List.of(e.warnings().get(0)), details(e.path().get(2)));
        assertEquals(
                "Delivered to kv-pe (10.200.3.4) on TCP port 443, from one of hub-fw's addresses in 10.100.1.0/26.",
                details(e.path().get(3)).get(0));
        assertEquals(List.of("8443"), e.dnat().orElseThrow().publicPorts());
    }

    @Test
    void aLaterDnatRuleForTheSameAddressAndPortGetsOnlyTheSourcesNoEarlierRuleTook() {
        AnalysisContext context = estate(doc -> {
            ObjectNode overlap = addNatRule(
                    doc,
                    "rdp-overlap",
                    List.of("TCP"),
                    List.of("203.0.113.0/25", "198.51.100.0/24"),
                    "20.50.0.10",
                    "50000");
            overlap.put("translatedAddress", "10.100.2.10").put("translatedPort", "3389");
            ObjectNode shadowed =
                    addNatRule(doc, "rdp-shadowed", List.of("TCP"), List.of("203.0.113.128/25"), "20.50.0.10", "50000");
            shadowed.put("translatedAddress", "10.100.2.10").put("translatedPort", "3389");
            // Another public port is another key: it takes its sources whatever rdp-to-jump took.
            ObjectNode other =
                    addNatRule(doc, "rdp-other-port", List.of("TCP"), List.of("203.0.113.0/24"), "20.50.0.10", "50001");
            other.put("translatedAddress", "10.100.2.10").put("translatedPort", "3389");
        });
        List<Exposure> rows = exposures(context, Protocol.TCP, 3389).stream()
                .filter(e -> e.targetName().equals("rdp-vm-nic"))
                .toList();
        assertEquals(
                List.of("rdp-to-jump", "rdp-overlap", "rdp-other-port"),
                rows.stream().map(e -> e.dnat().orElseThrow().rule()).toList());
        assertEquals(set("203.0.113.0/24"), rows.get(0).exposedSources());
        assertEquals(set("198.51.100.0/24"), rows.get(1).exposedSources());
        assertEquals(set("203.0.113.0/24"), rows.get(2).exposedSources());
    }

    @Test
    void aTranslatedFqdnOrNameIsAnUndeterminedRowOnTheFirewallNamingTheRule() {
        AnalysisContext context = estate(doc -> {
            natRule(doc, "rdp-to-jump").put("translatedAddress", "");
            natRule(doc, "https-to-kv").put("translatedAddress", "kv.example.internal");
        });
        List<Exposure> rows = dnatRows(exposures(context, Protocol.TCP, 3389, 443));
        Exposure rdp = only(rows.stream().filter(e -> e.port() == 3389).toList(), "hub-fw", 3389);
        assertEquals("AzureFirewall", rdp.targetKind());
        assertEquals(FW, rdp.target().value());
        assertEquals(Verdict.UNDETERMINED, rdp.verdict());
        assertEquals(AddressSet.EMPTY, rdp.exposedSources());
        assertEquals(set("203.0.113.0/24"), rdp.undeterminedSources());
        assertEquals(Optional.of(Ipv4.parse("20.50.0.10")), rdp.publicAddress());
        assertEquals(Optional.empty(), rdp.dnat());
        assertEquals(List.of(), rdp.admittedBy());
        String cause = "DNAT rule rdp-to-jump of collection inbound-nat (priority 100) gives no translated address (a"
                + " translatedFqdn is not imported), so what it publishes cannot be told";
        assertEquals(List.of(cause), rdp.causes());
        assertEquals(List.of("Internet", "AzureFirewall"), kinds(rdp.path()));
        assertEquals(List.of(StepType.FILTER), rdp.path().get(1).stepTypes());
        assertEquals(List.of(cause + "."), details(rdp.path().get(1)));

        Exposure kv = rows.stream()
                .filter(e -> e.port() == 443 && e.targetName().equals("hub-fw"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(summary(rows)));
        assertEquals(
                List.of("DNAT rule https-to-kv of collection inbound-nat (priority 100) translates to"
                        + " 'kv.example.internal', not an address, so what it publishes cannot be told"),
                kv.causes());
        assertEquals(INTERNET, kv.undeterminedSources());
        assertEquals(Optional.of(Ipv4.parse("20.50.0.11")), kv.publicAddress());
    }

    @Test
    void aTranslatedAddressInNoModelledSubnetIsAnUndeterminedRowOnTheFirewall() {
        AnalysisContext context = estate(doc -> natRule(doc, "rdp-to-jump").put("translatedAddress", "10.150.0.5"));
        Exposure e = only(dnatRows(exposures(context, Protocol.TCP, 3389)), "hub-fw", 3389);
        assertEquals(Verdict.UNDETERMINED, e.verdict());
        assertEquals(
                List.of("DNAT rule rdp-to-jump of collection inbound-nat (priority 100) translates to 10.150.0.5,"
                        + " which is in no single modelled subnet, so what it publishes cannot be told"),
                e.causes());
    }

    @Test
    void aFirewallWhoseSubnetIsNotInTheSnapshotCannotTellWhereDnatTrafficComesFrom() {
        // An export that lost the firewall's ipConfiguration subnet (and private address): its public IPs remain.
        AnalysisContext context = estate(doc -> ((ObjectNode) resource(doc, "hub-fw")
                        .path("properties")
                        .path("ipConfigurations")
                        .get(0)
                        .path("properties"))
                .remove(List.of("subnet", "privateIPAddress")));
        Exposure e = only(dnatRows(exposures(context, Protocol.TCP, 3389)), "hub-fw", 3389);
        assertEquals(Verdict.UNDETERMINED, e.verdict());
        assertEquals(
                List.of("DNAT rule rdp-to-jump of collection inbound-nat (priority 100) is on hub-fw, whose subnet is"
                        + " not in the snapshot, so the address DNAT traffic arrives from cannot be told, so what it"
                        + " publishes cannot be told"),
                e.causes());
    }

    @Test
    void aFirewallWhosePolicyIsNotInTheSnapshotIsAnUndeterminedRowPerPortNamingThePolicy() {
        AnalysisContext context = estate(doc -> {
            ObjectNode props = (ObjectNode) resource(doc, "hub-fw").path("properties");
            props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
            props.putObject("firewallPolicy").put("id", NET + "/firewallPolicies/not-exported");
        });
        List<Exposure> rows = dnatRows(exposures(context, Protocol.TCP, 3389, 443));
        assertEquals(List.of("hub-fw:443 UNDETERMINED", "hub-fw:3389 UNDETERMINED"), summary(rows));
        Exposure e = rows.get(1);
        assertEquals(1, e.causes().size());
        assertTrue(
                e.causes().get(0).startsWith("hub-fw takes its rules from firewall policy not-exported ("),
                e.causes()::toString);
        assertTrue(
                e.causes().get(0).endsWith("; its DNAT rules may publish a private address on port 3389"),
                e.causes()::toString);
        assertEquals(INTERNET, e.undeterminedSources());
        assertEquals(AddressSet.EMPTY, e.exposedSources());
        assertEquals(Optional.of(Ipv4.parse("20.50.0.10")), e.publicAddress());
        assertEquals(List.of("AzureFirewall"), kinds(e.path()));
        assertEquals(List.of(e.causes().get(0) + "."), details(e.path().get(0)));
    }

    /** rdp-nsg's allow-rdp-from-firewall admitting {@code source} instead of the firewall's subnet. */
    static void rdpFromFirewall(ArrayNode doc, String source) {
        ((ObjectNode) resource(doc, "rdp-nsg")
                        .path("properties")
                        .path("securityRules")
                        .get(0)
                        .path("properties"))
                .put("sourceAddressPrefix", source);
    }

    /** The rdp-vm-nic rows of {@code rows}. */
    static List<Exposure> rdp(List<Exposure> rows) {
        return rows.stream().filter(e -> e.targetName().equals("rdp-vm-nic")).toList();
    }

    @Test
    void aTcpRuleIsNoRowOverUdpAndIsEvaluatedOverTcpWhenAnyProtocolIsAsked() {
        AnalysisContext context = estate(doc -> {});
        assertEquals(List.of(), rdp(exposures(context, Protocol.UDP, 3389)));
        Exposure any = only(exposures(context, Protocol.ANY, 3389), "rdp-vm-nic", 3389);
        assertEquals(Protocol.ANY, any.protocol());
        assertEquals(
                List.of("Internet sources send TCP port 50000 to 20.50.0.10 (hub-fw)."),
                details(any.path().get(0)));
        assertEquals(set("203.0.113.0/24"), any.exposedSources());
    }

    @Test
    void aRuleOfSeveralProtocolsAskedForAnyIsEvaluatedOverAnyAndAnAnyRuleOverTheProtocolAsked() {
        AnalysisContext both = estate(doc -> {
            ArrayNode p = natRule(doc, "rdp-to-jump").putArray("protocols");
            p.add("TCP");
            p.add("UDP");
        });
        Exposure any = only(exposures(both, Protocol.ANY, 3389), "rdp-vm-nic", 3389);
        assertEquals(
                List.of("Internet sources send any protocol port 50000 to 20.50.0.10 (hub-fw)."),
                details(any.path().get(0)));
        assertTrue(details(any.path().get(3)).get(1).contains(" on any protocol port 3389,"), any.path()::toString);
        // Over UDP the rule applies, and rdp-nsg's TCP rules do not: its default AllowVnetInBound admits the firewall.
        Exposure udp = only(exposures(both, Protocol.UDP, 3389), "rdp-vm-nic", 3389);
        assertEquals(Protocol.UDP, udp.protocol());
        assertEquals(
                List.of("Internet sources send UDP port 50000 to 20.50.0.10 (hub-fw)."),
                details(udp.path().get(0)));
        assertEquals(set("203.0.113.0/24"), udp.exposedSources());

        AnalysisContext anyRule =
                estate(doc -> natRule(doc, "rdp-to-jump").putArray("protocols").add("Any"));
        Exposure udpOfAny = only(exposures(anyRule, Protocol.UDP, 3389), "rdp-vm-nic", 3389);
        assertEquals(
                List.of("Internet sources send UDP port 50000 to 20.50.0.10 (hub-fw)."),
                details(udpOfAny.path().get(0)));
    }

    @Test
    void withoutATranslatedPortTheRuleTranslatesToItsDestinationPorts() {
        AnalysisContext same = estate(doc -> natRule(doc, "rdp-to-jump").put("translatedPort", ""));
        List<Exposure> rows = rdp(exposures(same, Protocol.TCP, 3389, 50000));
        assertEquals(List.of("rdp-vm-nic:50000 PARTIAL"), summary(rows));
        AnalysisContext every = estate(doc -> {
            natRule(doc, "rdp-to-jump").put("translatedPort", "");
            natRule(doc, "rdp-to-jump").putArray("destinationPorts").add("*");
        });
        assertEquals(List.of("rdp-vm-nic:3389 PARTIAL"), summary(rdp(exposures(every, Protocol.TCP, 3389))));
        AnalysisContext garbled = estate(doc -> natRule(doc, "rdp-to-jump").put("translatedPort", "rdp"));
        assertEquals(List.of(), rdp(exposures(garbled, Protocol.TCP, 3389, 50000)));
    }

    @Test
    void aStarDestinationListensOnEveryPublicAddressOfTheFirewallAndAPrivateOneOnNone() {
        AnalysisContext star = estate(doc ->
                natRule(doc, "rdp-to-jump").putArray("destinationAddresses").add("*"));
        Exposure e = only(rdp(exposures(star, Protocol.TCP, 3389)), "rdp-vm-nic", 3389);
        assertEquals(
                List.of(Ipv4.parse("20.50.0.10"), Ipv4.parse("20.50.0.11")),
                e.dnat().orElseThrow().publicAddresses());
        assertEquals(Optional.of(Ipv4.parse("20.50.0.10")), e.publicAddress());
        assertEquals(
                List.of("Internet sources send TCP port 50000 to 20.50.0.10, 20.50.0.11 (hub-fw)."),
                details(e.path().get(0)));

        AnalysisContext named = estate(doc -> {
            ArrayNode d = natRule(doc, "rdp-to-jump").putArray("destinationAddresses");
            d.add("20.50.0.11");
            d.add("*");
        });
        assertEquals(
                List.of(Ipv4.parse("20.50.0.11")),
                only(rdp(exposures(named, Protocol.TCP, 3389)), "rdp-vm-nic", 3389)
                        .dnat()
                        .orElseThrow()
                        .publicAddresses());

        AnalysisContext privateOnly = estate(doc ->
                natRule(doc, "rdp-to-jump").putArray("destinationAddresses").add("10.100.1.4"));
        assertEquals(List.of(), rdp(exposures(privateOnly, Protocol.TCP, 3389)));
    }

    @Test
    void nsgsAdmittingOnlyPartOfTheFirewallsSubnetExposeTheSourcesAndWarnThatSomeConnectionsMayBeDropped() {
        AnalysisContext context = estate(doc -> rdpFromFirewall(doc, "10.100.1.0/27"));
        Exposure e = only(rdp(exposures(context, Protocol.TCP, 3389)), "rdp-vm-nic", 3389);
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(set("203.0.113.0/24"), e.exposedSources());
        assertEquals(
                List.of("The NSGs admit only 10.100.1.0/27 of hub-fw's subnet 10.100.1.0/26: DNAT traffic arrives"
                        + " from whichever of the firewall's addresses translated it, so some connections may be"
                        + " dropped."),
                e.warnings());
        assertEquals(
                "rdp-nsg (inbound) admits 10.100.1.0/27 by rdp-nsg securityRules/allow-rdp-from-firewall.",
                details(e.path().get(3)).get(0));
    }

    @Test
    void anNsgRuleItCannotResolveMakesTheRowUndeterminedOverTheRulesSources() {
        AnalysisContext context = estate(doc -> rdpFromFirewall(doc, "AzureCloud"));
        Exposure e = only(rdp(exposures(context, Protocol.TCP, 3389)), "rdp-vm-nic", 3389);
        assertEquals(Verdict.UNDETERMINED, e.verdict());
        assertEquals(AddressSet.EMPTY, e.exposedSources());
        assertEquals(set("203.0.113.0/24"), e.undeterminedSources());
        assertEquals(List.of("hub-fw inbound-nat/rdp-to-jump (DNAT, priority 100)"), e.admittedBy());
        assertEquals(1, e.causes().size(), e.causes()::toString);
        assertTrue(e.causes().get(0).startsWith("rdp-nsg "), e.causes()::toString);
        assertTrue(e.causes().get(0).contains("AzureCloud"), e.causes()::toString);
        assertEquals(List.of(), e.warnings());
        assertEquals(
                "rdp-nsg (inbound) admits none of hub-fw's addresses 10.100.1.0/26 for certain.",
                details(e.path().get(3)).get(0));
    }

    @Test
    void aDnatSourceTheFirewallCannotResolveMayBeAdmittedAndIsNamedAsTheCause() {
        // An IP group the snapshot does not hold: the firewall cannot tell its addresses.
        AnalysisContext mixed = estate(
                doc -> natRule(doc, "rdp-to-jump").putArray("sourceIpGroups").add(NET + "/ipGroups/partners"));
        Exposure e = only(rdp(exposures(mixed, Protocol.TCP, 3389)), "rdp-vm-nic", 3389);
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(set("203.0.113.0/24"), e.exposedSources());
        AddressSet maybe = INTERNET.minus(set("203.0.113.0/24"));
        assertEquals(maybe, e.undeterminedSources());
        assertEquals(
                List.of("DNAT rule rdp-to-jump of collection inbound-nat (priority 100) may admit "
                        + Describe.addresses(maybe) + ": its source names IP group 'partners' (not imported)"),
                e.causes());

        AnalysisContext unknown = estate(doc -> {
            natRule(doc, "rdp-to-jump").remove("sourceAddresses");
            natRule(doc, "rdp-to-jump").putArray("sourceIpGroups").add(NET + "/ipGroups/partners");
        });
        Exposure u = only(rdp(exposures(unknown, Protocol.TCP, 3389)), "rdp-vm-nic", 3389);
        assertEquals(Verdict.UNDETERMINED, u.verdict());
        assertEquals(AddressSet.EMPTY, u.exposedSources());
        assertEquals(INTERNET, u.undeterminedSources());
        assertTrue(
                details(u.path().get(1)).get(0).contains(" admits " + Describe.addresses(INTERNET) + " and translates"),
                u.path()::toString);
    }

    @Test
    void anAddressNoInterfaceHoldsInASubnetWithoutAnNsgIsTheSubnetExposedUnfiltered() {
        AnalysisContext context = estate(doc -> natRule(doc, "rdp-to-jump").put("translatedAddress", "10.100.4.50"));
        Exposure e = only(dnatRows(exposures(context, Protocol.TCP, 3389)), "data-subnet", 3389);
        assertEquals("Subnet", e.targetKind());
        assertEquals(
                NET + "/virtualNetworks/hub-vnet/subnets/data-subnet",
                e.target().value());
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(set("203.0.113.0/24"), e.exposedSources());
        assertEquals(List.of("hub-fw inbound-nat/rdp-to-jump (DNAT, priority 100)"), e.admittedBy());
        assertEquals(List.of(), e.warnings());
        assertEquals(List.of("Internet", "AzureFirewall", "Subnet", "Subnet"), kinds(e.path()));
        assertEquals(
                List.of("No NSG on data-subnet: nothing filters at the subnet."),
                details(e.path().get(2)));
        assertEquals(
                List.of("Delivered to 10.100.4.50 in data-subnet on TCP port 3389, from one of hub-fw's addresses in"
                        + " 10.100.1.0/26."),
                details(e.path().get(3)));
        assertEquals(Ipv4.parse("10.100.4.50"), e.dnat().orElseThrow().translatedAddress());
    }

    @Test
    void theIlbAddressOfAnInternalAseIsItsWorkersSubnetBehindTheSubnetsNsg() {
        Consumer<ArrayNode> ilb = doc -> {
            ObjectNode props = (ObjectNode) resource(doc, "open-ase").path("properties");
            props.put("internalLoadBalancingMode", "Web, Publishing");
            ((ObjectNode) props.path("addresses")).put("internalIpAddress", "10.100.3.11");
            natRule(doc, "rdp-to-jump").put("translatedAddress", "10.100.3.11").put("translatedPort", "443");
        };
        AnalysisContext context = estate(ilb);
        Exposure e = only(dnatRows(exposures(context, Protocol.TCP, 443)), "open-ase", 443);
        assertEquals("AppServiceEnvironment", e.targetKind());
        assertEquals(
                NET.replace("Microsoft.Network", "Microsoft.Web") + "/hostingEnvironments/open-ase",
                e.target().value());
        assertEquals(set("203.0.113.0/24"), e.exposedSources());
        assertEquals(
                "Delivered to open-ase's workers in ase3-subnet (10.100.3.0/24) on TCP port 443, from one of hub-fw's"
                        + " addresses in 10.100.1.0/26.",
                details(e.path().get(3)).get(0));

        // Another address of the same subnet is not the ASE's: the subnet itself is published.
        AnalysisContext other =
                estate(ilb.andThen(doc -> natRule(doc, "rdp-to-jump").put("translatedAddress", "10.100.3.50")));
        Exposure s = only(dnatRows(exposures(other, Protocol.TCP, 443)), "ase3-subnet", 443);
        assertEquals("Subnet", s.targetKind());

        // api-nsg on ase3-subnet denies the VNet (the firewall's subnet included) on 443: the ASE is not reached.
        AnalysisContext denied = estate(ilb.andThen(doc -> {
            for (JsonNode sub : resource(doc, "hub-vnet").path("properties").path("subnets")) {
                if (sub.path("name").asText().equals("ase3-subnet")) {
                    ((ObjectNode) sub.path("properties"))
                            .putObject("networkSecurityGroup")
                            .put("id", NET + "/networkSecurityGroups/api-nsg");
                }
            }
        }));
        assertEquals(
                List.of(),
                dnatRows(exposures(denied, Protocol.TCP, 443)).stream()
                        .filter(x -> x.targetName().equals("open-ase"))
                        .toList());
    }

    @Test
    void publicAddressSpaceOfTheFirewallsVnetIsNoInternetSource() {
        // hub-vnet also uses the public block 52.160.0.0/24: calls from it arrive over the VNet, not the Internet.
        AnalysisContext context = estate(doc -> ((ArrayNode) resource(doc, "hub-vnet")
                        .path("properties")
                        .path("addressSpace")
                        .path("addressPrefixes"))
                .add("52.160.0.0/24"));
        Exposure kv = only(dnatRows(exposures(context, Protocol.TCP, 443)), "kv-pe", 443);
        assertEquals(Verdict.ALLOWED, kv.verdict());
        assertEquals(INTERNET.minus(set("52.160.0.0/24")), kv.exposedSources());
    }

    @Test
    void anAddressInSeveralSubnetsIsTheOneInTheFirewallsVnetAndOtherwiseUndetermined() {
        Consumer<ArrayNode> twins = doc -> {
            for (String name : List.of("twin-a", "twin-b")) {
                ObjectNode v = doc.addObject();
                String id = NET + "/virtualNetworks/" + name;
                v.put("id", id).put("name", name).put("type", "Microsoft.Network/virtualNetworks");
                v.put("location", "westeurope");
                ObjectNode props = v.putObject("properties");
                ArrayNode space = props.putObject("addressSpace").putArray("addressPrefixes");
                space.add("10.100.0.0/16");
                ObjectNode s = props.putArray("subnets").addObject();
                s.put("id", id + "/subnets/copy").put("name", "copy");
                s.putObject("properties").put("addressPrefix", "10.100.0.0/16");
            }
        };
        // 10.100.2.10 is in mgmt-subnet and in both twins' subnets: mgmt-subnet is in hub-fw's VNet.
        AnalysisContext local = estate(twins);
        assertEquals(List.of("rdp-vm-nic:3389 PARTIAL"), summary(dnatRows(exposures(local, Protocol.TCP, 3389))));
        // 10.100.200.5 is in the twins' subnets only, neither in hub-fw's VNet.
        AnalysisContext elsewhere =
                estate(twins.andThen(doc -> natRule(doc, "rdp-to-jump").put("translatedAddress", "10.100.200.5")));
        Exposure e = only(dnatRows(exposures(elsewhere, Protocol.TCP, 3389)), "hub-fw", 3389);
        assertTrue(e.causes().get(0).contains("translates to 10.100.200.5, which is in no single modelled subnet"));
    }
}
