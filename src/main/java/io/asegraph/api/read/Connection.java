package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of a listing (a Relay connection) with the total count.")
public record Connection<T>(
        @Description("The rows of this page, each with its cursor.") @NonNull List<@NonNull Edge<T>> edges,
        @Description("Where this page is in the whole list, and the cursors to page on.") @NonNull PageInfo pageInfo,
        @Description("How many rows the whole listing has (all pages), after the where.") @NonNull Long totalCount,
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
