package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.nsgId;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.estate.Estate;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ShadowAudit} beyond single NSGs: the order of findings over an estate, the evaluation contexts of NSGs whose
 * rules name VirtualNetwork, default rules of an NSG attached nowhere, findings derived after an NSG change, and which
 * UNDECIDABLE findings are worth reporting.
 */
class ShadowAuditContextsTest {
    private static final String SUB_A = "/subscriptions/s/resourceGroups/a-rg/providers/Microsoft.Network";
    private static final String SUB_B = "/subscriptions/s/resourceGroups/b-rg/providers/Microsoft.Network";
    private static final String VNET_A = AuditFixtures.NET + "/virtualNetworks/vnet-a";
    private static final String VNET_B = AuditFixtures.NET + "/virtualNetworks/vnet-b";
    private static final String VNET_C = AuditFixtures.NET + "/virtualNetworks/vnet-c";
    private static final String SUBNET_A = VNET_A + "/subnets/app";
    private static final String SUBNET_C = VNET_C + "/subnets/app";
    private static final String NIC_A = AuditFixtures.NET + "/networkInterfaces/vm-a-nic";

    private static List<String> rows(List<ShadowedRule> rows) {
        return rows.stream()
                .map(r -> r.nsgName() + " " + r.ruleName() + " " + r.kind() + " by " + r.coveredBy())
                .toList();
    }

    private static NetworkSecurityGroup nsg(String sub, String name, SecurityRule... rules) {
        return new NetworkSecurityGroup(
                ResourceId.of(sub + "/networkSecurityGroups/" + name), name, "westus", "", List.of(rules));
    }

    /** A deny of SSH from anywhere over an allow of SSH from the Internet at {@code priority}: one DEAD finding. */
    private static NetworkSecurityGroup deadSsh(String sub, String name, int priority) {
        return nsg(
                sub,
                name,
                in("deny-ssh", 100, Access.DENY, "*", "22"),
                in("allow-ssh-" + priority, priority, Access.ALLOW, "Internet", "22"));
    }

    // --- order ---------------------------------------------------------------------------------------------------

    @Test
    void findingsOverTheEstateAreOrderedByNsgNameIgnoringCaseThenByNsgIdWhateverTheEstatesOrder() {
        NetworkSecurityGroup zeta = deadSsh(SUB_A, "zeta", 200);
        NetworkSecurityGroup alpha = deadSsh(SUB_B, "Alpha", 200);
        NetworkSecurityGroup edgeB = deadSsh(SUB_B, "edge", 200);
        NetworkSecurityGroup edgeA = deadSsh(SUB_A, "edge", 300);
        AnalysisContext context =
                AuditFixtures.context(ReferenceTopology.topology(), List.of(zeta, edgeB, alpha, edgeA));
        List<ShadowedRule> all = new ShadowAudit(context).all(false);
        assertEquals(
                List.of(alpha.id(), edgeA.id(), edgeB.id(), zeta.id()),
                all.stream().map(ShadowedRule::nsg).toList(),
                "Alpha before edge before zeta; the two edges by id (a-rg before b-rg)");
    }

    @Test
    void findingsDerivedAfterAnNsgChangeAreThoseOfTheChangedEstate() {
        NetworkSecurityGroup zeta = deadSsh(SUB_A, "zeta", 200);
        NetworkSecurityGroup edge = deadSsh(SUB_A, "edge", 300);
        NetworkSecurityGroup gone = deadSsh(SUB_A, "gone", 400);
        Topology topology = ReferenceTopology.topology();
        List<ShadowedRule> before =
                new ShadowAudit(AuditFixtures.context(topology, List.of(zeta, edge, gone))).all(false);
        assertEquals(3, before.size());
        // "Alpha" is added (its finding sorts first), "edge" changes (now two findings), "gone" is deleted.
        NetworkSecurityGroup alpha = deadSsh(SUB_A, "Alpha", 250);
        NetworkSecurityGroup edgeChanged = nsg(
                SUB_A,
                "edge",
                in("deny-ssh", 100, Access.DENY, "*", "22"),
                in("allow-ssh", 300, Access.ALLOW, "Internet", "22"),
                in("allow-ssh-partner", 400, Access.ALLOW, "198.51.100.0/24", "22"));
        AnalysisContext after = AuditFixtures.context(topology, List.of(zeta, edgeChanged, alpha));
        ShadowAudit audit = new ShadowAudit(after);
        List<ShadowedRule> derived = audit.derive(before, Set.of(alpha.id(), edge.id(), gone.id()), false);
        assertEquals(audit.all(false), derived);
        assertEquals(
                List.of(
                        "Alpha securityRules/allow-ssh-250 DEAD by [securityRules/deny-ssh]",
                        "edge securityRules/allow-ssh DEAD by [securityRules/deny-ssh]",
                        "edge securityRules/allow-ssh-partner DEAD by [securityRules/deny-ssh]",
                        "zeta securityRules/allow-ssh-200 DEAD by [securityRules/deny-ssh]"),
                rows(derived));
        assertTrue(derived.contains(before.get(before.size() - 1)), "zeta's finding is taken over unchanged");
    }

