package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.FlowFixtures.nsg;
import static io.asegraph.analysis.FlowFixtures.tag;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_NSG;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.estate.Estate;
import io.asegraph.estate.Unresolved;
import io.asegraph.estate.Unresolved.Placeholder;
import io.asegraph.estate.Unresolved.Referrer;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.EvaluationContext;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.HeldBack;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AnalysisContext} on its own: the VirtualNetwork expansion per (VNet, route table) with its warning and its
 * problem, ASG members, the NSGs attached at a subnet or NIC, the gateways and firewalls held back for a placeholder,
 * and a context derived after an NSG-only change (what it shares, which NSGs changed, when it is built in full).
 */
class AnalysisContextTest {
    static final Topology SEED = ReferenceTopology.topology();
    static final String CTX_RT = NET + "/routeTables/ctx-routes";
    static final String CTX_SUBNET = VNET + "/subnets/ctx-subnet";
    static final String NEW_NSG = NET + "/networkSecurityGroups/ctx-new-nsg";

    static AnalysisContext context(Topology t, PolicySet p) {
        return AnalysisContext.of(new Estate(t, p, 1));
    }

    static Subnet subnet(AnalysisContext c, String id) {
        return c.topology().subnet(ResourceId.of(id)).orElseThrow();
    }

    static boolean holds(AddressSet set, String address) {
        return set.contains(Ipv4.parse(address));
    }

    @Test
    void virtualNetworkIsTheVnetAndAzuresHostAddressForASubnetWithoutUserRoutes() {
        AnalysisContext c = context(SEED, ReferenceTopology.policy());
        Subnet db = subnet(c, DB_SUBNET);
        EvaluationContext e = c.evaluationContext(db);
        AddressSet vnet = e.virtualNetwork().orElseThrow();
        assertTrue(holds(vnet, "10.0.0.0"));
        assertTrue(holds(vnet, "10.0.255.255"));
        assertTrue(holds(vnet, "168.63.129.16"), "Azure's host address is part of VirtualNetwork");
        assertFalse(holds(vnet, "168.63.129.17"));
        assertFalse(holds(vnet, "8.8.8.8"));
        assertEquals(Optional.empty(), e.virtualNetworkWarning());
        assertEquals(Optional.empty(), c.virtualNetworkProblem(db));
        assertEquals(AnalysisContext.AZURE_HOST, AddressSet.parse("168.63.129.16/32"));
    }

    @Test
    void userRoutePrefixesJoinVirtualNetwork() {
        Topology t = ReferenceTopology.builder()
                .routeTable(CTX_RT, false, TopologyBuilder.route("to-partner", "172.16.0.0/12", "Internet"))
                .attachRouteTable(DB_SUBNET, CTX_RT)
                .build();
        AnalysisContext c = context(t, ReferenceTopology.policy());
        AddressSet vnet =
                c.evaluationContext(subnet(c, DB_SUBNET)).virtualNetwork().orElseThrow();
        assertTrue(holds(vnet, "172.16.0.1"));
        assertTrue(holds(vnet, "172.31.255.255"));
        assertTrue(holds(vnet, "10.0.2.4"));
        assertFalse(holds(vnet, "172.32.0.0"));
        assertEquals(Optional.empty(), c.virtualNetworkProblem(subnet(c, DB_SUBNET)));
    }

    @Test
    void aZeroUserRouteMakesVirtualNetworkEveryAddressWithAWarningNamingTheRoute() {
        AnalysisContext c = context(SEED, ReferenceTopology.policy());
        Subnet aseOne = subnet(c, ASE_ONE_SUBNET);
        EvaluationContext e = c.evaluationContext(aseOne);
        assertEquals(Optional.of(AddressSet.ALL), e.virtualNetwork());
        assertEquals(
                Optional.of("The VirtualNetwork service tag is every address (0.0.0.0/0) for the subnets of ase-vnet "
                        + "using route table ase-one-routes: their route table has the 0.0.0.0/0 user route "
                        + "direct-internet (→ Internet), and Azure adds user route prefixes to VirtualNetwork, so "
                        + "AllowVnetInBound/AllowVnetOutBound and every rule naming VirtualNetwork match any address "
                        + "(MicrosoftDocs/azure-docs#22178)."),
                e.virtualNetworkWarning());
        assertEquals(Optional.empty(), c.virtualNetworkProblem(aseOne), "widened, but known");
    }

