package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.nsg;
import static io.asegraph.analysis.audit.AuditFixtures.out;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** environmentHealth: each ASE version's inbound, outbound, routing and subnet requirements. */
class EnvironmentHealthAuditTest {
    private static final String ASE_TWO_NSG = "ase-two-nsg";

    private static EnvironmentHealth health(AnalysisContext context, String ase) {
        return new EnvironmentHealthAudit(context)
                .all().stream().filter(h -> h.name().equals(ase)).findFirst().orElseThrow();
    }

    private static HealthCheck check(EnvironmentHealth h, String name) {
        return h.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + h.checks()));
    }

    /** ase-two-nsg as seeded, with rules added in front. */
    private static NetworkSecurityGroup aseTwoNsg(io.asegraph.policy.SecurityRule... extra) {
        List<io.asegraph.policy.SecurityRule> rules = new java.util.ArrayList<>(List.of(extra));
        rules.addAll(ReferenceTopology.nsgs().get(0).rules());
        return new NetworkSecurityGroup(ResourceId.of(ReferenceTopology.ASE_TWO_NSG), ASE_TWO_NSG, "westus", "", rules);
    }

    private static AnalysisContext reference(Topology topology, NetworkSecurityGroup aseTwoNsg, ServiceTag... tags) {
        return AuditFixtures.context(topology, AuditFixtures.seedNsgsWith(aseTwoNsg), tags);
    }

    @Test
    void bothReferenceAsesAreHealthyWithEveryV1Check() {
        List<EnvironmentHealth> all = new EnvironmentHealthAudit(AuditFixtures.reference()).all();
        assertEquals(
                List.of("ase-one", "ase-two"),
                all.stream().map(EnvironmentHealth::name).toList());
        for (EnvironmentHealth h : all) {
            assertTrue(h.healthy(), h.toString());
            assertEquals(
                    List.of(
                            "inbound-management",
                            "outbound-storage",
                            "outbound-sql",
                            "outbound-dns",
                            "outbound-route",
                            "subnet-exclusive"),
                    h.checks().stream().map(HealthCheck::name).toList());
        }
        assertEquals(
                List.of("0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes)"),
                check(all.get(0), "outbound-route").decidedBy());
        assertEquals(
                List.of("0.0.0.0/0 → Internet (system default route)"),
                check(all.get(1), "outbound-route").decidedBy());
        assertEquals(
                List.of("ase-two-nsg securityRules/ALLOW-AzureMngmt"),
                check(all.get(1), "inbound-management").decidedBy());
        assertTrue(check(all.get(0), "inbound-management").detail().contains("No NSG on ase-one-subnet"));
    }

    @Test
    void forcedTunnellingOverBgpFailsNamingTheRouteAndAUserRouteToTheInternetFixesIt() {
        Topology topology = ReferenceTopology.builder()
                .gateway(ReferenceTopology.GATEWAY, ReferenceTopology.VNET, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0")
                .build();
        AnalysisContext context = AuditFixtures.context(topology, ReferenceTopology.nsgs());
        HealthCheck broken = check(health(context, "ase-two"), "outbound-route");
        assertEquals(CheckStatus.FAIL, broken.status());
        assertTrue(broken.detail().contains("route learned over BGP by ase-vnet-gw"), broken.detail());
        assertTrue(broken.detail().contains("Add a user route 0.0.0.0/0 → Internet"), broken.detail());
        assertEquals(
                "0.0.0.0/0 → VirtualNetworkGateway (route learned over BGP by ase-vnet-gw)",
                broken.decidedBy().get(0));
        assertFalse(health(context, "ase-two").healthy());
        HealthCheck fixed = check(health(context, "ase-one"), "outbound-route");
        assertEquals(CheckStatus.PASS, fixed.status());
        assertEquals(List.of("0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes)"), fixed.decidedBy());
    }

    @Test
    void forcedTunnellingByAUserRouteFailsNamingThatRoute() {
        String table = AuditFixtures.NET + "/routeTables/tunnel";
        Topology topology = ReferenceTopology.builder()
                .routeTable(table, false, TopologyBuilder.route("to-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .attachRouteTable(ReferenceTopology.ASE_TWO_SUBNET, table)
                .build();
        HealthCheck c =
                check(health(AuditFixtures.context(topology, ReferenceTopology.nsgs()), "ase-two"), "outbound-route");
        assertEquals(CheckStatus.FAIL, c.status());
        assertEquals(
                "0.0.0.0/0 → VirtualNetworkGateway (user route to-onprem in tunnel)",
                c.decidedBy().get(0));
        assertTrue(c.detail().contains("route table tunnel"), c.detail());
    }

    @Test
    void aServiceEndpointForSqlIsAStraightRouteForTheSqlRequirementNotForcedTunnelling() {
        Topology topology = ReferenceTopology.builder()
                .serviceEndpoint(ReferenceTopology.ASE_TWO_SUBNET, "Microsoft.Sql", "westus")
                .build();
        ServiceTag sql = AuditFixtures.tag("Sql.WestUS", "40.112.240.0/20");
        EnvironmentHealth h = health(AuditFixtures.context(topology, ReferenceTopology.nsgs(), sql), "ase-two");
        HealthCheck route = check(h, "outbound-route");
        assertEquals(CheckStatus.PASS, route.status(), route::toString);
        assertTrue(
                route.decidedBy().stream().anyMatch(d -> d.contains("VirtualNetworkServiceEndpoint")),
                route.decidedBy()::toString);
    }

    @Test
    void moreSpecificAdvertisedPrefixesBeatTheUserDefaultRouteAndAreNamed() {
        Topology topology = ReferenceTopology.builder()
                .gateway(
                        ReferenceTopology.GATEWAY,
                        ReferenceTopology.VNET,
                        GatewayType.EXPRESS_ROUTE,
                        "0.0.0.0/1",
                        "128.0.0.0/1")
                .build();
        HealthCheck c =
                check(health(AuditFixtures.context(topology, ReferenceTopology.nsgs()), "ase-one"), "outbound-route");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(
                c.decidedBy().contains("0.0.0.0/1 → VirtualNetworkGateway (route learned over BGP by ase-vnet-gw)"),
                c.decidedBy().toString());
        assertTrue(c.detail().contains("direct-internet") && c.detail().contains("more specific"), c.detail());
    }

    @Test
    void aDenyAboveTheManagementAllowFailsNamingTheDeny() {
        NetworkSecurityGroup nsg = aseTwoNsg(in("deny-all-inbound", 50, Access.DENY, "*", "*"));
        HealthCheck c = check(health(reference(ReferenceTopology.topology(), nsg), "ase-two"), "inbound-management");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(c.detail().contains("securityRules/deny-all-inbound (priority 50, Deny)"), c.detail());
    }

    @Test
    void managementAdmittedFromOneAddressFailsWhileTheTagIsNotImported() {
        NetworkSecurityGroup nsg = new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.ASE_TWO_NSG),
                ASE_TWO_NSG,
                "westus",
                "",
                List.of(in("allow-mgmt", 100, Access.ALLOW, "70.37.57.58", "454-455")));
        HealthCheck c = check(health(reference(ReferenceTopology.topology(), nsg), "ase-two"), "inbound-management");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(c.detail().contains("denies part of it from"), c.detail());
    }

    @Test
    void managementByTheResolvedTagPassesAndByTheUnresolvedTagWarns() {
        NetworkSecurityGroup nsg = new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.ASE_TWO_NSG),
                ASE_TWO_NSG,
                "westus",
                "",
                List.of(in("allow-mgmt", 100, Access.ALLOW, "AppServiceManagement", "454-455")));
        HealthCheck unresolved =
                check(health(reference(ReferenceTopology.topology(), nsg), "ase-two"), "inbound-management");
        assertEquals(CheckStatus.WARN, unresolved.status());
        assertTrue(unresolved.detail().contains("AppServiceManagement"), unresolved.detail());
        HealthCheck resolved = check(
                health(
                        reference(
                                ReferenceTopology.topology(),
                                nsg,
                                AuditFixtures.tag("AppServiceManagement", "70.37.57.58/32", "157.55.208.185/32")),
                        "ase-two"),
                "inbound-management");
        assertEquals(CheckStatus.PASS, resolved.status());
        assertEquals(List.of("ase-two-nsg securityRules/allow-mgmt"), resolved.decidedBy());
    }

    @Test
    void managementFromOneAddressPassesWhenTheImportedTagHoldsOnlyThatAddress() {
        NetworkSecurityGroup nsg = new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.ASE_TWO_NSG),
                ASE_TWO_NSG,
                "westus",
                "",
                List.of(in("allow-mgmt", 100, Access.ALLOW, "70.37.57.58", "454-455")));
        EnvironmentHealth h = health(
                reference(
                        ReferenceTopology.topology(), nsg, AuditFixtures.tag("AppServiceManagement", "70.37.57.58/32")),
                "ase-two");
        assertEquals(CheckStatus.PASS, check(h, "inbound-management").status());
    }

    @Test
    void denyingPort445ToTheInternetFailsStorageEvenWithoutTheTag() {
        NetworkSecurityGroup nsg = aseTwoNsg(out("deny-smb-out", 100, Access.DENY, "Internet", "445"));
        HealthCheck c = check(health(reference(ReferenceTopology.topology(), nsg), "ase-two"), "outbound-storage");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(c.detail().contains("445") && c.detail().contains("deny-smb-out"), c.detail());
    }

    @Test
    void allowingOnlyPartOfTheInternetWarnsWithoutTheTagAndPassesWhenTheTagIsCovered() {
        NetworkSecurityGroup nsg = aseTwoNsg(
                out("allow-storage-block", 100, Access.ALLOW, "20.38.98.0/24", "443"),
                out("deny-https-out", 110, Access.DENY, "Internet", "443"));
        HealthCheck unknown =
                check(health(reference(ReferenceTopology.topology(), nsg), "ase-two"), "outbound-storage");
        assertEquals(CheckStatus.WARN, unknown.status());
        assertTrue(unknown.detail().contains("Storage tag is not imported"), unknown.detail());
        HealthCheck known = check(
                health(
                        reference(ReferenceTopology.topology(), nsg, AuditFixtures.tag("Storage", "20.38.98.0/24")),
                        "ase-two"),
                "outbound-storage");
        assertEquals(CheckStatus.PASS, known.status());
        HealthCheck wider = check(
                health(
                        reference(
                                ReferenceTopology.topology(),
                                nsg,
                                AuditFixtures.tag("Storage", "20.38.98.0/24", "52.239.0.0/16")),
                        "ase-two"),
                "outbound-storage");
        assertEquals(CheckStatus.FAIL, wider.status());
        assertTrue(wider.detail().contains("port 443 by ase-two-nsg securityRules/deny-https-out"), wider.detail());
    }

    @Test
    void denyingSqlInTheAsesRegionFailsWithTheRegionalTag() {
        NetworkSecurityGroup nsg = aseTwoNsg(out("deny-sql", 100, Access.DENY, "Sql.WestUS", "1433"));
        HealthCheck c = check(
                health(
                        reference(
                                ReferenceTopology.topology(), nsg, AuditFixtures.tag("Sql.WestUS", "40.112.240.0/20")),
                        "ase-two"),
                "outbound-sql");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(c.detail().contains("port 1433 by ase-two-nsg securityRules/deny-sql"), c.detail());
    }

    @Test
    void blockingDnsFails() {
        NetworkSecurityGroup nsg = aseTwoNsg(rule(
                "deny-dns",
                100,
                Direction.OUTBOUND,
                Access.DENY,
                Protocol.ANY,
                List.of("*"),
                List.of("*"),
                List.of("*"),
                List.of("53")));
        HealthCheck c = check(health(reference(ReferenceTopology.topology(), nsg), "ase-two"), "outbound-dns");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(c.detail().contains("allows none of it"), c.detail());
    }

    @Test
    void aNetworkInterfaceInTheAseSubnetFailsExclusivity() {
        Topology topology = ReferenceTopology.builder()
                .add(new NetworkInterface(
                        ResourceId.of(AuditFixtures.NET + "/networkInterfaces/stray-nic"),
                        "stray-nic",
                        "westus",
                        ResourceId.of(ReferenceTopology.ASE_TWO_SUBNET),
                        Ipv4.parse("10.0.1.70"),
                        Optional.empty(),
                        List.of(),
                        List.of(),
                        ""))
                .build();
        HealthCheck c =
                check(health(AuditFixtures.context(topology, ReferenceTopology.nsgs()), "ase-two"), "subnet-exclusive");
        assertEquals(CheckStatus.FAIL, c.status());
        assertTrue(c.detail().contains("network interface stray-nic"), c.detail());
    }

    @Test
    void anNsgMissingFromTheSnapshotWarns() {
        AnalysisContext context = AuditFixtures.context(
                ReferenceTopology.topology(), List.of(ReferenceTopology.nsgs().get(1)));
        EnvironmentHealth h = health(context, "ase-two");
        assertEquals(CheckStatus.WARN, check(h, "inbound-management").status());
        assertEquals(CheckStatus.WARN, h.status());
        assertFalse(h.healthy());
    }

    /** The reference builder with ase-two of another ASE version. */
    static TopologyBuilder withKind(AseKind kind) {
        AppServiceEnvironment two = ReferenceTopology.topology()
                .environment(ResourceId.of(ReferenceTopology.ASE_TWO))
                .orElseThrow();
        return ReferenceTopology.builder()
                .add(new AppServiceEnvironment(
                        two.id(),
                        two.name(),
                        two.location(),
                        kind,
                        two.internalLoadBalancingMode(),
                        two.subnetId(),
                        two.publicVip(),
                        two.outboundAddresses(),
                        two.internalAddress(),
                        java.util.List.of(),
                        java.util.List.of()));
    }

    @Test
    void aV2AseBehindADenyAllNeedsTheLoadBalancerAndItsOwnSubnet() {
        NetworkSecurityGroup nsg = aseTwoNsg(rule(
                "deny-all-in",
                4096,
                Direction.INBOUND,
                Access.DENY,
                Protocol.ANY,
                List.of("*"),
                List.of("*"),
                List.of("*"),
                List.of("*")));
        EnvironmentHealth h = health(reference(withKind(AseKind.ASEV2).build(), nsg), "ase-two");
        assertEquals(AseKind.ASEV2, h.kind());
        assertEquals(CheckStatus.FAIL, check(h, "inbound-load-balancer").status());
        assertTrue(check(h, "inbound-load-balancer").detail().contains("deny-all-in"));
        assertEquals(CheckStatus.FAIL, check(h, "inbound-intra-subnet").status());
        assertEquals(CheckStatus.PASS, check(h, "outbound-intra-subnet").status());
        assertEquals(CheckStatus.PASS, check(h, "management-return-route").status());
    }

    @Test
    void aV3AseIgnoresForcedTunnellingButNeedsTheLoadBalancerOnPort80() {
        String table = AuditFixtures.NET + "/routeTables/tunnel";
        Topology topology = withKind(AseKind.ASEV3)
                .routeTable(table, false, TopologyBuilder.route("to-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .attachRouteTable(ReferenceTopology.ASE_TWO_SUBNET, table)
                .build();
        EnvironmentHealth healthy = health(AuditFixtures.context(topology, ReferenceTopology.nsgs()), "ase-two");
        assertEquals(
                List.of("inbound-load-balancer", "subnet-exclusive"),
                healthy.checks().stream().map(HealthCheck::name).toList());
        assertTrue(healthy.healthy(), healthy.toString());
        NetworkSecurityGroup nsg = aseTwoNsg(in("deny-http", 100, Access.DENY, "*", "80"));
        EnvironmentHealth broken = health(AuditFixtures.context(topology, AuditFixtures.seedNsgsWith(nsg)), "ase-two");
        assertEquals(CheckStatus.FAIL, check(broken, "inbound-load-balancer").status());
    }
}
