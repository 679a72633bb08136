package io.asegraph.api.read;

import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Relationships, navigable both ways. Every field is batched: SmallRye hands the whole level's parents to one
 * method, which runs one query for all of them ({@code UNWIND $keys}), never one per row.
 */
@GraphQLApi
public class RelationFields {
    private final GraphReader reader;

    public RelationFields(GraphReader reader) {
        this.reader = reader;
    }

    private <P, C> List<List<C>> many(List<P> parents, Function<P, String> key, Relation relation, Function<Map<String, Object>, C> mapper) {
        List<String> keys = parents.stream().map(key).toList();
        Map<String, List<Map<String, Object>>> rows = reader.related(relation, keys);
        List<List<C>> out = new ArrayList<>(parents.size());
        for (String k : keys) {
            out.add(rows.getOrDefault(k, List.of()).stream().map(mapper).toList());
        }
        return out;
    }

    private <P, C> List<C> one(List<P> parents, Function<P, String> key, Relation relation, Function<Map<String, Object>, C> mapper) {
        return many(parents, key, relation, mapper).stream().map(l -> l.isEmpty() ? null : l.get(0)).toList();
    }

    // --- VirtualNetwork
    @Description("Its subnets, by address.")
    public List<@NonNull List<@NonNull Subnet>> subnets(@Source List<VirtualNetwork> v) {
        return many(v, VirtualNetwork::key, Relation.VNET_SUBNETS, Subnet::from);
    }

    @Description("Its peerings (this VNet's side).")
    public List<@NonNull List<@NonNull Peering>> peerings(@Source List<VirtualNetwork> v) {
        return many(v, VirtualNetwork::key, Relation.VNET_PEERINGS, Peering::from);
    }

    @Description("Its VPN / ExpressRoute gateways.")
    public List<@NonNull List<@NonNull VirtualNetworkGateway>> gateways(@Source List<VirtualNetwork> v) {
        return many(v, VirtualNetwork::key, Relation.VNET_GATEWAYS, VirtualNetworkGateway::from);
    }

    // --- Subnet
    @Description("The virtual network it belongs to.")
    public List<VirtualNetwork> virtualNetwork(@Source List<Subnet> s) {
        return one(s, Subnet::key, Relation.SUBNET_VNET, VirtualNetwork::from);
    }

    @Description("The NSG associated with the subnet, if any.")
    public List<NetworkSecurityGroup> networkSecurityGroup(@Source List<Subnet> s) {
        return one(s, Subnet::key, Relation.SUBNET_NSG, NetworkSecurityGroup::from);
    }

    @Description("The route table associated with the subnet, if any.")
    public List<RouteTable> routeTable(@Source List<Subnet> s) {
        return one(s, Subnet::key, Relation.SUBNET_ROUTE_TABLE, RouteTable::from);
    }

    @Description("The NAT gateway the subnet egresses through, if any.")
    public List<NatGateway> natGateway(@Source List<Subnet> s) {
        return one(s, Subnet::key, Relation.SUBNET_NAT_GATEWAY, NatGateway::from);
    }

    @Description("App Service Environments deployed in the subnet.")
    public List<@NonNull List<@NonNull AppServiceEnvironment>> environments(@Source List<Subnet> s) {
        return many(s, Subnet::key, Relation.SUBNET_ENVIRONMENTS, AppServiceEnvironment::from);
    }

    @Description("Network interfaces in the subnet.")
    public List<@NonNull List<@NonNull NetworkInterface>> networkInterfaces(@Source List<Subnet> s) {
        return many(s, Subnet::key, Relation.SUBNET_NICS, NetworkInterface::from);
    }

    // --- AppServiceEnvironment
    @Description("The subnet the ASE is deployed in; its workers' addresses are in this range.")
    public List<Subnet> subnet(@Source List<AppServiceEnvironment> e) {
        return one(e, AppServiceEnvironment::key, Relation.ENVIRONMENT_SUBNET, Subnet::from);
    }

    @Description("Apps hosted on the ASE.")
    public List<@NonNull List<@NonNull App>> apps(@Source List<AppServiceEnvironment> e) {
        return many(e, AppServiceEnvironment::key, Relation.ENVIRONMENT_APPS, App::from);
    }

    // --- App
    @Description("The ASE hosting the app.")
    public List<AppServiceEnvironment> environment(@Source List<App> a) {
        return one(a, App::key, Relation.APP_ENVIRONMENT, AppServiceEnvironment::from);
    }

    // --- NetworkInterface
    @Description("The subnet of its IP configuration.")
    @org.eclipse.microprofile.graphql.Name("subnet")
    public List<Subnet> subnet2(@Source List<NetworkInterface> n) {
        return one(n, NetworkInterface::key, Relation.NIC_SUBNET, Subnet::from);
    }

    @Description("The NSG associated with the interface, if any.")
    @org.eclipse.microprofile.graphql.Name("networkSecurityGroup")
    public List<NetworkSecurityGroup> networkSecurityGroup2(@Source List<NetworkInterface> n) {
        return one(n, NetworkInterface::key, Relation.NIC_NSG, NetworkSecurityGroup::from);
    }

    @Description("Application security groups the interface is a member of.")
    public List<@NonNull List<@NonNull ApplicationSecurityGroup>> applicationSecurityGroups(@Source List<NetworkInterface> n) {
        return many(n, NetworkInterface::key, Relation.NIC_ASGS, ApplicationSecurityGroup::from);
    }

