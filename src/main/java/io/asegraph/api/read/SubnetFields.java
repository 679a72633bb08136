package io.asegraph.api.read;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Relationship fields of {@code Subnet}: its network, NSG, route table, NAT gateway, environments, interfaces and
 * firewalls.
 * Every field is batched: SmallRye hands the whole level's parents to one method, which runs one query for all of them
 * ({@code UNWIND $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class SubnetFields {
    private final RelatedRows related;

    public SubnetFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("The virtual network it belongs to.")
    public List<VirtualNetwork> virtualNetwork(@Source List<Subnet> s) {
        return related.one(s, Subnet::key, Relation.SUBNET_VNET, VirtualNetwork::from);
    }

    @Description("The NSG associated with the subnet, if any.")
    public List<NetworkSecurityGroup> networkSecurityGroup(@Source List<Subnet> s) {
        return related.one(s, Subnet::key, Relation.SUBNET_NSG, NetworkSecurityGroup::from);
    }

    @Description("The route table associated with the subnet, if any.")
    public List<RouteTable> routeTable(@Source List<Subnet> s) {
        return related.one(s, Subnet::key, Relation.SUBNET_ROUTE_TABLE, RouteTable::from);
    }

    @Description("The NAT gateway the subnet egresses through, if any.")
    public List<NatGateway> natGateway(@Source List<Subnet> s) {
        return related.one(s, Subnet::key, Relation.SUBNET_NAT_GATEWAY, NatGateway::from);
    }

    @Description("App Service Environments deployed in the subnet.")
    public List<@NonNull List<@NonNull AppServiceEnvironment>> environments(@Source List<Subnet> s) {
        return related.many(s, Subnet::key, Relation.SUBNET_ENVIRONMENTS, AppServiceEnvironment::from);
    }

    @Description("Private endpoints in the subnet.")
    public List<@NonNull List<@NonNull PrivateEndpoint>> privateEndpoints(@Source List<Subnet> s) {
        return related.many(s, Subnet::key, Relation.SUBNET_PRIVATE_ENDPOINTS, PrivateEndpoint::from);
    }

    @Description("Network interfaces in the subnet.")
    public List<@NonNull List<@NonNull NetworkInterface>> networkInterfaces(@Source List<Subnet> s) {
        return related.many(s, Subnet::key, Relation.SUBNET_NICS, NetworkInterface::from);
    }

    @Description("Azure Firewalls in the subnet (an AzureFirewallSubnet holds one).")
    public List<@NonNull List<@NonNull AzureFirewall>> azureFirewalls(@Source List<Subnet> s) {
        return related.many(s, Subnet::key, Relation.SUBNET_FIREWALLS, AzureFirewall::from);
    }
}
