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
 * Relationship fields of {@code PublicIpAddress}: the interfaces using it. Every field is batched: SmallRye hands the
 * whole level's parents to one method, which runs one query for all of them ({@code UNWIND $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class PublicIpAddressFields {
    private final RelatedRows related;

    public PublicIpAddressFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("Network interfaces using this public address.")
    public List<@NonNull List<@NonNull NetworkInterface>> networkInterfaces(@Source List<PublicIpAddress> p) {
        return related.many(p, PublicIpAddress::key, Relation.PUBLIC_IP_NICS, NetworkInterface::from);
    }
}
