package io.asegraph.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the read API takes its listings from. */
@ConfigMapping(prefix = "asegraph.read")
public interface ReadConfig {
    /** The two sources of listings and their relationship fields. */
    enum Listings {
        /**
         * The in-memory copy of the listed nodes and their relationships, read in one transaction per store version
         * ({@link RowCache}): no Cypher per request.
         */
        SNAPSHOT,
        /** A Cypher query per listing and per level of relationship fields (for estates too large to hold). */
        STORE
    }

    /** {@code snapshot} (default) or {@code store}. */
    @WithDefault("snapshot")
    Listings listings();

    /**
     * The most megabytes of whole audit answers kept per store version, so that a dashboard's repeat is a lookup
     * (0 = off); see {@code io.asegraph.api.audit.AuditAnswers}.
     */
    @WithDefault("64")
    int auditAnswersMb();

    /**
     * Whether listing documents are answered by the direct writer (the read API's resolvers, written once with
     * Jackson) instead of graphql-java's per-field execution; see {@code io.asegraph.api.listing.ListingRoute}.
     */
    @WithDefault("true")
    boolean listingWriter();
}