    static Topology withTagRoute() {
        return ReferenceTopology.builder()
                .routeTable(CTX_RT, false, TopologyBuilder.route("to-sql", "Sql", "Internet"))
                .attachRouteTable(DB_SUBNET, CTX_RT)
                .build();
    }

    @Test
    void aUserRouteNamingATagNotImportedLeavesVirtualNetworkUnknownAndSaysWhy() {
        AnalysisContext c = context(withTagRoute(), ReferenceTopology.policy());
        Subnet db = subnet(c, DB_SUBNET);
        assertEquals(Optional.empty(), c.evaluationContext(db).virtualNetwork());
        String problem = c.virtualNetworkProblem(db).orElseThrow();
        assertTrue(
                problem.startsWith("The VirtualNetwork service tag of the subnets of ase-vnet using route table "
                        + "ctx-routes cannot be expanded: it includes the prefixes of their user routes, and user route "
                        + "to-sql ("),
                problem);
        assertTrue(problem.endsWith(") cannot be resolved."), problem);
    }

    @Test
    void aUserRouteNamingAnImportedTagAddsTheTagsPrefixes() {
        PolicySet p = new PolicySet(ReferenceTopology.nsgs(), List.of(), List.of(tag("Sql", "40.112.240.0/20")));
        AnalysisContext c = context(withTagRoute(), p);
        Subnet db = subnet(c, DB_SUBNET);
        AddressSet vnet = c.evaluationContext(db).virtualNetwork().orElseThrow();
        assertTrue(holds(vnet, "40.112.240.1"));
        assertTrue(holds(vnet, "40.112.255.255"));
        assertFalse(holds(vnet, "40.113.0.0"));
        assertEquals(Optional.empty(), c.virtualNetworkProblem(db));
    }

    @Test
    void anUnknownVirtualNetworkIsNamedAsTheCauseOfAnUndeterminedRuleNamingIt() {
        FlowResult f = FlowFixtures.flow(withTagRoute(), ReferenceTopology.policy(), "ase-two", "db-vm-nic", 1433);
        assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
        AnalysisContext c = context(withTagRoute(), ReferenceTopology.policy());
        String problem = c.virtualNetworkProblem(subnet(c, DB_SUBNET)).orElseThrow();
        assertTrue(f.causes().contains(problem), f.causes().toString());
        NsgDecisionResult db = f.decisions().get(f.decisions().size() - 1);
        assertEquals(ResourceId.of(DB_NSG), db.nsg());
        assertTrue(db.causes().contains(problem), db.causes().toString());
        assertEquals(1, db.causes().stream().filter(problem::equals).count(), "named once");
    }

    @Test
    void subnetsOfOneVnetAndRouteTableShareOneEvaluation() {
        Topology t = ReferenceTopology.builder()
                .subnet(CTX_SUBNET, VNET, "10.0.3.0/24")
                .build();
        AnalysisContext c = context(t, ReferenceTopology.policy());
        Subnet db = subnet(c, DB_SUBNET);
        Subnet other = subnet(c, CTX_SUBNET);
        Subnet aseOne = subnet(c, ASE_ONE_SUBNET);
        assertEquals(c.contextKey(db), c.contextKey(other));
        assertFalse(c.contextKey(db).equals(c.contextKey(aseOne)), "ase-one-subnet has a route table");
        assertSame(c.evaluationContext(db), c.evaluationContext(other));
        assertSame(c.evaluator(db), c.evaluator(other));
        assertNotSame(c.evaluationContext(db), c.evaluationContext(aseOne));
        assertTrue(c.toString().contains("2 evaluation contexts built"), c.toString());
    }

