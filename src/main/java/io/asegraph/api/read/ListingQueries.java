package io.asegraph.api.read;

import io.asegraph.api.read.filter.AppServiceEnvironmentWhere;
import io.asegraph.api.read.filter.AppWhere;
import io.asegraph.api.read.filter.EndpointWhere;
import io.asegraph.api.read.filter.NetworkInterfaceWhere;
import io.asegraph.api.read.filter.NetworkSecurityGroupWhere;
import io.asegraph.api.read.filter.PrivateEndpointWhere;
import io.asegraph.api.read.filter.RouteTableWhere;
import io.asegraph.api.read.filter.SubnetWhere;
import io.asegraph.api.read.filter.VirtualNetworkWhere;
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
 * Listings of the networks, what runs in them and their NSGs and route tables: a plain list ({@code limit}/{@code
 * offset}) and a Relay connection ({@code first}/{@code after}, {@code totalCount}), both with a per-type {@code
 * where} and {@code sort} ({@link FilteredListing}). Page sizes are capped ({@code asegraph.api.max-page-size}); a
 * larger, negative or malformed request fails with INVALID_ARGUMENT. {@link ConnectivityListingQueries} lists the
 * rest.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class ListingQueries {
    private static final Family<VirtualNetworkWhere, io.asegraph.topology.VirtualNetwork, VirtualNetwork>
            VIRTUAL_NETWORKS = Family.of(
                    Source.VIRTUAL_NETWORKS,
                    s -> s.topology().vnets(),
                    VirtualNetworkWhere::compile,
                    w -> w.exists,
                    VirtualNetwork::from);
    private static final Family<SubnetWhere, io.asegraph.topology.Subnet, Subnet> SUBNETS =
            Family.of(Source.SUBNETS, s -> s.topology().subnets(), SubnetWhere::compile, w -> w.exists, Subnet::from);
    private static final Family<
                    AppServiceEnvironmentWhere, io.asegraph.topology.AppServiceEnvironment, AppServiceEnvironment>
            ENVIRONMENTS = new Family<>(
                    Source.ENVIRONMENTS,
                    s -> s.topology().environments(),
                    AppServiceEnvironmentWhere::compile,
                    w -> w.exists,
                    e -> e.kind().name(),
                    AppServiceEnvironment::from);
    private static final Family<AppWhere, io.asegraph.topology.App, App> APPS =
            Family.of(Source.APPS, s -> s.topology().apps(), AppWhere::compile, w -> w.exists, App::from);
    private static final Family<NetworkInterfaceWhere, io.asegraph.topology.NetworkInterface, NetworkInterface>
            NETWORK_INTERFACES = Family.of(
                    Source.NETWORK_INTERFACES,
                    s -> s.topology().nics(),
                    NetworkInterfaceWhere::compile,
                    w -> w.exists,
                    NetworkInterface::from);
    private static final Family<EndpointWhere, io.asegraph.topology.Endpoint, Endpoint> ENDPOINTS = Family.of(
            Source.ENDPOINTS, s -> s.topology().endpoints(), EndpointWhere::compile, w -> null, Endpoint::from);
    private static final Family<PrivateEndpointWhere, io.asegraph.topology.PrivateEndpoint, PrivateEndpoint>
            PRIVATE_ENDPOINTS = Family.of(
                    Source.PRIVATE_ENDPOINTS,
                    s -> s.topology().privateEndpoints(),
                    PrivateEndpointWhere::compile,
                    w -> null,
                    PrivateEndpoint::from);
    private static final Family<
                    NetworkSecurityGroupWhere, io.asegraph.policy.NetworkSecurityGroup, NetworkSecurityGroup>
            NETWORK_SECURITY_GROUPS = Family.of(
                    Source.NETWORK_SECURITY_GROUPS,
                    s -> s.estate().policies().nsgs(),
                    NetworkSecurityGroupWhere::compile,
                    w -> w.exists,
                    NetworkSecurityGroup::from);
    private static final Family<RouteTableWhere, io.asegraph.topology.RouteTable, RouteTable> ROUTE_TABLES = Family.of(
            Source.ROUTE_TABLES,
            s -> s.topology().routeTables(),
            RouteTableWhere::compile,
            w -> w.exists,
            RouteTable::from);

    private final FilteredListing filtered;

    public ListingQueries(FilteredListing filtered) {
        this.filtered = filtered;
    }

    @Query("virtualNetworks")
    @Description(
            "List virtual networks; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull VirtualNetwork> virtualNetworks(
            @Description(ArgDocs.WHERE) VirtualNetworkWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(VIRTUAL_NETWORKS, where, sort, limit, offset);
    }

    @Query("virtualNetworksConnection")
    @Description("Virtual networks as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<VirtualNetwork> virtualNetworksConnection(
            @Description(ArgDocs.WHERE) VirtualNetworkWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(VIRTUAL_NETWORKS, where, sort, first, after);
    }

    @Query("subnets")
    @Description("List subnets; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull Subnet> subnets(
            @Description(ArgDocs.WHERE) SubnetWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(SUBNETS, where, sort, limit, offset);
    }

    @Query("subnetsConnection")
    @Description("Subnets as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Subnet> subnetsConnection(
            @Description(ArgDocs.WHERE) SubnetWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(SUBNETS, where, sort, first, after);
    }

    @Query("environments")
    @Description(
            "List App Service Environments; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull AppServiceEnvironment> environments(
            @Description(ArgDocs.WHERE) AppServiceEnvironmentWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(ENVIRONMENTS, where, sort, limit, offset);
    }

    @Query("environmentsConnection")
    @Description("App Service Environments as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<AppServiceEnvironment> environmentsConnection(
            @Description(ArgDocs.WHERE) AppServiceEnvironmentWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(ENVIRONMENTS, where, sort, first, after);
    }

    @Query("apps")
    @Description(
            "List apps hosted on ASEs; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull App> apps(
            @Description(ArgDocs.WHERE) AppWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(APPS, where, sort, limit, offset);
    }

    @Query("appsConnection")
    @Description("Apps hosted on ASEs as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<App> appsConnection(
            @Description(ArgDocs.WHERE) AppWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(APPS, where, sort, first, after);
    }

    @Query("networkInterfaces")
    @Description(
            "List network interfaces; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NetworkInterface> networkInterfaces(
            @Description(ArgDocs.WHERE) NetworkInterfaceWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(NETWORK_INTERFACES, where, sort, limit, offset);
    }

    @Query("networkInterfacesConnection")
    @Description("Network interfaces as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NetworkInterface> networkInterfacesConnection(
            @Description(ArgDocs.WHERE) NetworkInterfaceWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(NETWORK_INTERFACES, where, sort, first, after);
    }

    @Query("endpoints")
    @Description(
            "List public endpoints outside any VNet; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull Endpoint> endpoints(
            @Description(ArgDocs.WHERE) EndpointWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(ENDPOINTS, where, sort, limit, offset);
    }

    @Query("endpointsConnection")
    @Description("Public endpoints outside any VNet as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Endpoint> endpointsConnection(
            @Description(ArgDocs.WHERE) EndpointWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(ENDPOINTS, where, sort, first, after);
    }

    @Query("privateEndpoints")
    @Description(
            "List private endpoints; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull PrivateEndpoint> privateEndpoints(
            @Description(ArgDocs.WHERE) PrivateEndpointWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(PRIVATE_ENDPOINTS, where, sort, limit, offset);
    }

    @Query("privateEndpointsConnection")
    @Description("Private endpoints as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<PrivateEndpoint> privateEndpointsConnection(
            @Description(ArgDocs.WHERE) PrivateEndpointWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(PRIVATE_ENDPOINTS, where, sort, first, after);
    }

    @Query("networkSecurityGroups")
    @Description(
            "List network security groups; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NetworkSecurityGroup> networkSecurityGroups(
            @Description(ArgDocs.WHERE) NetworkSecurityGroupWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(NETWORK_SECURITY_GROUPS, where, sort, limit, offset);
    }

    @Query("networkSecurityGroupsConnection")
    @Description("Network security groups as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NetworkSecurityGroup> networkSecurityGroupsConnection(
            @Description(ArgDocs.WHERE) NetworkSecurityGroupWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(NETWORK_SECURITY_GROUPS, where, sort, first, after);
    }

    @Query("routeTables")
    @Description("List route tables; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull RouteTable> routeTables(
            @Description(ArgDocs.WHERE) RouteTableWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(ROUTE_TABLES, where, sort, limit, offset);
    }

    @Query("routeTablesConnection")
    @Description("Route tables as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<RouteTable> routeTablesConnection(
            @Description(ArgDocs.WHERE) RouteTableWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(ROUTE_TABLES, where, sort, first, after);
    }
}
