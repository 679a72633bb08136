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
 * Relationship fields of {@code AppServiceEnvironment}: its subnet and its apps. Every field is batched: SmallRye
 * hands the whole level's parents to one method, which runs one query for all of them ({@code UNWIND $keys}), never
 * one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class AppServiceEnvironmentFields {
    private final RelatedRows related;

    public AppServiceEnvironmentFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("The subnet the ASE is deployed in; its workers' addresses are in this range.")
    public List<Subnet> subnet(@Source List<AppServiceEnvironment> e) {
        return related.one(e, AppServiceEnvironment::key, Relation.ENVIRONMENT_SUBNET, Subnet::from);
    }

    @Description("Apps hosted on the ASE.")
    public List<@NonNull List<@NonNull App>> apps(@Source List<AppServiceEnvironment> e) {
        return related.many(e, AppServiceEnvironment::key, Relation.ENVIRONMENT_APPS, App::from);
    }
}
