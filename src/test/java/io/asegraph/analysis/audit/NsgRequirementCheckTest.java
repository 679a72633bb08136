package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.out;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NSG rows of the health requirements against ase-two's NSG on the reference topology (ase-two-subnet
 * 10.0.1.64/26): the requirement sentence with its parties and notes, an allow over a superset, a denial of one
 * protocol of two, of one port of several, and a partial denial over a superset that cannot be told.
 */
class NsgRequirementCheckTest {
    private static final String SUBNET = "the ASE subnet ase-two-subnet (10.0.1.64/26)";

    /** ase-two-nsg as seeded, with {@code extra} in front. */
    private static NetworkSecurityGroup aseTwoNsg(SecurityRule... extra) {
        List<SecurityRule> rules = new ArrayList<>(List.of(extra));
        rules.addAll(ReferenceTopology.nsgs().get(0).rules());
        return new NetworkSecurityGroup(
                ResourceId.of(ReferenceTopology.ASE_TWO_NSG), "ase-two-nsg", "westus", "", rules);
    }

    private static HealthCheck check(Topology topology, NetworkSecurityGroup nsg, String name, ServiceTag... tags) {
        return HealthChecks.of(AuditFixtures.context(topology, AuditFixtures.seedNsgsWith(nsg), tags), "ase-two", name);
    }

    private static HealthCheck v1(NetworkSecurityGroup nsg, String name, ServiceTag... tags) {
        return check(ReferenceTopology.topology(), nsg, name, tags);
    }

    private static SecurityRule outbound(
            String name, Access access, Protocol protocol, String destination, String port) {
        return rule(
                name,
                100,
                Direction.OUTBOUND,
                access,
                protocol,
                List.of("*"),
                List.of("*"),
                List.of(destination),
                List.of(port));
    }

    @Test
    void storageWithoutItsTagIsRequiredOfTheWholeInternetAndTheDefaultOutboundRuleAllowsItAsASuperset() {
        HealthCheck c = v1(aseTwoNsg(), "outbound-storage");
        assertEquals(CheckStatus.PASS, c.status(), c::toString);
        assertEquals(
                "The ASE reaches Azure Storage worldwide on TCP 80, 443 and 445 (Azure Files): TCP 80, 443, 445 from "
                        + SUBNET + " to Azure Storage worldwide (Storage) must be allowed outbound (Storage is not"
                        + " imported, so the whole Internet, which holds it, is checked).",
                c.requirement());
        assertEquals("ase-two-nsg allows it for the whole superset checked, which covers it.", c.detail());
        // The VirtualNetwork tag holds 168.63.129.16, a public address: both default outbound rules allow a part.
        assertEquals(
                List.of(
                        "ase-two-nsg defaultSecurityRules/AllowVnetOutBound",
                        "ase-two-nsg defaultSecurityRules/AllowInternetOutBound"),
                c.decidedBy());
    }

    @Test
    void withTheStorageTagImportedTheRequirementNamesItWithoutANote() {
        HealthCheck c = v1(aseTwoNsg(), "outbound-storage", AuditFixtures.tag("Storage", "20.38.98.0/24"));
        assertEquals(CheckStatus.PASS, c.status(), c::toString);
        assertEquals(
                "The ASE reaches Azure Storage worldwide on TCP 80, 443 and 445 (Azure Files): TCP 80, 443, 445 from "
                        + SUBNET + " to Azure Storage worldwide (Storage) must be allowed outbound.",
                c.requirement());
        assertEquals("ase-two-nsg allows it.", c.detail());
    }

    @Test
    void denyingOnePortOfStorageEverywhereFailsNamingThePortTheRuleAndThatNothingIsAllowedThere() {
        HealthCheck c = v1(aseTwoNsg(out("deny-smb-out", 100, Access.DENY, "Internet", "445")), "outbound-storage");
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertEquals(
                "ase-two-nsg denies part of it for 10.0.1.64/26 of the subnet: port 445 by ase-two-nsg"
                        + " securityRules/deny-smb-out (priority 100, Deny). Nothing of Azure Storage worldwide (Storage)"
                        + " is allowed on port 445.",
                c.detail());
        assertEquals(
                "ase-two-nsg securityRules/deny-smb-out (priority 100, Deny)",
                c.decidedBy().get(0));
    }

    @Test
    void denyingDnsOverUdpEverywhereFailsTheRowThatNeedsUdpAndTcpEvenThoughTheServersAreNotModelled() {
        HealthCheck c = v1(aseTwoNsg(outbound("deny-dns-udp", Access.DENY, Protocol.UDP, "*", "53")), "outbound-dns");
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertTrue(c.requirement().contains(": UDP/TCP 53 from " + SUBNET + " to its DNS servers"), c.requirement());
        assertEquals(
                "ase-two-nsg denies part of it for 10.0.1.64/26 of the subnet: ase-two-nsg securityRules/deny-dns-udp"
                        + " (priority 100, Deny). Nothing of its DNS servers is allowed on port 53 over UDP.",
                c.detail());
        assertEquals(
                "ase-two-nsg securityRules/deny-dns-udp (priority 100, Deny)",
                c.decidedBy().get(0));
    }

    @Test
    void denyingOnlySomeStoragePortsOverOneProtocolNamesTheProtocolPerPort() {
        // v1 storage is TCP only: a port with nothing allowed is named without a protocol.
        HealthCheck c = v1(aseTwoNsg(out("deny-web-out", 100, Access.DENY, "*", "80")), "outbound-storage");
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertTrue(
                c.detail().endsWith(" Nothing of Azure Storage worldwide (Storage) is allowed on port 80."),
                c.detail());
    }

    @Test
    void denyingDnsToPartOfTheInternetCannotBeToldBecauseTheServersAreNotModelled() {
        HealthCheck c =
                v1(aseTwoNsg(outbound("deny-dns-some", Access.DENY, Protocol.ANY, "52.0.0.0/8", "53")), "outbound-dns");
        assertEquals(CheckStatus.WARN, c.status(), c::toString);
        assertEquals(
                "ase-two-nsg denies part of it for 10.0.1.64/26 of the subnet: ase-two-nsg securityRules/deny-dns-some"
                        + " (priority 100, Deny). Whether that touches its DNS servers cannot be told: the DNS servers"
                        + " are not modelled.",
                c.detail());
    }

    @Test
    void aV2DeniedPortOfSeveralOverTheExactSubnetFailsPerPortWithoutASupersetSentence() {
        SecurityRule denyWeb = rule(
                "deny-https-out",
                100,
                Direction.OUTBOUND,
                Access.DENY,
                Protocol.TCP,
                List.of("*"),
                List.of("*"),
                List.of("Internet"),
                List.of("443"));
        HealthCheck c =
                check(EnvironmentHealthAuditTest.withKind(AseKind.ASEV2).build(), aseTwoNsg(denyWeb), "outbound-web");
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertEquals(
                "ase-two-nsg denies part of it for 10.0.1.64/26 of the subnet: port 443 by ase-two-nsg"
                        + " securityRules/deny-https-out (priority 100, Deny).",
                c.detail());
        assertEquals(
                "The ASE reaches CRL, update and Azure service endpoints on TCP 80 and 443: TCP 80, 443 from " + SUBNET
                        + " to the Internet must be allowed outbound.",
                c.requirement());
    }
}
