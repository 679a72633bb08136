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
 * Relationship fields of {@code LocalNetworkGateway}: the connections that reach the site. Every field is batched:
 * SmallRye hands the whole level's parents to one method, which runs one query for all of them ({@code UNWIND $keys}),
 * never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class LocalNetworkGatewayFields {
    private final RelatedRows related;

    public LocalNetworkGatewayFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("Connections that reach this site.")
    public List<@NonNull List<@NonNull GatewayConnection>> connections(@Source List<LocalNetworkGateway> l) {
        return related.many(l, LocalNetworkGateway::key, Relation.LOCAL_GATEWAY_CONNECTIONS, GatewayConnection::from);
    }
}
