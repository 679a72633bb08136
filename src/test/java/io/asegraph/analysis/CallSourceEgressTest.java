package io.asegraph.analysis;

import static io.asegraph.analysis.CallSourceScenarioTest.assertSource;
import static io.asegraph.analysis.CallSourceScenarioTest.call;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The source NAT of an Internet-bound call ({@link InternetEgress}, azure-semantics §2.1, §2.7): which resource decides
 * the public source, each way it cannot be told, and the sentence naming it.
 */
class CallSourceEgressTest {
    static final String NAT = NET + "/natGateways/egress-nat";
    static final String NAT_PIP = NET + "/publicIPAddresses/egress-nat-pip";
    static final String VM_NIC = NET + "/networkInterfaces/egress-vm-nic";
    static final String VM_PIP = NET + "/publicIPAddresses/egress-vm-pip";
    static final String INTERNET_HOST = "13.107.21.200";
    static final AddressSet TWO_OUTBOUND = AddressSet.parse("20.1.1.1").union(AddressSet.parse("20.1.1.2"));

    /** ase-one with other outbound addresses (an ASEv3's networking configuration). */
    static TopologyBuilder aseOneWith(
            Optional<String> vip, List<String> outbound, List<String> windows, List<String> linux) {
        return ReferenceTopology.builder()
                .add(new AppServiceEnvironment(
                        ResourceId.of(ASE_ONE),
                        "ase-one",
                        "westus",
                        AseKind.ASEV3,
                        "None",
                        ResourceId.of(ASE_ONE_SUBNET),
                        vip.map(Ipv4::parse),
                        outbound.stream().map(Ipv4::parse).toList(),
                        Optional.empty(),
                        windows.stream().map(Ipv4::parse).toList(),
                        linux.stream().map(Ipv4::parse).toList()));
    }

