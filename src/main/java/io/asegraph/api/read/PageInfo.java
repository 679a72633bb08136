package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info; cursors are opaque. */
public record PageInfo(
        @NonNull Boolean hasNextPage, @NonNull Boolean hasPreviousPage, String startCursor, String endCursor) {}