    // --- evaluation contexts -----------------------------------------------------------------------------------------

    /**
     * vnet-a (10.0.0.0/16) peered with vnet-b (10.1.0.0/16) and vnet-c (10.2.0.0/16); b and c are not peered. The
     * VirtualNetwork tag of a subnet is its VNet and the VNets peered with it: a+b+c in vnet-a, c+a in vnet-c.
     * Subnets are listed vnet-c's first unless {@code aFirst}; a NIC (with {@code nicNsg}) in vnet-a's subnet.
     */
    private static Topology threeVnets(String subnetNsg, Optional<String> nicNsg, boolean aFirst) {
        TopologyBuilder b = new TopologyBuilder()
                .vnet(VNET_A, "10.0.0.0/16")
                .vnet(VNET_B, "10.1.0.0/16")
                .vnet(VNET_C, "10.2.0.0/16")
                .peerBothWays(VNET_A, VNET_B)
                .peerBothWays(VNET_A, VNET_C);
        if (aFirst) {
            b.subnet(SUBNET_A, VNET_A, "10.0.1.0/24").subnet(SUBNET_C, VNET_C, "10.2.1.0/24");
        } else {
            b.subnet(SUBNET_C, VNET_C, "10.2.1.0/24").subnet(SUBNET_A, VNET_A, "10.0.1.0/24");
        }
        b.attachNsg(SUBNET_C, nsgId(subnetNsg)).attachNsg(SUBNET_A, nsgId(subnetNsg));
        b.add(new NetworkInterface(
                ResourceId.of(NIC_A),
                "vm-a-nic",
                "westus",
                ResourceId.of(SUBNET_A),
                Ipv4.parse("10.0.1.4"),
                nicNsg.map(n -> ResourceId.of(nsgId(n))),
                List.of(),
                List.of(),
                ""));
        return b.build();
    }

    private static List<ShadowedRule> audit(Topology topology, NetworkSecurityGroup nsg) {
        return new ShadowAudit(AuditFixtures.context(topology, List.of(nsg))).all(false);
    }

    @Test
    void findingsOfSeveralContextsAreMergedAndOrderedByPriority() {
        NetworkSecurityGroup shared = AuditFixtures.nsg(
                "shared",
                in("allow-vnet-sql", 100, Access.ALLOW, "VirtualNetwork", "1433"),
                in("allow-b-sql", 200, Access.ALLOW, "10.1.0.0/16", "1433"),
                in("allow-c-sql", 300, Access.ALLOW, "10.2.0.0/16", "1433"));
        // vnet-c's subnet is analysed first: the findings of one NSG are in priority order all the same.
        List<ShadowedRule> rows = new ShadowAudit(
                        AuditFixtures.context(threeVnets("shared", Optional.empty(), false), List.of(shared)))
                .of(shared, false);
        // In vnet-c the tag holds vnet-c but not vnet-b: only allow-c-sql is covered there; in vnet-a both are.
        assertEquals(
                List.of(
                        "shared securityRules/allow-b-sql REDUNDANT by [securityRules/allow-vnet-sql]",
                        "shared securityRules/allow-c-sql REDUNDANT by [securityRules/allow-vnet-sql]"),
                rows(rows));
        assertEquals(List.of(ResourceId.of(SUBNET_A)), rows.get(0).appliedTo());
        assertTrue(rows.get(0).dependsOnPlacement());
        assertEquals(
                Set.of(ResourceId.of(SUBNET_A), ResourceId.of(SUBNET_C)),
                Set.copyOf(rows.get(1).appliedTo()));
        assertFalse(rows.get(1).dependsOnPlacement());
    }

