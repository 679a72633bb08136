package io.asegraph.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "asegraph.api")
public interface ApiConfig {
    @WithDefault("50")
    int defaultPageSize();

    /** Requests for larger pages fail with INVALID_ARGUMENT. */
    @WithDefault("500")
    int maxPageSize();

    /** The largest {@code /graphql} request body in MB (see {@link GraphqlBodyLimit}); imports have their own limit. */
    @WithDefault("32")
    int graphqlMaxBodyMb();

    /** The most grammar tokens a GraphQL document may have (see {@link ParserLimits}). */
    @WithDefault("15000")
    int maxQueryTokens();

    /** Both query limits on ({@link QueryLimits}; read by SmallRye's eventing SPI, so set in application.properties). */
    @WithDefault("true")
    boolean queryLimits();

    /** The deepest field nesting of one GraphQL document (see {@link QueryLimits}). */
    @WithDefault("15")
    int maxQueryDepth();

    /** The most fields one GraphQL document may select, one point each (see {@link QueryLimits}). */
    @WithDefault("500")
    int maxQueryComplexity();
}
