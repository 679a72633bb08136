package io.asegraph.api.read;

import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

/**
 * Relationship fields of {@code App}: the ASE hosting it. Every field is batched: SmallRye hands the whole level's
 * parents to one method, which runs one query for all of them ({@code UNWIND $keys}), never one per row.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class AppFields {
    private final RelatedRows related;

    public AppFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("The ASE hosting the app.")
    public List<AppServiceEnvironment> environment(@Source List<App> a) {
        return related.one(a, App::key, Relation.APP_ENVIRONMENT, AppServiceEnvironment::from);
    }
}
