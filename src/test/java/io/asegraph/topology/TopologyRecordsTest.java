package io.asegraph.topology;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The records of the topology model: defaults for what a document leaves out, and their small derived values. */
class TopologyRecordsTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final ResourceId VNET = ResourceId.of(NET + "/virtualNetworks/hub");
    static final ResourceId SUBNET = VNET.child("subnets", "web");

    static ResourceId id(String tail) {
        return ResourceId.of(NET + "/" + tail);
    }

    static AppServiceEnvironment ase(String location, String ilbMode) {
        return new AppServiceEnvironment(
                ResourceId.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/hostingEnvironments/ase"),
                "ase",
                location,
                AseKind.ASEV2,
                ilbMode,
                SUBNET,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    @Test
    void anAseWithoutLocationOrIlbModeIsExternalAndPlaceless() {
        AppServiceEnvironment a = ase(null, null);
        assertEquals("", a.location());
        assertEquals("None", a.internalLoadBalancingMode());
        assertFalse(a.isInternal());
    }

    @Test
    void anAseKeepsTheLocationAndModeItStates() {
        AppServiceEnvironment a = ase("westeurope", "Web, Publishing");
        assertEquals("westeurope", a.location());
        assertEquals("Web, Publishing", a.internalLoadBalancingMode());
    }

    @ParameterizedTest(name = "''{0}'' internal: {1}")
    @CsvSource(
            value = {"None|false", "NONE|false", "' '|false", "Web|true", "Publishing|true", "Web, Publishing|true"},
            delimiter = '|')
    void anAseIsInternalWhenItsAppsAreOnTheIlb(String mode, boolean internal) {
        assertEquals(internal, ase("westus", mode).isInternal());
    }

    @Test
    void recordsWithoutLocationHaveAnEmptyOne() {
        assertEquals("", new VirtualNetwork(VNET, "hub", null, List.of()).location());
        assertEquals("", new RouteTable(id("routeTables/rt"), "rt", null, false, List.of()).location());
        assertEquals("", new PublicIpAddress(id("publicIPAddresses/p"), "p", null, Optional.empty()).location());
        assertEquals("", new NatGateway(id("natGateways/n"), "n", null, List.of()).location());
        assertEquals("", new IpGroup(id("ipGroups/g"), "g", null, List.of("10.0.0.0/8")).location());
        assertEquals("", new Endpoint(id("endpoints/e"), "e", null, List.of(), Optional.empty()).location());
        assertEquals(
                "",
                new FirewallPolicy(id("firewallPolicies/fp"), "fp", null, Optional.empty(), Optional.empty(), List.of())
                        .location());
        assertEquals(
                "",
                new PrivateEndpoint(id("privateEndpoints/pe"), "pe", null, SUBNET, List.of(), List.of(), List.of())
                        .location());
        assertEquals(
                "",
                new VirtualNetworkGateway(
                                id("virtualNetworkGateways/gw"),
                                "gw",
                                null,
                                VNET,
                                GatewayType.VPN,
                                Optional.empty(),
                                List.of())
                        .location());
    }

    @Test
    void recordsKeepTheLocationTheyAreGiven() {
        assertEquals("westus", new VirtualNetwork(VNET, "hub", "westus", List.of()).location());
        assertEquals("westus", new NatGateway(id("natGateways/n"), "n", "westus", List.of()).location());
        assertEquals(
                "westus", new PublicIpAddress(id("publicIPAddresses/p"), "p", "westus", Optional.empty()).location());
    }

    @Test
    void aLocalNetworkGatewayWithoutLocationOrAddressHasEmptyOnes() {
        LocalNetworkGateway site = new LocalNetworkGateway(
                id("localNetworkGateways/onprem"), "onprem", null, List.of(Cidr.parseBlock("192.168.0.0/16")), null);
        assertEquals("", site.location());
        assertEquals("", site.gatewayIpAddress());
        LocalNetworkGateway stated = new LocalNetworkGateway(
                id("localNetworkGateways/onprem"), "onprem", "westus", List.of(), "203.0.113.10");
        assertEquals("203.0.113.10", stated.gatewayIpAddress());
    }

    @Test
    void aNicWithoutLocationOrVirtualMachineHasEmptyOnes() {
        NetworkInterface nic = new NetworkInterface(
                id("networkInterfaces/n"),
                "n",
                null,
                SUBNET,
                Ipv4.parse("10.0.0.4"),
                Optional.empty(),
                List.of(),
                List.of(),
                null);
        assertEquals("", nic.location());
        assertEquals("", nic.virtualMachine());
        NetworkInterface vm = new NetworkInterface(
                id("networkInterfaces/n"),
                "n",
                "westus",
                SUBNET,
                Ipv4.parse("10.0.0.4"),
                Optional.empty(),
                List.of(),
                List.of(),
                "vm1");
        assertEquals("vm1", vm.virtualMachine());
    }

    @Test
    void aGatewayLivesInItsVnetsGatewaySubnet() {
        VirtualNetworkGateway gw = new VirtualNetworkGateway(
                id("virtualNetworkGateways/gw"), "gw", "westus", VNET, GatewayType.VPN, Optional.empty(), List.of());
        assertEquals(VNET.value() + "/subnets/GatewaySubnet", gw.subnetId().value());
    }

    @Test
    void aFirewallRuleWithoutTranslationHasEmptyTranslatedFields() {
        FirewallRule r = new FirewallRule(
                "r",
                List.of("TCP"),
                List.of("*"),
                List.of(),
                List.of("*"),
                List.of(),
                List.of(),
                List.of("443"),
                List.of(),
                List.of(),
                null,
                null);
        assertEquals("", r.translatedAddress());
        assertEquals("", r.translatedPort());
        FirewallRule nat = new FirewallRule(
                "n",
                List.of("TCP"),
                List.of("*"),
                List.of(),
                List.of("20.1.1.1"),
                List.of(),
                List.of(),
                List.of("80"),
                List.of(),
                List.of(),
                "10.0.0.4",
                "8080");
        assertEquals("10.0.0.4", nat.translatedAddress());
        assertEquals("8080", nat.translatedPort());
    }

    @Test
    void aCollectionInAGroupKeepsItsOwnPriorityAndTakesTheGroups() {
        FirewallRuleCollection classic = new FirewallRuleCollection(
                "c", FirewallRuleCollection.Kind.NETWORK, 200, FirewallRuleCollection.Action.ALLOW, List.of());
        assertEquals(0, classic.groupPriority());
        FirewallRuleCollection grouped = classic.inGroup(300);
        assertEquals(200, grouped.priority());
        assertEquals(300, grouped.groupPriority());
        assertEquals("c", grouped.name());
    }

    @Test
    void aRuleCollectionGroupsCollectionsCarryItsPriority() {
        FirewallRuleCollection c = new FirewallRuleCollection(
                "c", FirewallRuleCollection.Kind.APPLICATION, 150, FirewallRuleCollection.Action.DENY, List.of());
        FirewallRuleCollectionGroup g = new FirewallRuleCollectionGroup(
                id("firewallPolicies/fp/ruleCollectionGroups/g"), "g", id("firewallPolicies/fp"), 500, List.of(c));
        assertEquals(1, g.ruleCollections().size());
        assertEquals(500, g.ruleCollections().get(0).groupPriority());
        assertEquals(150, g.ruleCollections().get(0).priority());
    }

    static Subnet twoPrefixSubnet() {
        return new Subnet(
                SUBNET,
                "ase-subnet",
                VNET,
                List.of(Cidr.parseBlock("10.0.1.0/24"), Cidr.parseBlock("10.0.9.0/24")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                null);
    }

    @Test
    void aSubnetWithoutEndpointPoliciesTakesAzuresDefault() {
        assertEquals(PrivateEndpointNetworkPolicies.DISABLED, twoPrefixSubnet().privateEndpointNetworkPolicies());
    }

    @Test
    void aSubnetsAddressesAreTheUnionOfItsPrefixes() {
        assertEquals(
                AddressSet.parse("10.0.1.0/24", "10.0.9.0/24"),
                twoPrefixSubnet().addresses());
        Subnet one = new Subnet(
                SUBNET,
                "s",
                VNET,
                Cidr.parseBlock("10.0.1.0/24"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertEquals(AddressSet.parse("10.0.1.0/24"), one.addresses());
    }

    @Test
    void aSubnetContainsTheAddressesOfEveryPrefix() {
        Subnet s = twoPrefixSubnet();
        assertTrue(s.contains(Ipv4.parse("10.0.1.7")));
        assertTrue(s.contains(Ipv4.parse("10.0.9.255")));
        assertFalse(s.contains(Ipv4.parse("10.0.2.1")));
    }

    @Test
    void aSubnetIsNamedWithItsPrefixes() {
        assertEquals("10.0.1.0/24, 10.0.9.0/24", twoPrefixSubnet().prefixText());
        assertEquals("ase-subnet (10.0.1.0/24, 10.0.9.0/24)", twoPrefixSubnet().label());
    }

    @Test
    void aSubnetWithOtherEndpointPoliciesKeepsEverythingElse() {
        Subnet s = twoPrefixSubnet().with(PrivateEndpointNetworkPolicies.ENABLED);
        assertEquals(PrivateEndpointNetworkPolicies.ENABLED, s.privateEndpointNetworkPolicies());
        assertEquals(twoPrefixSubnet().prefixes(), s.prefixes());
        assertEquals("ase-subnet", s.name());
    }

    @Test
    void aSubnetNeedsAPrefix() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Subnet(
                        SUBNET,
                        "s",
                        VNET,
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        null));
    }
}
