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
 * Relationship fields of {@code VirtualNetworkGateway}: the network it serves and its connections. Every field is
 * batched: SmallRye hands the whole level's parents to one method, which runs one query for all of them ({@code UNWIND
 * $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class VirtualNetworkGatewayFields {
    private final RelatedRows related;

    public VirtualNetworkGatewayFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("The virtual network the gateway serves.")
    public List<VirtualNetwork> virtualNetwork(@Source List<VirtualNetworkGateway> g) {
        return related.one(g, VirtualNetworkGateway::key, Relation.GATEWAY_VNET, VirtualNetwork::from);
    }

    @Description("Its connections to on-premises sites or other gateways.")
    public List<@NonNull List<@NonNull GatewayConnection>> connections(@Source List<VirtualNetworkGateway> g) {
        return related.many(g, VirtualNetworkGateway::key, Relation.GATEWAY_CONNECTIONS, GatewayConnection::from);
    }
}
