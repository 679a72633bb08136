package io.asegraph.api.read;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.ListQuery.Source;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Listings of every kind of resource: a plain list ({@code limit}/{@code offset}) and a Relay connection
 * ({@code first}/{@code after}, {@code totalCount}), both with {@code where} and {@code sort}. Page sizes are capped
 * ({@code asegraph.api.max-page-size}); a larger, negative or malformed request fails with INVALID_ARGUMENT.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class ListingQueries {
    private final Listing listing;

    public ListingQueries(Listing listing) {
        this.listing = listing;
    }

    @Query("virtualNetworks")
    @Description(
            "List virtual networks; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull VirtualNetwork> virtualNetworks(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.VIRTUAL_NETWORKS, where, sort, limit, offset, VirtualNetwork::from);
    }

    @Query("virtualNetworksConnection")
    @Description("Virtual networks as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<VirtualNetwork> virtualNetworksConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.VIRTUAL_NETWORKS, where, sort, first, after, VirtualNetwork::from);
    }

    @Query("subnets")
    @Description("List subnets; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull Subnet> subnets(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.SUBNETS, where, sort, limit, offset, Subnet::from);
    }

    @Query("subnetsConnection")
    @Description("Subnets as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Subnet> subnetsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.SUBNETS, where, sort, first, after, Subnet::from);
    }

    @Query("environments")
    @Description(
            "List App Service Environments; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull AppServiceEnvironment> environments(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.ENVIRONMENTS, where, sort, limit, offset, AppServiceEnvironment::from);
    }

    @Query("environmentsConnection")
    @Description("App Service Environments as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<AppServiceEnvironment> environmentsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.ENVIRONMENTS, where, sort, first, after, AppServiceEnvironment::from);
    }

    @Query("apps")
    @Description(
            "List apps hosted on ASEs; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull App> apps(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.APPS, where, sort, limit, offset, App::from);
    }

    @Query("appsConnection")
    @Description("Apps hosted on ASEs as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<App> appsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.APPS, where, sort, first, after, App::from);
    }

    @Query("networkInterfaces")
    @Description(
            "List network interfaces; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NetworkInterface> networkInterfaces(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.NETWORK_INTERFACES, where, sort, limit, offset, NetworkInterface::from);
    }

    @Query("networkInterfacesConnection")
    @Description("Network interfaces as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NetworkInterface> networkInterfacesConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.NETWORK_INTERFACES, where, sort, first, after, NetworkInterface::from);
    }

    @Query("endpoints")
    @Description(
            "List public endpoints outside any VNet; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull Endpoint> endpoints(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.ENDPOINTS, where, sort, limit, offset, Endpoint::from);
    }

    @Query("endpointsConnection")
    @Description("Public endpoints outside any VNet as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Endpoint> endpointsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.ENDPOINTS, where, sort, first, after, Endpoint::from);
    }

    @Query("privateEndpoints")
    @Description(
            "List private endpoints; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull PrivateEndpoint> privateEndpoints(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.PRIVATE_ENDPOINTS, where, sort, limit, offset, PrivateEndpoint::from);
    }

    @Query("privateEndpointsConnection")
    @Description("Private endpoints as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<PrivateEndpoint> privateEndpointsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.PRIVATE_ENDPOINTS, where, sort, first, after, PrivateEndpoint::from);
    }

    @Query("networkSecurityGroups")
    @Description(
            "List network security groups; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NetworkSecurityGroup> networkSecurityGroups(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.NETWORK_SECURITY_GROUPS, where, sort, limit, offset, NetworkSecurityGroup::from);
    }

    @Query("networkSecurityGroupsConnection")
    @Description("Network security groups as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NetworkSecurityGroup> networkSecurityGroupsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(
                Source.NETWORK_SECURITY_GROUPS, where, sort, first, after, NetworkSecurityGroup::from);
    }

    @Query("routeTables")
    @Description("List route tables; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull RouteTable> routeTables(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.ROUTE_TABLES, where, sort, limit, offset, RouteTable::from);
    }

    @Query("routeTablesConnection")
    @Description("Route tables as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<RouteTable> routeTablesConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.ROUTE_TABLES, where, sort, first, after, RouteTable::from);
    }

    @Query("virtualNetworkGateways")
    @Description(
            "List virtual network gateways; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull VirtualNetworkGateway> virtualNetworkGateways(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.VIRTUAL_NETWORK_GATEWAYS, where, sort, limit, offset, VirtualNetworkGateway::from);
    }

    @Query("virtualNetworkGatewaysConnection")
    @Description("Virtual network gateways as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<VirtualNetworkGateway> virtualNetworkGatewaysConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(
                Source.VIRTUAL_NETWORK_GATEWAYS, where, sort, first, after, VirtualNetworkGateway::from);
    }

    @Query("localNetworkGateways")
    @Description(
            "List local network gateways (on-premises sites); filter with where, order with sort (default: by name),"
                    + " page with limit/offset.")
    public @NonNull List<@NonNull LocalNetworkGateway> localNetworkGateways(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.LOCAL_NETWORK_GATEWAYS, where, sort, limit, offset, LocalNetworkGateway::from);
    }

    @Query("localNetworkGatewaysConnection")
    @Description(
            "Local network gateways (on-premises sites) as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<LocalNetworkGateway> localNetworkGatewaysConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.LOCAL_NETWORK_GATEWAYS, where, sort, first, after, LocalNetworkGateway::from);
    }

    @Query("gatewayConnections")
    @Description(
            "List gateway connections; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull GatewayConnection> gatewayConnections(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.CONNECTIONS, where, sort, limit, offset, GatewayConnection::from);
    }

    @Query("gatewayConnectionsConnection")
    @Description("Gateway connections as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<GatewayConnection> gatewayConnectionsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.CONNECTIONS, where, sort, first, after, GatewayConnection::from);
    }

    @Query("peerings")
    @Description("List virtual network peerings (one per direction); filter with where, order with sort (default: by"
            + " name), page with limit/offset.")
    public @NonNull List<@NonNull Peering> peerings(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.PEERINGS, where, sort, limit, offset, Peering::from);
    }

    @Query("peeringsConnection")
    @Description(
            "Virtual network peerings (one per direction) as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Peering> peeringsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.PEERINGS, where, sort, first, after, Peering::from);
    }

    @Query("natGateways")
    @Description("List NAT gateways; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NatGateway> natGateways(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.NAT_GATEWAYS, where, sort, limit, offset, NatGateway::from);
    }

    @Query("natGatewaysConnection")
    @Description("NAT gateways as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NatGateway> natGatewaysConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.NAT_GATEWAYS, where, sort, first, after, NatGateway::from);
    }

    @Query("publicIpAddresses")
    @Description(
            "List public IP addresses; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull PublicIpAddress> publicIpAddresses(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.PUBLIC_IP_ADDRESSES, where, sort, limit, offset, PublicIpAddress::from);
    }

    @Query("publicIpAddressesConnection")
    @Description("Public IP addresses as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<PublicIpAddress> publicIpAddressesConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.PUBLIC_IP_ADDRESSES, where, sort, first, after, PublicIpAddress::from);
    }

    @Query("applicationSecurityGroups")
    @Description(
            "List application security groups; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull ApplicationSecurityGroup> applicationSecurityGroups(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(
                Source.APPLICATION_SECURITY_GROUPS, where, sort, limit, offset, ApplicationSecurityGroup::from);
    }

    @Query("applicationSecurityGroupsConnection")
    @Description("Application security groups as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<ApplicationSecurityGroup> applicationSecurityGroupsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(
                Source.APPLICATION_SECURITY_GROUPS, where, sort, first, after, ApplicationSecurityGroup::from);
    }

    @Query("serviceTags")
    @Description(
            "List imported service tags; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull ServiceTag> serviceTags(
            ResourceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return listing.list(Source.SERVICE_TAGS, where, sort, limit, offset, ServiceTag::from);
    }

    @Query("serviceTagsConnection")
    @Description("Imported service tags as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<ServiceTag> serviceTagsConnection(
            ResourceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return listing.connection(Source.SERVICE_TAGS, where, sort, first, after, ServiceTag::from);
    }
}
