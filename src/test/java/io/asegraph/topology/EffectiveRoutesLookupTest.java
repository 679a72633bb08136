package io.asegraph.topology;

import static io.asegraph.topology.TopologyBuilder.applianceRoute;
import static io.asegraph.topology.TopologyBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lookups over {@link EffectiveRoutes}: which unresolved routes may override an answer, the next hops for every part
 * of a block, service endpoint routes, and routes of resources never imported (placeholders).
 */
class EffectiveRoutesLookupTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final String VNET1 = NET + "/virtualNetworks/vnet1";
    static final String VNET2 = NET + "/virtualNetworks/vnet2";
    static final String SUBNET1 = VNET1 + "/subnets/Subnet1";
    static final String RT = NET + "/routeTables/rt";
    static final String GW = NET + "/virtualNetworkGateways/vnet1-gw";

    static TopologyBuilder plain() {
        return new TopologyBuilder().vnet(VNET1, "10.0.0.0/16").subnet(SUBNET1, VNET1, "10.0.0.0/24");
    }

    static NextHop hop(Routing routing, String destination) {
        return routing.nextHop(ResourceId.of(SUBNET1), Ipv4.parse(destination));
    }

    static EffectiveRoutes routes(Routing routing) {
        return routing.effectiveRoutes(ResourceId.of(SUBNET1));
    }

    static List<String> sources(List<EffectiveRoute> routes) {
        return routes.stream().map(EffectiveRoute::source).toList();
    }

    /** Resolves the tag "Resolved" to one host; every other tag is not imported. */
    static Optional<AddressSet> oneTag(String tag) {
        return tag.equals("Resolved") ? Optional.of(AddressSet.parse("52.1.1.1/32")) : Optional.empty();
    }

    static Routing withTagRoutes() {
        return new Routing(
                plain().vnet(VNET2, "10.1.0.0/16")
                        .peerBothWays(VNET1, VNET2)
                        .gateway(GW, VNET1, GatewayType.VPN, "192.0.2.7/32")
                        .routeTable(
                                RT,
                                false,
                                applianceRoute("host", "10.9.9.9/32", "10.0.1.4"),
                                applianceRoute("to-sql", "Sql", "10.0.1.4"),
                                route("tagged", "Resolved", "Internet"))
                        .attachRouteTable(SUBNET1, RT)
                        .build(),
                EffectiveRoutesLookupTest::oneTag);
    }

    @Test
    void anExplicitHostRouteCannotBeOverridden() {
        NextHop h = hop(withTagRoutes(), "10.9.9.9");
        assertEquals(NextHopType.VIRTUAL_APPLIANCE, h.type());
        assertEquals("10.9.9.9/32", h.matchedPrefix().toString());
        assertTrue(h.isDetermined());
    }

    @Test
    void anUnresolvedTagRouteMayOverrideAnyOtherAnswer() {
        Routing r = withTagRoutes();
        for (String destination : List.of("10.9.9.8", "10.0.0.5", "8.8.8.8")) {
            NextHop h = hop(r, destination);
            assertEquals(List.of("user route to-sql in rt"), sources(h.unresolvedRoutes()), destination);
            assertFalse(h.isDetermined());
        }
    }

    @Test
    void aTagRouteThatResolvesToOneHostIsStillOpenToOverride() {
        NextHop h = hop(withTagRoutes(), "52.1.1.1");
        assertEquals(NextHopType.INTERNET, h.type());
        assertEquals("user route tagged in rt", h.route().source());
        assertEquals(List.of("user route to-sql in rt"), sources(h.unresolvedRoutes()));
    }

    @Test
    void aGatewayHostRouteIsStillOpenToOverride() {
        NextHop h = hop(withTagRoutes(), "192.0.2.7");
        assertEquals(NextHopType.VIRTUAL_NETWORK_GATEWAY, h.type());
        assertEquals("192.0.2.7/32", h.matchedPrefix().toString());
        assertEquals(List.of("user route to-sql in rt"), sources(h.unresolvedRoutes()));
    }

    @Test
    void activeAndUnresolvedRoutesAreListedApart() {
        EffectiveRoutes routes = routes(withTagRoutes());
        assertEquals(List.of("user route to-sql in rt"), sources(routes.unresolvedRoutes()));
        assertTrue(routes.activeRoutes().stream().allMatch(r -> r.state() == RouteState.ACTIVE));
        assertTrue(sources(routes.activeRoutes()).contains("user route host in rt"));
        assertFalse(sources(routes.activeRoutes()).contains("user route to-sql in rt"));
        assertEquals(List.of(), routes.missingResources());
        assertFalse(routes.gatewayPropagationDisabled());
    }

    @Test
    void aDefaultRouteOverriddenByAUserRouteIsNotActive() {
        EffectiveRoutes routes = routes(
                Routing.withoutServiceTags(plain().routeTable(RT, true, applianceRoute("all", "0.0.0.0/0", "10.0.1.4"))
                        .attachRouteTable(SUBNET1, RT)
                        .build()));
        List<String> active = sources(routes.activeRoutes());
        assertTrue(active.contains("user route all in rt"));
        assertFalse(active.contains("system default route"));
        assertTrue(sources(routes.routes()).contains("system default route"));
        assertTrue(routes.gatewayPropagationDisabled());
    }

    @Test
    void aMissingRouteTableMayOverrideEverything() {
        Routing r =
                Routing.withoutServiceTags(plain().attachRouteTable(SUBNET1, RT).build());
        EffectiveRoutes routes = routes(r);
        assertEquals(1, routes.missingResources().size());
        EffectiveRoute m = routes.missingResources().get(0);
        assertEquals(RouteOrigin.USER, m.origin());
        assertEquals(RT, m.routeTableIdOrSystem());
        assertEquals(Optional.of(ResourceId.of(RT)), m.via());
        assertEquals("the user routes of route table rt", m.source());
        assertEquals(
                Optional.of("route table " + RT + " is referenced by subnet Subnet1 but not imported, so its routes are"
                        + " not known: import it (az network route-table show --ids " + RT + ")"),
                m.unresolved());
        for (String destination : List.of("10.0.0.5", "8.8.8.8")) {
            NextHop h = hop(r, destination);
            assertEquals(List.of(m), h.unresolvedRoutes(), destination);
            assertEquals(List.of(m), routes.missingIn(h), destination);
        }
    }

    @Test
    void aPeeringsMissingVnetMayOverrideAnythingButTheOwnSpace() {
        Routing r = Routing.withoutServiceTags(plain().vnet(VNET2, "10.1.0.0/16")
                .peerBothWays(VNET1, VNET2)
                .peering(VNET1, NET + "/virtualNetworks/gone", PeeringState.CONNECTED, false, false)
                .peering(VNET1, NET + "/virtualNetworks/stale", PeeringState.DISCONNECTED, false, false)
                .build());
        EffectiveRoutes routes = routes(r);
        assertEquals(List.of("system routes for the peering to-gone with gone"), sources(routes.missingResources()));
        EffectiveRoute m = routes.missingResources().get(0);
        assertEquals("System Route", m.routeTableIdOrSystem());
        assertTrue(m.unresolved()
                .orElseThrow()
                .startsWith("virtual network " + NET + "/virtualNetworks/gone"
                        + " is referenced by the peering to-gone of vnet1 but not imported, so the address space it routes"
                        + " is not known"));
        assertEquals(List.of(), hop(r, "10.0.0.5").unresolvedRoutes());
        assertEquals(List.of(m), hop(r, "10.1.0.5").unresolvedRoutes());
        assertEquals(List.of(m), hop(r, "8.8.8.8").unresolvedRoutes());
        assertEquals(List.of(m), routes.missingIn(hop(r, "8.8.8.8")));
    }

    @Test
    void aConnectionsMissingSiteMayOverrideAnythingOutsideTheOwnAndPeeredSpaces() {
        String site = NET + "/localNetworkGateways/onprem";
        Routing r = Routing.withoutServiceTags(plain().vnet(VNET2, "10.1.0.0/16")
                .peerBothWays(VNET1, VNET2)
                .gateway(GW, VNET1, GatewayType.VPN)
                .connection(NET + "/connections/c1", "IPsec", GW, site)
                .build());
        EffectiveRoute m = routes(r).missingResources().get(0);
        assertEquals(RouteOrigin.VIRTUAL_NETWORK_GATEWAY, m.origin());
        assertEquals(
                Optional.of("local network gateway " + site + " is referenced by the connection c1 but not imported,"
                        + " so the prefixes it routes are not known: import it (az network local-gateway show --ids "
                        + site + ")"),
                m.unresolved());
        assertEquals(List.of(), hop(r, "10.0.0.5").unresolvedRoutes());
        assertEquals(List.of(), hop(r, "10.1.0.5").unresolvedRoutes());
        assertEquals(List.of(m), hop(r, "192.168.1.1").unresolvedRoutes());
    }

    @Test
    void aVnetToVnetConnectionsMissingGatewayIsAGateway() {
        String other = NET + "/virtualNetworkGateways/far-gw";
        Routing r = Routing.withoutServiceTags(plain().gateway(GW, VNET1, GatewayType.VPN)
                .connection(NET + "/connections/c2", "Vnet2Vnet", GW, other)
                .build());
        EffectiveRoute m = routes(r).missingResources().get(0);
        assertTrue(
                m.unresolved().orElseThrow().startsWith("virtual network gateway " + other),
                m.unresolved().orElseThrow());
    }

    @Test
    void aConnectionOwnedByAMissingGatewayNamesThatGateway() {
        String owner = NET + "/virtualNetworkGateways/owner-gw";
        Routing r = Routing.withoutServiceTags(plain().gateway(GW, VNET1, GatewayType.VPN)
                .connection(NET + "/connections/c3", "IPsec", owner, GW)
                .build());
        EffectiveRoute m = routes(r).missingResources().get(0);
        assertTrue(
                m.unresolved().orElseThrow().startsWith("virtual network gateway " + owner),
                m.unresolved().orElseThrow());
    }

    @Test
    void gatewayTransitRoutesSayTheyComeOverThePeering() {
        String spokeSubnet = VNET2 + "/subnets/app";
        Routing r = Routing.withoutServiceTags(plain().vnet(VNET2, "10.1.0.0/16")
                .subnet(spokeSubnet, VNET2, "10.1.0.0/24")
                .peering(VNET2, VNET1, PeeringState.CONNECTED, false, true)
                .peering(VNET1, VNET2, PeeringState.CONNECTED, true, false)
                .gateway(GW, VNET1, GatewayType.VPN, "172.20.0.0/16")
                .build());
        NextHop h = r.nextHop(ResourceId.of(spokeSubnet), Ipv4.parse("172.20.1.1"));
        assertEquals(NextHopType.VIRTUAL_NETWORK_GATEWAY, h.type());
        assertEquals(
                "route learned over BGP by vnet1-gw, by gateway transit over the peering to-vnet1",
                h.route().source());
    }

    @Test
    void learnedPrefixesOfLengthEightOrMoreJoinTheVnetTopology() {
        EffectiveRoutes routes = routes(
                Routing.withoutServiceTags(plain().gateway(GW, VNET1, GatewayType.VPN, "20.0.0.0/8", "40.0.0.0/7")
                        .build()));
        assertTrue(routes.virtualNetworkTopology().contains(Ipv4.parse("20.1.2.3")));
        assertFalse(routes.virtualNetworkTopology().contains(Ipv4.parse("40.1.2.3")));
        assertTrue(routes.virtualNetworkTopology().contains(Ipv4.parse("10.0.200.1")));
    }

    static TopologyBuilder withStorageEndpoint() {
        return plain().serviceEndpoint(SUBNET1, "Microsoft.Storage", "westus");
    }

    @Test
    void aServiceEndpointRoutesItsServicesPrefixes() {
        Routing r = new Routing(
                withStorageEndpoint().build(),
                tag -> tag.equals("Storage.westus") ? Optional.of(AddressSet.parse("20.60.0.0/16")) : Optional.empty());
        EffectiveRoute e = routes(r).routes().stream()
                .filter(x -> x.nextHopType() == NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT)
                .findFirst()
                .orElseThrow();
        assertEquals(RouteOrigin.DEFAULT, e.origin());
        assertEquals("Storage.westus", e.addressPrefix());
        assertEquals(List.of(Cidr.parseBlock("20.60.0.0/16")), e.prefixes());
        assertEquals(RouteState.ACTIVE, e.state());
        assertEquals("system route of the service endpoint for Microsoft.Storage (Storage.westus)", e.source());
        NextHop h = hop(r, "20.60.1.1");
        assertEquals(NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT, h.type());
        assertTrue(h.isDetermined());
    }

    @Test
    void anUnimportedServiceEndpointTagMayOverridePublicDestinationsOnly() {
        Routing r = Routing.withoutServiceTags(withStorageEndpoint().build());
        List<EffectiveRoute> open = routes(r).unresolvedRoutes();
        assertEquals(1, open.size());
        EffectiveRoute e = open.get(0);
        assertEquals(NextHopType.VIRTUAL_NETWORK_SERVICE_ENDPOINT, e.nextHopType());
        assertEquals(
                Optional.of("it routes the prefixes of the service tag Storage.westus, which is not imported"),
                e.unresolved());
        NextHop pub = hop(r, "20.60.1.1");
        assertEquals(NextHopType.INTERNET, pub.type());
        assertEquals(List.of(e), pub.unresolvedRoutes());
        assertEquals(List.of(), hop(r, "10.0.0.5").unresolvedRoutes());
        assertEquals(List.of(), routes(r).missingIn(pub));
    }

    static Routing nested() {
        return Routing.withoutServiceTags(plain().routeTable(RT, false, applianceRoute("fw", "10.0.1.0/24", "10.0.2.4"))
                .attachRouteTable(SUBNET1, RT)
                .build());
    }

    static String part(EffectiveRoutes.RoutedRange r) {
        return r.addresses() + " → " + r.nextHop().type() + " via "
                + r.nextHop().matchedPrefix() + " from "
                + Ipv4.format(r.nextHop().destination());
    }

    @Test
    void aBlockIsSplitWhereMoreSpecificRoutesDecide() {
        List<EffectiveRoutes.RoutedRange> parts = routes(nested()).decide(Cidr.parseBlock("10.0.0.0/8"));
        assertEquals(
                List.of(
                        "10.0.0.0/24, 10.0.2.0/23, 10.0.4.0/22, 10.0.8.0/21, 10.0.16.0/20, 10.0.32.0/19, 10.0.64.0/18,"
                                + " 10.0.128.0/17 → VNET_LOCAL via 10.0.0.0/16 from 10.0.0.0",
                        "10.0.1.0/24 → VIRTUAL_APPLIANCE via 10.0.1.0/24 from 10.0.1.0",
                        AddressSet.parse("10.0.0.0/8").minus(AddressSet.parse("10.0.0.0/16")) + " → NONE via"
                                + " 10.0.0.0/8 from 10.1.0.0"),
                parts.stream().map(EffectiveRoutesLookupTest::part).toList());
    }

    @Test
    void aBlockInsideOneRouteIsOnePart() {
        List<EffectiveRoutes.RoutedRange> parts = routes(nested()).decide(Cidr.parseBlock("10.0.1.0/25"));
        assertEquals(
                List.of("10.0.1.0/25 → VIRTUAL_APPLIANCE via 10.0.1.0/24 from 10.0.1.0"),
                parts.stream().map(EffectiveRoutesLookupTest::part).toList());
    }

    @Test
    void aBlockCoveredByMoreSpecificRoutesHasNoRemainder() {
        Routing r = Routing.withoutServiceTags(new TopologyBuilder()
                .vnet(VNET1, "10.0.0.0/16", "10.1.0.0/16")
                .subnet(SUBNET1, VNET1, "10.0.0.0/24")
                .build());
        List<EffectiveRoutes.RoutedRange> parts = routes(r).decide(Cidr.parseBlock("10.0.0.0/15"));
        assertEquals(
                List.of(
                        "10.0.0.0/16 → VNET_LOCAL via 10.0.0.0/16 from 10.0.0.0",
                        "10.1.0.0/16 → VNET_LOCAL via 10.1.0.0/16 from 10.1.0.0"),
                parts.stream().map(EffectiveRoutesLookupTest::part).toList());
    }

    @Test
    void withoutAnyRouteThereIsNoAnswer() {
        Subnet s = plain().build().subnet(ResourceId.of(SUBNET1)).orElseThrow();
        EffectiveRoutes empty = new EffectiveRoutes(s, List.of(), AddressSet.EMPTY, false);
        assertThrows(IllegalStateException.class, () -> empty.lookup(Ipv4.parse("10.0.0.1")));
        assertThrows(IllegalStateException.class, () -> empty.decide(Cidr.parseBlock("10.0.0.0/24")));
    }
}
