package io.asegraph.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetworkGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** graph-seed/reference-topology.az.json: the reference topology of 010-reference-topology.cypher as az prints it. */
class ReferenceExportTest {
    static final String NET =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network";
    static final String WEB =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Web";
    static final String VNET = NET + "/virtualNetworks/ase-vnet";

    static String json;
    static ParsedDocument doc;

    @BeforeAll
    static void parse() throws IOException {
        json = Files.readString(Path.of("graph-seed/reference-topology.az.json"));
        doc = ImportParser.parse(json);
    }

    static ResourceId id(String value) {
        return ResourceId.of(value);
    }

    @Test
    void parsesWithoutProblemsOrWarnings() {
        assertEquals(List.of(), doc.problems());
        assertEquals(List.of(), doc.warnings());
        assertTrue(doc.isValid());
    }

    @Test
    void yieldsEveryResourceOfTheReferenceTopology() {
        assertEquals(
                Map.ofEntries(
                        Map.entry(ResourceKind.VIRTUAL_NETWORK, 1),
                        Map.entry(ResourceKind.SUBNET, 4),
                        Map.entry(ResourceKind.NETWORK_SECURITY_GROUP, 2),
                        Map.entry(ResourceKind.ROUTE_TABLE, 1),
                        Map.entry(ResourceKind.NETWORK_INTERFACE, 1),
                        Map.entry(ResourceKind.VIRTUAL_NETWORK_GATEWAY, 1),
                        Map.entry(ResourceKind.LOCAL_NETWORK_GATEWAY, 1),
                        Map.entry(ResourceKind.CONNECTION, 1),
                        Map.entry(ResourceKind.APP_SERVICE_ENVIRONMENT, 2),
                        Map.entry(ResourceKind.APP, 3),
                        Map.entry(ResourceKind.ENDPOINT, 2)),
                doc.counts());
        assertEquals(
                5,
                doc.of(PolicyTypes.NETWORK_SECURITY_GROUP).stream()
                        .mapToInt(n -> n.rules().size())
                        .sum());
        assertEquals(19, doc.resourceCount());
    }

