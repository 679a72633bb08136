package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.analysis.SourceKind;
import io.asegraph.analysis.UnknownReferenceException;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** requiredAccess: what the destination must admit, whether it does, and the rule to add when it does not. */
class RequiredAccessAuditTest {
    private static RequiredAccess ask(AnalysisContext context, String from, String to, int port) {
        return AuditFixtures.access(context).required(from, to, port, Protocol.TCP);
    }

    /** An NSG of the seed with extra rules (same id, seed rules kept). */
    private static NetworkSecurityGroup seedNsg(int index, SecurityRule... extra) {
        NetworkSecurityGroup seed = ReferenceTopology.nsgs().get(index);
        List<SecurityRule> rules = new ArrayList<>(seed.rules());
        rules.addAll(List.of(extra));
        return new NetworkSecurityGroup(seed.id(), seed.name(), seed.location(), seed.etag(), rules);
    }

    @Test
    void aseOneReachesTheDatabaseFromItsWholeSubnetAndTheDatabaseAdmitsIt() {
        RequiredAccess r = ask(AuditFixtures.reference(), "app1", "db-vm-nic", 1433);
        assertTrue(r.satisfied());
        assertEquals(SourceKind.SUBNET_RANGE, r.sourceKind());
        assertEquals(AddressSet.parse("10.0.1.0/26"), r.sources());
        assertEquals(List.of(), r.fixes());
        assertEquals(Optional.empty(), r.verified());
    }

    @Test
    void aCrossAseCallMustBeAdmittedFromTheCallersVipAndIs() {
        RequiredAccess r = ask(AuditFixtures.reference(), "app2", "orders.contoso.com", 443);
        assertTrue(r.satisfied());
        assertEquals(SourceKind.PUBLIC_VIP, r.sourceKind());
        assertEquals(AddressSet.parse("192.23.1.2/32"), r.sources());
    }

    @Test
    void aseTwoIsDeniedByTheDenyBelowTheAllowAndGetsARuleJustAboveTheDeny() {
        RequiredAccess r = ask(AuditFixtures.reference(), "orders-api", "db-vm-nic", 1433);
        assertFalse(r.satisfied());
        assertEquals(Verdict.DENIED, r.verdict());
        assertEquals(1, r.fixes().size());
        RuleFix fix = r.fixes().get(0);
        assertEquals("db-nsg", fix.nsgName());
        assertEquals(NsgLevel.NETWORK_INTERFACE, fix.level());
        assertEquals(Direction.INBOUND, fix.direction());
        assertEquals(Optional.of(199), fix.priority());
        assertEquals(List.of("10.0.1.64/26"), fix.sourcePrefixes());
        assertEquals(List.of("10.0.2.4/32"), fix.destinationPrefixes());
        assertEquals("1433", fix.destinationPorts());
        assertEquals("allow-orders-api-1433", fix.name());
        assertEquals(List.of("securityRules/deny-sql-from-vnet (priority 200)"), fix.overrides());
        assertEquals(Optional.of(true), r.verified());
        assertEquals(Optional.of(fix), r.destinationFix());
        assertTrue(r.reason().contains("Add allow-orders-api-1433 at priority 199 to db-nsg (inbound)"), r.reason());
    }

