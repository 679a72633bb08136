package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One row of a page, with its cursor.")
public record Edge<T>(
        @Description("The row.") @NonNull T node,
        @Description("An opaque cursor: pass it as `after` to get the rows after this one.") @NonNull String cursor) {}