    @Test
    void theNsgsAttachedAtASubnetAndANicAsAppliedThere() {
        AnalysisContext c = context(SEED, ReferenceTopology.policy());
        AnalysisContext.Attached subnetNsg =
                c.subnetNsg(subnet(c, ASE_TWO_SUBNET)).orElseThrow();
        assertEquals(ResourceId.of(ASE_TWO_NSG), subnetNsg.nsgId());
        assertEquals(ResourceId.of(ASE_TWO_SUBNET), subnetNsg.appliedTo());
        assertEquals(NsgLevel.SUBNET, subnetNsg.level());
        assertEquals("ase-two-nsg", subnetNsg.nsg().orElseThrow().name());
        assertEquals(NsgLevel.SUBNET, subnetNsg.applied().orElseThrow().level());
        assertEquals(Optional.empty(), c.subnetNsg(subnet(c, DB_SUBNET)));
        NetworkInterface nic = c.topology().nic(ResourceId.of(DB_NIC)).orElseThrow();
        AnalysisContext.Attached nicNsg = c.nicNsg(nic).orElseThrow();
        assertEquals(ResourceId.of(DB_NIC), nicNsg.appliedTo());
        assertEquals(NsgLevel.NETWORK_INTERFACE, nicNsg.level());
        assertEquals(ResourceId.of(DB_NIC), nicNsg.applied().orElseThrow().appliedTo());
    }

    @Test
    void anAttachedNsgMissingFromThePolicySetIsKeptWithoutItsRecord() {
        PolicySet onlyDb = new PolicySet(
                ReferenceTopology.nsgs().stream()
                        .filter(n -> !n.id().equals(ResourceId.of(ASE_TWO_NSG)))
                        .toList(),
                List.of(),
                List.of());
        AnalysisContext c = context(SEED, onlyDb);
        AnalysisContext.Attached a = c.subnetNsg(subnet(c, ASE_TWO_SUBNET)).orElseThrow();
        assertEquals(ResourceId.of(ASE_TWO_NSG), a.nsgId());
        assertEquals(Optional.empty(), a.nsg());
        assertEquals(Optional.empty(), a.applied());
        assertThrows(
                NullPointerException.class,
                () -> new AnalysisContext.Attached(a.nsgId(), a.appliedTo(), null, Optional.empty()));
    }

    static final String ASG_WEB = NET + "/applicationSecurityGroups/ctx-web";
    static final String ASG_EMPTY = NET + "/applicationSecurityGroups/ctx-empty";
    static final String ASG_UNLISTED = NET + "/applicationSecurityGroups/ctx-unlisted";
    static final String ASG_PLACEHOLDER = NET + "/applicationSecurityGroups/ctx-placeholder";

    static NetworkInterface nic(String name, String ip, String... asgs) {
        return new NetworkInterface(
                ResourceId.of(NET + "/networkInterfaces/" + name),
                name,
                "westus",
                ResourceId.of(DB_SUBNET),
                Ipv4.parse(ip),
                Optional.empty(),
                java.util.Arrays.stream(asgs).map(ResourceId::of).toList(),
                List.of(),
                "");
    }

    @Test
    void asgMembersAreTheAddressesOfTheNicsNamingThem() {
        Topology t = ReferenceTopology.builder()
                .add(nic("ctx-web-1", "10.0.2.10", ASG_WEB, ASG_UNLISTED))
                .add(nic("ctx-web-2", "10.0.2.11", ASG_WEB, ASG_PLACEHOLDER))
                .build();
        PolicySet p = new PolicySet(
                ReferenceTopology.nsgs(),
                List.of(
                        new ApplicationSecurityGroup(ResourceId.of(ASG_WEB), "ctx-web", "westus"),
                        new ApplicationSecurityGroup(ResourceId.of(ASG_EMPTY), "ctx-empty", "westus")),
                List.of());
        Unresolved unresolved = new Unresolved(List.of(new Placeholder(
                ResourceId.of(ASG_PLACEHOLDER),
                ResourceKind.APPLICATION_SECURITY_GROUP,
                "ctx-placeholder",
                List.of(new Referrer(
                        ResourceId.of(NET + "/networkInterfaces/ctx-web-2"),
                        "ctx-web-2",
                        ResourceKind.NETWORK_INTERFACE,
                        "applicationSecurityGroups",
                        false)))));
        AnalysisContext c = AnalysisContext.of(new Estate(t, p, 1, unresolved));
        assertEquals(
                AddressSet.parse("10.0.2.10/32", "10.0.2.11/32"), c.asgMembers().get(ResourceId.of(ASG_WEB)));
        assertEquals(AddressSet.EMPTY, c.asgMembers().get(ResourceId.of(ASG_EMPTY)), "known to have no members");
        assertEquals(
                AddressSet.parse("10.0.2.10/32"),
                c.asgMembers().get(ResourceId.of(ASG_UNLISTED)),
                "named by a NIC though not in the policy set");
        assertFalse(c.asgMembers().containsKey(ResourceId.of(ASG_PLACEHOLDER)), "never imported: unknown");
        assertEquals(3, c.asgMembers().size());
        assertThrows(UnsupportedOperationException.class, () -> c.asgMembers().clear());
        assertEquals(c.asgMembers(), c.evaluationContext(subnet(c, DB_SUBNET)).asgMembers());
    }

