package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record Connection<T>(
        @NonNull List<@NonNull Edge<T>> edges,
        @NonNull PageInfo pageInfo,
        @NonNull Long totalCount,
        @NonNull
                @Description("The ids of the resources for which the where could neither hold nor fail, because a part"
                        + " it looks at is unknown (a referenced resource not imported: see unresolvedReferences; a"
                        + " value the snapshot does not hold). They are neither in edges nor counted in totalCount;"
                        + " empty for a where of only name, location, kind and containsAddress, which are always"
                        + " decided")
                List<@NonNull String> undetermined) {
    /** A page whose filter decided every row. */
    public Connection(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {
        this(edges, pageInfo, totalCount, List.of());
    }
}
