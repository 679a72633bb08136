package io.asegraph.api.read;

import io.asegraph.api.read.filter.ApplicationSecurityGroupWhere;
import io.asegraph.api.read.filter.GatewayConnectionWhere;
import io.asegraph.api.read.filter.LocalNetworkGatewayWhere;
import io.asegraph.api.read.filter.NatGatewayWhere;
import io.asegraph.api.read.filter.PeeringWhere;
import io.asegraph.api.read.filter.PublicIpAddressWhere;
import io.asegraph.api.read.filter.ServiceTagRow;
import io.asegraph.api.read.filter.ServiceTagWhere;
import io.asegraph.api.read.filter.VirtualNetworkGatewayWhere;
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
 * Listings of what connects networks to each other and to the outside (gateways, connections, peerings, NAT
 * gateways, public IPs), of ASGs and of service tags, as {@link ListingQueries} lists the rest: a per-type {@code
 * where} and {@code sort} on a plain list and on a Relay connection.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class ConnectivityListingQueries {
    private static final Family<
                    VirtualNetworkGatewayWhere, io.asegraph.topology.VirtualNetworkGateway, VirtualNetworkGateway>
            VIRTUAL_NETWORK_GATEWAYS = Family.of(
                    Source.VIRTUAL_NETWORK_GATEWAYS,
                    s -> s.topology().gateways(),
                    VirtualNetworkGatewayWhere::compile,
                    w -> w.exists,
                    VirtualNetworkGateway::from);
    private static final Family<LocalNetworkGatewayWhere, io.asegraph.topology.LocalNetworkGateway, LocalNetworkGateway>
            LOCAL_NETWORK_GATEWAYS = Family.of(
                    Source.LOCAL_NETWORK_GATEWAYS,
                    s -> s.topology().localGateways(),
                    LocalNetworkGatewayWhere::compile,
                    w -> w.exists,
                    LocalNetworkGateway::from);
    private static final Family<GatewayConnectionWhere, io.asegraph.topology.Connection, GatewayConnection>
            GATEWAY_CONNECTIONS = Family.of(
                    Source.CONNECTIONS,
                    s -> s.topology().connections(),
                    GatewayConnectionWhere::compile,
                    w -> w.exists,
                    GatewayConnection::from);
    private static final Family<PeeringWhere, io.asegraph.topology.Peering, Peering> PEERINGS = Family.of(
            Source.PEERINGS, s -> s.topology().peerings(), PeeringWhere::compile, w -> w.exists, Peering::from);
    private static final Family<NatGatewayWhere, io.asegraph.topology.NatGateway, NatGateway> NAT_GATEWAYS = Family.of(
            Source.NAT_GATEWAYS,
            s -> s.topology().natGateways(),
            NatGatewayWhere::compile,
            w -> w.exists,
            NatGateway::from);
    private static final Family<PublicIpAddressWhere, io.asegraph.topology.PublicIpAddress, PublicIpAddress>
            PUBLIC_IP_ADDRESSES = Family.of(
                    Source.PUBLIC_IP_ADDRESSES,
                    s -> s.topology().publicIps(),
                    PublicIpAddressWhere::compile,
                    w -> w.exists,
                    PublicIpAddress::from);
    private static final Family<
                    ApplicationSecurityGroupWhere,
                    io.asegraph.policy.ApplicationSecurityGroup,
                    ApplicationSecurityGroup>
            APPLICATION_SECURITY_GROUPS = Family.of(
                    Source.APPLICATION_SECURITY_GROUPS,
                    s -> s.estate().policies().asgs(),
                    ApplicationSecurityGroupWhere::compile,
                    w -> null,
                    ApplicationSecurityGroup::from);
    private static final Family<ServiceTagWhere, ServiceTagRow, ServiceTag> SERVICE_TAGS = Family.of(
            Source.SERVICE_TAGS,
            s -> s.estate().policies().serviceTags().stream()
                    .map(ServiceTagRow::of)
                    .toList(),
            ServiceTagWhere::compile,
            w -> null,
            ServiceTag::from);

    private final FilteredListing filtered;

    public ConnectivityListingQueries(FilteredListing filtered) {
        this.filtered = filtered;
    }

    @Query("virtualNetworkGateways")
    @Description(
            "List virtual network gateways; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull VirtualNetworkGateway> virtualNetworkGateways(
            @Description(ArgDocs.WHERE) VirtualNetworkGatewayWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(VIRTUAL_NETWORK_GATEWAYS, where, sort, limit, offset);
    }

    @Query("virtualNetworkGatewaysConnection")
    @Description("Virtual network gateways as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<VirtualNetworkGateway> virtualNetworkGatewaysConnection(
            @Description(ArgDocs.WHERE) VirtualNetworkGatewayWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(VIRTUAL_NETWORK_GATEWAYS, where, sort, first, after);
    }

    @Query("localNetworkGateways")
    @Description(
            "List local network gateways (on-premises sites); filter with where, order with sort (default: by name),"
                    + " page with limit/offset.")
    public @NonNull List<@NonNull LocalNetworkGateway> localNetworkGateways(
            @Description(ArgDocs.WHERE) LocalNetworkGatewayWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(LOCAL_NETWORK_GATEWAYS, where, sort, limit, offset);
    }

    @Query("localNetworkGatewaysConnection")
    @Description(
            "Local network gateways (on-premises sites) as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<LocalNetworkGateway> localNetworkGatewaysConnection(
            @Description(ArgDocs.WHERE) LocalNetworkGatewayWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(LOCAL_NETWORK_GATEWAYS, where, sort, first, after);
    }

    @Query("gatewayConnections")
    @Description(
            "List gateway connections; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull GatewayConnection> gatewayConnections(
            @Description(ArgDocs.WHERE) GatewayConnectionWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(GATEWAY_CONNECTIONS, where, sort, limit, offset);
    }

    @Query("gatewayConnectionsConnection")
    @Description("Gateway connections as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<GatewayConnection> gatewayConnectionsConnection(
            @Description(ArgDocs.WHERE) GatewayConnectionWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(GATEWAY_CONNECTIONS, where, sort, first, after);
    }

    @Query("peerings")
    @Description("List virtual network peerings (one per direction); filter with where, order with sort (default: by"
            + " name), page with limit/offset.")
    public @NonNull List<@NonNull Peering> peerings(
            @Description(ArgDocs.WHERE) PeeringWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(PEERINGS, where, sort, limit, offset);
    }

    @Query("peeringsConnection")
    @Description(
            "Virtual network peerings (one per direction) as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<Peering> peeringsConnection(
            @Description(ArgDocs.WHERE) PeeringWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(PEERINGS, where, sort, first, after);
    }

    @Query("natGateways")
    @Description("List NAT gateways; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull NatGateway> natGateways(
            @Description(ArgDocs.WHERE) NatGatewayWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(NAT_GATEWAYS, where, sort, limit, offset);
    }

    @Query("natGatewaysConnection")
    @Description("NAT gateways as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<NatGateway> natGatewaysConnection(
            @Description(ArgDocs.WHERE) NatGatewayWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(NAT_GATEWAYS, where, sort, first, after);
    }

    @Query("publicIpAddresses")
    @Description(
            "List public IP addresses; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull PublicIpAddress> publicIpAddresses(
            @Description(ArgDocs.WHERE) PublicIpAddressWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(PUBLIC_IP_ADDRESSES, where, sort, limit, offset);
    }

    @Query("publicIpAddressesConnection")
    @Description("Public IP addresses as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<PublicIpAddress> publicIpAddressesConnection(
            @Description(ArgDocs.WHERE) PublicIpAddressWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(PUBLIC_IP_ADDRESSES, where, sort, first, after);
    }

    @Query("applicationSecurityGroups")
    @Description(
            "List application security groups; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull ApplicationSecurityGroup> applicationSecurityGroups(
            @Description(ArgDocs.WHERE) ApplicationSecurityGroupWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(APPLICATION_SECURITY_GROUPS, where, sort, limit, offset);
    }

    @Query("applicationSecurityGroupsConnection")
    @Description("Application security groups as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<ApplicationSecurityGroup> applicationSecurityGroupsConnection(
            @Description(ArgDocs.WHERE) ApplicationSecurityGroupWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(APPLICATION_SECURITY_GROUPS, where, sort, first, after);
    }

    @Query("serviceTags")
    @Description(
            "List imported service tags; filter with where, order with sort (default: by name), page with limit/offset.")
    public @NonNull List<@NonNull ServiceTag> serviceTags(
            @Description(ArgDocs.WHERE) ServiceTagWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.LIMIT) Integer limit,
            @Description(ArgDocs.OFFSET) Integer offset) {
        return filtered.list(SERVICE_TAGS, where, sort, limit, offset);
    }

    @Query("serviceTagsConnection")
    @Description("Imported service tags as a Relay connection with totalCount; page with first/after.")
    public @NonNull Connection<ServiceTag> serviceTagsConnection(
            @Description(ArgDocs.WHERE) ServiceTagWhere where,
            @Description(ArgDocs.SORT) List<ResourceSort> sort,
            @Description(ArgDocs.FIRST) Integer first,
            @Description(ArgDocs.AFTER) String after) {
        return filtered.connection(SERVICE_TAGS, where, sort, first, after);
    }
}