    @Test
    void readsTheSubnetsWithTheirAssociations() {
        assertEquals(
                List.of(
                        new Subnet(
                                id(VNET + "/subnets/ase-one-subnet"),
                                "ase-one-subnet",
                                id(VNET),
                                Cidr.parseBlock("10.0.1.0/26"),
                                Optional.empty(),
                                Optional.of(id(NET + "/routeTables/ase-one-routes")),
                                Optional.empty()),
                        new Subnet(
                                id(VNET + "/subnets/ase-two-subnet"),
                                "ase-two-subnet",
                                id(VNET),
                                Cidr.parseBlock("10.0.1.64/26"),
                                Optional.of(id(NET + "/networkSecurityGroups/ase-two-nsg")),
                                Optional.empty(),
                                Optional.empty()),
                        new Subnet(
                                id(VNET + "/subnets/db-subnet"),
                                "db-subnet",
                                id(VNET),
                                Cidr.parseBlock("10.0.2.0/24"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        new Subnet(
                                id(VNET + "/subnets/GatewaySubnet"),
                                "GatewaySubnet",
                                id(VNET),
                                Cidr.parseBlock("10.0.255.0/27"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())),
                doc.of(NetworkTypes.SUBNET));
        assertEquals(
                List.of(Cidr.parseBlock("10.0.0.0/16")),
                doc.of(NetworkTypes.VIRTUAL_NETWORK).get(0).addressSpace());
    }

    @Test
    void readsTheAseTwoNsgUserRulesOnly() {
        NetworkSecurityGroup nsg = doc.of(PolicyTypes.NETWORK_SECURITY_GROUP).get(0);
        assertEquals("ase-two-nsg", nsg.name());
        assertEquals("W/\"00000000-0000-0000-0000-000000000001\"", nsg.etag());
        assertEquals(
                List.of("ALLOW-AzureMngmt", "RESTRICT-HTTP", "RESTRICT-HTTPS"),
                nsg.rules().stream().map(SecurityRule::name).toList());
        assertEquals(
                new SecurityRule(
                        "RESTRICT-HTTP",
                        200,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("192.23.1.2/32"),
                        List.of(PortRange.ALL),
                        List.of("*"),
                        List.of(PortRange.single(80)),
                        List.of(),
                        List.of(),
                        "HTTP only from ase-one (its VIP)",
                        false),
                nsg.rules().get(1));
        assertEquals(List.of(new PortRange(454, 455)), nsg.rules().get(0).destinationPorts());
        assertEquals(List.of("Internet"), nsg.rules().get(0).sourcePrefixes());
    }

    @Test
    void readsTheRouteTableTheNicAndTheGateway() {
        assertEquals(
                new RouteTable(
                        id(NET + "/routeTables/ase-one-routes"),
                        "ase-one-routes",
                        "westus",
                        false,
                        List.of(new Route("direct-internet", "0.0.0.0/0", NextHopType.INTERNET, Optional.empty()))),
                doc.of(NetworkTypes.ROUTE_TABLE).get(0));
        NetworkInterface nic = doc.of(NetworkTypes.NETWORK_INTERFACE).get(0);
        assertEquals(Ipv4.parse("10.0.2.4"), nic.privateIp());
        assertEquals(id(VNET + "/subnets/db-subnet"), nic.subnetId());
        assertEquals(Optional.of(id(NET + "/networkSecurityGroups/db-nsg")), nic.nsgId());
        assertEquals(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/"
                        + "Microsoft.Compute/virtualMachines/db-vm",
                nic.virtualMachine());
        assertEquals(
                new VirtualNetworkGateway(
                        id(NET + "/virtualNetworkGateways/ase-vnet-gw"),
                        "ase-vnet-gw",
                        "westus",
                        id(VNET),
                        GatewayType.VPN,
                        Optional.empty(),
                        List.of()),
                doc.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY).get(0));
        assertEquals(
                List.of(Cidr.parseBlock("192.168.0.0/16")),
                doc.of(NetworkTypes.LOCAL_NETWORK_GATEWAY).get(0).addressPrefixes());
        assertEquals(
                "203.0.113.10",
                doc.of(NetworkTypes.LOCAL_NETWORK_GATEWAY).get(0).gatewayIpAddress());
        assertEquals(
                new Connection(
                        id(NET + "/connections/ase-vnet-to-onprem"),
                        "ase-vnet-to-onprem",
                        "IPsec",
                        id(NET + "/virtualNetworkGateways/ase-vnet-gw"),
                        id(NET + "/localNetworkGateways/onprem-site")),
                doc.of(NetworkTypes.CONNECTION).get(0));
    }

    @Test
    void readsTheAsesWithTheirVipsAndTheirApps() {
        AppServiceEnvironment one = doc.of(NetworkTypes.APP_SERVICE_ENVIRONMENT).get(0);
        assertEquals(
                new AppServiceEnvironment(
                        id(WEB + "/hostingEnvironments/ase-one"),
                        "ase-one",
                        "westus",
                        AseKind.ASEV1,
                        "None",
                        id(VNET + "/subnets/ase-one-subnet"),
                        Optional.of(Ipv4.parse("192.23.1.2")),
                        List.of(Ipv4.parse("192.23.1.2")),
                        Optional.empty(),
                        java.util.List.of(),
                        java.util.List.of()),
                one);
        assertEquals(
                Optional.of(Ipv4.parse("192.23.2.4")),
                doc.of(NetworkTypes.APP_SERVICE_ENVIRONMENT).get(1).publicVip());
        assertEquals(
                new App(
                        id(WEB + "/sites/orders-api"),
                        "orders-api",
                        id(WEB + "/hostingEnvironments/ase-two"),
                        "orders-api.ase-two.p.azurewebsites.net",
                        List.of("orders-api.ase-two.p.azurewebsites.net", "orders.contoso.com")),
                doc.of(NetworkTypes.APP).get(2));
    }

    @Test
    void readsTheEndpoints() {
        assertEquals(
                List.of(
                        new Endpoint(
                                id("/asegraph/endpoints/azure-sql-westus"),
                                "azure-sql-westus",
                                "westus",
                                List.of(Cidr.parseBlock("40.112.240.0/20")),
                                Optional.of("Sql.WestUS")),
                        new Endpoint(
                                id("/asegraph/endpoints/azure-storage-eastus"),
                                "azure-storage-eastus",
                                "eastus",
                                List.of(Cidr.parseBlock("20.38.98.0/24")),
                                Optional.of("Storage.EastUS"))),
                doc.of(NetworkTypes.ENDPOINT));
    }

    @Test
    void parsingTwiceGivesEqualRecords() {
        ParsedDocument again = ImportParser.parse(json);
        assertEquals(doc, again);
    }
}
