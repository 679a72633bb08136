package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.APP1;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_ROUTES;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.GATEWAY;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.ONPREM;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static io.asegraph.analysis.ReferenceTopology.WEB;
import static io.asegraph.topology.TopologyBuilder.applianceRoute;
import static io.asegraph.topology.TopologyBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.PeeringState;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Route;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Call-source scenarios over the seed's reference topology and variants of it (azure-semantics §2.7 T5a–T5e, §2.4,
 * design.md "Call source"). Each test loads a topology, walks one call, and asserts the source kind, the address
 * or range, the deciding route named in the reason, and the hops.
 */
class CallSourceScenarioTest {
    static final String OTHER_VNET = NET + "/virtualNetworks/other-vnet";
    static final String OTHER_SUBNET = OTHER_VNET + "/subnets/backend";
    static final String OTHER_NIC = NET + "/networkInterfaces/backend-vm-nic";
    static final String NAT = NET + "/natGateways/ase-one-nat";
    static final String NAT_PIP = NET + "/publicIPAddresses/ase-one-nat-pip";
    static final String RT2 = NET + "/routeTables/forced";

    static CallSource call(Topology topology, String from, String to) {
        return walk(topology, from, to).callSource();
    }

    static Walk walk(Topology topology, String from, String to) {
        ReferenceResolver resolver = new ReferenceResolver(topology, ReferenceTopology.nsgs());
        CallSourceWalker walker = new CallSourceWalker(Routing.withoutServiceTags(topology));
        return walker.walk(resolver.resolveCaller(from), resolver.resolveDestination(to));
    }

    static CallSource call(String from, String to) {
        return call(ReferenceTopology.topology(), from, to);
    }

    static Walk walk(String from, String to) {
        return walk(ReferenceTopology.topology(), from, to);
    }

    static void assertSource(CallSource c, SourceKind kind, String address, String range) {
        assertEquals(kind, c.kind(), c.reason());
        assertEquals(Optional.ofNullable(address), c.address().map(Ipv4::format), c.reason());
        assertEquals(Optional.ofNullable(range), c.addressRange().map(Object::toString), c.reason());
    }

    static List<String> kinds(CallSource c) {
        return c.trace().stream().map(h -> h.kind().label()).toList();
    }

    static TopologyBuilder withAseOneRoutes(Route... routes) {
        return ReferenceTopology.builder().routeTable(ASE_ONE_ROUTES, false, routes);
    }

    @Nested
    class SeedVectors {
        @Test
        void t5aInternetHostSeesTheAsePublicVip() {
            Walk w = walk("app1", "13.107.21.200");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertEquals(
                    "The route 0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes) sends the call out of "
                            + "the VNet, so it leaves NAT'd to ase-one's public VIP 192.23.1.2.",
                    c.reason());
            assertEquals(List.of(APP1, "13.107.21.200"), c.hopNodes());
            assertEquals(List.of("App", "Internet"), kinds(c));
            assertEquals(
                    List.of(StepType.ROUTE, StepType.SOURCE_NAT),
                    c.trace().get(0).stepTypes());
            assertEquals(List.of(StepType.DELIVER), c.trace().get(1).stepTypes());
            assertEquals(AddressSet.parse("10.0.1.0/26"), c.privateSources());
            assertEquals(Optional.of(ResourceId.of(ASE_ONE_SUBNET)), w.sourceSubnet());
        }

