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
 * Relationship fields of {@code VirtualNetwork}: its subnets, peerings and gateways. Every field is batched: SmallRye
 * hands the whole level's parents to one method, which runs one query for all of them ({@code UNWIND $keys}), never
 * one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class VirtualNetworkFields {
    private final RelatedRows related;

    public VirtualNetworkFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("Its subnets, by address.")
    public List<@NonNull List<@NonNull Subnet>> subnets(@Source List<VirtualNetwork> v) {
        return related.many(v, VirtualNetwork::key, Relation.VNET_SUBNETS, Subnet::from);
    }

    @Description("Its peerings (this VNet's side).")
    public List<@NonNull List<@NonNull Peering>> peerings(@Source List<VirtualNetwork> v) {
        return related.many(v, VirtualNetwork::key, Relation.VNET_PEERINGS, Peering::from);
    }

    @Description("Its VPN / ExpressRoute gateways.")
    public List<@NonNull List<@NonNull VirtualNetworkGateway>> gateways(@Source List<VirtualNetwork> v) {
        return related.many(v, VirtualNetwork::key, Relation.VNET_GATEWAYS, VirtualNetworkGateway::from);
    }
}
