package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AuditFixtures.in;
import static io.asegraph.analysis.audit.AuditFixtures.nsg;
import static io.asegraph.analysis.audit.AuditFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.analysis.StepType;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** exposures: Internet reachability of NICs and ASEs with priority-aware, subnet-plus-NIC NSG evaluation. */
class ExposureAuditTest {
    private static final String WEB_SUBNET = ReferenceTopology.VNET + "/subnets/web-subnet";
    private static final String WEB_NIC = AuditFixtures.NET + "/networkInterfaces/web-vm-nic";
    private static final String WEB_PIP = AuditFixtures.NET + "/publicIPAddresses/web-vm-pip";

    /** The reference topology plus a VM with public IP 52.1.2.3 in web-subnet, with the given NSGs on subnet and NIC. */
    private static AnalysisContext withWebVm(
            Optional<NetworkSecurityGroup> subnetNsg, Optional<NetworkSecurityGroup> nicNsg, ServiceTag... tags) {
        TopologyBuilder b = ReferenceTopology.builder()
                .subnet(WEB_SUBNET, ReferenceTopology.VNET, "10.0.3.0/24")
                .publicIp(WEB_PIP, "52.1.2.3");
        subnetNsg.ifPresent(n -> b.attachNsg(WEB_SUBNET, n.id().value()));
        b.add(new NetworkInterface(
                ResourceId.of(WEB_NIC),
                "web-vm-nic",
                "westus",
                ResourceId.of(WEB_SUBNET),
                Ipv4.parse("10.0.3.4"),
                nicNsg.map(NetworkSecurityGroup::id),
                List.of(),
                List.of(ResourceId.of(WEB_PIP)),
                ""));
        List<NetworkSecurityGroup> nsgs = new java.util.ArrayList<>(ReferenceTopology.nsgs());
        subnetNsg.ifPresent(nsgs::add);
        nicNsg.ifPresent(nsgs::add);
        return AuditFixtures.context(b.build(), nsgs, tags);
    }

    private static List<Exposure> webVm(AnalysisContext context, int... ports) {
        return new ExposureAudit(context)
                .exposures(java.util.Arrays.stream(ports).boxed().toList(), Protocol.TCP).stream()
                        .filter(e -> e.targetName().equals("web-vm-nic"))
                        .toList();
    }

    private static List<String> rows(List<Exposure> rows) {
        return rows.stream()
                .map(e -> e.targetName() + ":" + e.port() + " " + e.verdict())
                .toList();
    }