    @Test
    void aRuleNamingVirtualNetworkAmongItsSourcesIsAnalysedPerContext() {
        NetworkSecurityGroup shared = AuditFixtures.nsg(
                "shared",
                in("allow-vnet-sql", 100, Access.ALLOW, "VirtualNetwork", "1433"),
                rule(
                        "allow-vnet-and-b-sql",
                        200,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("VirtualNetwork", "10.1.0.0/16"),
                        List.of("*"),
                        List.of("*"),
                        List.of("1433")));
        List<ShadowedRule> rows = audit(threeVnets("shared", Optional.empty(), false), shared);
        assertEquals(
                List.of("shared securityRules/allow-vnet-and-b-sql REDUNDANT by [securityRules/allow-vnet-sql]"),
                rows(rows));
        assertEquals(List.of(ResourceId.of(SUBNET_A)), rows.get(0).appliedTo(), "vnet-b is in vnet-a's tag only");
        assertTrue(rows.get(0).dependsOnPlacement());
    }

    @Test
    void aRuleNamingVirtualNetworkAmongItsDestinationsIsAnalysedPerContext() {
        NetworkSecurityGroup shared = AuditFixtures.nsg(
                "shared",
                AuditFixtures.out("allow-vnet-sql", 100, Access.ALLOW, "VirtualNetwork", "1433"),
                rule(
                        "allow-vnet-and-b-sql",
                        200,
                        Direction.OUTBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("*"),
                        List.of("*"),
                        List.of("VirtualNetwork", "10.1.0.0/16"),
                        List.of("1433")));
        List<ShadowedRule> rows = audit(threeVnets("shared", Optional.empty(), false), shared);
        assertEquals(
                List.of("shared securityRules/allow-vnet-and-b-sql REDUNDANT by [securityRules/allow-vnet-sql]"),
                rows(rows));
        assertEquals(Direction.OUTBOUND, rows.get(0).direction());
        assertEquals(List.of(ResourceId.of(SUBNET_A)), rows.get(0).appliedTo());
        assertTrue(rows.get(0).dependsOnPlacement());
    }

    @Test
    void anNsgWithoutVirtualNetworkRulesListsItsAttachmentsSubnetsFirstThenInterfaces() {
        NetworkSecurityGroup plain = deadSsh(AuditFixtures.NET, "plain", 200);
        List<ShadowedRule> rows = audit(threeVnets("plain", Optional.of("plain"), true), plain);
        assertEquals(List.of("plain securityRules/allow-ssh-200 DEAD by [securityRules/deny-ssh]"), rows(rows));
        assertEquals(
                List.of(ResourceId.of(SUBNET_A), ResourceId.of(SUBNET_C), ResourceId.of(NIC_A)),
                rows.get(0).appliedTo());
        assertFalse(rows.get(0).dependsOnPlacement());
    }

    @Test
    void withDefaultRulesEveryNsgIsAnalysedPerContextForTheDefaultsNameVirtualNetwork() {
        // No user rule names VirtualNetwork, but AllowVnetInBound does: denying vnet-a, vnet-c and the host's virtual
        // IP
        // 168.63.129.16 (in the tag, and the AzureLoadBalancer tag) kills it in vnet-c's subnet (its tag: vnet-c,
        // vnet-a,
        // the host) and not in vnet-a's (its tag also holds vnet-b). AllowAzureLoadBalancerInBound is dead in both.
        NetworkSecurityGroup split = AuditFixtures.nsg(
                "split",
                rule(
                        "deny-a-and-c",
                        100,
                        Direction.INBOUND,
                        Access.DENY,
                        Protocol.ANY,
                        List.of("10.0.0.0/16", "10.2.0.0/16", "168.63.129.16/32"),
                        List.of("*"),
                        List.of("*"),
                        List.of("*")));
        ShadowAudit audit =
                new ShadowAudit(AuditFixtures.context(threeVnets("split", Optional.empty(), false), List.of(split)));
        assertEquals(List.of(), audit.all(false));
        List<ShadowedRule> rows = audit.all(true);
        assertEquals(
                List.of(
                        "split defaultSecurityRules/AllowVnetInBound DEAD by [securityRules/deny-a-and-c]",
                        "split defaultSecurityRules/AllowAzureLoadBalancerInBound DEAD by [securityRules/deny-a-and-c]"),
                rows(rows));
        assertEquals(List.of(ResourceId.of(SUBNET_C)), rows.get(0).appliedTo());
        assertTrue(rows.get(0).dependsOnPlacement());
        assertEquals(
                List.of(ResourceId.of(SUBNET_C), ResourceId.of(SUBNET_A)),
                rows.get(1).appliedTo());
        assertFalse(rows.get(1).dependsOnPlacement());
    }

