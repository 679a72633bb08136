package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public record Connection<T>(
        @NonNull List<@NonNull Edge<T>> edges, @NonNull PageInfo pageInfo, @NonNull Long totalCount) {}
