package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Lookups of {@link Topology} by kind and id, and of {@link TopologyIndex} by address, host name and attachment. */
class TopologyLookupsTest {
    static final String NET = "/subscriptions/s/resourceGroups/lookups/providers/Microsoft.Network";
    static final String WEB = "/subscriptions/s/resourceGroups/lookups/providers/Microsoft.Web";
    static final String HUB = NET + "/virtualNetworks/hub";
    static final String SPOKE = NET + "/virtualNetworks/spoke";
    static final String THIRD = NET + "/virtualNetworks/third";
    static final String WEB_SUBNET = HUB + "/subnets/web";
    static final String PE_SUBNET = HUB + "/subnets/pe";
    static final String FW_SUBNET = HUB + "/subnets/AzureFirewallSubnet";
    static final String RT = NET + "/routeTables/rt";
    static final String GW = NET + "/virtualNetworkGateways/gw";
    static final String SITE = NET + "/localNetworkGateways/site";
    static final String CONN = NET + "/connections/gw-to-site";
    static final String NAT = NET + "/natGateways/nat";
    static final String PIP1 = NET + "/publicIPAddresses/pip1";
    static final String PIP2 = NET + "/publicIPAddresses/pip2";
    static final String PIP_DYNAMIC = NET + "/publicIPAddresses/pip-dynamic";
    static final String NIC1 = NET + "/networkInterfaces/nic1";
    static final String NIC2 = NET + "/networkInterfaces/nic2";
    static final String ENDPOINT = "/asegraph/endpoints/sql";
    static final String ASE = WEB + "/hostingEnvironments/ase";
    static final String ILB_ASE = WEB + "/hostingEnvironments/ilb-ase";
    static final String APP = WEB + "/sites/shop";
    static final String APP_NO_DEFAULT = WEB + "/sites/legacy";
    static final ResourceId PE = ResourceId.of(NET + "/privateEndpoints/pe");
    static final ResourceId FW = ResourceId.of(NET + "/azureFirewalls/fw");
    static final ResourceId FW_NO_IP = ResourceId.of(NET + "/azureFirewalls/fw-pending");
    static final ResourceId IP_GROUP = ResourceId.of(NET + "/ipGroups/branches");
    static final ResourceId POLICY = ResourceId.of(NET + "/firewallPolicies/fp");
    static final ResourceId RCG = POLICY.child("ruleCollectionGroups", "g");