    @Test
    void onTheReferenceTopologyAseOneWithoutAnNsgIsExposedOnlyOnItsFrontEndPorts() {
        // The default ports (22, 3389, 1433, …) are none an ASE's front end publishes: no row, NSG or not.
        assertEquals(
                List.of(),
                new ExposureAudit(AuditFixtures.reference()).exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP));
        List<Exposure> rows = new ExposureAudit(AuditFixtures.reference())
                .exposures(List.of(22, 80, 443, 454, 1433, 3389, 4020, 8172, 10001), Protocol.TCP).stream()
                        .filter(e -> e.targetName().equals("ase-one"))
                        .toList();
        // ASEv1: 80, 443, management 454-455, remote debugging 4020, FTP data 10001-10020; no Web Deploy 8172.
        assertEquals(
                List.of(
                        "ase-one:80 ALLOWED",
                        "ase-one:443 ALLOWED",
                        "ase-one:454 ALLOWED",
                        "ase-one:4020 ALLOWED",
                        "ase-one:10001 ALLOWED"),
                rows(rows));
        assertTrue(
                rows.get(0).warnings().get(0).contains("No NSG on ase-one-subnet"),
                rows.get(0).warnings().toString());
        assertEquals(Optional.of(Ipv4.parse("192.23.1.2")), rows.get(0).publicAddress());
        // Over UDP the front end publishes nothing.
        assertEquals(
                List.of(),
                new ExposureAudit(AuditFixtures.reference())
                        .exposures(List.of(53, 443), Protocol.UDP).stream()
                                .filter(e -> e.targetName().equals("ase-one"))
                                .toList());
    }

    @Test
    void onTheReferenceTopologyAseTwoAdmitsManagementFromTheInternetAndHttpsOnlyFromAseOnesVip() {
        List<Exposure> rows = new ExposureAudit(AuditFixtures.reference())
                .exposures(List.of(443, 454), Protocol.TCP).stream()
                        .filter(e -> e.targetName().equals("ase-two"))
                        .toList();
        assertEquals(List.of("ase-two:443 PARTIAL", "ase-two:454 ALLOWED"), rows(rows));
        assertEquals(AddressSet.parse("192.23.1.2/32"), rows.get(0).exposedSources());
        assertEquals(
                List.of("ase-two-nsg securityRules/RESTRICT-HTTPS"), rows.get(0).admittedBy());
        assertEquals(
                List.of("ase-two-nsg securityRules/ALLOW-AzureMngmt"),
                rows.get(1).admittedBy());
    }

    @Test
    void aHigherPriorityDenyOverAnAllowIsNoExposure() {
        NetworkSecurityGroup web = nsg(
                "web-nsg",
                in("deny-ssh-from-internet", 100, Access.DENY, "Internet", "22"),
                in("allow-ssh", 200, Access.ALLOW, "*", "22"));
        assertEquals(List.of(), webVm(withWebVm(Optional.of(web), Optional.empty()), 22));
    }

    @Test
    void anAllowAboveADenyIsAnExposureNamingTheRuleAndThePath() {
        NetworkSecurityGroup web = nsg(
                "web-nsg",
                in("allow-ssh", 100, Access.ALLOW, "*", "22"),
                in("deny-ssh-from-internet", 200, Access.DENY, "Internet", "22"));
        List<Exposure> rows = webVm(withWebVm(Optional.of(web), Optional.empty()), 22);
        assertEquals(List.of("web-vm-nic:22 ALLOWED"), rows(rows));
        Exposure e = rows.get(0);
        assertEquals(List.of("web-nsg securityRules/allow-ssh"), e.admittedBy());
        assertEquals(
                List.of("Internet", WEB_PIP, WEB_SUBNET, WEB_NIC),
                e.path().stream().map(h -> h.node()).toList());
        assertEquals(List.of(StepType.DELIVER), e.path().get(3).stepTypes());
        assertEquals(Optional.of(Ipv4.parse("52.1.2.3")), e.publicAddress());
    }

    @Test
    void theNicNsgMustAdmitWhatTheSubnetNsgAdmits() {
        NetworkSecurityGroup subnet = nsg("web-nsg", in("allow-ssh", 100, Access.ALLOW, "Internet", "22"));
        NetworkSecurityGroup nic =
                nsg("web-nic-nsg", in("allow-ssh-from-partner", 100, Access.ALLOW, "203.0.113.0/24", "22"));
        assertEquals(List.of(), webVm(withWebVm(Optional.of(subnet), Optional.of(nsg("web-nic-nsg"))), 22));
        List<Exposure> rows = webVm(withWebVm(Optional.of(subnet), Optional.of(nic)), 22);
        assertEquals(List.of("web-vm-nic:22 PARTIAL"), rows(rows));
        assertEquals(AddressSet.parse("203.0.113.0/24"), rows.get(0).exposedSources());
        assertEquals(
                List.of("web-nsg securityRules/allow-ssh", "web-nic-nsg securityRules/allow-ssh-from-partner"),
                rows.get(0).admittedBy());
        assertEquals(
                List.of(StepType.FILTER, StepType.DELIVER),
                rows.get(0).path().get(3).stepTypes());
    }

    @Test
    void aNicNsgAloneDecidesWhenTheSubnetHasNone() {
        NetworkSecurityGroup nic = nsg("web-nic-nsg", in("allow-rdp", 100, Access.ALLOW, "Internet", "3389"));
        assertEquals(
                List.of("web-vm-nic:3389 ALLOWED"),
                rows(webVm(withWebVm(Optional.empty(), Optional.of(nic)), 3389, 22)));
    }

    @Test
    void pluralOnlySourcePrefixesExposeExactlyThoseBlocks() {
        NetworkSecurityGroup web = nsg(
                "web-nsg",
                rule(
                        "allow-partners",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("198.51.100.0/24", "203.0.113.0/24"),
                        List.of("*"),
                        List.of("*"),
                        List.of("5432")));
        List<Exposure> rows = webVm(withWebVm(Optional.of(web), Optional.empty()), 5432);
        assertEquals(List.of("web-vm-nic:5432 PARTIAL"), rows(rows));
        assertEquals(
                AddressSet.parse("198.51.100.0/24", "203.0.113.0/24"),
                rows.get(0).exposedSources());
    }

    @Test
    void anUnresolvedTagMakesTheExposureUndeterminedNamingTheTag() {
        NetworkSecurityGroup web = nsg("web-nsg", in("allow-azure", 100, Access.ALLOW, "AzureCloud", "1433"));
        List<Exposure> rows = webVm(withWebVm(Optional.of(web), Optional.empty()), 1433);
        assertEquals(List.of("web-vm-nic:1433 UNDETERMINED"), rows(rows));
        assertTrue(
                rows.get(0).causes().get(0).contains("AzureCloud"),
                rows.get(0).causes().toString());
        assertEquals(AddressSet.EMPTY, rows.get(0).exposedSources());
    }

    @Test
    void theSameTagResolvedExposesExactlyItsAddresses() {
        NetworkSecurityGroup web = nsg("web-nsg", in("allow-azure", 100, Access.ALLOW, "AzureCloud", "1433"));
        List<Exposure> rows = webVm(
                withWebVm(
                        Optional.of(web),
                        Optional.empty(),
                        AuditFixtures.tag("AzureCloud", "13.64.0.0/11", "40.64.0.0/10")),
                1433);
        assertEquals(List.of("web-vm-nic:1433 PARTIAL"), rows(rows));
        assertEquals(
                AddressSet.parse("13.64.0.0/11", "40.64.0.0/10"), rows.get(0).exposedSources());
    }

    @Test
    void anNsgMissingFromTheSnapshotIsUndeterminedNotSafe() {
        NetworkSecurityGroup ghost = nsg("ghost-nsg");
        TopologyBuilder b = ReferenceTopology.builder()
                .subnet(WEB_SUBNET, ReferenceTopology.VNET, "10.0.3.0/24")
                .publicIp(WEB_PIP, "52.1.2.3")
                .attachNsg(WEB_SUBNET, ghost.id().value());
        b.add(new NetworkInterface(
                ResourceId.of(WEB_NIC),
                "web-vm-nic",
                "westus",
                ResourceId.of(WEB_SUBNET),
                Ipv4.parse("10.0.3.4"),
                Optional.empty(),
                List.of(),
                List.of(ResourceId.of(WEB_PIP)),
                ""));
        List<Exposure> rows = webVm(AuditFixtures.context(b.build(), ReferenceTopology.nsgs()), 22);
        assertEquals(List.of("web-vm-nic:22 UNDETERMINED"), rows(rows));
        assertTrue(
                rows.get(0).causes().get(0).contains("ghost-nsg"),
                rows.get(0).causes().toString());
    }

    @Test
    void nsgsThatAdmitDisjointSourcePortsLetNoFlowThrough() {
        NetworkSecurityGroup subnet = nsg(
                "web-nsg",
                rule(
                        "allow-high-ports",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("Internet"),
                        List.of("1024-65535"),
                        List.of("*"),
                        List.of("22")));
        NetworkSecurityGroup nic = nsg(
                "web-nic-nsg",
                rule(
                        "allow-low-ports",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("Internet"),
                        List.of("0-1023"),
                        List.of("*"),
                        List.of("22")));
        assertEquals(List.of(), webVm(withWebVm(Optional.of(subnet), Optional.of(nic)), 22));
        NetworkSecurityGroup nicOverlapping = nsg(
                "web-nic-nsg",
                rule(
                        "allow-some-ports",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("Internet"),
                        List.of("1000-2000"),
                        List.of("*"),
                        List.of("22")));
        assertEquals(
                List.of("web-vm-nic:22 ALLOWED"),
                rows(webVm(withWebVm(Optional.of(subnet), Optional.of(nicOverlapping)), 22)));
    }

    @Test
    void aVmWithoutAnyNsgIsExposedAndWarnedAbout() {
        List<Exposure> rows = webVm(withWebVm(Optional.empty(), Optional.empty()), 6379);
        assertEquals(List.of("web-vm-nic:6379 ALLOWED"), rows(rows));
        assertEquals(
                PrefixResolver.INTERNET.minus(PrefixResolver.AZURE_LOAD_BALANCER),
                rows.get(0).exposedSources());
        assertTrue(rows.get(0).warnings().get(0).contains("Neither web-subnet nor web-vm-nic has an NSG"));
    }

    @Test
    void forcedTunnellingOnTheSubnetIsWarnedAboutAsAnAsymmetricReturnPath() {
        NetworkSecurityGroup web = nsg("web-nsg", in("allow-https", 100, Access.ALLOW, "Internet", "443"));
        String routes = AuditFixtures.NET + "/routeTables/web-routes";
        TopologyBuilder b = ReferenceTopology.builder()
                .subnet(WEB_SUBNET, ReferenceTopology.VNET, "10.0.3.0/24")
                .publicIp(WEB_PIP, "52.1.2.3")
                .attachNsg(WEB_SUBNET, web.id().value())
                .routeTable(routes, false, TopologyBuilder.applianceRoute("to-firewall", "0.0.0.0/0", "10.0.4.4"))
                .attachRouteTable(WEB_SUBNET, routes);
        b.add(new NetworkInterface(
                ResourceId.of(WEB_NIC),
                "web-vm-nic",
                "westus",
                ResourceId.of(WEB_SUBNET),
                Ipv4.parse("10.0.3.4"),
                Optional.empty(),
                List.of(),
                List.of(ResourceId.of(WEB_PIP)),
                ""));
        List<Exposure> rows = webVm(AuditFixtures.context(b.build(), AuditFixtures.seedNsgsWith(web)), 443);
        assertEquals(List.of("web-vm-nic:443 ALLOWED"), rows(rows));
        assertTrue(
                rows.get(0).warnings().get(0).contains("to-firewall"),
                rows.get(0).warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 100000})
    void portsOutsideTheRangeAreInvalidArguments(int port) {
        ExposureAudit audit = new ExposureAudit(AuditFixtures.reference());
        InvalidArgumentException e =
                assertThrows(InvalidArgumentException.class, () -> audit.exposures(List.of(22, port), Protocol.TCP));
        assertEquals("INVALID_ARGUMENT", e.code().wire());
    }

    @Test
    void noPortsIsAnEmptyResult() {
        assertEquals(List.of(), new ExposureAudit(AuditFixtures.reference()).exposures(List.of(), Protocol.TCP));
    }

    @Test
    void udpIsEvaluatedAsUdp() {
        NetworkSecurityGroup web = nsg("web-nsg", in("allow-tcp-dns", 100, Access.ALLOW, "Internet", "53"));
        AnalysisContext context = withWebVm(Optional.of(web), Optional.empty());
        assertEquals(
                List.of(),
                new ExposureAudit(context)
                        .exposures(List.of(53), Protocol.UDP).stream()
                                .filter(e -> e.targetName().equals("web-vm-nic"))
                                .toList());
        assertEquals(
                1,
                new ExposureAudit(context)
                        .exposures(List.of(53), Protocol.ANY).stream()
                                .filter(e -> e.targetName().equals("web-vm-nic"))
                                .count());
    }
}