    static final String HUB = NET + "/virtualNetworks/ctx-hub";
    static final String REMOTE = NET + "/virtualNetworks/ctx-remote";
    static final ResourceId GW_IN_SUBNET = ResourceId.of(NET + "/virtualNetworkGateways/ctx-gw-a");
    static final ResourceId GW_IN_VNET = ResourceId.of(NET + "/virtualNetworkGateways/ctx-gw-b");
    static final ResourceId GW_PLACED = ResourceId.of(NET + "/virtualNetworkGateways/ctx-gw-c");
    static final ResourceId FW = ResourceId.of(NET + "/azureFirewalls/ctx-fw");
    static final ResourceId HELD_NIC = ResourceId.of(NET + "/networkInterfaces/ctx-held-nic");

    static Referrer gateway(ResourceId id, boolean heldBack) {
        return new Referrer(id, id.name(), ResourceKind.VIRTUAL_NETWORK_GATEWAY, "ipConfigurations", heldBack);
    }

    @Test
    void gatewaysAndFirewallsHeldBackForAPlaceholderAreGivenToRouting() {
        Unresolved unresolved = new Unresolved(List.of(
                new Placeholder(
                        ResourceId.of(HUB + "/subnets/GatewaySubnet"),
                        ResourceKind.SUBNET,
                        "GatewaySubnet",
                        List.of(
                                gateway(GW_IN_SUBNET, true),
                                gateway(GW_PLACED, false),
                                new Referrer(
                                        HELD_NIC, "ctx-held-nic", ResourceKind.NETWORK_INTERFACE, "subnet", true))),
                new Placeholder(
                        ResourceId.of(REMOTE),
                        ResourceKind.VIRTUAL_NETWORK,
                        "ctx-remote",
                        List.of(gateway(GW_IN_VNET, true), gateway(GW_IN_SUBNET, true))),
                new Placeholder(
                        ResourceId.of(HUB + "/subnets/AzureFirewallSubnet"),
                        ResourceKind.SUBNET,
                        "AzureFirewallSubnet",
                        List.of(new Referrer(
                                FW,
                                "ctx-fw",
                                ResourceKind.AZURE_FIREWALL,
                                "ipConfigurations",
                                true,
                                Optional.of(Ipv4.parse("10.9.3.4")))))));
        AnalysisContext c = AnalysisContext.of(new Estate(SEED, ReferenceTopology.policy(), 1, unresolved));
        HeldBack a = c.routing().heldBack(GW_IN_SUBNET).orElseThrow();
        assertEquals(Optional.of(ResourceId.of(HUB)), a.vnetId(), "the VNet of its GatewaySubnet, first placeholder");
        assertEquals(ResourceKind.VIRTUAL_NETWORK_GATEWAY, a.kind());
        assertEquals("ctx-gw-a", a.name());
        assertEquals(Optional.empty(), a.privateIp());
        assertEquals(unresolved.explain(GW_IN_SUBNET.value()).orElseThrow(), a.why());
        assertTrue(a.why().contains("GatewaySubnet"), a.why());
        HeldBack b = c.routing().heldBack(GW_IN_VNET).orElseThrow();
        assertEquals(Optional.of(ResourceId.of(REMOTE)), b.vnetId(), "the placeholder VNet itself");
        assertEquals(Optional.empty(), c.routing().heldBack(GW_PLACED), "not held back");
        assertEquals(Optional.empty(), c.routing().heldBack(HELD_NIC), "routing needs gateways and firewalls only");
        HeldBack fw = c.routing().heldBack(FW).orElseThrow();
        assertEquals(ResourceKind.AZURE_FIREWALL, fw.kind());
        assertEquals(Optional.of(Ipv4.parse("10.9.3.4")), fw.privateIp());
        assertEquals(Optional.empty(), fw.vnetId());
        assertEquals(Optional.of(fw), c.routing().heldBackFirewallAt(Ipv4.parse("10.9.3.4")));
    }

