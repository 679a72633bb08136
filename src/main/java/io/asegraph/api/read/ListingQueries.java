package io.asegraph.api.read;

import io.asegraph.api.read.filter.AppServiceEnvironmentWhere;
import io.asegraph.api.read.filter.AppWhere;
import io.asegraph.api.read.filter.NetworkInterfaceWhere;
import io.asegraph.api.read.filter.NetworkSecurityGroupWhere;
import io.asegraph.api.read.filter.Pred;
import io.asegraph.api.read.filter.Relations;
import io.asegraph.api.read.filter.RouteTableWhere;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.SubnetWhere;
import io.asegraph.api.read.filter.Tri;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.ListQuery.Source;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    private final Scopes scopes;

    public ListingQueries(Listing listing, Scopes scopes) {
        this.listing = listing;
        this.scopes = scopes;
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
            SubnetWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return list(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.SUBNETS,
                s -> s.topology().subnets(),
                SubnetWhere::compile,
                null,
                Subnet::from,
                sort,
                limit,
                offset);
    }

    @Query("subnetsConnection")
    @Description("Subnets as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Subnet> subnetsConnection(
            SubnetWhere where, List<ResourceSort> sort, Integer first, String after) {
        return connection(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.SUBNETS,
                s -> s.topology().subnets(),
                SubnetWhere::compile,
                null,
                Subnet::from,
                sort,
                first,
                after);
    }

    @Query("environments")
    @Description(
            "List App Service Environments; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull AppServiceEnvironment> environments(
            AppServiceEnvironmentWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return list(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.ENVIRONMENTS,
                s -> s.topology().environments(),
                AppServiceEnvironmentWhere::compile,
                e -> e.kind().name(),
                AppServiceEnvironment::from,
                sort,
                limit,
                offset);
    }

    @Query("environmentsConnection")
    @Description("App Service Environments as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<AppServiceEnvironment> environmentsConnection(
            AppServiceEnvironmentWhere where, List<ResourceSort> sort, Integer first, String after) {
        return connection(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.ENVIRONMENTS,
                s -> s.topology().environments(),
                AppServiceEnvironmentWhere::compile,
                e -> e.kind().name(),
                AppServiceEnvironment::from,
                sort,
                first,
                after);
    }

    @Query("apps")
    @Description(
            "List apps hosted on ASEs; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull App> apps(AppWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return list(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.APPS,
                s -> s.topology().apps(),
                AppWhere::compile,
                null,
                App::from,
                sort,
                limit,
                offset);
    }

    @Query("appsConnection")
    @Description("Apps hosted on ASEs as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<App> appsConnection(
            AppWhere where, List<ResourceSort> sort, Integer first, String after) {
        return connection(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.APPS,
                s -> s.topology().apps(),
                AppWhere::compile,
                null,
                App::from,
                sort,
                first,
                after);
    }

    @Query("networkInterfaces")
    @Description(
            "List network interfaces; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NetworkInterface> networkInterfaces(
            NetworkInterfaceWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return list(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.NETWORK_INTERFACES,
                s -> s.topology().nics(),
                NetworkInterfaceWhere::compile,
                null,
                NetworkInterface::from,
                sort,
                limit,
                offset);
    }

    @Query("networkInterfacesConnection")
    @Description("Network interfaces as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NetworkInterface> networkInterfacesConnection(
            NetworkInterfaceWhere where, List<ResourceSort> sort, Integer first, String after) {
        return connection(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.NETWORK_INTERFACES,
                s -> s.topology().nics(),
                NetworkInterfaceWhere::compile,
                null,
                NetworkInterface::from,
                sort,
                first,
                after);
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
            NetworkSecurityGroupWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return list(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.NETWORK_SECURITY_GROUPS,
                s -> s.estate().policies().nsgs(),
                NetworkSecurityGroupWhere::compile,
                null,
                NetworkSecurityGroup::from,
                sort,
                limit,
                offset);
    }

    @Query("networkSecurityGroupsConnection")
    @Description("Network security groups as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NetworkSecurityGroup> networkSecurityGroupsConnection(
            NetworkSecurityGroupWhere where, List<ResourceSort> sort, Integer first, String after) {
        return connection(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.NETWORK_SECURITY_GROUPS,
                s -> s.estate().policies().nsgs(),
                NetworkSecurityGroupWhere::compile,
                null,
                NetworkSecurityGroup::from,
                sort,
                first,
                after);
    }

    @Query("routeTables")
    @Description("List route tables; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull RouteTable> routeTables(
            RouteTableWhere where, List<ResourceSort> sort, Integer limit, Integer offset) {
        return list(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.ROUTE_TABLES,
                s -> s.topology().routeTables(),
                RouteTableWhere::compile,
                null,
                RouteTable::from,
                sort,
                limit,
                offset);
    }

    @Query("routeTablesConnection")
    @Description("Route tables as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<RouteTable> routeTablesConnection(
            RouteTableWhere where, List<ResourceSort> sort, Integer first, String after) {
        return connection(
                where,
                Legacy.of(where),
                where == null ? null : where.exists,
                Source.ROUTE_TABLES,
                s -> s.topology().routeTables(),
                RouteTableWhere::compile,
                null,
                RouteTable::from,
                sort,
                first,
                after);
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

    /**
     * A listing with a per-type where: one that uses only the original fields (name, location, kind,
     * containsAddress) runs in Cypher as before; any other is evaluated over the estate snapshot, then sorted and
     * paged there (see {@link Listing}).
     */
    private <W, D extends io.asegraph.topology.Resource, T> List<T> list(
            W where,
            ResourceWhere legacy,
            Boolean exists,
            Source source,
            Function<Scope, Collection<D>> rows,
            Compiler<W, D> compile,
            Function<D, String> kind,
            Function<Map<String, Object>, T> mapper,
            List<ResourceSort> sort,
            Integer limit,
            Integer offset) {
        if (where == null || legacy != null) {
            return listing.list(source, legacy, sort, limit, offset, mapper);
        }
        Scope s = scopes.current();
        List<D> matched = matched(rows.apply(s), compile.compile(where, root(exists), s));
        return listing.list(source, matched, sort, limit, offset, kind, mapper);
    }

    private <W, D extends io.asegraph.topology.Resource, T> Connection<T> connection(
            W where,
            ResourceWhere legacy,
            Boolean exists,
            Source source,
            Function<Scope, Collection<D>> rows,
            Compiler<W, D> compile,
            Function<D, String> kind,
            Function<Map<String, Object>, T> mapper,
            List<ResourceSort> sort,
            Integer first,
            String after) {
        if (where == null || legacy != null) {
            return listing.connection(source, legacy, sort, first, after, mapper);
        }
        Scope s = scopes.current();
        List<D> matched = matched(rows.apply(s), compile.compile(where, root(exists), s));
        return listing.connection(source, matched, sort, first, after, kind, mapper);
    }

    /** Compiles a where at a path over a scope. */
    @FunctionalInterface
    private interface Compiler<W, D> {
        Pred<D> compile(W where, String path, Scope scope);
    }

    /** The rows the filter holds for (TRUE; an undetermined condition never silently matches). */
    private static <D> List<D> matched(Collection<D> rows, Pred<D> filter) {
        return rows.stream().filter(r -> filter.test(r) == Tri.TRUE).toList();
    }

    private static String root(Boolean exists) {
        Relations.noExists(exists, "where");
        return "where";
    }
}
