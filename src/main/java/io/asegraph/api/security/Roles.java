package io.asegraph.api.security;

/**
 * The two roles of the API. {@link #READER}: every query, the schema and the GraphQL UI. {@link #WRITER}: additionally
 * every mutation and {@code POST /import}. A writer is a reader too: read resolvers allow both.
 */
public final class Roles {
    public static final String READER = "reader";
    public static final String WRITER = "writer";

    private Roles() {}
}
