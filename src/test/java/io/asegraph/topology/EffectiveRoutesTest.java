package io.asegraph.topology;

import static io.asegraph.topology.TopologyBuilder.applianceRoute;
import static io.asegraph.topology.TopologyBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Route selection tables: azure-semantics §3.2 and §4, design.md "Effective routes of S". */
class EffectiveRoutesTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final String VNET1 = NET + "/virtualNetworks/vnet1";
    static final String VNET2 = NET + "/virtualNetworks/vnet2";
    static final String SUBNET1 = VNET1 + "/subnets/Subnet1";
    static final String SUBNET2 = VNET1 + "/subnets/Subnet2";
    static final String GW_SUBNET = VNET1 + "/subnets/GatewaySubnet";
    static final String GW = NET + "/virtualNetworkGateways/vnet1-gw";
    static final String SITE = NET + "/localNetworkGateways/onprem";
    static final String CONN = NET + "/connections/vnet1-to-onprem";
    static final String RT = NET + "/routeTables/rt";

    static NextHop hop(Routing routing, String subnet, String destination) {
        return routing.nextHop(ResourceId.of(subnet), Ipv4.parse(destination));
    }

    static String hopText(NextHop h) {
        return h.type() + h.nextHopIp().map(ip -> " " + Ipv4.format(ip)).orElse("");
    }

    static EffectiveRoute find(EffectiveRoutes routes, RouteOrigin origin, String prefix, NextHopType type) {
        return routes.routes().stream()
                .filter(r -> r.origin() == origin && r.addressPrefix().equals(prefix) && r.nextHopType() == type)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + origin + " route " + prefix + " → " + type + " in " + routes.routes()));
    }

    /** One VNet 10.0.0.0/16 with one subnet 10.0.0.0/24, nothing else: the default system routes. */
    static TopologyBuilder plain(String... addressSpace) {
        return new TopologyBuilder()
                .vnet(VNET1, addressSpace.length == 0 ? new String[] {"10.0.0.0/16"} : addressSpace)
                .subnet(SUBNET1, VNET1, "10.0.0.0/24");
    }

    @Nested
    class SystemRoutes {
        @ParameterizedTest(name = "{0} → {1} ({2})")
        @CsvSource({
            // Network Watcher next hop vectors (§3.2), VM 10.0.0.4 with default routes
            "13.107.21.200, INTERNET, 0.0.0.0/0",
            "172.31.0.100, NONE, 172.16.0.0/12",
            "10.0.0.20, VNET_LOCAL, 10.0.0.0/16",
            "10.0.200.1, VNET_LOCAL, 10.0.0.0/16",
            "10.1.0.1, NONE, 10.0.0.0/8",
            "192.168.1.1, NONE, 192.168.0.0/16",
            "100.64.0.1, NONE, 100.64.0.0/10",
            "8.8.8.8, INTERNET, 0.0.0.0/0"
        })
        void defaultRoutesDecideByLongestPrefix(String destination, NextHopType type, String prefix) {
            NextHop h = hop(Routing.withoutServiceTags(plain().build()), SUBNET1, destination);
            assertEquals(type, h.type());
            assertEquals(prefix, h.matchedPrefix().toString());
            assertEquals("System Route", h.routeTableId());
            assertTrue(h.nextHopIp().isEmpty());
        }

        @Test
        void reservedRangeAddedToTheAddressSpaceBecomesVnetLocal() {
            // §3.2: "If you added the 172.16.0.0/12 range to the address space ... nextHopType Virtual network"
            Routing routing = Routing.withoutServiceTags(
                    plain("10.0.0.0/16", "172.16.0.0/12").build());
            NextHop h = hop(routing, SUBNET1, "172.31.0.100");
            assertEquals(NextHopType.VNET_LOCAL, h.type());
            assertEquals("172.16.0.0/12", h.matchedPrefix().toString());
            assertTrue(routing.effectiveRoutes(ResourceId.of(SUBNET1)).routes().stream()
                    .noneMatch(r -> r.nextHopType() == NextHopType.NONE
                            && r.addressPrefix().equals("172.16.0.0/12")));
        }

        @Test
        void reservedNoneRouteIsRemovedWhenTheVnetRangeIncludesIt() {
            // 10.0.0.0/7 includes 10.0.0.0/8 without being equal to it: Azure removes the None route.
            Routing routing = Routing.withoutServiceTags(plain("10.0.0.0/7").build());
            EffectiveRoutes routes = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            assertTrue(routes.routes().stream().noneMatch(r -> r.addressPrefix().equals("10.0.0.0/8")));
            assertEquals(
                    NextHopType.VNET_LOCAL, hop(routing, SUBNET1, "10.200.0.1").type());
        }

        @Test
        void reservedNoneRouteStaysWhenTheVnetSpaceIsOnlyPartOfIt() {
            EffectiveRoutes routes =
                    Routing.withoutServiceTags(plain().build()).effectiveRoutes(ResourceId.of(SUBNET1));
            EffectiveRoute none = find(routes, RouteOrigin.DEFAULT, "10.0.0.0/8", NextHopType.NONE);
            assertEquals(RouteState.ACTIVE, none.state());
        }

        @Test
        void noRouteIsCreatedForTheSubnetRangeItself() {
            EffectiveRoutes routes =
                    Routing.withoutServiceTags(plain().build()).effectiveRoutes(ResourceId.of(SUBNET1));
            assertTrue(routes.routes().stream().noneMatch(r -> r.addressPrefix().equals("10.0.0.0/24")));
            assertEquals(6, routes.routes().size(), routes.routes().toString());
        }

        @Test
        void subnetsWithTheSameVnetAndRouteTableShareOneTable() {
            Topology t = plain().subnet(SUBNET2, VNET1, "10.0.1.0/24")
                    .subnet(GW_SUBNET, VNET1, "10.0.255.0/27")
                    .routeTable(RT, false, route("r", "0.0.0.0/0", "None"))
                    .attachRouteTable(GW_SUBNET, RT)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            EffectiveRoutes one = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            EffectiveRoutes two = routing.effectiveRoutes(ResourceId.of(SUBNET2));
            EffectiveRoutes gw = routing.effectiveRoutes(ResourceId.of(GW_SUBNET));
            assertSame(one.routes(), two.routes());
            assertEquals(SUBNET2, two.subnet().id().value());
            assertEquals(NextHopType.INTERNET, two.lookup(Ipv4.parse("8.8.8.8")).type());
            assertEquals(NextHopType.NONE, gw.lookup(Ipv4.parse("8.8.8.8")).type());
        }

        @Test
        void effectiveRoutesAreComputedOncePerSubnet() {
            Routing routing = Routing.withoutServiceTags(plain().build());
            assertSame(
                    routing.effectiveRoutes(ResourceId.of(SUBNET1)),
                    routing.effectiveRoutes(ResourceId.of(SUBNET1.toUpperCase())));
        }
    }

    @Nested
    class Precedence {
        @Test
        void longestPrefixWinsOverOrigin() {
            // §4: routes 10.0.0.0/24 and 10.0.0.0/16; 10.0.0.5 uses /24, 10.0.1.5 uses /16
            Topology t = plain().routeTable(
                            RT,
                            false,
                            route("wide", "10.0.0.0/16", "None"),
                            route("narrow", "10.0.0.0/24", "VnetLocal"))
                    .attachRouteTable(SUBNET1, RT)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            assertEquals("narrow", hop(routing, SUBNET1, "10.0.0.5").route().name());
            assertEquals("wide", hop(routing, SUBNET1, "10.0.1.5").route().name());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "user beats gateway and system, true, true, USER",
            "user beats system, true, false, USER",
            "gateway beats system, false, true, VIRTUAL_NETWORK_GATEWAY",
            "system alone, false, false, DEFAULT"
        })
        void onAnEqualPrefixUserBeatsGatewayBeatsSystem(
                String label, boolean user, boolean gateway, RouteOrigin expected) {
            // all three at 0.0.0.0/0: system Internet, learned default, user route
            TopologyBuilder b = plain().subnet(GW_SUBNET, VNET1, "10.0.255.0/27");
            if (gateway) {
                b.gateway(GW, VNET1, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0");
            }
            b.routeTable(
                            RT,
                            false,
                            user ? new Route[] {applianceRoute("to-nva", "0.0.0.0/0", "10.0.0.4")} : new Route[0])
                    .attachRouteTable(SUBNET1, RT);
            Routing routing = Routing.withoutServiceTags(b.build());
            NextHop h = hop(routing, SUBNET1, "8.8.8.8");
            assertEquals(expected, h.route().origin());
            EffectiveRoutes routes = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            List<EffectiveRoute> defaults = routes.routes().stream()
                    .filter(r -> r.addressPrefix().equals("0.0.0.0/0"))
                    .toList();
            assertEquals(
                    1,
                    defaults.stream()
                            .filter(r -> r.state() == RouteState.ACTIVE)
                            .count());
            assertEquals(
                    defaults.size() - 1,
                    defaults.stream()
                            .filter(r -> r.state() == RouteState.INVALID)
                            .count());
        }

        @Test
        void userRouteToInternetOverridesALearnedDefaultRoute() {
            // §2.4: ExpressRoute advertises 0.0.0.0/0; a UDR 0.0.0.0/0 → Internet on the ASE subnet takes precedence
            Topology t = plain().gateway(GW, VNET1, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0", "192.168.0.0/16")
                    .routeTable(RT, false, route("direct-internet", "0.0.0.0/0", "Internet"))
                    .attachRouteTable(SUBNET1, RT)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            NextHop internet = hop(routing, SUBNET1, "13.107.21.200");
            assertEquals(NextHopType.INTERNET, internet.type());
            assertEquals(RouteOrigin.USER, internet.route().origin());
            assertEquals(RT, internet.routeTableId());
            assertEquals(
                    NextHopType.VIRTUAL_NETWORK_GATEWAY,
                    hop(routing, SUBNET1, "192.168.4.4").type());
            EffectiveRoutes routes = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            assertEquals(
                    RouteState.INVALID,
                    find(routes, RouteOrigin.VIRTUAL_NETWORK_GATEWAY, "0.0.0.0/0", NextHopType.VIRTUAL_NETWORK_GATEWAY)
                            .state());
            assertEquals(
                    RouteState.INVALID,
                    find(routes, RouteOrigin.DEFAULT, "0.0.0.0/0", NextHopType.INTERNET)
                            .state());
        }

        @Test
        void learnedDefaultRouteForceTunnelsInternetTraffic() {
            Routing routing =
                    Routing.withoutServiceTags(plain().gateway(GW, VNET1, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0")
                            .build());
            NextHop h = hop(routing, SUBNET1, "13.107.21.200");
            assertEquals(NextHopType.VIRTUAL_NETWORK_GATEWAY, h.type());
            assertEquals(RouteOrigin.VIRTUAL_NETWORK_GATEWAY, h.route().origin());
            assertEquals("System Route", h.routeTableId());
            assertFalse(
                    routing.effectiveRoutes(ResourceId.of(SUBNET1))
                            .virtualNetworkTopology()
                            .contains(Ipv4.parse("13.107.21.200")),
                    "a learned default route is forced tunnelling, not on-premises address space");
        }

        @Test
        void vnetSystemRouteIsPreferredOverAMoreSpecificBgpRoute() {
            // §4 caveat: "System routes for traffic related to virtual network [and] peerings ... are preferred routes,
            // even if BGP routes are more specific."
            Topology t = plain().peerBothWays(VNET1, VNET2)
                    .vnet(VNET2, "10.1.0.0/16")
                    .gateway(
                            GW,
                            VNET1,
                            GatewayType.EXPRESS_ROUTE,
                            "10.0.5.0/24",
                            "10.1.7.0/24",
                            "10.0.0.0/8",
                            "172.20.0.0/16")
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            NextHop inVnet = hop(routing, SUBNET1, "10.0.5.9");
            assertEquals(NextHopType.VNET_LOCAL, inVnet.type());
            assertEquals(
                    NextHopType.VNET_PEERING, hop(routing, SUBNET1, "10.1.7.9").type());
            assertEquals(
                    NextHopType.VIRTUAL_NETWORK_GATEWAY,
                    hop(routing, SUBNET1, "172.20.1.1").type());
            // outside the VNet and peered spaces the BGP 10.0.0.0/8 beats the system None route for the same block
            NextHop elsewhere = hop(routing, SUBNET1, "10.9.0.1");
            assertEquals(NextHopType.VIRTUAL_NETWORK_GATEWAY, elsewhere.type());
            EffectiveRoutes routes = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            assertEquals(
                    RouteState.INVALID,
                    find(
                                    routes,
                                    RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                                    "10.0.5.0/24",
                                    NextHopType.VIRTUAL_NETWORK_GATEWAY)
                            .state());
            assertEquals(
                    RouteState.INVALID,
                    find(
                                    routes,
                                    RouteOrigin.VIRTUAL_NETWORK_GATEWAY,
                                    "10.1.7.0/24",
                                    NextHopType.VIRTUAL_NETWORK_GATEWAY)
                            .state());
            assertEquals(
                    RouteState.INVALID,
                    find(routes, RouteOrigin.DEFAULT, "10.0.0.0/8", NextHopType.NONE)
                            .state());
        }
    }

    @Nested
    class GatewayRoutes {
        TopologyBuilder withVpn() {
            return plain().subnet(GW_SUBNET, VNET1, "10.0.255.0/27")
                    .gateway(GW, VNET1, GatewayType.VPN)
                    .localGateway(SITE, "10.10.0.0/16", "172.30.0.0/16")
                    .connection(CONN, "IPsec", GW, SITE);
        }

        @Test
        void localNetworkGatewayPrefixesRouteToTheGateway() {
            Routing routing = Routing.withoutServiceTags(withVpn().build());
            NextHop h = hop(routing, SUBNET1, "10.10.1.1");
            assertEquals(NextHopType.VIRTUAL_NETWORK_GATEWAY, h.type());
            assertEquals(RouteOrigin.VIRTUAL_NETWORK_GATEWAY, h.route().origin());
            assertEquals(Optional.of(ResourceId.of(SITE)), h.route().via());
            assertEquals(
                    NextHopType.VIRTUAL_NETWORK_GATEWAY,
                    hop(routing, SUBNET1, "172.30.9.9").type());
        }

        @Test
        void disabledPropagationDropsEveryGatewayRouteButKeepsTheTopology() {
            Topology t = withVpn()
                    .gateway(GW, VNET1, GatewayType.VPN, "10.20.0.0/16")
                    .routeTable(RT, true)
                    .attachRouteTable(SUBNET1, RT)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            EffectiveRoutes routes = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            assertTrue(routes.gatewayPropagationDisabled());
            assertTrue(routes.routes().stream().noneMatch(r -> r.origin() == RouteOrigin.VIRTUAL_NETWORK_GATEWAY));
            assertEquals(NextHopType.NONE, hop(routing, SUBNET1, "10.10.1.1").type());
            assertEquals(
                    NextHopType.NONE,
                    hop(routing, SUBNET1, "172.30.9.9").type(),
                    "falls back to the reserved None route");
            assertTrue(routes.virtualNetworkTopology().contains(Ipv4.parse("10.10.1.1")));
            // another subnet without the table still has them
            Routing other = Routing.withoutServiceTags(
                    withVpn().subnet(SUBNET2, VNET1, "10.0.1.0/24").build());
            assertEquals(
                    NextHopType.VIRTUAL_NETWORK_GATEWAY,
                    hop(other, SUBNET2, "10.10.1.1").type());
        }

        @Test
        void vnetToVnetConnectionRoutesTheRemoteAddressSpaceToTheGateway() {
            String gw2 = NET + "/virtualNetworkGateways/vnet2-gw";
            Topology t = plain().vnet(VNET2, "10.50.0.0/16")
                    .gateway(GW, VNET1, GatewayType.VPN)
                    .gateway(gw2, VNET2, GatewayType.VPN)
                    .connection(NET + "/connections/v2v", "Vnet2Vnet", gw2, GW)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            NextHop h = hop(routing, SUBNET1, "10.50.3.3");
            assertEquals(NextHopType.VIRTUAL_NETWORK_GATEWAY, h.type());
            assertEquals(Optional.of(ResourceId.of(VNET2)), h.route().via());
        }

        @ParameterizedTest(name = "useRemoteGateways={0}, allowGatewayTransit={1} → {2}")
        @CsvSource({"true, true, VIRTUAL_NETWORK_GATEWAY", "true, false, NONE", "false, true, NONE"})
        void gatewayTransitNeedsBothSidesOfThePeering(boolean useRemote, boolean allowTransit, NextHopType expected) {
            String hub = NET + "/virtualNetworks/hub";
            String spoke = NET + "/virtualNetworks/spoke";
            String spokeSubnet = spoke + "/subnets/workload";
            String hubGw = NET + "/virtualNetworkGateways/hub-gw";
            Topology t = new TopologyBuilder()
                    .vnet(hub, "10.100.0.0/16")
                    .vnet(spoke, "10.200.0.0/16")
                    .subnet(spokeSubnet, spoke, "10.200.1.0/24")
                    .peering(spoke, hub, PeeringState.CONNECTED, false, useRemote)
                    .peering(hub, spoke, PeeringState.CONNECTED, allowTransit, false)
                    .gateway(hubGw, hub, GatewayType.VPN)
                    .localGateway(SITE, "10.10.0.0/16")
                    .connection(CONN, "IPsec", hubGw, SITE)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            NextHop h = hop(routing, spokeSubnet, "10.10.1.1");
            assertEquals(expected, h.type());
            assertEquals(
                    NextHopType.VNET_PEERING,
                    hop(routing, spokeSubnet, "10.100.0.9").type());
        }
    }

    @Nested
    class Peerings {
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"CONNECTED, VNET_PEERING", "INITIATED, NONE", "DISCONNECTED, NONE"})
        void onlyAConnectedPeeringAddsPeeringRoutes(PeeringState state, NextHopType expected) {
            Topology t = plain().vnet(VNET2, "10.1.0.0/16", "10.2.0.0/16")
                    .peering(VNET1, VNET2, state, false, false)
                    .build();
            Routing routing = Routing.withoutServiceTags(t);
            assertEquals(expected, hop(routing, SUBNET1, "10.1.3.3").type());
            assertEquals(expected, hop(routing, SUBNET1, "10.2.3.3").type());
        }

        @Test
        void peeredSpaceIsPartOfTheVirtualNetworkTopology() {
            Topology t = plain().vnet(VNET2, "10.1.0.0/16")
                    .peerBothWays(VNET1, VNET2)
                    .build();
            AddressSet topology = Routing.withoutServiceTags(t)
                    .effectiveRoutes(ResourceId.of(SUBNET1))
                    .virtualNetworkTopology();
            assertEquals(AddressSet.parse("10.0.0.0/16", "10.1.0.0/16"), topology);
        }
    }

    @Nested
    class ServiceTagRoutes {
        Topology withTagRoute(Route... more) {
            Route[] routes = new Route[more.length + 1];
            routes[0] = applianceRoute("storage-via-nva", "Storage.WestUS", "10.0.0.4");
            System.arraycopy(more, 0, routes, 1, more.length);
            return plain().routeTable(RT, false, routes)
                    .attachRouteTable(SUBNET1, RT)
                    .build();
        }

        @Test
        void resolvedTagRouteCoversEveryBlockOfTheTag() {
            Map<String, AddressSet> tags = Map.of("storage.westus", AddressSet.parse("20.60.0.0/16", "52.239.0.0/17"));
            Routing routing = new Routing(withTagRoute(), tag -> Optional.ofNullable(tags.get(tag.toLowerCase())));
            NextHop h = hop(routing, SUBNET1, "52.239.1.1");
            assertEquals(NextHopType.VIRTUAL_APPLIANCE, h.type());
            assertEquals("52.239.0.0/17", h.matchedPrefix().toString());
            assertTrue(h.isDetermined());
            assertEquals(NextHopType.INTERNET, hop(routing, SUBNET1, "8.8.8.8").type());
        }

        @Test
        void unresolvedTagRouteIsListedAndMakesLookupsUndetermined() {
            Routing routing = Routing.withoutServiceTags(withTagRoute());
            EffectiveRoutes routes = routing.effectiveRoutes(ResourceId.of(SUBNET1));
            EffectiveRoute tagRoute = routes.routes().stream()
                    .filter(r -> r.name().equals("storage-via-nva"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(RouteState.UNRESOLVED, tagRoute.state());
            assertTrue(tagRoute.unresolved().orElseThrow().contains("Storage.WestUS"));
            NextHop h = hop(routing, SUBNET1, "8.8.8.8");
            assertEquals(NextHopType.INTERNET, h.type());
            assertFalse(h.isDetermined());
            assertEquals(List.of(tagRoute), h.unresolvedRoutes());
        }

        @Test
        void explicitPrefixBeatsATagOnTheSameBlock() {
            Map<String, AddressSet> tags = Map.of("storage.westus", AddressSet.parse("20.60.0.0/16"));
            Routing routing = new Routing(
                    withTagRoute(route("storage-direct", "20.60.0.0/16", "Internet")),
                    tag -> Optional.ofNullable(tags.get(tag.toLowerCase())));
            NextHop h = hop(routing, SUBNET1, "20.60.1.1");
            assertEquals("storage-direct", h.route().name());
            assertEquals(NextHopType.INTERNET, h.type());
        }

        @Test
        void regionalTagBeatsTopLevelTagOnTheSameBlock() {
            Map<String, AddressSet> tags = Map.of(
                    "storage", AddressSet.parse("20.60.0.0/16"), "storage.westus", AddressSet.parse("20.60.0.0/16"));
            Topology t = plain().routeTable(
                            RT,
                            false,
                            route("storage-all", "Storage", "None"),
                            applianceRoute("storage-west", "Storage.WestUS", "10.0.0.4"))
                    .attachRouteTable(SUBNET1, RT)
                    .build();
            Routing routing = new Routing(t, tag -> Optional.ofNullable(tags.get(tag.toLowerCase())));
            assertEquals(
                    "storage-west", hop(routing, SUBNET1, "20.60.1.1").route().name());
        }
    }

    /** §4 "Full routing example": VNet1 peered with VNet2, VPN to on-premises, NVA 10.0.100.4. */
    @Nested
    class FullRoutingExample {
        Routing routing() {
            Topology t = new TopologyBuilder()
                    .vnet(VNET1, "10.0.0.0/16")
                    .vnet(VNET2, "10.1.0.0/16", "10.2.0.0/16")
                    .subnet(SUBNET1, VNET1, "10.0.0.0/24")
                    .subnet(SUBNET2, VNET1, "10.0.1.0/24")
                    .subnet(GW_SUBNET, VNET1, "10.0.255.0/27")
                    .peerBothWays(VNET1, VNET2)
                    .gateway(GW, VNET1, GatewayType.VPN)
                    .localGateway(SITE, "10.10.0.0/16")
                    .connection(CONN, "IPsec", GW, SITE)
                    .routeTable(
                            RT,
                            false,
                            applianceRoute("Within-VNet1", "10.0.0.0/16", "10.0.100.4"),
                            route("Within-Subnet1", "10.0.0.0/24", "VnetLocal"),
                            route("ToVNet2-1-Drop", "10.1.0.0/16", "None"),
                            route("ToVNet2-2-Drop", "10.2.0.0/16", "None"),
                            applianceRoute("To-On-Prem", "10.10.0.0/16", "10.0.100.4"),
                            applianceRoute("Default-NVA", "0.0.0.0/0", "10.0.100.4"))
                    .attachRouteTable(SUBNET1, RT)
                    .build();
            return Routing.withoutServiceTags(t);
        }

        @ParameterizedTest(name = "ID {0}: {1} {2} {3} → {4} {5}")
        @CsvSource({
            "1, DEFAULT, INVALID, 10.0.0.0/16, VNET_LOCAL, ''",
            "2, USER, ACTIVE, 10.0.0.0/16, VIRTUAL_APPLIANCE, Within-VNet1",
            "3, USER, ACTIVE, 10.0.0.0/24, VNET_LOCAL, Within-Subnet1",
            "4, DEFAULT, INVALID, 10.1.0.0/16, VNET_PEERING, ''",
            "5, DEFAULT, INVALID, 10.2.0.0/16, VNET_PEERING, ''",
            "6, USER, ACTIVE, 10.1.0.0/16, NONE, ToVNet2-1-Drop",
            "7, USER, ACTIVE, 10.2.0.0/16, NONE, ToVNet2-2-Drop",
            "8, VIRTUAL_NETWORK_GATEWAY, INVALID, 10.10.0.0/16, VIRTUAL_NETWORK_GATEWAY, ''",
            "9, USER, ACTIVE, 10.10.0.0/16, VIRTUAL_APPLIANCE, To-On-Prem",
            "11, DEFAULT, INVALID, 0.0.0.0/0, INTERNET, ''",
            "12, USER, ACTIVE, 0.0.0.0/0, VIRTUAL_APPLIANCE, Default-NVA"
        })
        void subnet1TableMatchesTheDocumentedStates(
                int id, RouteOrigin origin, RouteState state, String prefix, NextHopType type, String name) {
            EffectiveRoute r = find(routing().effectiveRoutes(ResourceId.of(SUBNET1)), origin, prefix, type);
            assertEquals(state, r.state());
            assertEquals(name, r.name());
            if (type == NextHopType.VIRTUAL_APPLIANCE) {
                assertEquals("10.0.100.4", Ipv4.format(r.nextHopIp().orElseThrow()));
            }
            assertEquals(origin == RouteOrigin.USER ? RT : "System Route", r.routeTableIdOrSystem());
        }

        @Test
        void subnet1KeepsTheReservedNoneRoutes() {
            // Documented choice: the doc's Subnet1 table omits them; design.md keeps them unless inside the VNet space.
            EffectiveRoutes routes = routing().effectiveRoutes(ResourceId.of(SUBNET1));
            for (String reserved : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")) {
                assertEquals(
                        RouteState.ACTIVE,
                        find(routes, RouteOrigin.DEFAULT, reserved, NextHopType.NONE)
                                .state());
            }
        }

        @ParameterizedTest(name = "Subnet1 → {0}: {1} ({2})")
        @CsvSource({
            "10.0.0.20, VNET_LOCAL, Within-Subnet1",
            "10.0.5.5, VIRTUAL_APPLIANCE 10.0.100.4, Within-VNet1",
            "10.1.3.3, NONE, ToVNet2-1-Drop",
            "10.10.1.1, VIRTUAL_APPLIANCE 10.0.100.4, To-On-Prem",
            "8.8.8.8, VIRTUAL_APPLIANCE 10.0.100.4, Default-NVA"
        })
        void subnet1NextHops(String destination, String expected, String routeName) {
            NextHop h = hop(routing(), SUBNET1, destination);
            assertEquals(expected, hopText(h));
            assertEquals(routeName, h.route().name());
            assertEquals(RT, h.routeTableId());
        }

        @ParameterizedTest(name = "Subnet2 → {0}: {1}")
        @CsvSource({
            "10.1.3.3, VNET_PEERING",
            "10.10.1.1, VIRTUAL_NETWORK_GATEWAY",
            "8.8.8.8, INTERNET",
            "172.20.0.1, NONE",
            "10.0.0.20, VNET_LOCAL"
        })
        void subnet2WithoutUserRoutesUsesSystemAndGatewayRoutes(String destination, NextHopType expected) {
            NextHop h = hop(routing(), SUBNET2, destination);
            assertEquals(expected, h.type());
            assertEquals("System Route", h.routeTableId());
        }
    }
}