    // --- default rules ----------------------------------------------------------------------------------------------

    @Test
    void theDefaultRulesOfAnNsgAttachedNowhereAreUndecidableWhereAHigherDefaultMayCoverThem() {
        NetworkSecurityGroup empty = AuditFixtures.nsg("empty");
        List<ShadowedRule> rows = audit(ReferenceTopology.topology(), empty);
        assertEquals(List.of(), rows, "no user rule: nothing without the defaults");
        rows = new ShadowAudit(AuditFixtures.context(ReferenceTopology.topology(), List.of(empty))).all(true);
        // VirtualNetwork cannot be expanded for an NSG attached nowhere: AllowVnetInBound/OutBound (65000) may match
        // anything, so whether the rules under them are ever reached is undecidable. The VNet rules themselves have
        // nothing above them: "their own tag may be empty" is no shadowing, and they are not listed.
        assertEquals(
                List.of(
                        "empty defaultSecurityRules/AllowAzureLoadBalancerInBound UNDECIDABLE by []",
                        "empty defaultSecurityRules/DenyAllInBound UNDECIDABLE"
                                + " by [defaultSecurityRules/AllowAzureLoadBalancerInBound]",
                        "empty defaultSecurityRules/AllowInternetOutBound UNDECIDABLE by []",
                        "empty defaultSecurityRules/DenyAllOutBound UNDECIDABLE"
                                + " by [defaultSecurityRules/AllowInternetOutBound]"),
                rows(rows));
        for (ShadowedRule r : rows) {
            assertTrue(r.causes().stream().anyMatch(c -> c.contains("VirtualNetwork")), r.causes()::toString);
            assertEquals(List.of(), r.appliedTo());
        }
    }

    // --- which UNDECIDABLE findings are reported ---------------------------------------------------------------------

    /** {@code higher} (priority 100) over an allow of SQL from the unimported Sql.WestUS tag (200), in an NSG. */
    private static List<String> underUnresolvedTag(SecurityRule higher, SecurityRule lower) {
        NetworkSecurityGroup edge = AuditFixtures.nsg("edge", higher, lower);
        return rows(new ShadowAudit(AuditFixtures.reference(AuditFixtures.seedNsgsWith(edge))).all(false));
    }

    private static SecurityRule inbound(
            String name,
            int priority,
            Access access,
            Protocol protocol,
            String source,
            String sourcePorts,
            String destination,
            String destinationPorts) {
        return rule(
                name,
                priority,
                Direction.INBOUND,
                access,
                protocol,
                List.of(source),
                List.of(sourcePorts),
                List.of(destination),
                List.of(destinationPorts));
    }

    private static final SecurityRule SQL_FROM_TAG =
            inbound("allow-sql-tag", 200, Access.ALLOW, Protocol.TCP, "Sql.WestUS", "*", "*", "1433");