    @Description("Public IP addresses of the interface.")
    public List<@NonNull List<@NonNull PublicIpAddress>> publicIpAddresses(@Source List<NetworkInterface> n) {
        return many(n, NetworkInterface::key, Relation.NIC_PUBLIC_IPS, PublicIpAddress::from);
    }

    // --- NetworkSecurityGroup
    @Description("User rules, by direction then priority (the six default rules are in defaultSecurityRules and rules).")
    public List<@NonNull List<@NonNull SecurityRule>> securityRules(@Source List<NetworkSecurityGroup> n) {
        return many(n, NetworkSecurityGroup::key, Relation.NSG_RULES, SecurityRule::from);
    }

    @Description("The six default rules every NSG has (AllowVnetInBound 65000 ... DenyAllOutBound 65500).")
    public List<@NonNull List<@NonNull SecurityRule>> defaultSecurityRules(@Source List<NetworkSecurityGroup> n) {
        List<SecurityRule> d = SecurityRule.defaults();
        return n.stream().map(x -> d).toList();
    }

    @Description("Every rule in evaluation order: inbound rules by priority, default rules included, then outbound.")
    public List<@NonNull List<@NonNull SecurityRule>> rules(@Source List<NetworkSecurityGroup> n) {
        List<List<SecurityRule>> user = securityRules(n);
        List<SecurityRule> d = SecurityRule.defaults();
        List<List<SecurityRule>> out = new ArrayList<>();
        for (List<SecurityRule> u : user) {
            List<SecurityRule> all = new ArrayList<>(u);
            all.addAll(d);
            all.sort(java.util.Comparator.comparing((SecurityRule r) -> r.direction().equalsIgnoreCase("Inbound") ? 0 : 1)
                    .thenComparing(SecurityRule::priority));
            out.add(all);
        }
        return out;
    }

    @Description("Subnets the NSG is associated with.")
    public List<@NonNull List<@NonNull Subnet>> appliedToSubnets(@Source List<NetworkSecurityGroup> n) {
        return many(n, NetworkSecurityGroup::key, Relation.NSG_SUBNETS, Subnet::from);
    }

    @Description("Network interfaces the NSG is associated with.")
    public List<@NonNull List<@NonNull NetworkInterface>> appliedToNetworkInterfaces(@Source List<NetworkSecurityGroup> n) {
        return many(n, NetworkSecurityGroup::key, Relation.NSG_NICS, NetworkInterface::from);
    }

    // --- RouteTable
    @Description("Its user-defined routes, by name.")
    public List<@NonNull List<@NonNull Route>> routes(@Source List<RouteTable> t) {
        return many(t, RouteTable::key, Relation.ROUTE_TABLE_ROUTES, Route::from);
    }

    @Description("Subnets the route table is associated with.")
    @org.eclipse.microprofile.graphql.Name("subnets")
    public List<@NonNull List<@NonNull Subnet>> subnets2(@Source List<RouteTable> t) {
        return many(t, RouteTable::key, Relation.ROUTE_TABLE_SUBNETS, Subnet::from);
    }

    // --- Gateways
    @Description("The virtual network the gateway serves.")
    @org.eclipse.microprofile.graphql.Name("virtualNetwork")
    public List<VirtualNetwork> virtualNetwork2(@Source List<VirtualNetworkGateway> g) {
        return one(g, VirtualNetworkGateway::key, Relation.GATEWAY_VNET, VirtualNetwork::from);
    }

    @Description("Its connections to on-premises sites or other gateways.")
    public List<@NonNull List<@NonNull GatewayConnection>> connections(@Source List<VirtualNetworkGateway> g) {
        return many(g, VirtualNetworkGateway::key, Relation.GATEWAY_CONNECTIONS, GatewayConnection::from);
    }

    @Description("Connections that reach this site.")
    @org.eclipse.microprofile.graphql.Name("connections")
    public List<@NonNull List<@NonNull GatewayConnection>> connections2(@Source List<LocalNetworkGateway> l) {
        return many(l, LocalNetworkGateway::key, Relation.LOCAL_GATEWAY_CONNECTIONS, GatewayConnection::from);
    }

    // --- NAT gateway, public IP, ASG
    @Description("Public addresses the NAT gateway translates to.")
    @org.eclipse.microprofile.graphql.Name("publicIpAddresses")
    public List<@NonNull List<@NonNull PublicIpAddress>> publicIpAddresses2(@Source List<NatGateway> n) {
        return many(n, NatGateway::key, Relation.NAT_GATEWAY_PUBLIC_IPS, PublicIpAddress::from);
    }

    @Description("Subnets egressing through the NAT gateway.")
    @org.eclipse.microprofile.graphql.Name("subnets")
    public List<@NonNull List<@NonNull Subnet>> subnets3(@Source List<NatGateway> n) {
        return many(n, NatGateway::key, Relation.NAT_GATEWAY_SUBNETS, Subnet::from);
    }

    @Description("Member network interfaces.")
    @org.eclipse.microprofile.graphql.Name("networkInterfaces")
    public List<@NonNull List<@NonNull NetworkInterface>> networkInterfaces2(@Source List<ApplicationSecurityGroup> a) {
        return many(a, ApplicationSecurityGroup::key, Relation.ASG_NICS, NetworkInterface::from);
    }

    @Description("Network interfaces using this public address.")
    @org.eclipse.microprofile.graphql.Name("networkInterfaces")
    public List<@NonNull List<@NonNull NetworkInterface>> networkInterfaces3(@Source List<PublicIpAddress> p) {
        return many(p, PublicIpAddress::key, Relation.PUBLIC_IP_NICS, NetworkInterface::from);
    }
}
