package io.asegraph.analysis;

import static io.asegraph.analysis.CallSourceScenarioTest.assertSource;
import static io.asegraph.analysis.CallSourceScenarioTest.call;
import static io.asegraph.analysis.CallSourceScenarioTest.kinds;
import static io.asegraph.analysis.CallSourceScenarioTest.walk;
import static io.asegraph.analysis.CallSourceScenarioTest.withAseOneRoutes;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.GATEWAY;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static io.asegraph.analysis.ReferenceTopology.WEB;
import static io.asegraph.topology.TopologyBuilder.applianceRoute;
import static io.asegraph.topology.TopologyBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.HeldBack;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The routes a {@link CallSourceWalker} follows beyond the seed vectors: an internal ASE calling itself, peerings,
 * VNet-to-VNet gateways, gateways and firewalls held out of the snapshot, a virtual network gateway route with no
 * gateway, an unimported default site, and a virtual appliance route without an address.
 */
class CallSourceRoutesTest {
    static final String ASE3_SUBNET = VNET + "/subnets/ase-three-subnet";
    static final String ASE3 = WEB + "/hostingEnvironments/ase-three";
    static final String REMOTE_VNET = NET + "/virtualNetworks/remote-vnet";
    static final String REMOTE_SUBNET = REMOTE_VNET + "/subnets/remote-apps";
    static final String REMOTE_GW = NET + "/virtualNetworkGateways/remote-gw";
    static final String REMOTE_NIC = NET + "/networkInterfaces/remote-vm-nic";

    static Walk walkWith(Routing routing, Topology t, String from, String to) {
        ReferenceResolver resolver = ReferenceResolver.of(t);
        return new CallSourceWalker(routing).walk(resolver.resolveCaller(from), resolver.resolveDestination(to));
    }

    /** other-vnet 10.0.0.0/16, overlapping ase-vnet and not connected, with backend-vm-nic at 10.0.2.9. */
    static TopologyBuilder overlappingVnet(TopologyBuilder b) {
        return b.vnet(CallSourceScenarioTest.OTHER_VNET, "10.0.0.0/16")
                .subnet(CallSourceScenarioTest.OTHER_SUBNET, CallSourceScenarioTest.OTHER_VNET, "10.0.2.0/24")
                .nic(CallSourceScenarioTest.OTHER_NIC, CallSourceScenarioTest.OTHER_SUBNET, "10.0.2.9");
    }

    TopologyBuilder withInternalAse() {
        return ReferenceTopology.builder()
                .subnet(ASE3_SUBNET, VNET, "10.0.3.0/26")
                .internalAse(ASE3, ASE3_SUBNET, "192.23.3.3", "10.0.3.11")
                .app(WEB + "/sites/ledger", ASE3, "ledger.ase-three.appserviceenvironment.net");
    }

    @Test
    void anInternalAseCallingItsOwnIlbAddressIsNotDroppedAsItsOwnSubnet() {
        Walk w = walk(withInternalAse().build(), "ase-three", "ledger");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.3.0/26");
        assertTrue(c.reason().startsWith("ledger is reached at ase-three's ILB address 10.0.3.11"), c.reason());
        assertEquals(Optional.of(ResourceId.of(ASE3_SUBNET)), w.destinationSubnet());
        assertEquals(AddressSet.parse("10.0.3.0/26"), w.delivery().translated(), "the workers take the call");
    }