    @Test
    void aPortNoRuleMentionsGetsTheHighestUserPriorityAboveTheDefaultDeny() {
        RequiredAccess r = ask(AuditFixtures.reference(), "app1", "orders-api", 8080);
        assertFalse(r.satisfied());
        RuleFix fix = r.fixes().get(0);
        assertEquals("ase-two-nsg", fix.nsgName());
        assertEquals(Optional.of(4096), fix.priority());
        assertEquals(List.of("192.23.1.2/32"), fix.sourcePrefixes());
        assertEquals(List.of("10.0.1.64/26"), fix.destinationPrefixes());
        assertEquals(List.of("defaultSecurityRules/DenyAllInBound (priority 65500)"), fix.overrides());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void aSourceSideDenyGetsAnOutboundRuleOnTheCallersNsgToo() {
        NetworkSecurityGroup aseTwo = seedNsg(0, out("deny-sql-out", 300, Access.DENY, "VirtualNetwork", "1433"));
        RequiredAccess r =
                ask(AuditFixtures.reference(AuditFixtures.seedNsgsWith(aseTwo)), "orders-api", "db-vm-nic", 1433);
        assertEquals(
                List.of("ase-two-nsg OUTBOUND 299", "db-nsg INBOUND 199"),
                r.fixes().stream()
                        .map(f -> f.nsgName() + " " + f.direction() + " "
                                + f.priority().orElseThrow())
                        .toList());
        RuleFix outbound = r.fixes().get(0);
        assertEquals(List.of("10.0.1.64/26"), outbound.sourcePrefixes());
        assertEquals(List.of("10.0.2.4/32"), outbound.destinationPrefixes());
        assertEquals(Optional.of(true), r.verified());
        assertEquals("db-nsg", r.destinationFix().orElseThrow().nsgName());
    }

    @Test
    void aBlockingRuleAtTheLowestPriorityLeavesNoRoomAndSaysSo() {
        NetworkSecurityGroup db = new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.DB_NSG),
                "db-nsg",
                "westus",
                "",
                List.of(in("deny-everything", 100, Access.DENY, "*", "*")));
        RequiredAccess r = ask(AuditFixtures.reference(AuditFixtures.seedNsgsWith(db)), "app1", "db-vm-nic", 1433);
        RuleFix fix = r.fixes().get(0);
        assertEquals(Optional.empty(), fix.priority());
        assertTrue(fix.problem().orElseThrow().contains("securityRules/deny-everything (priority 100)"));
        assertEquals(Optional.empty(), RuleFixFormats.arm(fix));
        assertEquals(Optional.of(false), r.verified());
    }

    @Test
    void anUnresolvedTagThatMayDecideFirstIsOverriddenByTheFix() {
        NetworkSecurityGroup db = seedNsg(1, in("deny-sql-tag", 150, Access.DENY, "Sql", "1433"));
        RequiredAccess r =
                ask(AuditFixtures.reference(AuditFixtures.seedNsgsWith(db)), "orders-api", "db-vm-nic", 1433);
        assertEquals(Verdict.UNDETERMINED, r.verdict());
        RuleFix fix = r.fixes().get(0);
        assertEquals(Optional.of(149), fix.priority());
        assertEquals(List.of("securityRules/deny-sql-tag (priority 150)"), fix.overrides());
        assertEquals(Optional.of(true), r.verified());
    }

    @Test
    void theRuleNameIsMadeUniqueInItsNsg() {
        NetworkSecurityGroup db = seedNsg(1, in("allow-orders-api-1433", 300, Access.ALLOW, "203.0.113.0/24", "1433"));
        RequiredAccess r =
                ask(AuditFixtures.reference(AuditFixtures.seedNsgsWith(db)), "orders-api", "db-vm-nic", 1433);
        assertEquals("allow-orders-api-1433-2", r.fixes().get(0).name());
    }

    @Test
    void forcedTunnellingLeavesNoRangeToAdmit() {
        Topology topology = ReferenceTopology.builder()
                .gateway(ReferenceTopology.GATEWAY, ReferenceTopology.VNET, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0")
                .build();
        RequiredAccess r =
                ask(AuditFixtures.context(topology, ReferenceTopology.nsgs()), "orders-api", "azure-sql-westus", 1433);
        assertEquals(SourceKind.UNDETERMINED, r.sourceKind());
        assertFalse(r.satisfied());
        assertEquals(AddressSet.EMPTY, r.sources());
        assertEquals(List.of(), r.fixes());
        assertTrue(r.reason().contains("not determined"), r.reason());
    }

    @Test
    void anUnreachableCallNeedsNoRule() {
        RequiredAccess r = ask(AuditFixtures.reference(), "ase-one", "10.0.1.20", 80);
        assertEquals(SourceKind.UNREACHABLE, r.sourceKind());
        assertEquals(Verdict.UNREACHABLE, r.verdict());
        assertEquals(List.of(), r.fixes());
    }

    @Test
    void unknownReferencesAndBadPortsAreCodedErrors() {
        RequiredAccessAudit audit = AuditFixtures.access(AuditFixtures.reference());
        assertEquals(
                "UNKNOWN_REFERENCE",
                assertThrows(
                                UnknownReferenceException.class,
                                () -> audit.required("no-such-app", "db-vm-nic", 1433, Protocol.TCP))
                        .code()
                        .wire());
        assertEquals(
                "INVALID_ARGUMENT",
                assertThrows(
                                InvalidArgumentException.class,
                                () -> audit.required("app1", "db-vm-nic", 70000, Protocol.TCP))
                        .code()
                        .wire());
        assertEquals(
                "INVALID_ARGUMENT",
                assertThrows(
                                InvalidArgumentException.class,
                                () -> audit.required("ase-vnet", "db-vm-nic", 1433, Protocol.TCP))
                        .code()
                        .wire());
    }
}