    // ---- derived contexts ----

    static final NetworkSecurityGroup DB_NSG_CLOSED =
            nsg(DB_NSG, in("deny-all-sql", 100, Access.DENY, "*", "*", "1433"));
    static final NetworkSecurityGroup NEW_NSG_RECORD =
            nsg(NEW_NSG, in("allow-https", 100, Access.ALLOW, "*", "*", "443"));

    static Estate changed(Estate base, List<NetworkSecurityGroup> nsgs) {
        return new Estate(
                base.topology(),
                new PolicySet(nsgs, base.policies().asgs(), base.policies().serviceTags()),
                base.version() + 1,
                base.unresolved());
    }

    @Test
    void aContextDerivedAfterAnNsgChangeSharesEverythingButTheNsgs() {
        Estate baseEstate = new Estate(SEED, ReferenceTopology.policy(), 1);
        AnalysisContext base = AnalysisContext.of(baseEstate);
        base.evaluator(subnet(base, DB_SUBNET));
        NetworkSecurityGroup aseTwo =
                base.policies().nsg(ResourceId.of(ASE_TWO_NSG)).orElseThrow();
        Estate proposed = changed(baseEstate, List.of(aseTwo, DB_NSG_CLOSED, NEW_NSG_RECORD));
        AnalysisContext derived = AnalysisContext.derive(base, proposed);
        assertSame(proposed, derived.estate());
        assertSame(proposed.policies(), derived.policies());
        assertSame(base.topology(), derived.topology());
        assertSame(base.index(), derived.index());
        assertSame(base.routing(), derived.routing());
        assertSame(base.walker(), derived.walker());
        assertSame(base.asgMembers(), derived.asgMembers());
        assertTrue(derived.toString().contains("1 evaluation contexts built"), "expansions carried over");
        assertNotSame(base.evaluator(subnet(base, DB_SUBNET)), derived.evaluator(subnet(derived, DB_SUBNET)));
        assertSame(
                base.evaluationContext(subnet(base, DB_SUBNET)),
                derived.evaluationContext(subnet(derived, DB_SUBNET)),
                "the VirtualNetwork expansion is shared");
        assertEquals(
                "ctx-new-nsg",
                derived.resolver()
                        .resolveDestination("ctx-new-nsg")
                        .resource()
                        .orElseThrow()
                        .name());
        assertThrows(UnknownReferenceException.class, () -> base.resolver().resolveDestination("ctx-new-nsg"));
        assertEquals(Optional.of(Set.of(ResourceId.of(DB_NSG), ResourceId.of(NEW_NSG))), derived.nsgChangesSince(base));
        assertEquals(Optional.of(Set.of(ResourceId.of(DB_NSG), ResourceId.of(NEW_NSG))), base.nsgChangesSince(derived));
        assertEquals(Optional.of(Set.of()), derived.nsgChangesSince(derived));

        FlowResult before = new FlowAnalyzer(base).analyze("ase-one", "db-vm-nic", 1433, Protocol.TCP);
        FlowResult after = new FlowAnalyzer(derived).analyze("ase-one", "db-vm-nic", 1433, Protocol.TCP);
        FlowResult fresh =
                new FlowAnalyzer(AnalysisContext.of(proposed)).analyze("ase-one", "db-vm-nic", 1433, Protocol.TCP);
        assertEquals(Verdict.ALLOWED, before.verdict(), before.reason());
        assertEquals(Verdict.DENIED, after.verdict(), after.reason());
        assertEquals(fresh, after, "derived answers as a context built in full");
        assertEquals(
                io.asegraph.topology.NextHopType.INTERNET,
                derived.nextHops().nextHop("ase-one", "8.8.8.8").type(),
                "ase-one-routes sends 0.0.0.0/0 to the Internet");
        assertEquals(
                io.asegraph.topology.NextHopType.INTERNET,
                base.nextHops().nextHop("ase-one", "8.8.8.8").type());
    }

