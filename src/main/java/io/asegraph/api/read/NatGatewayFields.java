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
 * Relationship fields of {@code NatGateway}: its public addresses and the subnets egressing through it. Every field is
 * batched: SmallRye hands the whole level's parents to one method, which runs one query for all of them ({@code UNWIND
 * $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class NatGatewayFields {
    private final RelatedRows related;

    public NatGatewayFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("Public addresses the NAT gateway translates to.")
    public List<@NonNull List<@NonNull PublicIpAddress>> publicIpAddresses(@Source List<NatGateway> n) {
        return related.many(n, NatGateway::key, Relation.NAT_GATEWAY_PUBLIC_IPS, PublicIpAddress::from);
    }

    @Description("Subnets egressing through the NAT gateway.")
    public List<@NonNull List<@NonNull Subnet>> subnets(@Source List<NatGateway> n) {
        return related.many(n, NatGateway::key, Relation.NAT_GATEWAY_SUBNETS, Subnet::from);
    }
}
