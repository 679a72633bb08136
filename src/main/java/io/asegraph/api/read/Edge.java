package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.NonNull;

public record Edge<T>(@NonNull T node, @NonNull String cursor) {}
