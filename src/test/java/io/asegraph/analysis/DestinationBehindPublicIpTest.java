package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A VM reached over the Internet at its interface's public IP is reached at the interface's private address
 * ({@link DestinationTranslation}), whichever public source the call leaves from: an ASE's VIP, a NAT gateway, another
 * interface's public IP, an Azure Firewall.
 */
class DestinationBehindPublicIpTest {
    static final String WEB_NIC = NET + "/networkInterfaces/web-vm-nic";
    static final String WEB_PIP = NET + "/publicIPAddresses/web-vm-pip";
    static final String CALLER_NIC = NET + "/networkInterfaces/caller-vm-nic";
    static final String CALLER_PIP = NET + "/publicIPAddresses/caller-vm-pip";
    static final String NAT = NET + "/natGateways/behind-nat";
    static final String NAT_PIP = NET + "/publicIPAddresses/behind-nat-pip";
    static final String TRANSLATION =
            "Its public IP translates the destination to web-vm-nic's private address 10.0.2.30.";

    static TopologyBuilder withWebVm() {
        return ReferenceTopology.builder().publicIp(WEB_PIP, "52.1.2.3").nic(WEB_NIC, DB_SUBNET, "10.0.2.30", WEB_PIP);
    }

    static void assertBehind(Destination d) {
        assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), d.subnet().map(Subnet::id));
        assertEquals(Optional.of(ResourceId.of(WEB_NIC)), d.nic().map(NetworkInterface::id));
        assertEquals(AddressSet.parse("10.0.2.30"), d.translated());
        assertEquals(Optional.of(TRANSLATION), d.translation());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void anAseVipCallToThePublicIpResourceIsDeliveredToThePrivateAddress() {
        Walk w = CallSourceScenarioTest.walk(withWebVm().build(), "app1", "web-vm-pip");
        assertEquals(SourceKind.PUBLIC_VIP, w.kind(), w.callSource().reason());
        assertBehind(w.delivery());
    }

    @Test
    void aNatGatewayCallToThePublicAddressIsDeliveredToThePrivateAddress() {
        Topology t = withWebVm()
                .publicIp(NAT_PIP, "52.160.7.7")
                .natGateway(NAT, NAT_PIP)
                .attachNatGateway(ASE_ONE_SUBNET, NAT)
                .build();
        Walk w = CallSourceScenarioTest.walk(t, "app1", "52.1.2.3");
        assertEquals(SourceKind.NAT_GATEWAY, w.kind(), w.callSource().reason());
        assertBehind(w.delivery());
    }

    @Test
    void anInterfacesPublicIpCallToThePublicAddressIsDeliveredToThePrivateAddress() {
        Topology t = withWebVm()
                .publicIp(CALLER_PIP, "52.170.8.8")
                .nic(CALLER_NIC, DB_SUBNET, "10.0.2.40", CALLER_PIP)
                .build();
        Walk w = CallSourceScenarioTest.walk(t, "caller-vm-nic", "52.1.2.3");
        assertEquals(SourceKind.PUBLIC_IP, w.kind(), w.callSource().reason());
        assertBehind(w.delivery());
    }

    @Test
    void anAddressHeldByNoInterfaceStaysOutsideTheModel() {
        Walk w = CallSourceScenarioTest.walk(withWebVm().build(), "app1", "52.1.2.4");
        Destination d = w.delivery();
        assertTrue(d.subnet().isEmpty());
        assertTrue(d.nic().isEmpty());
        assertEquals(AddressSet.parse("52.1.2.4"), d.translated());
        assertEquals(List.of(), d.notes(), "an address, not a public IP resource: no note");
    }

    @Test
    void aFirewallCallToAnInterfacesPublicIpIsDeliveredToItsPrivateAddress() {
        Walk w = FirewallHopTest.walk(doc -> {}, "jump-pip");
        assertEquals(SourceKind.AZURE_FIREWALL, w.kind(), w.callSource().reason());
        Destination d = w.delivery();
        assertEquals(
                Optional.of(ResourceId.of(FirewallPathTest.NET + "/networkInterfaces/jump-nic")),
                d.nic().map(NetworkInterface::id));
        assertEquals(AddressSet.parse("10.100.2.4"), d.translated());
    }
}
