package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.nsg;
import static io.asegraph.analysis.audit.AuditFixtures.nsgId;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** shadowedRules: ShadowAnalysis per NSG and per evaluation context, over whole estates. */
class ShadowAuditTest {
    private static final String VNET_A = AuditFixtures.NET + "/virtualNetworks/vnet-a";
    private static final String VNET_B = AuditFixtures.NET + "/virtualNetworks/vnet-b";
    private static final String VNET_C = AuditFixtures.NET + "/virtualNetworks/vnet-c";
    private static final String SUBNET_A = VNET_A + "/subnets/app";
    private static final String SUBNET_C = VNET_C + "/subnets/app";

    private static List<String> rows(List<ShadowedRule> rows) {
        return rows.stream()
                .map(r -> r.nsgName() + " " + r.ruleName() + " " + r.kind() + " by " + r.coveredBy())
                .toList();
    }

    private static List<ShadowedRule> audit(NetworkSecurityGroup... nsgs) {
        return new ShadowAudit(AuditFixtures.reference(AuditFixtures.seedNsgsWith(nsgs))).all(false);
    }

    @Test
    void theReferenceTopologyHasNoShadowedUserRules() {
        assertEquals(List.of(), new ShadowAudit(AuditFixtures.reference()).all(false));
    }

    @Test
    void anAllowUnderAHigherPriorityDenyIsDeadWithADifferentAction() {
        List<ShadowedRule> rows = audit(nsg(
                "edge",
                in("deny-ssh", 100, Access.DENY, "*", "22"),
                in("allow-ssh-from-internet", 200, Access.ALLOW, "Internet", "22")));
        assertEquals(
                List.of("edge securityRules/allow-ssh-from-internet DEAD by [securityRules/deny-ssh]"), rows(rows));
        assertTrue(rows.get(0).differentAction());
        assertEquals(Direction.INBOUND, rows.get(0).direction());
    }

    @Test
    void anAllowCoveredByABroaderAllowIsRedundant() {
        List<ShadowedRule> rows = audit(nsg(
                "edge",
                in("allow-vnet-https", 100, Access.ALLOW, "10.0.0.0/16", "443"),
                in("allow-subnet-https", 200, Access.ALLOW, "10.0.1.0/24", "443")));
        assertEquals(
                List.of("edge securityRules/allow-subnet-https REDUNDANT by [securityRules/allow-vnet-https]"),
                rows(rows));
        assertFalse(rows.get(0).differentAction());
    }

    @Test
    void aDenyAboveAnAllowThatCoversOnlyHalfShadowsNothing() {
        assertEquals(
                List.of(),
                audit(nsg(
                        "edge",
                        in("deny-low-half", 100, Access.DENY, "10.0.0.0/17", "443"),
                        in("allow-vnet", 200, Access.ALLOW, "10.0.0.0/16", "443"))));
    }

    @Test
    void pluralOnlyPrefixesAreExactlyThosePrefixesNeverAny() {
        NetworkSecurityGroup edge = nsg(
                "edge",
                rule(
                        "allow-partners",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("198.51.100.0/24", "203.0.113.0/24"),
                        List.of("*"),
                        List.of("*"),
                        List.of("443", "8443")),
                in("allow-other-partner", 200, Access.ALLOW, "192.0.2.0/24", "443"),
                in("allow-one-partner", 300, Access.ALLOW, "203.0.113.0/24", "8443"));
        assertEquals(
                List.of("edge securityRules/allow-one-partner REDUNDANT by [securityRules/allow-partners]"),
                rows(audit(edge)));
    }

    @Test
    void aRuleUnderAnUnresolvedTagIsUndecidableNamingTheTag() {
        NetworkSecurityGroup edge = nsg(
                "edge",
                in("deny-sql-tag", 100, Access.DENY, "Sql.WestUS", "1433"),
                in("allow-sql-block", 200, Access.ALLOW, "40.112.240.0/20", "1433"));
        List<ShadowedRule> rows = audit(edge);
        assertEquals(List.of("edge securityRules/allow-sql-block UNDECIDABLE by []"), rows(rows));
        assertTrue(
                rows.get(0).causes().get(0).contains("Sql.WestUS"),
                rows.get(0).causes().toString());
    }

    @Test
    void theSameRuleUnderAResolvedTagIsDead() {
        NetworkSecurityGroup edge = nsg(
                "edge",
                in("deny-sql-tag", 100, Access.DENY, "Sql.WestUS", "1433"),
                in("allow-sql-block", 200, Access.ALLOW, "40.112.240.0/20", "1433"));
        List<ShadowedRule> rows = new ShadowAudit(AuditFixtures.reference(
                        AuditFixtures.seedNsgsWith(edge), AuditFixtures.tag("Sql.WestUS", "40.112.0.0/16")))
                .all(false);
        assertEquals(List.of("edge securityRules/allow-sql-block DEAD by [securityRules/deny-sql-tag]"), rows(rows));
    }

