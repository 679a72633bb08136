package io.asegraph.api.read;

import io.asegraph.graph.GraphReader;
import io.asegraph.graph.Relation;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

/** Relationship fields of {@code PrivateEndpoint}: its subnet (batched, one query per level). */
@GraphQLApi
public class PrivateEndpointFields {
    private final RelatedRows related;

    public PrivateEndpointFields(GraphReader reader) {
        this.related = new RelatedRows(reader);
    }

    @Description("The subnet its network interface is in.")
    public List<Subnet> subnet(@Source List<PrivateEndpoint> p) {
        return related.one(p, PrivateEndpoint::key, Relation.PRIVATE_ENDPOINT_SUBNET, Subnet::from);
    }
}