    @Test
    void aNatGatewayThatIsNotImportedLeavesTheSourceUndeterminedNamingIt() {
        Topology t = ReferenceTopology.builder()
                .attachNatGateway(ASE_ONE_SUBNET, NAT)
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        String missing = ResourceKind.NAT_GATEWAY.notImported(ResourceId.of(NAT), "subnet ase-one-subnet");
        assertEquals(
                "The route 0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes) sends the call out of the"
                        + " VNet, but the source address depends on a resource not imported: " + missing + ".",
                c.reason());
        assertEquals(
                List.of(StepType.ROUTE, StepType.SOURCE_NAT), c.trace().get(0).stepTypes());
        assertEquals(
                "Undetermined: " + missing + ".",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aPublicIpOfTheNatGatewayThatIsNotImportedNamesTheNatGateway() {
        Topology t = ReferenceTopology.builder()
                .natGateway(NAT, NAT_PIP)
                .attachNatGateway(ASE_ONE_SUBNET, NAT)
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertTrue(
                c.reason()
                        .endsWith("depends on a resource not imported: "
                                + ResourceKind.PUBLIC_IP_ADDRESS.notImported(
                                        ResourceId.of(NAT_PIP), "NAT gateway egress-nat")
                                + "."),
                c.reason());
    }

    @Test
    void aNatGatewayWithAllItsPublicIpsImportedTranslatesToThemAll() {
        String second = NET + "/publicIPAddresses/egress-nat-pip-2";
        Topology t = ReferenceTopology.builder()
                .publicIp(NAT_PIP, "52.160.1.2")
                .publicIp(second, "52.160.1.3")
                .natGateway(NAT, NAT_PIP, second)
                .attachNatGateway(ASE_ONE_SUBNET, NAT)
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertEquals(SourceKind.NAT_GATEWAY, c.kind(), c.reason());
        assertEquals(AddressSet.parse("52.160.1.2/31"), c.sources());
        assertTrue(c.address().isEmpty(), "two addresses, no single one");
        assertEquals("52.160.1.2/31", c.addressRange().orElseThrow().toString(), "the two form one block");
        assertTrue(c.reason().endsWith("as 52.160.1.2, 52.160.1.3."), c.reason());
        assertEquals(
                "Translated to 52.160.1.2, 52.160.1.3.",
                c.trace().get(1).steps().get(0).detail());
    }

    @Test
    void aNatGatewayWithoutAnAllocatedAddressSaysSoInItsStep() {
        Topology t = ReferenceTopology.builder()
                .publicIp(NAT_PIP, null)
                .natGateway(NAT, NAT_PIP)
                .attachNatGateway(ASE_ONE_SUBNET, NAT)
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes) sends the call out of the"
                        + " VNet through NAT gateway egress-nat, which has no allocated public address in the snapshot,"
                        + " so the source cannot be told.",
                c.reason());
        assertEquals(
                "NAT gateway egress-nat has no allocated address.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aNicsPublicIpThatIsNotImportedNamesTheInterface() {
        Topology t = ReferenceTopology.builder()
                .nic(VM_NIC, DB_SUBNET, "10.0.2.20", VM_PIP)
                .build();
        CallSource c = call(t, "egress-vm-nic", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertTrue(
                c.reason()
                        .endsWith("depends on a resource not imported: "
                                + ResourceKind.PUBLIC_IP_ADDRESS.notImported(
                                        ResourceId.of(VM_PIP), "network interface egress-vm-nic")
                                + "."),
                c.reason());
    }

    @Test
    void aNicsPublicIpWithoutAnAllocatedAddressLeavesTheSourceUndetermined() {
        Topology t = ReferenceTopology.builder()
                .publicIp(VM_PIP, null)
                .nic(VM_NIC, DB_SUBNET, "10.0.2.20", VM_PIP)
                .build();
        CallSource c = call(t, "egress-vm-nic", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → Internet (system default route) sends the call out of the VNet, but"
                        + " egress-vm-nic's public IP has no allocated address in the snapshot, so the source cannot be told.",
                c.reason());
        assertEquals(
                "egress-vm-nic's public IP has no allocated address.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aNicWithAPublicIpLeavesFromItAndSaysSo() {
        Topology t = ReferenceTopology.builder()
                .publicIp(VM_PIP, "52.170.9.9")
                .nic(VM_NIC, DB_SUBNET, "10.0.2.20", VM_PIP)
                .build();
        CallSource c = call(t, "egress-vm-nic", INTERNET_HOST);
        assertSource(c, SourceKind.PUBLIC_IP, "52.170.9.9", "52.170.9.9/32");
        assertEquals(
                "The route 0.0.0.0/0 → Internet (system default route) sends the call out of the VNet, so it leaves"
                        + " from egress-vm-nic's public IP 52.170.9.9.",
                c.reason());
        assertEquals(AddressSet.parse("10.0.2.20"), c.privateSources());
        assertEquals(
                "Translated to egress-vm-nic's public IP 52.170.9.9.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void defaultOutboundAccessIsNamedWithTheSubnetWithoutANatGateway() {
        CallSource c = call("db-vm-nic", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → Internet (system default route) sends the call out of the VNet; db-vm-nic has no"
                        + " public IP and db-subnet no NAT gateway, so Azure's default outbound access translates it to a"
                        + " public address Azure picks, which is neither fixed nor modelled.",
                c.reason());
    }

    @Test
    void anAddressThatIsNoInterfaceHasNoKnownPublicAddress() {
        CallSource c = call("10.0.2.77", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → Internet (system default route) sends the call out of the VNet; 10.0.2.77 is no"
                        + " known network interface, so its public address (instance public IP, load balancer or default"
                        + " outbound access) cannot be told.",
                c.reason());
        assertEquals(
                "The public address of 10.0.2.77 is not known.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void anAseWithNeitherVipNorOutboundAddressCannotTellItsSource() {
        Topology t =
                aseOneWith(Optional.empty(), List.of(), List.of(), List.of()).build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes) sends the call out of the"
                        + " VNet, but ase-one has no public VIP or outbound address recorded, so the source cannot be told.",
                c.reason());
        assertEquals(
                "ase-one has no public VIP or outbound address recorded.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void anAseWithOnlyAVipLeavesFromIt() {
        Topology t = aseOneWith(Optional.of("192.23.1.2"), List.of(), List.of(), List.of())
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
        assertTrue(c.reason().endsWith("so it leaves NAT'd to ase-one's public VIP 192.23.1.2."), c.reason());
    }

    @Test
    void recordedOutboundAddressesWinOverTheVip() {
        Topology t = aseOneWith(Optional.of("192.23.1.2"), List.of("20.1.1.1", "20.1.1.2"), List.of(), List.of())
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertEquals(SourceKind.PUBLIC_VIP, c.kind(), c.reason());
        assertEquals(TWO_OUTBOUND, c.sources());
        assertTrue(c.addressRange().isEmpty(), "20.1.1.1 and 20.1.1.2 form no one block");
        assertTrue(
                c.reason().endsWith("so it leaves NAT'd to ase-one's outbound addresses 20.1.1.1, 20.1.1.2."),
                c.reason());
        assertEquals(
                "ase-one translates the source to its outbound addresses 20.1.1.1, 20.1.1.2.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void oneOutboundAddressOtherThanTheVipIsAnOutboundAddress() {
        Topology t = aseOneWith(Optional.of("192.23.1.2"), List.of("20.1.1.7"), List.of(), List.of())
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertSource(c, SourceKind.PUBLIC_VIP, "20.1.1.7", "20.1.1.7/32");
        assertTrue(c.reason().endsWith("ase-one's outbound address 20.1.1.7."), c.reason());
    }

    @Test
    void windowsAndLinuxListsThatAreTheSameSetSaySo() {
        Topology t = aseOneWith(
                        Optional.empty(),
                        List.of("20.1.1.1", "20.1.1.2"),
                        List.of("20.1.1.1", "20.1.1.2"),
                        List.of("20.1.1.2", "20.1.1.1"))
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertTrue(
                c.reason()
                        .endsWith("outbound addresses 20.1.1.1, 20.1.1.2 (its Windows and Linux outbound lists are the"
                                + " same)."),
                c.reason());
    }

    @Test
    void onlyAWindowsListIsNamedAsSuch() {
        Topology t = aseOneWith(Optional.empty(), List.of("20.1.1.1"), List.of("20.1.1.1"), List.of())
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertTrue(
                c.reason().endsWith("outbound address 20.1.1.1 (its Windows outbound list; it states no Linux one)."),
                c.reason());
    }

    @Test
    void onlyALinuxListIsNamedAsSuch() {
        Topology t = aseOneWith(Optional.empty(), List.of("20.1.1.1"), List.of(), List.of("20.1.1.1"))
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertTrue(
                c.reason().endsWith("outbound address 20.1.1.1 (its Linux outbound list; it states no Windows one)."),
                c.reason());
    }

    @Test
    void differentWindowsAndLinuxListsAreBothNamed() {
        Topology t = aseOneWith(
                        Optional.empty(), List.of("20.1.1.1", "20.1.1.2"), List.of("20.1.1.1"), List.of("20.1.1.2"))
                .build();
        CallSource c = call(t, "ase-one", INTERNET_HOST);
        assertEquals(TWO_OUTBOUND, c.sources());
        assertTrue(c.addressRange().isEmpty(), "20.1.1.1 and 20.1.1.2 form no one block");
        assertTrue(
                c.reason()
                        .endsWith(
                                "outbound addresses 20.1.1.1, 20.1.1.2 (both lists: 20.1.1.1 for Windows apps, 20.1.1.2"
                                        + " for Linux apps; allow them all)."),
                c.reason());
    }

    @Test
    void aPrivateAddressOfAnUnreachedVnetSentToTheInternetIsUnreachable() {
        String other = NET + "/virtualNetworks/island-vnet";
        String subnet = other + "/subnets/island";
        Topology t = ReferenceTopology.builder()
                .vnet(other, "30.1.0.0/16")
                .subnet(subnet, other, "30.1.0.0/24")
                .nic(VM_NIC, subnet, "30.1.0.4")
                .build();
        Walk w = CallSourceScenarioTest.walk(t, "app1", "egress-vm-nic");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.UNREACHABLE, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes) sends 30.1.0.4 to the"
                        + " Internet, but egress-vm-nic is a private address of island-vnet, which ase-one-subnet does not"
                        + " reach.",
                c.reason());
        assertEquals(
                "30.1.0.4 is private to island-vnet, which is not reached from here.",
                c.trace().get(0).steps().get(1).detail());
        assertEquals(Destination.NONE, w.delivery());
        assertEquals(Optional.of(ResourceId.of(ASE_ONE_SUBNET)), w.sourceSubnet());
    }
}
