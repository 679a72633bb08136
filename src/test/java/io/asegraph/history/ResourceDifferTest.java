package io.asegraph.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PeeringState;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.PrivateEndpointNetworkPolicies;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The canonical state of every kind of resource, and the field-by-field lines the differ tells between two states. */
class ResourceDifferTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/";
    static final String WEB = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/";

    static ResourceId id(String path) {
        return ResourceId.of((path.startsWith("sites") || path.startsWith("hosting") ? WEB : NET) + path);
    }

    static List<Cidr> cidrs(String... blocks) {
        return Arrays.stream(blocks).map(Cidr::parseBlock).toList();
    }

    static SecurityRule rule(String name, int priority, String ports) {
        return new SecurityRule(
                name,
                priority,
                Direction.INBOUND,
                Access.ALLOW,
                Protocol.TCP,
                List.of("10.0.0.0/24"),
                List.of(PortRange.parse("*")),
                List.of("*"),
                Arrays.stream(ports.split(",")).map(PortRange::parse).toList(),
                List.of(),
                List.of(),
                "",
                false);
    }

    static Route route(String name, String nextHop) {
        return new Route(name, "0.0.0.0/0", NextHopType.VIRTUAL_APPLIANCE, Optional.of(Ipv4.parse(nextHop)));
    }

    static FirewallRuleCollection collection(String port) {
        FirewallRule r = new FirewallRule(
                "allow-web",
                List.of("TCP"),
                List.of("10.0.0.0/8"),
                List.of(),
                List.of("*"),
                List.of(),
                List.of(),
                List.of(port),
                List.of(),
                List.of(),
                "",
                "");
        return new FirewallRuleCollection(
                "net-allow",
                FirewallRuleCollection.Kind.NETWORK,
                100,
                FirewallRuleCollection.Action.ALLOW,
                List.of(r),
                0);
    }

    /** For every kind: a resource, the same resource with one field changed, and the line that change gives. */
    static Stream<Arguments> everyKind() {
        ResourceId vnet = id("virtualNetworks/vnet-a");
        ResourceId subnet = id("virtualNetworks/vnet-a/subnets/ase-a");
        ResourceId nsgA = id("networkSecurityGroups/nsg-a");
        ResourceId nsgB = id("networkSecurityGroups/nsg-b");
        ResourceId pip = id("publicIPAddresses/pip-a");
        ResourceId pip2 = id("publicIPAddresses/pip-b");
        ResourceId gw = id("virtualNetworkGateways/gw-a");
        ResourceId policy = id("firewallPolicies/pol-a");
        return Stream.of(
                Arguments.of(
                        new VirtualNetwork(vnet, "vnet-a", "westeurope", cidrs("10.0.0.0/16")),
                        new VirtualNetwork(vnet, "vnet-a", "westeurope", cidrs("10.0.0.0/16", "10.1.0.0/16")),
                        "addressPrefixes 10.0.0.0/16 → 10.0.0.0/16, 10.1.0.0/16"),
                Arguments.of(
                        subnet(subnet, vnet, Optional.of(nsgA)),
                        subnet(subnet, vnet, Optional.of(nsgB)),
                        "networkSecurityGroup nsg-a → nsg-b"),
                Arguments.of(
                        new Peering(
                                id("virtualNetworks/vnet-a/virtualNetworkPeerings/a-to-b"),
                                "a-to-b",
                                vnet,
                                id("virtualNetworks/vnet-b"),
                                PeeringState.CONNECTED,
                                false,
                                false,
                                false),
                        new Peering(
                                id("virtualNetworks/vnet-a/virtualNetworkPeerings/a-to-b"),
                                "a-to-b",
                                vnet,
                                id("virtualNetworks/vnet-b"),
                                PeeringState.DISCONNECTED,
                                false,
                                false,
                                false),
                        "peeringState CONNECTED → DISCONNECTED"),
                Arguments.of(
                        new NetworkSecurityGroup(
                                nsgA, "nsg-a", "westeurope", "W/\"1\"", List.of(rule("allow-sql", 200, "1433"))),
                        new NetworkSecurityGroup(
                                nsgA, "nsg-a", "westeurope", "W/\"2\"", List.of(rule("allow-sql", 200, "1433-1434"))),
                        "rule allow-sql destinationPortRanges 1433 → 1433-1434"),
                Arguments.of(
                        new RouteTable(
                                id("routeTables/rt-a"),
                                "rt-a",
                                "westeurope",
                                false,
                                List.of(route("default-to-fw", "10.50.1.4"))),
                        new RouteTable(
                                id("routeTables/rt-a"),
                                "rt-a",
                                "westeurope",
                                false,
                                List.of(route("default-to-fw", "10.50.1.5"))),
                        "route default-to-fw nextHopIpAddress 10.50.1.4 → 10.50.1.5"),
                Arguments.of(
                        nic(Optional.empty(), subnet),
                        nic(Optional.of(nsgA), subnet),
                        "networkSecurityGroup (none) → nsg-a"),
                Arguments.of(
                        new ApplicationSecurityGroup(id("applicationSecurityGroups/asg-a"), "asg-a", "westeurope"),
                        new ApplicationSecurityGroup(id("applicationSecurityGroups/asg-a"), "asg-a", "northeurope"),
                        "location westeurope → northeurope"),
                Arguments.of(
                        new NatGateway(id("natGateways/nat-a"), "nat-a", "westeurope", List.of(pip)),
                        new NatGateway(id("natGateways/nat-a"), "nat-a", "westeurope", List.of(pip2, pip)),
                        "publicIpAddresses pip-a → pip-a, pip-b"),
                Arguments.of(
                        new PublicIpAddress(pip, "pip-a", "westeurope", Optional.of(Ipv4.parse("20.1.2.3"))),
                        new PublicIpAddress(pip, "pip-a", "westeurope", Optional.of(Ipv4.parse("20.1.2.4"))),
                        "ipAddress 20.1.2.3 → 20.1.2.4"),
                Arguments.of(
                        new VirtualNetworkGateway(
                                gw,
                                "gw-a",
                                "westeurope",
                                vnet,
                                GatewayType.VPN,
                                Optional.empty(),
                                cidrs("192.168.0.0/24")),
                        new VirtualNetworkGateway(
                                gw,
                                "gw-a",
                                "westeurope",
                                vnet,
                                GatewayType.VPN,
                                Optional.empty(),
                                cidrs("192.168.1.0/24")),
                        "learnedRoutes 192.168.0.0/24 → 192.168.1.0/24"),
                Arguments.of(
                        new LocalNetworkGateway(
                                id("localNetworkGateways/onprem"),
                                "onprem",
                                "westeurope",
                                cidrs("192.168.0.0/16"),
                                "203.0.113.1"),
                        new LocalNetworkGateway(
                                id("localNetworkGateways/onprem"),
                                "onprem",
                                "westeurope",
                                cidrs("192.168.0.0/16"),
                                "203.0.113.2"),
                        "gatewayIpAddress 203.0.113.1 → 203.0.113.2"),
                Arguments.of(
                        new Connection(id("connections/c-a"), "c-a", "IPsec", gw, id("localNetworkGateways/onprem")),
                        new Connection(id("connections/c-a"), "c-a", "IPsec", gw, id("localNetworkGateways/onprem2")),
                        "peer onprem → onprem2"),
                Arguments.of(
                        ase(Optional.of("20.1.1.1")), ase(Optional.of("20.1.1.2")), "publicVip 20.1.1.1 → 20.1.1.2"),
                Arguments.of(
                        new App(
                                id("sites/app-a"),
                                "app-a",
                                id("hostingEnvironments/ase-a"),
                                "app-a.ase-a.appserviceenvironment.net",
                                List.of()),
                        new App(
                                id("sites/app-a"),
                                "app-a",
                                id("hostingEnvironments/ase-b"),
                                "app-a.ase-a.appserviceenvironment.net",
                                List.of()),
                        "hostingEnvironment ase-a → ase-b"),
                Arguments.of(
                        new Endpoint(
                                ResourceId.of("/asegraph/endpoints/onprem-db"),
                                "onprem-db",
                                "",
                                cidrs("192.168.10.5/32"),
                                Optional.empty()),
                        new Endpoint(
                                ResourceId.of("/asegraph/endpoints/onprem-db"),
                                "onprem-db",
                                "",
                                cidrs("192.168.10.6/32"),
                                Optional.empty()),
                        "addresses 192.168.10.5/32 → 192.168.10.6/32"),
                Arguments.of(
                        firewall("443"),
                        firewall("8443"),
                        "ruleCollection net-allow rule allow-web destinationPorts 443 → 8443"),
                Arguments.of(
                        new FirewallPolicy(
                                policy, "pol-a", "westeurope", Optional.empty(), Optional.empty(), List.of()),
                        new FirewallPolicy(
                                policy,
                                "pol-a",
                                "westeurope",
                                Optional.of(List.of("10.0.0.0/8")),
                                Optional.empty(),
                                List.of()),
                        "snatPrivateRanges (none) → 10.0.0.0/8"),
                Arguments.of(
                        new IpGroup(id("ipGroups/ipg-a"), "ipg-a", "westeurope", List.of("10.1.0.0/16")),
                        new IpGroup(id("ipGroups/ipg-a"), "ipg-a", "westeurope", List.of("10.2.0.0/16")),
                        "ipAddresses 10.1.0.0/16 → 10.2.0.0/16"),
                Arguments.of(
                        new PrivateEndpoint(
                                id("privateEndpoints/pe-a"),
                                "pe-a",
                                "westeurope",
                                subnet,
                                List.of(),
                                List.of(Ipv4.parse("10.0.1.10")),
                                List.of()),
                        new PrivateEndpoint(
                                id("privateEndpoints/pe-a"),
                                "pe-a",
                                "westeurope",
                                subnet,
                                List.of(),
                                List.of(Ipv4.parse("10.0.1.11")),
                                List.of()),
                        "privateIpAddresses 10.0.1.10 → 10.0.1.11"),
                Arguments.of(
                        new FirewallRuleCollectionGroup(
                                id("firewallPolicies/pol-a/ruleCollectionGroups/rcg"),
                                "rcg",
                                policy,
                                100,
                                List.of(collection("443"))),
                        new FirewallRuleCollectionGroup(
                                id("firewallPolicies/pol-a/ruleCollectionGroups/rcg"),
                                "rcg",
                                policy,
                                200,
                                List.of(collection("443"))),
                        "priority 100 → 200"),
                Arguments.of(
                        new ServiceTag("Sql.WestEurope", "westeurope", "AzureSQL", 1, cidrs("13.69.0.0/16"), 0),
                        new ServiceTag("Sql.WestEurope", "westeurope", "AzureSQL", 2, cidrs("13.69.0.0/16"), 0),
                        "changeNumber 1 → 2"));
    }

    static Subnet subnet(ResourceId id, ResourceId vnet, Optional<ResourceId> nsg) {
        return new Subnet(
                id,
                "ase-a",
                vnet,
                cidrs("10.0.1.0/24"),
                nsg,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                PrivateEndpointNetworkPolicies.DISABLED);
    }

    static NetworkInterface nic(Optional<ResourceId> nsg, ResourceId subnet) {
        return new NetworkInterface(
                id("networkInterfaces/nic-a"),
                "nic-a",
                "westeurope",
                subnet,
                Ipv4.parse("10.0.1.4"),
                nsg,
                List.of(),
                List.of(),
                "vm-a");
    }

    static AppServiceEnvironment ase(Optional<String> vip) {
        return new AppServiceEnvironment(
                id("hostingEnvironments/ase-a"),
                "ase-a",
                "westeurope",
                AseKind.ASEV3,
                "None",
                id("virtualNetworks/vnet-a/subnets/ase-a"),
                vip.map(Ipv4::parse),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    static AzureFirewall firewall(String port) {
        return new AzureFirewall(
                id("azureFirewalls/fw"),
                "fw",
                "westeurope",
                Optional.empty(),
                Optional.of(Ipv4.parse("10.50.1.4")),
                List.of(),
                Optional.empty(),
                List.of(collection(port)),
                Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void oneChangedFieldIsOneLine(Object before, Object after, String line) {
        ResourceState b = ResourceState.of(before);
        ResourceState a = ResourceState.of(after);
        ResourceChange c = ResourceDiffer.diff(Optional.of(b), Optional.of(a)).orElseThrow();
        assertEquals(ChangeKind.UPDATED, c.change());
        assertEquals(List.of(line), c.details());
        assertEquals(b.id(), c.id());
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void aStateEqualsItselfAndIsCreatedAndRemovedWhole(Object before, Object after, String line) {
        ResourceState b = ResourceState.of(before);
        assertEquals(Optional.empty(), ResourceDiffer.diff(Optional.of(b), Optional.of(ResourceState.of(before))));
        ResourceChange created =
                ResourceDiffer.diff(Optional.empty(), Optional.of(b)).orElseThrow();
        assertEquals(ChangeKind.CREATED, created.change());
        assertFalse(created.details().isEmpty(), "a created resource says what it holds");
        ResourceChange removed =
                ResourceDiffer.diff(Optional.of(b), Optional.empty()).orElseThrow();
        assertEquals(ChangeKind.REMOVED, removed.change());
        assertEquals(List.of(), removed.details());
    }

    @Test
    void theCasesCoverEveryKindTheEstateHolds() {
        Set<ResourceKind> covered = EnumSet.noneOf(ResourceKind.class);
        everyKind().forEach(a -> covered.add(ResourceState.of(a.get()[0]).kind()));
        assertEquals(EnumSet.allOf(ResourceKind.class), covered);
    }

    @Test
    void rulesAddedRemovedAndRepriorisedAreNamed() {
        NetworkSecurityGroup before = new NetworkSecurityGroup(
                ResourceId.of(NET + "networkSecurityGroups/nsg-a"),
                "nsg-a",
                "westeurope",
                "",
                List.of(rule("allow-ase-a-half", 100, "443"), rule("deny-all", 4000, "*")));
        NetworkSecurityGroup after = new NetworkSecurityGroup(
                before.id(),
                "nsg-a",
                "westeurope",
                "",
                List.of(rule("deny-all", 4010, "*"), rule("allow-sql", 200, "1433")));
        ResourceChange c = ResourceDiffer.diff(
                        Optional.of(ResourceState.of(before)), Optional.of(ResourceState.of(after)))
                .orElseThrow();
        assertEquals(
                List.of("rule allow-ase-a-half removed", "rule allow-sql added", "rule deny-all priority 4000 → 4010"),
                c.details());
    }

    @Test
    void theEtagIsNoPartOfAnNsgsState() {
        NetworkSecurityGroup a = new NetworkSecurityGroup(
                ResourceId.of(NET + "networkSecurityGroups/nsg-a"),
                "nsg-a",
                "westeurope",
                "W/\"1\"",
                List.of(rule("r", 100, "443")));
        NetworkSecurityGroup b = new NetworkSecurityGroup(a.id(), "nsg-a", "westeurope", "W/\"2\"", a.rules());
        assertFalse(ResourceState.of(a).properties().containsKey("etag"));
        assertTrue(ResourceDiffer.diff(Optional.of(ResourceState.of(a)), Optional.of(ResourceState.of(b)))
                .isEmpty());
    }

    @Test
    void longListsAreToldAsWhatTheyGainedAndLost() {
        ResourceId vnet = ResourceId.of(NET + "virtualNetworks/big");
        VirtualNetwork before = new VirtualNetwork(
                vnet, "big", "", cidrs("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16"));
        VirtualNetwork after = new VirtualNetwork(
                vnet, "big", "", cidrs("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.9.0.0/16"));
        ResourceChange c = ResourceDiffer.diff(
                        Optional.of(ResourceState.of(before)), Optional.of(ResourceState.of(after)))
                .orElseThrow();
        assertEquals(List.of("addressPrefixes 1 added (10.9.0.0/16), 1 removed (10.4.0.0/16)"), c.details());
    }

    @Test
    void aCreatedResourceTellsItsFieldsAndChildren() {
        RouteTable t = new RouteTable(
                ResourceId.of(NET + "routeTables/rt"),
                "rt",
                "westeurope",
                true,
                List.of(route("default-to-fw", "10.50.1.4")));
        ResourceChange c = ResourceDiffer.diff(Optional.empty(), Optional.of(ResourceState.of(t)))
                .orElseThrow();
        assertEquals(
                List.of("location westeurope", "disableBgpRoutePropagation true", "route default-to-fw added"),
                c.details());
    }
}