    static AzureFirewall firewall(ResourceId id, String privateIp) {
        return new AzureFirewall(
                id,
                id.name(),
                "westus",
                Optional.of(ResourceId.of(FW_SUBNET)),
                Optional.ofNullable(privateIp).map(Ipv4::parse),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    static Topology topology() {
        return new TopologyBuilder()
                .vnet(HUB, "10.0.0.0/16")
                .vnet(SPOKE, "10.1.0.0/16")
                .vnet(THIRD, "10.2.0.0/16", "10.3.0.0/16")
                .subnet(WEB_SUBNET, HUB, "10.0.1.0/24")
                .subnet(PE_SUBNET, HUB, "10.0.2.0/24")
                .subnet(FW_SUBNET, HUB, "10.0.3.0/26")
                .peerBothWays(HUB, SPOKE)
                .peerBothWays(HUB, THIRD)
                .routeTable(RT, false)
                .attachRouteTable(WEB_SUBNET, RT)
                .gateway(GW, HUB, GatewayType.VPN)
                .localGateway(SITE, "192.168.0.0/16")
                .connection(CONN, "IPsec", GW, SITE)
                .publicIp(PIP1, "52.0.0.1")
                .publicIp(PIP2, "52.0.0.2")
                .publicIp(PIP_DYNAMIC, null)
                .natGateway(NAT, PIP2, PIP_DYNAMIC, PIP1)
                .attachNatGateway(WEB_SUBNET, NAT)
                .nic(NIC1, PE_SUBNET, "10.0.2.5")
                .nic(NIC2, PE_SUBNET, "10.0.2.6")
                .endpoint(ENDPOINT, "Sql", "40.1.2.3")
                .ase(ASE, WEB_SUBNET, "52.1.1.1")
                .internalAse(ILB_ASE, PE_SUBNET, "52.1.1.2", "10.0.2.10")
                .add(
                        NetworkTypes.APP,
                        new App(
                                ResourceId.of(APP),
                                "shop",
                                ResourceId.of(ASE),
                                "shop.ase.p.azurewebsites.net",
                                List.of("www.contoso.com")))
                .add(
                        NetworkTypes.APP,
                        new App(
                                ResourceId.of(APP_NO_DEFAULT),
                                "legacy",
                                ResourceId.of(ASE),
                                null,
                                List.of("legacy.contoso.com")))
                .add(
                        NetworkTypes.PRIVATE_ENDPOINT,
                        new PrivateEndpoint(
                                PE,
                                "pe",
                                "westus",
                                ResourceId.of(PE_SUBNET),
                                List.of(
                                        ResourceId.of(NIC1),
                                        ResourceId.of(NIC2),
                                        ResourceId.of(NET + "/networkInterfaces/gone")),
                                List.of(Ipv4.parse("10.0.2.5")),
                                List.of("sqlServer")))
                .add(NetworkTypes.AZURE_FIREWALL, firewall(FW_NO_IP, null))
                .add(NetworkTypes.AZURE_FIREWALL, firewall(FW, "10.0.3.4"))
                .add(NetworkTypes.IP_GROUP, new IpGroup(IP_GROUP, "branches", "westus", List.of("192.168.0.0/16")))
                .add(
                        NetworkTypes.FIREWALL_POLICY,
                        new FirewallPolicy(POLICY, "fp", "westus", Optional.empty(), Optional.empty(), List.of(RCG)))
                .add(
                        NetworkTypes.RULE_COLLECTION_GROUP,
                        new FirewallRuleCollectionGroup(RCG, "g", POLICY, 200, List.of()))
                .build();
    }

    static <T extends Resource> void findsTheOne(
            String id, Function<ResourceId, Optional<T>> find, java.util.Collection<T> all) {
        ResourceId rid = ResourceId.of(id);
        T found = find.apply(ResourceId.of(id.toUpperCase())).orElseThrow(() -> new AssertionError("no " + id));
        assertEquals(rid, found.id());
        assertEquals(List.of(rid), all.stream().map(Resource::id).toList());
        assertEquals(Optional.empty(), find.apply(ResourceId.of(id + "-other")));
    }

    @Test
    void everyKindIsFoundByIdAndListed() {
        Topology t = topology();
        findsTheOne(RT, t::routeTable, t.routeTables());
        findsTheOne(GW, t::gateway, t.gateways());
        findsTheOne(SITE, t::localGateway, t.localGateways());
        findsTheOne(CONN, t::connection, t.connections());
        findsTheOne(NAT, t::natGateway, t.natGateways());
        findsTheOne(ENDPOINT, t::endpoint, t.endpoints());
        findsTheOne(PE.value(), t::privateEndpoint, t.privateEndpoints());
        findsTheOne(IP_GROUP.value(), t::ipGroup, t.ipGroups());
        findsTheOne(POLICY.value(), t::firewallPolicy, t.firewallPolicies());
        findsTheOne(RCG.value(), t::ruleCollectionGroup, t.ruleCollectionGroups());
    }

    @Test
    void kindsWithSeveralRecordsListThemInOrder() {
        Topology t = topology();
        assertEquals(
                List.of(FW_NO_IP, FW),
                t.firewalls().stream().map(AzureFirewall::id).toList());
        assertEquals(FW, t.firewall(FW).orElseThrow().id());
        assertEquals(
                List.of(PIP1, PIP2, PIP_DYNAMIC),
                t.publicIps().stream().map(p -> p.id().value()).toList());
        assertEquals(PIP2, t.publicIp(ResourceId.of(PIP2)).orElseThrow().id().value());
        assertEquals(NIC2, t.nic(ResourceId.of(NIC2)).orElseThrow().id().value());
        assertEquals(
                "legacy", t.app(ResourceId.of(APP_NO_DEFAULT)).orElseThrow().name());
        assertEquals(
                List.of(ResourceId.of(ASE), ResourceId.of(ILB_ASE)),
                t.environments().stream().map(AppServiceEnvironment::id).toList());
        assertEquals(
                "ilb-ase", t.environment(ResourceId.of(ILB_ASE)).orElseThrow().name());
        ResourceId peering = ResourceId.of(HUB).child("virtualNetworkPeerings", "to-spoke");
        assertEquals(ResourceId.of(SPOKE), t.peering(peering).orElseThrow().remoteVnetId());
    }

    @Test
    void anEmptyTopologyHoldsNothing() {
        Topology t = Topology.empty();
        assertTrue(t.resources().isEmpty());
        assertEquals(List.of(), t.allIds());
        assertTrue(t.vnets().isEmpty());
    }

    @Test
    void theIndexBelongsToItsTopology() {
        Topology t = topology();
        assertSame(t, t.index().topology());
    }

    @Test
    void theVnetOfASubnetAndTheAddressSpaceOfAVnet() {
        TopologyIndex index = topology().index();
        Subnet web = index.topology().subnet(ResourceId.of(WEB_SUBNET)).orElseThrow();
        assertEquals(ResourceId.of(HUB), index.vnetOf(web).orElseThrow().id());
        assertEquals(AddressSet.parse("10.2.0.0/16", "10.3.0.0/16"), index.addressSpace(ResourceId.of(THIRD)));
        assertEquals(AddressSet.EMPTY, index.addressSpace(ResourceId.of(NET + "/virtualNetworks/gone")));
    }

    @Test
    void theOnlySubnetHoldingAnAddressIsFound() {
        TopologyIndex index = topology().index();
        assertEquals(
                ResourceId.of(FW_SUBNET),
                index.subnetContaining(ResourceId.of(HUB), Ipv4.parse("10.0.3.4"))
                        .orElseThrow()
                        .id());
    }

    @Test
    void aPrivateEndpointsAddressesAreItsOwnThenItsInterfacesEachOnce() {
        TopologyIndex index = topology().index();
        PrivateEndpoint pe = index.topology().privateEndpoint(PE).orElseThrow();
        assertEquals(List.of(pe), index.privateEndpointsIn(ResourceId.of(PE_SUBNET)));
        assertEquals(List.of(), index.privateEndpointsIn(ResourceId.of(WEB_SUBNET)));
        assertEquals(List.of(Ipv4.parse("10.0.2.5"), Ipv4.parse("10.0.2.6")), index.privateEndpointAddresses(pe));
    }

    @Test
    void aPrivateEndpointIsFoundAtAnyOfItsAddresses() {
        TopologyIndex index = topology().index();
        ResourceId subnet = ResourceId.of(PE_SUBNET);
        assertEquals(
                PE,
                index.privateEndpointAt(subnet, Ipv4.parse("10.0.2.6"))
                        .orElseThrow()
                        .id());
        assertEquals(
                PE,
                index.privateEndpointAt(subnet, Ipv4.parse("10.0.2.5"))
                        .orElseThrow()
                        .id());
        assertEquals(Optional.empty(), index.privateEndpointAt(subnet, Ipv4.parse("10.0.2.7")));
        assertEquals(Optional.empty(), index.privateEndpointAt(ResourceId.of(WEB_SUBNET), Ipv4.parse("10.0.2.5")));
    }

    @Test
    void thePeeringToOneRemoteVnet() {
        TopologyIndex index = topology().index();
        assertEquals(
                ResourceId.of(THIRD),
                index.peering(ResourceId.of(HUB), ResourceId.of(THIRD))
                        .orElseThrow()
                        .remoteVnetId());
        assertEquals(
                ResourceId.of(SPOKE),
                index.peering(ResourceId.of(HUB), ResourceId.of(SPOKE))
                        .orElseThrow()
                        .remoteVnetId());
        assertEquals(Optional.empty(), index.peering(ResourceId.of(SPOKE), ResourceId.of(THIRD)));
    }

    @Test
    void aNatGatewaysSubnetsAndAddresses() {
        TopologyIndex index = topology().index();
        NatGateway nat = index.topology().natGateway(ResourceId.of(NAT)).orElseThrow();
        assertEquals(
                List.of(ResourceId.of(WEB_SUBNET)),
                index.subnetsUsing(ResourceId.of(NAT)).stream().map(Subnet::id).toList());
        assertEquals(List.of(Ipv4.parse("52.0.0.2"), Ipv4.parse("52.0.0.1")), index.natAddresses(nat));
        assertEquals(
                List.of(Ipv4.parse("52.0.0.1")),
                index.publicAddresses(List.of(
                        ResourceId.of(PIP_DYNAMIC),
                        ResourceId.of(PIP1),
                        ResourceId.of(NET + "/publicIPAddresses/gone"))));
    }

    @Test
    void anyResourceIsFoundById() {
        TopologyIndex index = topology().index();
        assertEquals(
                "gw-to-site", index.resource(ResourceId.of(CONN)).orElseThrow().name());
        assertEquals(Optional.empty(), index.resource(ResourceId.of(NET + "/connections/gone")));
    }

    @Test
    void theFirewallAtAnAddressIsTheOneWithThatPrivateAddress() {
        TopologyIndex index = topology().index();
        assertEquals(FW, index.firewallAt(Ipv4.parse("10.0.3.4")).orElseThrow().id());
        assertEquals(Optional.empty(), index.firewallAt(Ipv4.parse("10.0.3.5")));
    }

    static List<ResourceId> environmentsAt(String address) {
        return topology().index().environmentsWithAddress(Ipv4.parse(address)).stream()
                .map(AppServiceEnvironment::id)
                .toList();
    }

    @Test
    void anAseIsFoundAtItsPublicVip() {
        assertEquals(List.of(ResourceId.of(ASE)), environmentsAt("52.1.1.1"));
        assertEquals(List.of(ResourceId.of(ILB_ASE)), environmentsAt("52.1.1.2"));
    }

    @Test
    void anInternalAseIsFoundAtItsIlbAddress() {
        assertEquals(List.of(ResourceId.of(ILB_ASE)), environmentsAt("10.0.2.10"));
        assertEquals(List.of(), environmentsAt("10.0.2.11"));
    }

    @Test
    void appsAreFoundByDefaultAndCustomHostNames() {
        TopologyIndex index = topology().index();
        assertEquals(List.of("shop"), names(index.appsByHostName("shop.ase.p.azurewebsites.net")));
        assertEquals(List.of("shop"), names(index.appsByHostName("WWW.contoso.com.")));
        assertEquals(List.of("legacy"), names(index.appsByHostName("legacy.contoso.com")));
        assertEquals(List.of(), names(index.appsByHostName("unknown.contoso.com")));
        assertEquals(List.of(), names(index.appsByHostName(null)));
    }

    static List<String> names(List<App> apps) {
        return apps.stream().map(App::name).toList();
    }
}