    @Test
    void aVirtualNetworkRuleShadowsOnlyWhereTheTagCoversTheLowerRule() {
        NetworkSecurityGroup shared = nsg(
                "shared",
                in("allow-vnet-sql", 100, Access.ALLOW, "VirtualNetwork", "1433"),
                in("allow-peer-sql", 200, Access.ALLOW, "10.1.0.0/16", "1433"));
        Topology topology = new TopologyBuilder()
                .vnet(VNET_A, "10.0.0.0/16")
                .vnet(VNET_B, "10.1.0.0/16")
                .vnet(VNET_C, "10.2.0.0/16")
                .peerBothWays(VNET_A, VNET_B)
                .subnet(SUBNET_A, VNET_A, "10.0.1.0/24")
                .subnet(SUBNET_C, VNET_C, "10.2.1.0/24")
                .attachNsg(SUBNET_A, nsgId("shared"))
                .attachNsg(SUBNET_C, nsgId("shared"))
                .build();
        List<ShadowedRule> rows = new ShadowAudit(AuditFixtures.context(topology, List.of(shared))).all(false);
        assertEquals(
                List.of("shared securityRules/allow-peer-sql REDUNDANT by [securityRules/allow-vnet-sql]"), rows(rows));
        assertEquals(List.of(ResourceId.of(SUBNET_A)), rows.get(0).appliedTo());
        assertTrue(rows.get(0).dependsOnPlacement());
    }

    @Test
    void aFindingThatHoldsEverywhereListsEveryAttachmentAndDoesNotDependOnPlacement() {
        NetworkSecurityGroup shared = nsg(
                "shared",
                in("deny-all-sql", 100, Access.DENY, "*", "1433"),
                in("allow-vnet-sql", 200, Access.ALLOW, "VirtualNetwork", "1433"));
        Topology topology = new TopologyBuilder()
                .vnet(VNET_A, "10.0.0.0/16")
                .vnet(VNET_C, "10.2.0.0/16")
                .subnet(SUBNET_A, VNET_A, "10.0.1.0/24")
                .subnet(SUBNET_C, VNET_C, "10.2.1.0/24")
                .attachNsg(SUBNET_A, nsgId("shared"))
                .attachNsg(SUBNET_C, nsgId("shared"))
                .build();
        List<ShadowedRule> rows = new ShadowAudit(AuditFixtures.context(topology, List.of(shared))).all(false);
        assertEquals(List.of("shared securityRules/allow-vnet-sql DEAD by [securityRules/deny-all-sql]"), rows(rows));
        assertEquals(
                List.of(ResourceId.of(SUBNET_A), ResourceId.of(SUBNET_C)),
                rows.get(0).appliedTo());
        assertFalse(rows.get(0).dependsOnPlacement());
    }

    @Test
    void anNsgAttachedNowhereCannotExpandVirtualNetworkAndSaysSo() {
        NetworkSecurityGroup loose = nsg(
                "loose",
                in("allow-vnet", 100, Access.ALLOW, "VirtualNetwork", "443"),
                in("allow-ten", 200, Access.ALLOW, "10.0.1.0/24", "443"));
        List<ShadowedRule> rows = audit(loose);
        assertEquals(List.of("loose securityRules/allow-ten UNDECIDABLE by []"), rows(rows));
        assertEquals(List.of(), rows.get(0).appliedTo());
        assertTrue(
                rows.get(0).causes().get(0).contains("VirtualNetwork"),
                rows.get(0).causes().toString());
    }

    @Test
    void defaultRulesAreReportedOnlyWhenAskedFor() {
        NetworkSecurityGroup locked = nsg(
                "ase-two-nsg",
                in("ALLOW-AzureMngmt", 100, Access.ALLOW, "Internet", "454-455"),
                rule(
                        "deny-all-in",
                        4096,
                        Direction.INBOUND,
                        Access.DENY,
                        Protocol.ANY,
                        List.of("*"),
                        List.of("*"),
                        List.of("*"),
                        List.of("*")));
        AnalysisContext context = AuditFixtures.reference(AuditFixtures.seedNsgsWith(locked));
        assertEquals(List.of(), new ShadowAudit(context).all(false));
        List<String> withDefaults = rows(new ShadowAudit(context).all(true));
        assertEquals(
                List.of(
                        "ase-two-nsg defaultSecurityRules/AllowVnetInBound DEAD by [securityRules/ALLOW-AzureMngmt, securityRules/deny-all-in]",
                        "ase-two-nsg defaultSecurityRules/AllowAzureLoadBalancerInBound DEAD by [securityRules/ALLOW-AzureMngmt, securityRules/deny-all-in]",
                        "ase-two-nsg defaultSecurityRules/DenyAllInBound DEAD by [securityRules/ALLOW-AzureMngmt, securityRules/deny-all-in]"),
                withDefaults);
    }

    @Test
    void oneNsgIsAuditedAlone() {
        NetworkSecurityGroup edge = nsg(
                "edge",
                in("deny-ssh", 100, Access.DENY, "*", "22"),
                in("allow-ssh", 200, Access.ALLOW, "Internet", "22"));
        ShadowAudit audit = new ShadowAudit(AuditFixtures.reference(AuditFixtures.seedNsgsWith(edge)));
        assertEquals(List.of(), audit.of(ReferenceTopology.nsgs().get(0), false));
        assertEquals(1, audit.of(edge, false).size());
    }
}
