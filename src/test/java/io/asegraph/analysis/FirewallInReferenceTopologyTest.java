package io.asegraph.analysis;

import static io.asegraph.analysis.CallSourceScenarioTest.assertSource;
import static io.asegraph.analysis.CallSourceScenarioTest.kinds;
import static io.asegraph.analysis.CallSourceScenarioTest.walk;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_ROUTES;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static io.asegraph.topology.TopologyBuilder.applianceRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Ipv4;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An Azure Firewall ref-fw (10.0.4.4, public IP 52.180.0.1) in ase-vnet's AzureFirewallSubnet 10.0.4.0/26 of the
 * reference topology, built as records ({@link FirewallHop}): on-premises calls through it over the VPN gateway, a
 * destination in another VNet it does not reach, and a firewall the model cannot follow (its subnet or a public IP not
 * imported).
 */
class FirewallInReferenceTopologyTest {
    static final String FW_SUBNET = VNET + "/subnets/AzureFirewallSubnet";
    static final String FW = NET + "/azureFirewalls/ref-fw";
    static final String FW_PIP = NET + "/publicIPAddresses/ref-fw-pip";
    static final String OTHER_NIC = NET + "/networkInterfaces/backend-vm-nic";

    static AzureFirewall firewall(String subnet, List<String> publicIps) {
        return new AzureFirewall(
                ResourceId.of(FW),
                "ref-fw",
                "westus",
                Optional.of(ResourceId.of(subnet)),
                Optional.of(Ipv4.parse("10.0.4.4")),
                publicIps.stream().map(ResourceId::of).toList(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    static TopologyBuilder withFirewall(AzureFirewall fw, Route... aseOneRoutes) {
        return ReferenceTopology.builder()
                .subnet(FW_SUBNET, VNET, "10.0.4.0/26")
                .publicIp(FW_PIP, "52.180.0.1")
                .add(NetworkTypes.AZURE_FIREWALL, fw)
                .routeTable(ASE_ONE_ROUTES, false, aseOneRoutes);
    }

    static TopologyBuilder locked(Route... more) {
        Route[] routes = new Route[more.length + 1];
        routes[0] = applianceRoute("to-fw", "0.0.0.0/0", "10.0.4.4");
        System.arraycopy(more, 0, routes, 1, more.length);
        return withFirewall(firewall(FW_SUBNET, List.of(FW_PIP)), routes);
    }

    @Test
    void anInternetCallLeavesFromTheFirewallsPublicIp() {
        CallSource c = walk(locked().build(), "app1", "13.107.21.200").callSource();
        assertSource(c, SourceKind.AZURE_FIREWALL, "52.180.0.1", "52.180.0.1/32");
        assertEquals(List.of("App", "AzureFirewall", "Internet"), kinds(c));
    }

    @Test
    void anOnPremisesCallThroughTheFirewallIsCarriedUntranslatedOverTheGateway() {
        Walk w = walk(
                locked(applianceRoute("onprem-via-fw", "192.168.0.0/16", "10.0.4.4"))
                        .build(),
                "app1",
                "192.168.1.50");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        assertEquals(List.of("App", "AzureFirewall", "OnPremises"), kinds(c));
        assertTrue(w.destinationSubnet().isEmpty(), "on premises: no subnet of the model");
        assertEquals(Optional.of(ResourceId.of(FW)), w.firewall());
        assertEquals(
                "The route 192.168.0.0/16 → VirtualAppliance 10.0.4.4 (user route onprem-via-fw in ase-one-routes)"
                        + " sends the call through ref-fw, which forwards it untranslated (192.168.1.50 is in its SNAT"
                        + " private ranges), so it arrives from one of ase-one's worker addresses in ase-one-subnet"
                        + " 10.0.1.0/26 (not a fixed address); allow that whole range.",
                c.reason());
    }

    @Test
    void anInternetCallTheFirewallSubnetTunnelsIsUndetermined() {
        Topology t = locked().routeTable(
                        NET + "/routeTables/fw-routes",
                        false,
                        TopologyBuilder.route("fw-forced", "0.0.0.0/0", "VirtualNetworkGateway"))
                .attachRouteTable(FW_SUBNET, NET + "/routeTables/fw-routes")
                .build();
        CallSource c = walk(t, "app1", "13.107.21.200").callSource();
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertTrue(
                c.reason().contains("and AzureFirewallSubnet tunnels it on to a virtual network gateway"), c.reason());
    }

    @Test
    void aDestinationInAnotherVnetIsNotReachedThroughTheFirewallsOwnVnet() {
        Topology t = CallSourceRoutesTest.overlappingVnet(
                        locked(applianceRoute("db-via-fw", "10.0.2.0/24", "10.0.4.4")))
                .build();
        Walk w = walk(t, "app1", OTHER_NIC);
        CallSource c = w.callSource();
        assertSource(c, SourceKind.UNREACHABLE, null, null);
        assertEquals(
                "The route 10.0.2.0/24 → VirtualAppliance 10.0.4.4 (user route db-via-fw in ase-one-routes) sends the"
                        + " call to ref-fw, which delivers 10.0.2.9 inside ase-vnet, but backend-vm-nic is in other-vnet.",
                c.reason());
        assertEquals(Optional.of(ResourceId.of(FW)), w.firewall());
    }

    @Test
    void aPrivateAddressOfAnUnreachedVnetSentToTheInternetByTheFirewallIsUnreachable() {
        String island = NET + "/virtualNetworks/island-vnet";
        Topology t = locked().vnet(island, "30.1.0.0/16")
                .subnet(island + "/subnets/island", island, "30.1.0.0/24")
                .nic(OTHER_NIC, island + "/subnets/island", "30.1.0.4")
                .build();
        CallSource c = walk(t, "app1", OTHER_NIC).callSource();
        assertSource(c, SourceKind.UNREACHABLE, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualAppliance 10.0.4.4 (user route to-fw in ase-one-routes) sends the call to"
                        + " Azure Firewall ref-fw (10.0.4.4), which sends 30.1.0.4 to the Internet, but backend-vm-nic is a"
                        + " private address of island-vnet.",
                c.reason());
    }

    @Test
    void aFirewallPublicIpThatIsNotImportedIsNamed() {
        String missing = NET + "/publicIPAddresses/ref-fw-pip-2";
        Topology t = withFirewall(
                        firewall(FW_SUBNET, List.of(FW_PIP, missing)), applianceRoute("to-fw", "0.0.0.0/0", "10.0.4.4"))
                .build();
        CallSource c = walk(t, "app1", "13.107.21.200").callSource();
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualAppliance 10.0.4.4 (user route to-fw in ase-one-routes) sends the call to"
                        + " Azure Firewall ref-fw (10.0.4.4), whose source address toward the Internet depends on a"
                        + " resource not imported: "
                        + ResourceKind.PUBLIC_IP_ADDRESS.notImported(ResourceId.of(missing), "Azure Firewall ref-fw")
                        + ".",
                c.reason());
    }

    @Test
    void aFirewallWhoseSubnetIsNotInTheModelCannotBeFollowed() {
        Topology t = withFirewall(
                        firewall(VNET + "/subnets/not-imported", List.of(FW_PIP)),
                        applianceRoute("to-fw", "0.0.0.0/0", "10.0.4.4"))
                .build();
        Walk w = walk(t, "app1", "13.107.21.200");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualAppliance 10.0.4.4 (user route to-fw in ase-one-routes) sends the call to"
                        + " Azure Firewall ref-fw (10.0.4.4), whose subnet is not in the model, so where it forwards the"
                        + " call cannot be told.",
                c.reason());
        assertEquals(Optional.of(ResourceId.of(FW)), w.firewall());
    }
}