        @Test
        void t5bVmInAnotherSubnetSeesSomeAddressOfTheAseSubnet() {
            Walk w = walk("app1", "10.0.2.10");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
            assertTrue(
                    c.reason()
                            .startsWith(
                                    "The route 10.0.0.0/16 → VnetLocal (system route for ase-vnet's address space) keeps "
                                            + "the call inside the VNet topology"),
                    c.reason());
            assertTrue(c.reason().contains("allow that whole range"), c.reason());
            assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), w.destinationSubnet());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.SOURCE_NAT),
                    c.trace().get(0).stepTypes());
        }

        @Test
        void t5bTheDatabaseNicByNameSeesTheSameRange() {
            Walk w = walk("app1", "db-vm-nic");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
            assertEquals(List.of(APP1, DB_NIC), c.hopNodes());
            assertEquals(Optional.of(ResourceId.of(DB_NIC)), w.destinationNic());
            assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), w.destinationSubnet());
        }

        @Test
        void t5cAppOnAnotherAseInTheSameVnetSeesTheCallersVip() {
            Walk w = walk("app1", "orders.contoso.com");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertTrue(
                    c.reason()
                            .startsWith(
                                    "orders-api is reached at ase-two's public VIP 192.23.2.4; the route 0.0.0.0/0 → "
                                            + "Internet (user route direct-internet in ase-one-routes)"),
                    c.reason());
            assertTrue(c.reason().contains("calls between ASEs are Internet calls"), c.reason());
            assertEquals(
                    Optional.of(ResourceId.of(ASE_TWO_SUBNET)),
                    w.destinationSubnet(),
                    "ase-two's workers take the call in its subnet, where its NSG applies");
            assertEquals(AddressSet.parse("192.23.2.4"), c.destination());
        }

        @Test
        void t5dAnotherAppOnTheSameAseSeesTheVip() {
            CallSource c = call("app1", "app2.ase-one.p.azurewebsites.net");
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertTrue(c.reason().contains("an ASE calling its own apps makes an Internet call"), c.reason());
        }

        @Test
        void t5eAnAddressInTheAsesOwnSubnetIsUnreachable() {
            CallSource c = call("app1", "10.0.1.10");
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertTrue(c.reason().contains("inside ase-one's own subnet ase-one-subnet (10.0.1.0/26)"), c.reason());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.DROP), c.trace().get(0).stepTypes());
            assertEquals(1, c.trace().size());
        }

        @Test
        void t5eAVmDeployedInTheAseSubnetIsUnreachable() {
            Topology t = ReferenceTopology.builder()
                    .nic(NET + "/networkInterfaces/stray-vm-nic", ASE_ONE_SUBNET, "10.0.1.60")
                    .build();
            CallSource c = call(t, ASE_ONE, "stray-vm-nic");
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertTrue(c.reason().contains("an ASE cannot reach other resources in its own subnet"), c.reason());
        }

        @Test
        void publicEndpointSeesTheVip() {
            CallSource c = call("app1", "azure-sql-westus");
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertEquals(List.of("App", "Endpoint"), kinds(c));
            assertEquals(AddressSet.parse("40.112.240.0/20"), c.destination());
        }

        @Test
        void aReservedRangeOutsideTheVnetIsDroppedByItsNoneRoute() {
            CallSource c = call("app1", "172.20.0.1");
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertEquals(
                    "The route 172.16.0.0/12 → None (system route dropping the reserved range 172.16.0.0/12) drops the "
                            + "call to 172.20.0.1.",
                    c.reason());
        }

        @Test
        void anAddressInTheVnetButInNoSubnetIsUnreachable() {
            CallSource c = call("app1", "10.0.3.9");
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertTrue(c.reason().contains("no subnet of ase-vnet holds it"), c.reason());
        }

        @Test
        void aCallerGivenAsAWorkerAddressIsItsAse() {
            CallSource c = call("10.0.1.5", "13.107.21.200");
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertEquals(ASE_ONE, c.trace().get(0).node());
        }
    }

    @Nested
    class ForcedTunnelling {
        @Test
        void userDefaultRouteToTheGatewayMakesTheSourceUndeterminedAndFlagsTheAse() {
            Topology t = ReferenceTopology.builder()
                    .gatewayWithDefaultSite(GATEWAY, VNET, GatewayType.VPN, ONPREM)
                    .routeTable(ASE_ONE_ROUTES, false, route("force-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                    .build();
            CallSource c = call(t, "app1", "13.107.21.200");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(
                    c.reason()
                            .startsWith(
                                    "The route 0.0.0.0/0 → VirtualNetworkGateway (user route force-onprem in ase-one-routes) "
                                            + "tunnels this Internet-bound call through ase-vnet-gw to the on-premises network (default site onprem-site), "
                                            + "which decides the source address"),
                    c.reason());
            assertTrue(c.reason().contains("this breaks ase-one's required direct outbound path"), c.reason());
            assertEquals(List.of(APP1, GATEWAY, "13.107.21.200"), c.hopNodes());
            assertEquals(
                    List.of(StepType.ROUTE, StepType.SOURCE_NAT),
                    c.trace().get(1).stepTypes());
        }

        @Test
        void learnedDefaultRouteWithoutTheUserRouteForceTunnels() {
            Topology t = ReferenceTopology.builder()
                    .gateway(GATEWAY, VNET, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0")
                    .attachRouteTable(ASE_ONE_SUBNET, null)
                    .build();
            CallSource c = call(t, "app1", "azure-sql-westus");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(
                    c.reason().contains("0.0.0.0/0 → VirtualNetworkGateway (route learned over BGP by ase-vnet-gw)"),
                    c.reason());
            assertTrue(c.reason().contains("breaks ase-one's required direct outbound path"), c.reason());
        }

        @Test
        void theFixAUserRouteToInternetRestoresTheVip() {
            // the reference topology already carries the fix: ase-one-routes 0.0.0.0/0 → Internet
            Topology t = ReferenceTopology.builder()
                    .gateway(GATEWAY, VNET, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0")
                    .build();
            CallSource c = call(t, "app1", "azure-sql-westus");
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertTrue(c.reason().contains("user route direct-internet in ase-one-routes"), c.reason());
            // while ase-two, without the fix, is force-tunnelled
            assertEquals(
                    SourceKind.UNDETERMINED,
                    call(t, "orders-api", "azure-sql-westus").kind());
        }

        @Test
        void onPremisesPrefixesStillSeeTheSubnetRangeUnderForcedTunnelling() {
            Topology t = ReferenceTopology.builder()
                    .gateway(GATEWAY, VNET, GatewayType.EXPRESS_ROUTE, "0.0.0.0/0")
                    .attachRouteTable(ASE_ONE_SUBNET, null)
                    .build();
            CallSource c = call(t, "app1", "192.168.10.10");
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        }
    }

    @Nested
    class ConnectedNetworks {
        @Test
        void onPremisesHostSeesTheSubnetRangeThroughTheVpnGateway() {
            CallSource c = call("app1", "192.168.1.50");
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
            assertTrue(
                    c.reason()
                            .startsWith(
                                    "The route 192.168.0.0/16 → VirtualNetworkGateway (gateway route to local network "
                                            + "gateway onprem-site over connection ase-vnet-to-onprem of ase-vnet-gw)"),
                    c.reason());
            assertEquals(List.of(APP1, GATEWAY, "192.168.1.50"), c.hopNodes());
            assertEquals(List.of("App", "VirtualNetworkGateway", "OnPremises"), kinds(c));
        }

        TopologyBuilder peered(PeeringState back) {
            return ReferenceTopology.builder()
                    .vnet(OTHER_VNET, "10.1.0.0/16")
                    .subnet(OTHER_SUBNET, OTHER_VNET, "10.1.0.0/24")
                    .nic(OTHER_NIC, OTHER_SUBNET, "10.1.0.4")
                    .peering(VNET, OTHER_VNET, back, false, false)
                    .peering(OTHER_VNET, VNET, back, false, false);
        }

        @Test
        void vmInAPeeredVnetSeesTheSubnetRange() {
            Walk w = walk(peered(PeeringState.CONNECTED).build(), "app1", "backend-vm-nic");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
            assertTrue(
                    c.reason()
                            .contains(
                                    "10.1.0.0/16 → VNetPeering (system route for the peering to-other-vnet with other-vnet)"),
                    c.reason());
            assertEquals(Optional.of(ResourceId.of(OTHER_SUBNET)), w.destinationSubnet());
        }

        @Test
        void aPeeringThatIsNotConnectedLeavesTheReservedNoneRoute() {
            CallSource c = call(peered(PeeringState.INITIATED).build(), "app1", "backend-vm-nic");
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertTrue(c.reason().contains("10.0.0.0/8 → None"), c.reason());
        }

        @Test
        void aNicInAnOverlappingUnconnectedVnetIsNotReachedThroughOurOwnVnet() {
            Topology t = ReferenceTopology.builder()
                    .vnet(OTHER_VNET, "10.0.0.0/16")
                    .subnet(OTHER_SUBNET, OTHER_VNET, "10.0.2.0/24")
                    .nic(OTHER_NIC, OTHER_SUBNET, "10.0.2.9")
                    .build();
            Walk w = walk(t, "app1", OTHER_NIC);
            CallSource c = w.callSource();
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertTrue(
                    c.reason().contains("backend-vm-nic is in other-vnet, which this route does not reach"),
                    c.reason());
        }

        @Test
        void anAddressHeldByANicInAnOverlappingVnetIsDeliveredInOurOwnVnet() {
            // 10.0.2.9 is backend-vm-nic's address in other-vnet, but from ase-one it routes within ase-vnet's
            // db-subnet
            Topology t = ReferenceTopology.builder()
                    .vnet(OTHER_VNET, "10.0.0.0/16")
                    .subnet(OTHER_SUBNET, OTHER_VNET, "10.0.2.0/24")
                    .nic(OTHER_NIC, OTHER_SUBNET, "10.0.2.9")
                    .build();
            Walk w = walk(t, "app1", "10.0.2.9");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
            assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), w.destinationSubnet());
            assertTrue(w.destinationNic().isEmpty());
        }

        @Test
        void anAddressOfANicInOurVnetIsDeliveredToThatNic() {
            Walk w = walk("app1", "10.0.2.4");
            CallSource c = w.callSource();
            assertEquals(Optional.of(ResourceId.of(DB_NIC)), w.destinationNic());
        }

        @Test
        void internalAseIsReachedOnItsIlbAddressFromTheSubnetRange() {
            String subnet = VNET + "/subnets/ase-three-subnet";
            String ase3 = WEB + "/hostingEnvironments/ase-three";
            Topology t = ReferenceTopology.builder()
                    .subnet(subnet, VNET, "10.0.3.0/26")
                    .internalAse(ase3, subnet, "192.23.3.3", "10.0.3.11")
                    .app(WEB + "/sites/ledger", ase3, "ledger.ase-three.appserviceenvironment.net")
                    .build();
            CallSource c = call(t, "app1", "ledger");
            assertSource(c, SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
            assertTrue(c.reason().startsWith("ledger is reached at ase-three's ILB address 10.0.3.11"), c.reason());
        }
    }

    @Nested
    class Translation {
        TopologyBuilder withNat() {
            return ReferenceTopology.builder()
                    .publicIp(NAT_PIP, "52.160.1.1")
                    .natGateway(NAT, NAT_PIP)
                    .attachNatGateway(ASE_ONE_SUBNET, NAT);
        }

        @Test
        void natGatewayOnTheAseSubnetIsTheSourceForInternetCalls() {
            CallSource c = call(withNat().build(), "app1", "13.107.21.200");
            assertSource(c, SourceKind.NAT_GATEWAY, "52.160.1.1", "52.160.1.1/32");
            assertTrue(
                    c.reason().contains("leaves through NAT gateway ase-one-nat of ase-one-subnet as 52.160.1.1"),
                    c.reason());
            assertEquals(List.of(APP1, NAT, "13.107.21.200"), c.hopNodes());
            assertEquals(List.of(StepType.SOURCE_NAT), c.trace().get(1).stepTypes());
        }

        @Test
        void natGatewayDoesNotChangeTheSourceInsideTheVnet() {
            assertSource(call(withNat().build(), "app1", "db-vm-nic"), SourceKind.SUBNET_RANGE, null, "10.0.1.0/26");
        }

        @Test
        void natGatewayWithoutAnAllocatedAddressIsUndetermined() {
            Topology t = withNat().publicIp(NAT_PIP, null).build();
            CallSource c = call(t, "app1", "13.107.21.200");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(c.reason().contains("no allocated public address"), c.reason());
        }

        @Test
        void virtualApplianceDecidesTheSourceOfInternetCalls() {
            CallSource c = call(
                    withAseOneRoutes(applianceRoute("to-firewall", "0.0.0.0/0", "10.0.2.100"))
                            .build(),
                    "app1",
                    "13.107.21.200");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(
                    c.reason()
                            .startsWith(
                                    "The route 0.0.0.0/0 → VirtualAppliance 10.0.2.100 (user route to-firewall in "
                                            + "ase-one-routes) sends the call to the virtual appliance at 10.0.2.100, which decides the source address"),
                    c.reason());
            assertTrue(c.reason().contains("breaks ase-one's required direct outbound path"), c.reason());
            assertEquals(List.of("App", "VirtualAppliance", "Internet"), kinds(c));
        }

        @Test
        void virtualApplianceInsideTheVnetDoesNotBreakTheAseButStillDecides() {
            Topology t = withAseOneRoutes(
                            route("direct-internet", "0.0.0.0/0", "Internet"),
                            applianceRoute("db-via-firewall", "10.0.2.0/24", "10.0.255.100"))
                    .build();
            CallSource c = call(t, "app1", "db-vm-nic");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(
                    c.reason()
                            .contains(
                                    "if it does not translate, one of ase-one's worker addresses in ase-one-subnet 10.0.1.0/26"),
                    c.reason());
            assertFalse(c.reason().contains("breaks"), c.reason());
        }

        @Test
        void unimportedServiceTagRouteMakesTheSourceUndeterminedNamingTheTag() {
            Topology t = withAseOneRoutes(
                            route("direct-internet", "0.0.0.0/0", "Internet"),
                            applianceRoute("storage-via-firewall", "Storage", "10.0.255.100"))
                    .build();
            CallSource c = call(t, "app1", "azure-storage-eastus");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(c.reason().contains("the service tag Storage, which is not imported"), c.reason());
        }

        @Test
        void imortedServiceTagRouteIsFollowed() {
            Topology t = withAseOneRoutes(
                            route("direct-internet", "0.0.0.0/0", "Internet"),
                            applianceRoute("storage-via-firewall", "Storage", "10.0.255.100"))
                    .build();
            ReferenceResolver resolver = ReferenceResolver.of(t);
            Routing routing = new Routing(
                    t,
                    tag -> tag.equalsIgnoreCase("Storage")
                            ? Optional.of(AddressSet.parse("20.38.96.0/19"))
                            : Optional.empty());
            Walk storage = new CallSourceWalker(routing)
                    .walk(resolver.resolveCaller("app1"), resolver.resolveDestination("azure-storage-eastus"));
            assertEquals(SourceKind.UNDETERMINED, storage.kind());
            assertEquals(
                    NextHopType.VIRTUAL_APPLIANCE,
                    storage.nextHop().orElseThrow().type());
            CallSource sql = new CallSourceWalker(routing)
                    .callSource(resolver.resolveCaller("app1"), resolver.resolveDestination("azure-sql-westus"));
            assertSource(sql, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
        }
    }

    @Nested
    class NetworkInterfaceCaller {
        static final String VM_PIP = NET + "/publicIPAddresses/db-vm-pip";

        @Test
        void nicCallsInsideTheTopologyFromItsPrivateAddress() {
            CallSource c = call("db-vm-nic", "10.0.1.70");
            assertSource(c, SourceKind.PRIVATE_ADDRESS, "10.0.2.4", "10.0.2.4/32");
            assertTrue(c.reason().contains("so it arrives from db-vm-nic's private address 10.0.2.4"), c.reason());
            assertEquals(AddressSet.parse("10.0.2.4"), c.privateSources());
        }

        @Test
        void nicWithoutPublicIpOrNatUsesDefaultOutboundAccess() {
            CallSource c = call("db-vm-nic", "orders-api");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(c.reason().contains("Azure's default outbound access"), c.reason());
            assertTrue(
                    c.reason()
                            .startsWith(
                                    "orders-api is reached at ase-two's public VIP 192.23.2.4; the route 0.0.0.0/0 → Internet "
                                            + "(system default route)"),
                    c.reason());
        }

        TopologyBuilder withPublicIp() {
            TopologyBuilder b = ReferenceTopology.builder().publicIp(VM_PIP, "52.170.2.2");
            return b.add(new io.asegraph.topology.NetworkInterface(
                    ResourceId.of(DB_NIC),
                    "db-vm-nic",
                    "westus",
                    ResourceId.of(DB_SUBNET),
                    Ipv4.parse("10.0.2.4"),
                    Optional.empty(),
                    List.of(),
                    List.of(ResourceId.of(VM_PIP)),
                    ""));
        }

        @Test
        void nicWithAPublicIpLeavesFromIt() {
            CallSource c = call(withPublicIp().build(), "db-vm-nic", "13.107.21.200");
            assertSource(c, SourceKind.PUBLIC_IP, "52.170.2.2", "52.170.2.2/32");
        }

        @Test
        void natGatewayTakesPrecedenceOverTheNicsPublicIp() {
            Topology t = withPublicIp()
                    .publicIp(NAT_PIP, "52.160.1.1")
                    .natGateway(NAT, NAT_PIP)
                    .attachNatGateway(DB_SUBNET, NAT)
                    .build();
            assertSource(call(t, "db-vm-nic", "13.107.21.200"), SourceKind.NAT_GATEWAY, "52.160.1.1", "52.160.1.1/32");
        }

        @Test
        void aHostAddressWithoutANicCallsFromThatAddress() {
            CallSource c = call("10.0.2.77", "192.168.3.3");
            assertSource(c, SourceKind.PRIVATE_ADDRESS, "10.0.2.77", "10.0.2.77/32");
            assertEquals(List.of("Address", "VirtualNetworkGateway", "OnPremises"), kinds(c));
        }
    }

    @Nested
    class SeveralAddresses {
        @Test
        void endpointWhoseBlocksAllLeaveTheSameWayHasOneSource() {
            Topology t = ReferenceTopology.builder()
                    .endpoint("/asegraph/endpoints/partner", null, "40.112.240.0/20", "20.38.98.0/24")
                    .build();
            CallSource c = call(t, "app1", "partner");
            assertSource(c, SourceKind.PUBLIC_VIP, "192.23.1.2", "192.23.1.2/32");
            assertTrue(
                    c.reason()
                            .endsWith("The same holds for every address of partner (40.112.240.0/20, 20.38.98.0/24)."),
                    c.reason());
        }

        @Test
        void endpointWhoseBlocksTakeDifferentPathsIsUndeterminedAndSaysWhy() {
            Topology t = ReferenceTopology.builder()
                    .endpoint("/asegraph/endpoints/hybrid", null, "40.112.240.0/20", "192.168.5.0/24")
                    .build();
            CallSource c = call(t, "app1", "hybrid");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(c.reason().contains("40.112.240.0/20 → PUBLIC_VIP 192.23.1.2/32"), c.reason());
            assertTrue(c.reason().contains("192.168.5.0/24 → SUBNET_RANGE 10.0.1.0/26"), c.reason());
        }

        @Test
        void endpointWhoseBlocksAreAllDroppedByDifferentRoutesIsUnreachable() {
            Topology t = ReferenceTopology.builder()
                    .endpoint("/asegraph/endpoints/dark", null, "172.20.0.0/16", "100.64.1.0/24")
                    .build();
            CallSource c = call(t, "app1", "dark");
            assertSource(c, SourceKind.UNREACHABLE, null, null);
            assertTrue(
                    c.reason()
                            .contains(
                                    "The other addresses of dark come to the same through other routes: 100.64.1.0/24 by "
                                            + "100.64.0.0/10 → None"),
                    c.reason());
        }

        @Test
        void aMoreSpecificRouteInsideAnEndpointBlockSplitsIt() {
            Topology t = withAseOneRoutes(
                            route("direct-internet", "0.0.0.0/0", "Internet"),
                            route("blackhole", "40.112.244.0/24", "None"))
                    .build();
            CallSource c = call(t, "app1", "azure-sql-westus");
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(c.reason().contains("40.112.244.0/24 → UNREACHABLE"), c.reason());
            assertTrue(
                    c.reason()
                            .contains(
                                    "40.112.240.0/22, 40.112.245.0/24, 40.112.246.0/23, 40.112.248.0/21 → PUBLIC_VIP 192.23.1.2/32"),
                    c.reason());
        }
    }

    @Nested
    class Arguments {
        @Test
        void aVnetCannotMakeCalls() {
            InvalidArgumentException e =
                    assertThrows(InvalidArgumentException.class, () -> call("ase-vnet", "13.107.21.200"));
            assertEquals("INVALID_ARGUMENT", e.code().wire());
        }

        @Test
        void anNsgCannotMakeCalls() {
            assertThrows(InvalidArgumentException.class, () -> call("ase-two-nsg", "13.107.21.200"));
        }

        @Test
        void aRouteTableIsNotADestination() {
            InvalidArgumentException e =
                    assertThrows(InvalidArgumentException.class, () -> call("app1", "ase-one-routes"));
            assertTrue(e.getMessage().contains("not a call destination"), e.getMessage());
        }

        @Test
        void anAseWithoutAVipCannotBeAddressed() {
            Topology t = ReferenceTopology.builder()
                    .add(new io.asegraph.topology.AppServiceEnvironment(
                            ResourceId.of(ReferenceTopology.ASE_TWO),
                            "ase-two",
                            "westus",
                            io.asegraph.topology.AseKind.ASEV1,
                            "None",
                            ResourceId.of(ASE_TWO_SUBNET),
                            Optional.empty(),
                            List.of(),
                            Optional.empty(),
                            List.of(),
                            List.of()))
                    .build();
            Walk w = walk(t, "app1", "orders-api");
            CallSource c = w.callSource();
            assertSource(c, SourceKind.UNDETERMINED, null, null);
            assertTrue(c.reason().contains("ase-two has no public VIP recorded"), c.reason());
        }
    }
}
