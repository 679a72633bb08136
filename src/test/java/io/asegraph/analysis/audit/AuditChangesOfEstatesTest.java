package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditChanges#of}: a proposed NSG change compared through the estate-wide audits before and after it, with
 * the after-audits fresh or derived from the before-audits (the what-if path).
 */
class AuditChangesOfEstatesTest {
    private static final String WEB_SUBNET = ReferenceTopology.VNET + "/subnets/web-subnet";
    private static final String WEB_NIC = AuditFixtures.NET + "/networkInterfaces/web-vm-nic";
    private static final String WEB_PIP = AuditFixtures.NET + "/publicIPAddresses/web-vm-pip";

    /** The reference topology plus a VM with public IP 52.1.2.3 in web-subnet, whose NSG is web-nsg. */
    private static Topology withWebVm() {
        return ReferenceTopology.builder()
                .subnet(WEB_SUBNET, ReferenceTopology.VNET, "10.0.3.0/24")
                .publicIp(WEB_PIP, "52.1.2.3")
                .attachNsg(WEB_SUBNET, AuditFixtures.nsgId("web-nsg"))
                .add(new NetworkInterface(
                        ResourceId.of(WEB_NIC),
                        "web-vm-nic",
                        "westus",
                        ResourceId.of(WEB_SUBNET),
                        Ipv4.parse("10.0.3.4"),
                        java.util.Optional.empty(),
                        List.of(),
                        List.of(ResourceId.of(WEB_PIP)),
                        ""))
                .build();
    }

    private static final SecurityRule DENY_ALL_IN = rule(
            "deny-all-in",
            4000,
            Direction.INBOUND,
            Access.DENY,
            Protocol.ANY,
            List.of("*"),
            List.of("*"),
            List.of("*"),
            List.of("*"));

    /** Before: SSH from one partner block only, and a deny of half that block under it (dead: the allow wins). */
    private static final NetworkSecurityGroup WEB_BEFORE = AuditFixtures.nsg(
            "web-nsg",
            in("allow-ssh-partner", 100, Access.ALLOW, "198.51.100.0/24", "22"),
            in("deny-ssh-half", 200, Access.DENY, "198.51.100.0/25", "22"),
            DENY_ALL_IN);

    /** After: SSH and RDP from the whole Internet, and an RDP allow for a partner made redundant by that. */
    private static final NetworkSecurityGroup WEB_AFTER = AuditFixtures.nsg(
            "web-nsg",
            in("allow-ssh-partner", 100, Access.ALLOW, "Internet", "22"),
            in("allow-rdp", 150, Access.ALLOW, "Internet", "3389"),
            in("allow-rdp-partner", 160, Access.ALLOW, "203.0.113.0/24", "3389"),
            DENY_ALL_IN);

    private static List<NetworkSecurityGroup> nsgs(NetworkSecurityGroup web) {
        List<NetworkSecurityGroup> all = new ArrayList<>(ReferenceTopology.nsgs());
        all.add(web);
        return all;
    }

    private static List<String> exposures(List<Exposure> rows) {
        return rows.stream().map(e -> e.targetName() + ":" + e.port()).toList();
    }

    private static List<String> shadows(List<ShadowedRule> rows) {
        return rows.stream()
                .map(r -> r.nsgName() + " " + r.ruleName() + " " + r.kind())
                .toList();
    }

    private static void assertChanges(AuditChanges changes) {
        assertEquals(List.of(), changes.health(), "web-subnet holds no ASE: no health check flips");
        assertEquals(List.of("web-vm-nic:22", "web-vm-nic:3389"), exposures(changes.exposuresAdded()));
        assertEquals(List.of("web-vm-nic:22"), exposures(changes.exposuresRemoved()));
        assertEquals(
                AddressSet.parse("198.51.100.0/24"),
                changes.exposuresRemoved().get(0).exposedSources(),
                "SSH was open to the partner block only");
        AddressSet widened = changes.exposuresAdded().get(0).exposedSources();
        assertTrue(
                widened.contains(Ipv4.parse("8.8.8.8")) && widened.contains(Ipv4.parse("198.51.100.7")),
                "SSH is now open to the whole Internet: " + widened);
        assertEquals(List.of("web-nsg securityRules/allow-rdp-partner REDUNDANT"), shadows(changes.shadowedAdded()));
        assertEquals(List.of("web-nsg securityRules/deny-ssh-half DEAD"), shadows(changes.shadowedRemoved()));
    }

    @Test
    void anNsgChangeShowsAsExposuresAndShadowedRulesAddedAndRemovedWithFreshAudits() {
        Topology topology = withWebVm();
        AnalysisContext before = AuditFixtures.context(topology, nsgs(WEB_BEFORE));
        AnalysisContext after = AuditFixtures.context(topology, nsgs(WEB_AFTER));
        assertChanges(AuditChanges.of(
                new Audits(before, new FlowAnalyzer(before)), new Audits(after, new FlowAnalyzer(after))));
    }

    @Test
    void theSameChangeComparedWithAuditsDerivedFromTheSnapshotsGivesTheSameAnswer() {
        Topology topology = withWebVm();
        AnalysisContext before = AuditFixtures.context(topology, nsgs(WEB_BEFORE));
        Audits snapshot = new Audits(before, new FlowAnalyzer(before));
        snapshot.warm();
        AnalysisContext after = AnalysisContext.derive(
                before, new Estate(topology, new PolicySet(nsgs(WEB_AFTER), List.of(), List.of()), 2));
        Audits whatIf = Audits.derive(snapshot, after, new FlowAnalyzer(after));
        assertTrue(whatIf.derived());
        assertChanges(AuditChanges.of(snapshot, whatIf));
    }

    @Test
    void noChangeIsNoDifference() {
        AnalysisContext context = AuditFixtures.context(withWebVm(), nsgs(WEB_BEFORE));
        Audits audits = new Audits(context, new FlowAnalyzer(context));
        AuditChanges none = AuditChanges.of(audits, new Audits(context, new FlowAnalyzer(context)));
        assertEquals(new AuditChanges(List.of(), List.of(), List.of(), List.of(), List.of()), none);
    }
}
