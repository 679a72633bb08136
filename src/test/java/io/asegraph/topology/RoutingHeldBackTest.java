package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Routing} with gateways and firewalls held out of the snapshot ({@link HeldBack}): which of them serve a
 * VNet (its own, and a peered VNet's by gateway transit, azure-semantics §4), and where a traffic source's routes
 * come from ({@link Routing#subnetOf}).
 */
class RoutingHeldBackTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final String HUB = NET + "/virtualNetworks/hub";
    static final String SPOKE = NET + "/virtualNetworks/spoke";
    static final String OTHER = NET + "/virtualNetworks/other";
    static final String HUB_SUBNET = HUB + "/subnets/web";
    static final String SPOKE_SUBNET = SPOKE + "/subnets/app";
    static final ResourceId HUB_GW = ResourceId.of(NET + "/virtualNetworkGateways/lone-gw");
    static final ResourceId OTHER_GW = ResourceId.of(NET + "/virtualNetworkGateways/other-gw");
    static final ResourceId FW = ResourceId.of(NET + "/azureFirewalls/lone-fw");

    static final HeldBack HELD_GW = new HeldBack(
            HUB_GW,
            ResourceKind.VIRTUAL_NETWORK_GATEWAY,
            "lone-gw",
            Optional.of(ResourceId.of(HUB)),
            Optional.empty(),
            "virtual network gateway lone-gw cannot be placed in the network: its GatewaySubnet is not imported");
    static final HeldBack HELD_OTHER_GW = new HeldBack(
            OTHER_GW,
            ResourceKind.VIRTUAL_NETWORK_GATEWAY,
            "other-gw",
            Optional.of(ResourceId.of(OTHER)),
            Optional.empty(),
            "other-gw cannot be placed");
    static final HeldBack HELD_FW = new HeldBack(
            FW,
            ResourceKind.AZURE_FIREWALL,
            "lone-fw",
            Optional.of(ResourceId.of(HUB)),
            Optional.of(Ipv4.parse("10.0.3.4")),
            "Azure Firewall lone-fw cannot be placed in the network: its subnet is not imported");
    static final List<HeldBack> HELD = List.of(HELD_FW, HELD_OTHER_GW, HELD_GW);

    /** hub and spoke peered both ways; the spoke's side uses remote gateways as told, the hub's allows transit. */
    static TopologyBuilder hubAndSpoke(
            boolean useRemoteGateways, PeeringState spokeSide, boolean allowGatewayTransit, PeeringState hubSide) {
        return new TopologyBuilder()
                .vnet(HUB, "10.0.0.0/16")
                .vnet(SPOKE, "10.1.0.0/16")
                .vnet(OTHER, "10.2.0.0/16")
                .subnet(HUB_SUBNET, HUB, "10.0.0.0/24")
                .subnet(SPOKE_SUBNET, SPOKE, "10.1.0.0/24")
                .peering(SPOKE, HUB, spokeSide, false, useRemoteGateways)
                .peering(HUB, SPOKE, hubSide, allowGatewayTransit, false);
    }

    static Routing routing(TopologyBuilder b) {
        return new Routing(b.build(), tag -> Optional.empty(), HELD);
    }

    static Routing transit() {
        return routing(hubAndSpoke(true, PeeringState.CONNECTED, true, PeeringState.CONNECTED));
    }

    @Test
    void aHeldBackResourceIsFoundByItsId() {
        Routing r = transit();
        assertEquals(Optional.of(HELD_GW), r.heldBack(HUB_GW));
        assertEquals(Optional.of(HELD_FW), r.heldBack(ResourceId.of(FW.value().toUpperCase())));
        assertEquals(Optional.empty(), r.heldBack(ResourceId.of(NET + "/virtualNetworkGateways/imported-gw")));
    }

    @Test
    void theGatewaysHeldBackInAVnetAreItsGatewaysOnly() {
        Routing r = transit();
        assertEquals(List.of(HELD_GW), r.heldBackGatewaysIn(ResourceId.of(HUB)));
        assertEquals(List.of(), r.heldBackGatewaysIn(ResourceId.of(SPOKE)));
    }

    @Test
    void aHeldBackFirewallIsFoundByItsPrivateAddress() {
        Routing r = transit();
        assertEquals(Optional.of(HELD_FW), r.heldBackFirewallAt(Ipv4.parse("10.0.3.4")));
        assertEquals(Optional.empty(), r.heldBackFirewallAt(Ipv4.parse("10.0.3.5")));
    }

    @Test
    void aHeldBackGatewayServesItsVnetAndASpokeByTransit() {
        Routing r = transit();
        assertEquals(List.of(HELD_GW), r.heldBackGatewaysFor(ResourceId.of(HUB)));
        assertEquals(List.of(HELD_GW), r.heldBackGatewaysFor(ResourceId.of(SPOKE)));
        assertEquals(List.of(HELD_OTHER_GW), r.heldBackGatewaysFor(ResourceId.of(OTHER)));
    }

    @Test
    void withNothingHeldBackNoGatewayServes() {
        Routing r = new Routing(
                hubAndSpoke(true, PeeringState.CONNECTED, true, PeeringState.CONNECTED)
                        .build(),
                tag -> Optional.empty());
        assertEquals(List.of(), r.heldBackGatewaysFor(ResourceId.of(HUB)));
        assertEquals(Optional.empty(), r.heldBack(HUB_GW));
    }

    @Test
    void noTransitWhenTheSpokeDoesNotUseRemoteGateways() {
        Routing r = routing(hubAndSpoke(false, PeeringState.CONNECTED, true, PeeringState.CONNECTED));
        assertEquals(List.of(), r.heldBackGatewaysFor(ResourceId.of(SPOKE)));
    }

    @Test
    void noTransitWhenTheSpokesSideIsNotConnected() {
        Routing r = routing(hubAndSpoke(true, PeeringState.INITIATED, true, PeeringState.CONNECTED));
        assertEquals(List.of(), r.heldBackGatewaysFor(ResourceId.of(SPOKE)));
    }

    @Test
    void noTransitWhenTheHubDoesNotAllowIt() {
        Routing r = routing(hubAndSpoke(true, PeeringState.CONNECTED, false, PeeringState.CONNECTED));
        assertEquals(List.of(), r.heldBackGatewaysFor(ResourceId.of(SPOKE)));
    }

    @Test
    void noTransitWhenTheHubsSideIsNotConnected() {
        Routing r = routing(hubAndSpoke(true, PeeringState.CONNECTED, true, PeeringState.DISCONNECTED));
        assertEquals(List.of(), r.heldBackGatewaysFor(ResourceId.of(SPOKE)));
    }

    @Test
    void noTransitWithoutTheHubsSideOfThePeering() {
        Routing r = routing(new TopologyBuilder()
                .vnet(HUB, "10.0.0.0/16")
                .vnet(SPOKE, "10.1.0.0/16")
                .subnet(SPOKE_SUBNET, SPOKE, "10.1.0.0/24")
                .peering(SPOKE, HUB, PeeringState.CONNECTED, false, true));
        assertEquals(List.of(), r.heldBackGatewaysFor(ResourceId.of(SPOKE)));
    }

    @Test
    void aSpokeUsingAHeldBackGatewayHasItsRoutesUnresolved() {
        EffectiveRoutes routes = transit().effectiveRoutes(ResourceId.of(SPOKE_SUBNET));
        List<EffectiveRoute> missing = routes.missingResources();
        assertEquals(1, missing.size());
        EffectiveRoute m = missing.get(0);
        assertEquals(RouteState.UNRESOLVED, m.state());
        assertEquals(RouteOrigin.VIRTUAL_NETWORK_GATEWAY, m.origin());
        assertEquals(Optional.of(HUB_GW), m.via());
        assertEquals("gateway routes of lone-gw", m.source());
        assertEquals(Optional.of(HELD_GW.why() + "; the prefixes it routes are not known"), m.unresolved());
        assertTrue(routes.routes().contains(m));
    }

    @Test
    void routingKeepsItsTopologyAndIndex() {
        Topology t = hubAndSpoke(true, PeeringState.CONNECTED, true, PeeringState.CONNECTED)
                .build();
        Routing r = Routing.withoutServiceTags(t);
        assertSame(t, r.topology());
        assertSame(t.index(), r.index());
    }

    @Test
    void anUnknownSubnetHasNoRoutes() {
        Routing r = transit();
        assertThrows(IllegalArgumentException.class, () -> r.effectiveRoutes(ResourceId.of(HUB + "/subnets/none")));
    }

    @Test
    void aSubnetOfAVnetNotInTheSnapshotHasNoRoutes() {
        Routing r = Routing.withoutServiceTags(
                new TopologyBuilder().subnet(HUB_SUBNET, HUB, "10.0.0.0/24").build());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> r.effectiveRoutes(ResourceId.of(HUB_SUBNET)));
        assertTrue(e.getMessage().contains("not in the snapshot"), e.getMessage());
    }

    static final String WEB = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web";
    static final String ASE = WEB + "/hostingEnvironments/ase";
    static final String APP = WEB + "/sites/shop";
    static final String NIC = NET + "/networkInterfaces/vm-nic";
    static final String STRAY_NIC = NET + "/networkInterfaces/stray-nic";

    static Routing sources() {
        return Routing.withoutServiceTags(hubAndSpoke(true, PeeringState.CONNECTED, true, PeeringState.CONNECTED)
                .ase(ASE, SPOKE_SUBNET, "52.1.1.1")
                .app(APP, ASE, "shop.ase.p.azurewebsites.net")
                .nic(NIC, HUB_SUBNET, "10.0.0.4")
                .nic(STRAY_NIC, HUB + "/subnets/missing", "10.0.9.4")
                .build());
    }

    @Test
    void aSubnetsRoutesAreItsOwn() {
        assertEquals(
                ResourceId.of(HUB_SUBNET),
                sources().subnetOf(ResourceId.of(HUB_SUBNET)).orElseThrow().id());
    }

    @Test
    void aNicsRoutesAreItsSubnets() {
        assertEquals(
                ResourceId.of(HUB_SUBNET),
                sources().subnetOf(ResourceId.of(NIC)).orElseThrow().id());
        assertEquals(Optional.empty(), sources().subnetOf(ResourceId.of(STRAY_NIC)));
    }

    @Test
    void anAppsAndAnAsesRoutesAreTheAseSubnets() {
        assertEquals(
                ResourceId.of(SPOKE_SUBNET),
                sources().subnetOf(ResourceId.of(APP)).orElseThrow().id());
        assertEquals(
                ResourceId.of(SPOKE_SUBNET),
                sources().subnetOf(ResourceId.of(ASE)).orElseThrow().id());
    }

    @Test
    void anyOtherResourceHasNoSubnet() {
        assertEquals(Optional.empty(), sources().subnetOf(ResourceId.of(HUB)));
    }
}