    @Test
    void aRuleUnderAnUnresolvedTagThatNoHigherRuleCanTouchIsNotReported() {
        // Whatever Sql.WestUS holds, none of these higher rules matches a packet the tag's rule matches.
        assertEquals(
                List.of(),
                underUnresolvedTag(
                        inbound("deny-udp", 100, Access.DENY, Protocol.UDP, "*", "*", "*", "1433"), SQL_FROM_TAG),
                "another protocol");
        assertEquals(
                List.of(),
                underUnresolvedTag(
                        inbound("deny-https", 100, Access.DENY, Protocol.TCP, "*", "*", "*", "443"), SQL_FROM_TAG),
                "other destination ports");
        assertEquals(
                List.of(),
                underUnresolvedTag(
                        inbound("deny-low-source-ports", 100, Access.DENY, Protocol.TCP, "*", "1000-2000", "*", "1433"),
                        inbound(
                                "allow-sql-tag",
                                200,
                                Access.ALLOW,
                                Protocol.TCP,
                                "Sql.WestUS",
                                "3000-4000",
                                "*",
                                "1433")),
                "other source ports");
        assertEquals(
                List.of(),
                underUnresolvedTag(
                        inbound("deny-to-a", 100, Access.DENY, Protocol.TCP, "*", "*", "10.0.0.0/24", "1433"),
                        inbound(
                                "allow-tag-to-b",
                                200,
                                Access.ALLOW,
                                Protocol.TCP,
                                "Sql.WestUS",
                                "*",
                                "10.9.0.0/24",
                                "1433")),
                "other destinations");
        assertEquals(
                List.of(),
                underUnresolvedTag(
                        inbound("deny-from-a", 100, Access.DENY, Protocol.TCP, "10.0.0.0/24", "*", "*", "1433"),
                        inbound(
                                "allow-b-to-tag",
                                200,
                                Access.ALLOW,
                                Protocol.TCP,
                                "10.9.0.0/24",
                                "*",
                                "Sql.WestUS",
                                "1433")),
                "other sources");
    }

    @Test
    void aRuleUnderAnUnresolvedTagThatAHigherRuleMayCoverIsUndecidable() {
        assertEquals(
                List.of("edge securityRules/allow-sql-tag UNDECIDABLE by [securityRules/deny-ten]"),
                underUnresolvedTag(
                        inbound("deny-ten", 100, Access.DENY, Protocol.ANY, "10.0.0.0/8", "*", "*", "1433"),
                        SQL_FROM_TAG),
                "a higher rule for any protocol");
        assertEquals(
                List.of("edge securityRules/allow-sql-tag UNDECIDABLE by [securityRules/deny-ten-udp]"),
                underUnresolvedTag(
                        inbound("deny-ten-udp", 100, Access.DENY, Protocol.UDP, "10.0.0.0/8", "*", "*", "1433"),
                        inbound("allow-sql-tag", 200, Access.ALLOW, Protocol.ANY, "Sql.WestUS", "*", "*", "1433")),
                "a lower rule for any protocol");
        // A higher rule without port ranges (no singular nor plural port field) is itself unresolved: it may match any
        // port, so it may cover the rule under the tag, and both are named as causes.
        SecurityRule noPorts = rule(
                "deny-ten-no-ports",
                100,
                Direction.INBOUND,
                Access.DENY,
                Protocol.TCP,
                List.of("10.0.0.0/8"),
                List.of(),
                List.of("*"),
                List.of());
        NetworkSecurityGroup edge = AuditFixtures.nsg("edge", noPorts, SQL_FROM_TAG);
        List<ShadowedRule> rows = new ShadowAudit(AuditFixtures.reference(AuditFixtures.seedNsgsWith(edge))).all(false);
        assertEquals(List.of("edge securityRules/allow-sql-tag UNDECIDABLE by []"), rows(rows));
        assertEquals(2, rows.get(0).causes().size(), rows.get(0).causes()::toString);
        assertTrue(
                rows.get(0).causes().get(0).contains("Sql.WestUS"), rows.get(0).causes()::toString);
        assertTrue(
                rows.get(0).causes().get(1).contains("deny-ten-no-ports"),
                rows.get(0).causes()::toString);
    }

    @Test
    void derivingWithNothingChangedKeepsEveryFinding() {
        NetworkSecurityGroup edge = deadSsh(SUB_A, "edge", 300);
        AnalysisContext context = AnalysisContext.of(
                new Estate(ReferenceTopology.topology(), new PolicySet(List.of(edge), List.of(), List.of()), 1));
        ShadowAudit audit = new ShadowAudit(context);
        List<ShadowedRule> all = audit.all(false);
        assertEquals(all, audit.derive(all, Set.of(), false));
    }
}