    @Test
    void anInternalAseCalledByNameHandsTheCallToItsWorkers() {
        Walk w = walk(withInternalAse().build(), "app1", "ase-three");
        assertSource(w.callSource(), SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        assertEquals(AddressSet.parse("10.0.3.0/26"), w.delivery().translated());
        assertEquals(
                Optional.of("ase-three hands the call to its workers in ase-three-subnet (10.0.3.0/26), which its"
                        + " inbound NSGs see as the destination."),
                w.delivery().translation());
    }

    @Test
    void eachGatewayRouteIsCarriedByTheGatewayItNames() {
        String er = NET + "/virtualNetworkGateways/ase-vnet-er";
        Topology t = ReferenceTopology.builder()
                .gateway(er, VNET, GatewayType.EXPRESS_ROUTE, "172.30.0.0/16")
                .build();
        CallSource overEr = call(t, "app1", "172.30.1.1");
        assertSource(overEr, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        assertTrue(
                overEr.reason().contains("carries the call over ase-vnet-er to a connected network"), overEr.reason());
        assertEquals(er, overEr.trace().get(1).node());
        CallSource overVpn = call(t, "app1", "192.168.1.50");
        assertTrue(
                overVpn.reason().contains("carries the call over ase-vnet-gw to a connected network"),
                overVpn.reason());
        assertEquals(GATEWAY, overVpn.trace().get(1).node());
    }

    @Test
    void anotherAddressOfTheInternalAsesOwnSubnetIsUnreachable() {
        CallSource c = call(withInternalAse().build(), "ase-three", "10.0.3.20");
        assertSource(c, SourceKind.UNREACHABLE, null, null);
        assertEquals(
                "10.0.3.20 is inside ase-three's own subnet ase-three-subnet (10.0.3.0/26), and an ASE cannot reach"
                        + " other resources in its own subnet.",
                c.reason());
        assertEquals(
                "10.0.3.20 is inside the ASE's own subnet; an ASE cannot reach other resources deployed in its subnet.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aSubnetWithoutAnAddressCannotMakeCalls() {
        Topology t = ReferenceTopology.topology();
        ReferenceResolver resolver = ReferenceResolver.of(t);
        Reference subnet = resolver.resolveLocated("db-subnet");
        Reference to = resolver.resolveDestination("13.107.21.200");
        CallSourceWalker walker = new CallSourceWalker(Routing.withoutServiceTags(t));
        InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidArgumentException.class, () -> walker.walk(subnet, to));
        assertTrue(e.getMessage().contains("is a subnet, which does not make calls"), e.getMessage());
    }

    @Test
    void aNoneRouteDropsTheCallInItsStep() {
        CallSource c = call(ReferenceTopology.topology(), "app1", "172.20.0.1");
        assertEquals(List.of(StepType.ROUTE, StepType.DROP), c.trace().get(0).stepTypes());
        assertEquals(
                "Next hop None: the packet is dropped.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void anUnimportedServiceTagRouteIsNamedInTheRouteStep() {
        Topology t = withAseOneRoutes(
                        route("direct-internet", "0.0.0.0/0", "Internet"),
                        applianceRoute("storage-via-nva", "Storage", "10.0.255.100"))
                .build();
        CallSource c = call(t, "app1", "azure-storage-eastus");
        assertEquals(SourceKind.UNDETERMINED, c.kind(), c.reason());
        assertEquals(
                "Undetermined: user route storage-via-nva (its address prefix is the service tag Storage, which is not"
                        + " imported) may be more specific and override it.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aNicOfAnOverlappingVnetIsNamedInTheDropStep() {
        Topology t = overlappingVnet(ReferenceTopology.builder()).build();
        CallSource c = call(t, "app1", CallSourceScenarioTest.OTHER_NIC);
        assertEquals(SourceKind.UNREACHABLE, c.kind(), c.reason());
        assertEquals(
                "The route stays in ase-vnet, but backend-vm-nic is in other-vnet.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aNetworkInterfaceReachesAnotherAddressOfItsOwnSubnet() {
        Walk w = walk(ReferenceTopology.topology(), "db-vm-nic", "10.0.2.50");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.PRIVATE_ADDRESS, "10.0.2.4", "10.0.2.4/32");
        assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), w.destinationSubnet());
        assertTrue(w.destinationNic().isEmpty(), "no interface holds 10.0.2.50");
        assertTrue(c.reason().startsWith("The route 10.0.0.0/16 → VnetLocal"), c.reason());
        assertFalse(c.reason().contains("over the peering"), c.reason());
    }

    @Test
    void aPeeredVnetIsReachedOverThePeering() {
        String other = NET + "/virtualNetworks/peer-vnet";
        String subnet = other + "/subnets/peer-apps";
        Topology t = ReferenceTopology.builder()
                .vnet(other, "10.5.0.0/16")
                .subnet(subnet, other, "10.5.0.0/24")
                .peerBothWays(VNET, other)
                .build();
        Walk w = walk(t, "app1", "10.5.0.9");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        assertTrue(c.reason().contains("keeps the call inside the VNet topology (over the peering)"), c.reason());
        assertEquals(Optional.of(ResourceId.of(subnet)), w.destinationSubnet());
        CallSource none = call(t, "app1", "10.5.1.9");
        assertSource(none, SourceKind.UNREACHABLE, null, null);
        assertTrue(none.reason().endsWith("but no subnet of peer-vnet holds it."), none.reason());
        assertEquals(
                "No subnet of peer-vnet holds 10.5.1.9.",
                none.trace().get(0).steps().get(1).detail());
    }

    TopologyBuilder vnetToVnet() {
        return ReferenceTopology.builder()
                .vnet(REMOTE_VNET, "30.2.0.0/16")
                .subnet(REMOTE_SUBNET, REMOTE_VNET, "30.2.0.0/24")
                .gateway(REMOTE_GW, REMOTE_VNET, GatewayType.VPN)
                .nic(REMOTE_NIC, REMOTE_SUBNET, "30.2.0.4")
                .connection(NET + "/connections/to-remote", "Vnet2Vnet", GATEWAY, REMOTE_GW);
    }

    @Test
    void anAddressOfAVnetConnectedVnetToVnetLandsInItsSubnetAndInterface() {
        Walk w = walk(vnetToVnet().build(), "app1", "30.2.0.4");
        CallSource c = w.callSource();
        assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        assertTrue(c.reason().contains("carries the call over ase-vnet-gw to a connected network"), c.reason());
        assertEquals(Optional.of(ResourceId.of(REMOTE_SUBNET)), w.destinationSubnet());
        assertEquals(Optional.of(ResourceId.of(REMOTE_NIC)), w.destinationNic());
        assertEquals(List.of("App", "VirtualNetworkGateway", "Address"), kinds(c));
        assertEquals(
                "Carried over ase-vnet-gw to a connected network.",
                c.trace().get(1).steps().get(0).detail());
    }

    @Test
    void anOnPremisesAddressLandsInNoModelledSubnet() {
        Walk w = walk(ReferenceTopology.topology(), "app1", "192.168.1.50");
        assertTrue(w.destinationSubnet().isEmpty());
        assertTrue(w.destinationNic().isEmpty());
        assertEquals(AddressSet.parse("192.168.1.50"), w.delivery().translated());
    }

    /**
     * ase-vnet without a gateway, ase-one force-tunnelled by a user route (gateway route propagation off, so a gateway
     * held back cannot add a route that may be more specific).
     */
    TopologyBuilder forcedWithoutGateway() {
        return new TopologyBuilder()
                .vnet(VNET, "10.0.0.0/16")
                .subnet(ASE_ONE_SUBNET, VNET, "10.0.1.0/26")
                .routeTable(
                        ReferenceTopology.ASE_ONE_ROUTES,
                        true,
                        route("force-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .attachRouteTable(ASE_ONE_SUBNET, ReferenceTopology.ASE_ONE_ROUTES)
                .ase(ReferenceTopology.ASE_ONE, ASE_ONE_SUBNET, "192.23.1.2");
    }

    @Test
    void aGatewayRouteWithoutAnyGatewayDropsTheCall() {
        CallSource c = call(forcedWithoutGateway().build(), "ase-one", "13.107.21.200");
        assertSource(c, SourceKind.UNREACHABLE, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualNetworkGateway (user route force-onprem in ase-one-routes) sends the call"
                        + " to a virtual network gateway, but ase-vnet has none (of its own or by gateway transit), so it"
                        + " is dropped.",
                c.reason());
        assertEquals(
                "No virtual network gateway serves ase-vnet.",
                c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aGatewayHeldOutOfTheSnapshotLeavesTheCallUndeterminedWithWhy() {
        Topology t = forcedWithoutGateway().build();
        String why =
                "virtual network gateway lone-gw cannot be placed in the network: its GatewaySubnet is not imported";
        HeldBack held = new HeldBack(
                ResourceId.of(NET + "/virtualNetworkGateways/lone-gw"),
                ResourceKind.VIRTUAL_NETWORK_GATEWAY,
                "lone-gw",
                Optional.of(ResourceId.of(VNET)),
                Optional.empty(),
                why);
        Routing routing = new Routing(t, tag -> Optional.empty(), List.of(held));
        CallSource c = walkWith(routing, t, "ase-one", "13.107.21.200").callSource();
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualNetworkGateway (user route force-onprem in ase-one-routes) sends the call"
                        + " to a virtual network gateway, but " + why + ".",
                c.reason());
        assertEquals(
                "Undetermined: " + why + ".", c.trace().get(0).steps().get(1).detail());
    }

    @Test
    void aDefaultSiteThatIsNotImportedIsNamedAsSuch() {
        String site = NET + "/localNetworkGateways/lost-site";
        Topology t = ReferenceTopology.builder()
                .gatewayWithDefaultSite(GATEWAY, VNET, GatewayType.VPN, site)
                .routeTable(
                        ReferenceTopology.ASE_ONE_ROUTES,
                        false,
                        route("force-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .build();
        CallSource c = call(t, "app1", "13.107.21.200");
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        String named = " (default site lost-site: "
                + ResourceKind.LOCAL_NETWORK_GATEWAY.notImported(
                        ResourceId.of(site), "virtual network gateway ase-vnet-gw")
                + ")";
        assertTrue(
                c.reason()
                        .startsWith(
                                "The route 0.0.0.0/0 → VirtualNetworkGateway (user route force-onprem in ase-one-routes)"
                                        + " tunnels this Internet-bound call through ase-vnet-gw to the on-premises network"
                                        + named
                                        + ", which decides the source address; this breaks ase-one's required direct"
                                        + " outbound path"),
                c.reason());
        assertEquals(
                List.of(
                        "Forced tunnelling: the Internet-bound call is tunnelled to the on-premises network" + named
                                + ".",
                        "The source address is decided on premises (not modelled)."),
                c.trace().get(1).steps().stream().map(Step::detail).toList());
    }

    @Test
    void aGatewayWithoutADefaultSiteNamesNone() {
        Topology t = ReferenceTopology.builder()
                .routeTable(
                        ReferenceTopology.ASE_ONE_ROUTES,
                        false,
                        route("force-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .build();
        CallSource forced = call(t, "app1", "13.107.21.200");
        assertTrue(
                forced.reason()
                        .contains("through ase-vnet-gw to the on-premises network, which decides the source address;"),
                forced.reason());
    }

    @Test
    void aFirewallHeldOutOfTheSnapshotIsNotAnUnknownAppliance() {
        Topology t = withAseOneRoutes(applianceRoute("to-fw", "0.0.0.0/0", "10.0.2.100"))
                .build();
        String why = "Azure Firewall lost-fw cannot be placed in the network: its subnet is not imported";
        HeldBack held = new HeldBack(
                ResourceId.of(NET + "/azureFirewalls/lost-fw"),
                ResourceKind.AZURE_FIREWALL,
                "lost-fw",
                Optional.empty(),
                Optional.of(io.asegraph.net.Ipv4.parse("10.0.2.100")),
                why);
        Routing routing = new Routing(t, tag -> Optional.empty(), List.of(held));
        CallSource c = walkWith(routing, t, "app1", "13.107.21.200").callSource();
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualAppliance 10.0.2.100 (user route to-fw in ase-one-routes) sends the call"
                        + " to the Azure Firewall at 10.0.2.100, but " + why + ".",
                c.reason());
        assertEquals(List.of("App", "Internet"), kinds(c), "no appliance hop: the firewall is not walked");
        assertEquals(
                "Undetermined: " + why + ".", c.trace().get(0).steps().get(1).detail());
        // A firewall held back at another address leaves this appliance an unknown one.
        HeldBack elsewhere = new HeldBack(held.id(), held.kind(), held.name(), Optional.empty(), Optional.of(1L), why);
        CallSource other = walkWith(
                        new Routing(t, tag -> Optional.empty(), List.of(elsewhere)), t, "app1", "13.107.21.200")
                .callSource();
        assertTrue(other.reason().contains("sends the call to the virtual appliance at 10.0.2.100"), other.reason());
    }

    @Test
    void anApplianceTowardTheInternetFromANicDoesNotTalkOfAnAse() {
        Topology t = ReferenceTopology.builder()
                .routeTable(NET + "/routeTables/db-routes", false, applianceRoute("to-nva", "0.0.0.0/0", "10.0.2.100"))
                .attachRouteTable(DB_SUBNET, NET + "/routeTables/db-routes")
                .build();
        CallSource c = call(t, "db-vm-nic", "13.107.21.200");
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertEquals(
                "The route 0.0.0.0/0 → VirtualAppliance 10.0.2.100 (user route to-nva in db-routes) sends the call to"
                        + " the virtual appliance at 10.0.2.100, which decides the source address.",
                c.reason());
        assertEquals(
                "The appliance at 10.0.2.100 decides the source address (it may translate it).",
                c.trace().get(1).steps().get(0).detail());
        CallSource inside = call(t, "db-vm-nic", "10.0.1.70");
        assertEquals(SourceKind.PRIVATE_ADDRESS, inside.kind(), "the VNet's own route is more specific");
    }

    @Test
    void anApplianceInsideTheVnetNamesTheNicsPrivateAddressIfUntranslated() {
        Topology t = ReferenceTopology.builder()
                .routeTable(
                        NET + "/routeTables/db-routes", false, applianceRoute("to-nva", "10.0.1.0/24", "10.0.2.100"))
                .attachRouteTable(DB_SUBNET, NET + "/routeTables/db-routes")
                .build();
        CallSource c = call(t, "db-vm-nic", "10.0.1.70");
        assertSource(c, SourceKind.UNDETERMINED, null, null);
        assertTrue(
                c.reason()
                        .endsWith("which decides the source address (if it does not translate, db-vm-nic's private"
                                + " address 10.0.2.4)."),
                c.reason());
        CallSource fromAddress = call(t, "10.0.2.77", "10.0.1.70");
        assertTrue(
                fromAddress.reason().endsWith("(if it does not translate, its own address 10.0.2.77)."),
                fromAddress.reason());
    }
}