    @Test
    void anNsgRecordWrittenAgainUnchangedCountsAsReplacedAndARemovedOneAsChanged() {
        Estate baseEstate = new Estate(SEED, ReferenceTopology.policy(), 1);
        AnalysisContext base = AnalysisContext.of(baseEstate);
        NetworkSecurityGroup db = base.policies().nsg(ResourceId.of(DB_NSG)).orElseThrow();
        NetworkSecurityGroup dbAgain =
                new NetworkSecurityGroup(db.id(), db.name(), db.location(), db.etag(), db.rules());
        AnalysisContext derived = AnalysisContext.derive(base, changed(baseEstate, List.of(dbAgain)));
        assertSame(base.routing(), derived.routing());
        assertEquals(
                Optional.of(Set.of(ResourceId.of(DB_NSG), ResourceId.of(ASE_TWO_NSG))), derived.nsgChangesSince(base));
    }

    @Test
    void aChangeBeyondTheNsgsIsBuiltInFullAndSharesNoAnswers() {
        Estate baseEstate = new Estate(SEED, ReferenceTopology.policy(), 1);
        AnalysisContext base = AnalysisContext.of(baseEstate);
        List<NetworkSecurityGroup> nsgs = new ArrayList<>(base.policies().nsgs());

        Estate otherTopology = new Estate(ReferenceTopology.topology(), baseEstate.policies(), 2);
        Estate newAsg = new Estate(
                SEED,
                new PolicySet(
                        nsgs,
                        List.of(new ApplicationSecurityGroup(ResourceId.of(ASG_WEB), "ctx-web", "westus")),
                        List.of()),
                2);
        Estate newTag = new Estate(SEED, new PolicySet(nsgs, List.of(), List.of(tag("Sql", "40.112.240.0/20"))), 2);
        Estate placeholder = new Estate(
                SEED,
                new PolicySet(nsgs, List.of(), List.of()),
                2,
                new Unresolved(List.of(new Placeholder(
                        ResourceId.of(REMOTE), ResourceKind.VIRTUAL_NETWORK, "ctx-remote", List.of()))));
        for (Estate e : List.of(otherTopology, newAsg, newTag, placeholder)) {
            AnalysisContext c = AnalysisContext.derive(base, e);
            assertSame(e, c.estate());
            assertNotSame(base.routing(), c.routing(), "built in full");
            assertEquals(Optional.empty(), c.nsgChangesSince(base));
            assertEquals(Optional.empty(), base.nsgChangesSince(c));
        }
    }

    @Test
    void theSameAsgsAndTagsInAnotherOrderOrAsOtherRecordsAreNotTheSameRecords() {
        ApplicationSecurityGroup a = new ApplicationSecurityGroup(ResourceId.of(ASG_WEB), "ctx-web", "westus");
        ApplicationSecurityGroup b = new ApplicationSecurityGroup(ResourceId.of(ASG_EMPTY), "ctx-empty", "westus");
        List<NetworkSecurityGroup> nsgs = ReferenceTopology.nsgs();
        Estate baseEstate = new Estate(SEED, new PolicySet(nsgs, List.of(a, b), List.of()), 1);
        AnalysisContext base = AnalysisContext.of(baseEstate);
        AnalysisContext same =
                AnalysisContext.derive(base, new Estate(SEED, new PolicySet(nsgs, List.of(a, b), List.of()), 2));
        assertSame(base.routing(), same.routing());
        AnalysisContext swapped =
                AnalysisContext.derive(base, new Estate(SEED, new PolicySet(nsgs, List.of(b, a), List.of()), 2));
        assertNotSame(base.routing(), swapped.routing());
        ApplicationSecurityGroup aAgain = new ApplicationSecurityGroup(a.id(), a.name(), a.location());
        AnalysisContext rewritten =
                AnalysisContext.derive(base, new Estate(SEED, new PolicySet(nsgs, List.of(aAgain, b), List.of()), 2));
        assertNotSame(base.routing(), rewritten.routing());
        AnalysisContext fewer =
                AnalysisContext.derive(base, new Estate(SEED, new PolicySet(nsgs, List.of(a), List.of()), 2));
        assertNotSame(base.routing(), fewer.routing());
    }
}
