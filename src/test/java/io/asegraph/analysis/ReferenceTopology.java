package io.asegraph.analysis;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The reference topology of the seed document as domain records, ids exactly as in
 * {@code graph-seed/010-reference-topology.cypher}: VNet ase-vnet 10.0.0.0/16; ase-one (ASEV1, external, VIP
 * 192.23.1.2) in ase-one-subnet 10.0.1.0/26 with route table ase-one-routes (0.0.0.0/0 → Internet); ase-two (VIP
 * 192.23.2.4) in ase-two-subnet 10.0.1.64/26 with NSG ase-two-nsg; db-vm-nic 10.0.2.4 in db-subnet 10.0.2.0/24
 * with NSG db-nsg; VPN gateway ase-vnet-gw in GatewaySubnet connected to onprem-site 192.168.0.0/16; apps app1 and
 * app2 on ase-one, orders-api (also orders.contoso.com) on ase-two; endpoints azure-sql-westus 40.112.240.0/20 and
 * azure-storage-eastus 20.38.98.0/24.
 *
 * <p>Use {@link #topology()} as is, or {@link #builder()} to vary it (attach a NAT gateway, another route table,
 * a peered VNet) in a scenario.
 */
public final class ReferenceTopology {
    public static final String SUB =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers";
    public static final String NET = SUB + "/Microsoft.Network";
    public static final String WEB = SUB + "/Microsoft.Web";

    public static final String VNET = NET + "/virtualNetworks/ase-vnet";
    public static final String ASE_ONE_SUBNET = VNET + "/subnets/ase-one-subnet";
    public static final String ASE_TWO_SUBNET = VNET + "/subnets/ase-two-subnet";
    public static final String DB_SUBNET = VNET + "/subnets/db-subnet";
    public static final String GATEWAY_SUBNET = VNET + "/subnets/GatewaySubnet";
    public static final String ASE_ONE_ROUTES = NET + "/routeTables/ase-one-routes";
    public static final String ASE_TWO_NSG = NET + "/networkSecurityGroups/ase-two-nsg";
    public static final String DB_NSG = NET + "/networkSecurityGroups/db-nsg";
    public static final String DB_NIC = NET + "/networkInterfaces/db-vm-nic";
    public static final String DB_VM = SUB + "/Microsoft.Compute/virtualMachines/db-vm";
    public static final String GATEWAY = NET + "/virtualNetworkGateways/ase-vnet-gw";
    public static final String ONPREM = NET + "/localNetworkGateways/onprem-site";
    public static final String CONNECTION = NET + "/connections/ase-vnet-to-onprem";
    public static final String ASE_ONE = WEB + "/hostingEnvironments/ase-one";
    public static final String ASE_TWO = WEB + "/hostingEnvironments/ase-two";
    public static final String APP1 = WEB + "/sites/app1";
    public static final String APP2 = WEB + "/sites/app2";
    public static final String ORDERS_API = WEB + "/sites/orders-api";
    public static final String AZURE_SQL = "/asegraph/endpoints/azure-sql-westus";
    public static final String AZURE_STORAGE = "/asegraph/endpoints/azure-storage-eastus";

    private ReferenceTopology() {}

    /** The reference topology, ready to vary. */
    public static TopologyBuilder builder() {
        TopologyBuilder b = new TopologyBuilder()
                .vnet(VNET, "10.0.0.0/16")
                .subnet(ASE_ONE_SUBNET, VNET, "10.0.1.0/26")
                .subnet(ASE_TWO_SUBNET, VNET, "10.0.1.64/26")
                .subnet(DB_SUBNET, VNET, "10.0.2.0/24")
                .subnet(GATEWAY_SUBNET, VNET, "10.0.255.0/27")
                .routeTable(ASE_ONE_ROUTES, false, TopologyBuilder.route("direct-internet", "0.0.0.0/0", "Internet"))
                .attachRouteTable(ASE_ONE_SUBNET, ASE_ONE_ROUTES)
                .attachNsg(ASE_TWO_SUBNET, ASE_TWO_NSG)
                .gateway(GATEWAY, VNET, GatewayType.VPN)
                .localGateway(ONPREM, "192.168.0.0/16")
                .connection(CONNECTION, "IPsec", GATEWAY, ONPREM)
                .ase(ASE_ONE, ASE_ONE_SUBNET, "192.23.1.2")
                .ase(ASE_TWO, ASE_TWO_SUBNET, "192.23.2.4")
                .app(APP1, ASE_ONE, "app1.ase-one.p.azurewebsites.net")
                .app(APP2, ASE_ONE, "app2.ase-one.p.azurewebsites.net")
                .app(ORDERS_API, ASE_TWO, "orders-api.ase-two.p.azurewebsites.net", "orders.contoso.com")
                .endpoint(AZURE_SQL, "Sql.WestUS", "40.112.240.0/20")
                .endpoint(AZURE_STORAGE, "Storage.EastUS", "20.38.98.0/24");
        ResourceId nic = ResourceId.of(DB_NIC);
        b.add(new NetworkInterface(
                nic,
                "db-vm-nic",
                "westus",
                ResourceId.of(DB_SUBNET),
                io.asegraph.net.Ipv4.parse("10.0.2.4"),
                Optional.of(ResourceId.of(DB_NSG)),
                List.of(),
                List.of(),
                DB_VM));
        return b;
    }

    public static Topology topology() {
        return builder().build();
    }

    /** The seed's two NSGs with their rules (default rules are implicit, see {@code DefaultRules.ALL}). */
    public static List<NetworkSecurityGroup> nsgs() {
        return List.of(
                new NetworkSecurityGroup(
                        ResourceId.of(ASE_TWO_NSG),
                        "ase-two-nsg",
                        "westus",
                        "W/\"00000000-0000-0000-0000-000000000001\"",
                        List.of(
                                inbound(
                                        "ALLOW-AzureMngmt",
                                        100,
                                        Access.ALLOW,
                                        "Internet",
                                        "454-455",
                                        "Azure management of the ASE (required)"),
                                inbound(
                                        "RESTRICT-HTTP",
                                        200,
                                        Access.ALLOW,
                                        "192.23.1.2/32",
                                        "80",
                                        "HTTP only from ase-one (its VIP)"),
                                inbound(
                                        "RESTRICT-HTTPS",
                                        300,
                                        Access.ALLOW,
                                        "192.23.1.2/32",
                                        "443",
                                        "HTTPS only from ase-one (its VIP)"))),
                new NetworkSecurityGroup(
                        ResourceId.of(DB_NSG),
                        "db-nsg",
                        "westus",
                        "W/\"00000000-0000-0000-0000-000000000002\"",
                        List.of(
                                inbound(
                                        "allow-sql-from-ase-one",
                                        100,
                                        Access.ALLOW,
                                        "10.0.1.0/26",
                                        "1433",
                                        "SQL from every worker of ase-one"),
                                inbound(
                                        "deny-sql-from-vnet",
                                        200,
                                        Access.DENY,
                                        "VirtualNetwork",
                                        "1433",
                                        "No other SQL client in the VNet"))));
    }

    /** The seed's NSGs, no ASGs, no service tags imported. */
    public static PolicySet policy() {
        return new PolicySet(nsgs(), List.of(), List.of());
    }

    private static SecurityRule inbound(
            String name, int priority, Access access, String source, String ports, String description) {
        return new SecurityRule(
                name,
                priority,
                Direction.INBOUND,
                access,
                Protocol.TCP,
                List.of(source),
                List.of(PortRange.ALL),
                List.of("*"),
                List.of(PortRange.parse(ports)),
                List.of(),
                List.of(),
                description,
                false);
    }
}
