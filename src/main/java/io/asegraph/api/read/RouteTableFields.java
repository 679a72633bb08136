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
 * Relationship fields of {@code RouteTable}: its routes and the subnets it is associated with. Every field is batched:
 * SmallRye hands the whole level's parents to one method, which runs one query for all of them ({@code UNWIND $keys}),
 * never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class RouteTableFields {
    private final RelatedRows related;

    public RouteTableFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("Its user-defined routes, by name.")
    public List<@NonNull List<@NonNull Route>> routes(@Source List<RouteTable> t) {
        return related.many(t, RouteTable::key, Relation.ROUTE_TABLE_ROUTES, Route::from);
    }

    @Description("Subnets the route table is associated with.")
    public List<@NonNull List<@NonNull Subnet>> subnets(@Source List<RouteTable> t) {
        return related.many(t, RouteTable::key, Relation.ROUTE_TABLE_SUBNETS, Subnet::from);
    }
}
