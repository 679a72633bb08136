package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sentences of the environment-health audit, each built from hand-made findings: what the requirement says (the
 * protocols, ports, direction and notes), what an NSG allows or denies (all, part per source or per port, over a
 * superset, with or without certainty), routing (misrouted, the forced-tunnelling fix, a firewall's verdict per port)
 * and the exclusive subnet (occupants shortened after five).
 */
class HealthSentencesTest {
    private static final String NET =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network";
    private static final String VNET = NET + "/virtualNetworks/hs-vnet";

    private static Subnet subnet(String name, Optional<String> routeTable) {
        return new Subnet(
                ResourceId.of(VNET + "/subnets/" + name),
                name,
                ResourceId.of(VNET),
                Cidr.parseBlock("10.9.1.0/26"),
                Optional.empty(),
                routeTable.map(t -> ResourceId.of(NET + "/routeTables/" + t)),
                Optional.empty());
    }

    private static AppServiceEnvironment ase(String name) {
        return new AppServiceEnvironment(
                ResourceId.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/hostingEnvironments/" + name),
                name,
                "westus",
                AseKind.ASEV1,
                "None",
                ResourceId.of(VNET + "/subnets/hs-gone"),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static HealthRequirement.Nsg nsgRow(
            Direction direction, List<Protocol> protocols, List<String> ports, String why) {
        return new HealthRequirement.Nsg(
                "row",
                Set.of(AseKind.ASEV1),
                direction,
                protocols,
                ports.stream().map(PortRange::parse).toList(),
                AddressSource.ASE_SUBNET,
                AddressSource.INTERNET,
                why,
                List.of(AseDocumentation.V1_NETWORK_CONNECTIVITY));
    }

    private static HealthRequirement.Route routeRow(String why) {
        return new HealthRequirement.Route(
                "route",
                Set.of(AseKind.ASEV1),
                AddressSource.INTERNET,
                CheckStatus.FAIL,
                List.of(),
                why,
                List.of(AseDocumentation.V1_NETWORK_CONNECTIVITY));
    }

    private static Party exact(String cidr, String description) {
        return new Party(AddressSet.parse(cidr), description);
    }

    private static Party superset(String description, Optional<String> because, Optional<String> note) {
        return new Party(PrefixResolver.INTERNET, description, false, because, note);
    }

    private static NsgOutcome outcome(boolean anyAllowed, String deniedSources, String... denying) {
        return new NsgOutcome(
                false,
                anyAllowed,
                anyAllowed ? List.of() : List.of(Protocol.TCP),
                deniedSources.isEmpty() ? AddressSet.EMPTY : AddressSet.parse(deniedSources),
                List.of(),
                List.of(denying),
                List.of());
    }

    // ---------------------------------------------------------------- the subnet and the NSG requirement

    @Test
    void aMissingSubnetIsNamedWithItsIdAndNothingIsChecked() {
        assertEquals(
                "hs-ase names subnet " + VNET
                        + "/subnets/hs-gone, which is not in the snapshot: nothing can be checked.",
                HealthSentences.subnetMissing(ase("hs-ase")));
    }

    @Test
    void anNsgRequirementNamesProtocolsPortsPartiesDirectionAndNotes() {
        Party servers = superset("its DNS servers", Optional.empty(), Optional.of("DNS servers are not modelled"));
        assertEquals(
                "The ASE reaches DNS: UDP/TCP 53 from the subnet to its DNS servers must be allowed outbound"
                        + " (DNS servers are not modelled).",
                HealthSentences.nsgRequirement(
                        nsgRow(
                                Direction.OUTBOUND,
                                List.of(Protocol.UDP, Protocol.TCP),
                                List.of("53"),
                                "the ASE reaches DNS"),
                        exact("10.9.1.0/26", "the subnet"),
                        servers));
        assertEquals(
                "Management: TCP 454-455, 16001 from the Internet to the subnet must be allowed inbound.",
                HealthSentences.nsgRequirement(
                        nsgRow(Direction.INBOUND, List.of(Protocol.TCP), List.of("454-455", "16001"), "management"),
                        exact("0.0.0.0/0", "the Internet"),
                        exact("10.9.1.0/26", "the subnet")));
    }

    @Test
    void everyPortIsSaidSoOnlyWhenItIsTheOneRangeRequired() {
        Party subnet = exact("10.9.1.0/26", "the subnet");
        assertEquals(
                "Intra: TCP every port from the subnet to the subnet must be allowed inbound.",
                HealthSentences.nsgRequirement(
                        nsgRow(Direction.INBOUND, List.of(Protocol.TCP), List.of("*"), "intra"), subnet, subnet));
        assertEquals(
                "Intra: TCP 0-65535, 80 from the subnet to the subnet must be allowed inbound.",
                HealthSentences.nsgRequirement(
                        nsgRow(Direction.INBOUND, List.of(Protocol.TCP), List.of("*", "80"), "intra"), subnet, subnet));
    }

    @Test
    void theNotesOfBothPartiesAreJoinedInOrder() {
        Party a = superset("a", Optional.empty(), Optional.of("note a"));
        Party b = superset("b", Optional.empty(), Optional.of("note b"));
        assertEquals(
                "X: TCP 443 from a to b must be allowed outbound (note a; note b).",
                HealthSentences.nsgRequirement(
                        nsgRow(Direction.OUTBOUND, List.of(Protocol.TCP), List.of("443"), "x"), a, b));
    }

    @Test
    void anEmptyWhyIsLeftEmpty() {
        assertEquals(".", HealthSentences.routeRequirement(routeRow(""), exact("0.0.0.0/0", "all")));
        assertEquals(
                "Replies leave by the VIP (the tag is not imported).",
                HealthSentences.routeRequirement(
                        routeRow("replies leave by the VIP"),
                        superset("x", Optional.empty(), Optional.of("the tag is not imported"))));
    }

    // ---------------------------------------------------------------- what the NSG decided

    @Test
    void noNsgAndAnNsgOutsideTheSnapshotAreSaidAsSuch() {
        Subnet s = subnet("hs-subnet", Optional.empty());
        assertEquals("No NSG on hs-subnet: nothing filters this traffic.", HealthSentences.noNsg(s));
        assertEquals(
                "NSG /x/nsg-gone is associated with hs-subnet but is not in the snapshot, so what it allows is unknown.",
                HealthSentences.nsgNotInSnapshot("/x/nsg-gone", s));
    }

    @Test
    void anAllowIsExactOrOverTheSupersetChecked() {
        assertEquals("hs-nsg allows it.", HealthSentences.nsgAllows("hs-nsg", true));
        assertEquals(
                "hs-nsg allows it for the whole superset checked, which covers it.",
                HealthSentences.nsgAllows("hs-nsg", false));
    }

    @Test
    void undeterminedCausesAreJoinedBySemicolons() {
        assertEquals("hs-nsg rule r1 names tag T", HealthSentences.undeterminedCause("hs-nsg", "rule r1 names tag T"));
        assertEquals(
                "hs-nsg cannot be fully evaluated: a; b.",
                HealthSentences.nsgUndetermined("hs-nsg", List.of("a", "b")));
    }

    @Test
    void portsBlockedOverSomeProtocolsNameThem() {
        assertEquals("53 over UDP", HealthSentences.overProtocols("53", List.of(Protocol.UDP)));
        assertEquals("1-2 over UDP/ICMP", HealthSentences.overProtocols("1-2", List.of(Protocol.UDP, Protocol.ICMP)));
    }

    @Test
    void aDeniedPortNamesItsRulesWhenThereAreAny() {
        assertEquals("443", HealthSentences.deniedPort(PortRange.parse("443"), List.of()));
        assertEquals(
                "11000-11999 by n r1, n r2",
                HealthSentences.deniedPort(PortRange.parse("11000-11999"), List.of("n r1", "n r2")));
    }

    @Test
    void nothingAllowedNamesEveryDenyingRule() {
        Party subnet = exact("10.9.1.0/26", "the subnet");
        assertEquals(
                "hs-nsg allows none of it: d1, d2.",
                HealthSentences.nsgDenies(
                        "hs-nsg",
                        nsgRow(Direction.OUTBOUND, List.of(Protocol.TCP), List.of("443"), "x"),
                        outcome(false, "10.9.1.0/26", "d1", "d2"),
                        List.of(),
                        List.of("443"),
                        true,
                        subnet,
                        subnet));
    }

    @Test
    void aPartialInboundDenialNamesTheSourcesAndTheRules() {
        assertEquals(
                "hs-nsg denies part of it from 52.0.0.0/8: d1, d2.",
                HealthSentences.nsgDenies(
                        "hs-nsg",
                        nsgRow(Direction.INBOUND, List.of(Protocol.TCP), List.of("454-455"), "x"),
                        outcome(true, "52.0.0.0/8", "d1", "d2"),
                        List.of(),
                        List.of(),
                        true,
                        exact("0.0.0.0/0", "everyone"),
                        exact("10.9.1.0/26", "the subnet")));
    }

    @Test
    void aPartialOutboundDenialNamesThePartOfTheSubnetAndEachPort() {
        Party subnet = exact("10.9.1.0/26", "the subnet");
        assertEquals(
                "hs-nsg denies part of it for 10.9.1.0/27 of the subnet: port 443 by r1; port 445.",
                HealthSentences.nsgDenies(
                        "hs-nsg",
                        nsgRow(Direction.OUTBOUND, List.of(Protocol.TCP), List.of("443", "445"), "x"),
                        outcome(true, "10.9.1.0/27", "r1"),
                        List.of("443 by r1", "445"),
                        List.of(),
                        true,
                        subnet,
                        exact("20.0.0.0/8", "storage")));
    }

    @Test
    void overASupersetThePortsWithNothingAllowedAreNamedAndCertain() {
        Party storage =
                superset("Azure Storage (Storage)", Optional.of("the Storage tag is not imported"), Optional.empty());
        assertEquals(
                "hs-nsg denies part of it for 10.9.1.0/26 of the subnet: port 443; port 445 by r9."
                        + " Nothing of Azure Storage (Storage) is allowed on port 445.",
                HealthSentences.nsgDenies(
                        "hs-nsg",
                        nsgRow(Direction.OUTBOUND, List.of(Protocol.TCP), List.of("443", "445"), "x"),
                        outcome(true, "10.9.1.0/26", "r9"),
                        List.of("443", "445 by r9"),
                        List.of("445"),
                        true,
                        exact("10.9.1.0/26", "the subnet"),
                        storage));
    }

    @Test
    void exactPartiesNeverSayNothingIsAllowedOnAPort() {
        Party subnet = exact("10.9.1.0/26", "the subnet");
        assertEquals(
                "hs-nsg denies part of it for 10.9.1.0/26 of the subnet: port 445 by r9.",
                HealthSentences.nsgDenies(
                        "hs-nsg",
                        nsgRow(Direction.OUTBOUND, List.of(Protocol.TCP), List.of("443", "445"), "x"),
                        outcome(true, "10.9.1.0/26", "r9"),
                        List.of("445 by r9"),
                        List.of("445"),
                        true,
                        subnet,
                        exact("20.0.0.0/8", "storage")));
    }

    @Test
    void anUncertainDenialSaysWhyFromTheSourcesThenTheDestinationsThenInGeneral() {
        HealthRequirement.Nsg row = nsgRow(Direction.INBOUND, List.of(Protocol.TCP), List.of("454-455"), "x");
        NsgOutcome partial = outcome(true, "1.0.0.0/8", "r1");
        Party sources =
                superset("the Internet", Optional.of("the AppServiceManagement tag is not imported"), Optional.empty());
        Party destinations = superset("the dest", Optional.of("the dest is not modelled"), Optional.empty());
        Party silent = superset("the silent", Optional.empty(), Optional.empty());
        String head = "hs-nsg denies part of it from 1.0.0.0/8: r1.";
        assertEquals(
                head + " Whether that touches the dest cannot be told: the AppServiceManagement tag is not imported.",
                HealthSentences.nsgDenies("hs-nsg", row, partial, List.of(), List.of(), false, sources, destinations));
        assertEquals(
                head + " Whether that touches the dest cannot be told: the dest is not modelled.",
                HealthSentences.nsgDenies("hs-nsg", row, partial, List.of(), List.of(), false, silent, destinations));
        assertEquals(
                head + " Whether that touches the silent cannot be told: the set is not known exactly.",
                HealthSentences.nsgDenies("hs-nsg", row, partial, List.of(), List.of(), false, silent, silent));
    }

    // ---------------------------------------------------------------- routing

    @Test
    void misroutedDestinationsFailWithTheVipConsequenceOrWarnWithoutIt() {
        Subnet s = subnet("hs-subnet", Optional.empty());
        Party dest = exact("20.0.0.0/8", "Azure Storage (Storage)");
        assertEquals(
                "From hs-subnet, 20.0.0.0/8 of Azure Storage (Storage) is routed by r1; r2, not to the Internet: the"
                        + " calls would not leave from the ASE's VIP. FIX",
                HealthSentences.misrouted(
                        s, AddressSet.parse("20.0.0.0/8"), dest, List.of("r1", "r2"), CheckStatus.FAIL, "FIX"));
        assertEquals(
                "From hs-subnet, 20.0.0.0/8 of Azure Storage (Storage) is routed by r1, not to the Internet. FIX",
                HealthSentences.misrouted(
                        s, AddressSet.parse("20.0.0.0/8"), dest, List.of("r1"), CheckStatus.WARN, "FIX"));
    }

    @Test
    void theForcedTunnellingFixNamesTheRouteTableOrAsksForOne() {
        assertEquals(
                "Add a user route 0.0.0.0/0 → Internet to route table hs-routes (it takes precedence over a"
                        + " forced-tunnelling default route of the same prefix).",
                HealthSentences.forcedTunnellingFix(subnet("hs-subnet", Optional.of("hs-routes")), Optional.empty()));
        assertEquals(
                "Add a user route 0.0.0.0/0 → Internet to a route table attached to hs-subnet (it takes precedence"
                        + " over a forced-tunnelling default route of the same prefix).",
                HealthSentences.forcedTunnellingFix(subnet("hs-subnet", Optional.empty()), Optional.empty()));
        assertEquals(
                "The user route to-internet (0.0.0.0/0 → Internet) is in place, but more specific routes win over"
                        + " it: add user routes to Internet for those prefixes, or stop advertising them.",
                HealthSentences.forcedTunnellingFix(
                        subnet("hs-subnet", Optional.of("hs-routes")), Optional.of("to-internet")));
    }

    @Test
    void directRoutesAreNamedWithTheUnresolvedOnesThatMayOverrideThem() {
        assertEquals(
                "Routed to the Internet by a; b, but u1; u2 may be more specific and override it.",
                HealthSentences.routedButOpen(List.of("a", "b"), List.of("u1", "u2")));
        assertEquals("Routed straight to the Internet by a; b.", HealthSentences.routedStraight(List.of("a", "b")));
    }

    private static AzureFirewall firewall(String name) {
        return new AzureFirewall(
                ResourceId.of(NET + "/azureFirewalls/" + name),
                name,
                "westus",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    @Test
    void aFirewallPortNamesTheVerdictEachMatchAndTheUndeterminedPart() {
        FirewallEvaluator.Decision partial = new FirewallEvaluator.Decision(
                firewall("fw"),
                AddressSet.parse("10.9.1.0/27"),
                AddressSet.parse("10.9.1.32/27"),
                AddressSet.EMPTY,
                List.of(
                        new FirewallEvaluator.Match("c1", "r1", 100, Action.ALLOW, AddressSet.parse("10.9.1.0/27")),
                        new FirewallEvaluator.Match(
                                "",
                                FirewallEvaluator.NO_RULE_MATCHES,
                                0,
                                Action.DENY,
                                AddressSet.parse("10.9.1.32/27"))),
                List.of());
        assertEquals(
                "TCP 443 PARTIAL (10.9.1.0/27 admitted by c1/r1 (priority 100); 10.9.1.32/27 denied by (no rule"
                        + " matches) (the implicit deny))",
                HealthSentences.firewallPort("fw", PortRange.parse("443"), partial));
        FirewallEvaluator.Decision unknown = new FirewallEvaluator.Decision(
                firewall("fw"),
                AddressSet.EMPTY,
                AddressSet.EMPTY,
                AddressSet.parse("10.9.1.0/26"),
                List.of(),
                List.of("cause one", "cause two"));
        assertEquals(
                "TCP 1433 UNDETERMINED (10.9.1.0/26 undetermined: cause one; cause two)",
                HealthSentences.firewallPort("fw", PortRange.parse("1433"), unknown));
    }

    @Test
    void forcedTunnellingToFirewallsNamesThemTheVerdictsAndTheOpenRoutes() {
        assertEquals(
                "Forced tunnelling to Azure Firewall fw1, Azure Firewall fw2, which Microsoft's lockdown guidance"
                        + " supports when it admits the dependencies: v1; v2.",
                HealthSentences.forcedToFirewall(
                        List.of(firewall("fw1"), firewall("fw2")), List.of("v1", "v2"), Set.of()));
        assertEquals(
                "Forced tunnelling to Azure Firewall fw1, which Microsoft's lockdown guidance supports when it admits"
                        + " the dependencies: v1. Unresolved routes may change this: u1.",
                HealthSentences.forcedToFirewall(List.of(firewall("fw1")), List.of("v1"), Set.of("u1")));
    }

    // ---------------------------------------------------------------- the exclusive subnet

    @Test
    void anExclusiveSubnetNamesItsOccupantsShortenedAfterFive() {
        Subnet s = subnet("hs-subnet", Optional.empty());
        assertEquals(
                "The subnet is the ASE's alone.",
                HealthSentences.exclusiveRequirement(new HealthRequirement.ExclusiveSubnet(
                        "x", Set.of(AseKind.ASEV1), "the subnet is the ASE's alone", List.of())));
        assertEquals("hs-subnet (10.9.1.0/26) holds only hs-ase.", HealthSentences.subnetHoldsOnly(s, ase("hs-ase")));
        assertEquals("ASE other", HealthSentences.otherAse(ase("other")));
        assertEquals("network interface nic-1", HealthSentences.otherNic("nic-1"));
        assertEquals(
                "hs-subnet (10.9.1.0/26) also holds a, b, c, d, e.",
                HealthSentences.subnetAlsoHolds(s, List.of("a", "b", "c", "d", "e")));
        assertEquals(
                "hs-subnet (10.9.1.0/26) also holds a, b, c, d, e and 1 more.",
                HealthSentences.subnetAlsoHolds(s, List.of("a", "b", "c", "d", "e", "f")));
        assertEquals(
                "hs-subnet (10.9.1.0/26) also holds a, b, c, d, e and 2 more.",
                HealthSentences.subnetAlsoHolds(s, List.of("a", "b", "c", "d", "e", "f", "g")));
    }
}
