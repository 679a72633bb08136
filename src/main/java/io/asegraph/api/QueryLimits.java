package io.asegraph.api;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.asegraph.analysis.ErrorCode;
import io.quarkus.logging.Log;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The depth and complexity limits of a GraphQL document ({@code asegraph.api.max-query-depth},
 * {@code asegraph.api.max-query-complexity}), refused with {@code extensions.code} {@code LIMIT_EXCEEDED} and a message
 * naming the limit, its setting and the document's value. graphql-java's own instrumentations decide; only their
 * refusal is ours, since SmallRye GraphQL adds codes only to data-fetching errors. SmallRye builds its instrumentation
 * chain itself (its query cache, and these two when its settings are given); this replaces that chain, before the
 * GraphQL object is built, with the same one: the two limits, then SmallRye's query cache, which stays the
 * parsed-document provider. With the limits off, SmallRye's chain is kept whole (so its own depth and complexity
 * settings apply again). It is SmallRye's eventing SPI (registered in
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}; the limits are in the chain while
 * {@value #ENABLED} is true), not a CDI observer: SmallRye's CDI events are off by default and would fire for every
 * field. The chain ends with {@link StoreStatus} (codes for store failures, the snapshot marker) either way.
 */
public class QueryLimits implements EventingService {
    /** The setting that turns both limits on (true in {@code application.properties}). */
    static final String ENABLED = "asegraph.api.query-limits";

    /** Always on (null): the limits follow {@value #ENABLED}, {@link StoreStatus} is always in the chain. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Config config = ConfigProvider.getConfig();
        return chain(
                builder,
                config.getOptionalValue(ENABLED, Boolean.class).orElse(true),
                config.getOptionalValue("asegraph.api.max-query-depth", Integer.class)
                        .orElse(15),
                config.getOptionalValue("asegraph.api.max-query-complexity", Integer.class)
                        .orElse(500),
                new StoreStatus());
    }

    /** The chain: the limits (when {@code enabled}), SmallRye's query cache, then {@code last}. */
    static GraphQL.Builder chain(
            GraphQL.Builder builder, boolean enabled, int depth, int complexity, Instrumentation last) {
        // SmallRye's own query cache: its execution service also asks it for the document of every request (the
        // SmallRye context's document). A cache of our own here left SmallRye's never filled (only a validation in
        // its chain fills it), so every request was parsed a second time.
        QueryCache cache =
                builderField(builder, "preparsedDocumentProvider") instanceof QueryCache q ? q : new QueryCache();
        if (!enabled) {
            // SmallRye's chain as it built it (its query cache, and its depth and complexity limits when
            // quarkus.smallrye-graphql.instrumentation-query-depth/-complexity are set), then ours.
            Instrumentation smallRye =
                    builderField(builder, "instrumentation") instanceof Instrumentation i ? i : cache;
            return builder.preparsedDocumentProvider(cache)
                    .instrumentation(new ChainedInstrumentation(List.of(smallRye, last)));
        }
        return builder.preparsedDocumentProvider(cache)
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryComplexityInstrumentation(complexity) {
                            @Override
                            protected AbortExecutionException mkAbortException(int actual, int max) {
                                return new LimitExceeded("maximum query complexity exceeded " + actual + " > " + max
                                        + " (one point per field; asegraph.api.max-query-complexity)");
                            }
                        },
                        new MaxQueryDepthInstrumentation(depth) {
                            @Override
                            protected AbortExecutionException mkAbortException(int actual, int max) {
                                return new LimitExceeded("maximum query depth exceeded " + actual + " > " + max
                                        + " (asegraph.api.max-query-depth)");
                            }
                        },
                        cache,
                        last)));
    }

    /**
     * What SmallRye set on the builder before this event (graphql-java's builder has no getters); null when the field
     * cannot be read, and then the chain is built as if SmallRye had set nothing.
     */
    static Object builderField(GraphQL.Builder builder, String name) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("GraphQL: cannot read the builder's %s (%s); using a query cache of our own", name, e);
            return null;
        }
    }

    /** A document refused by a limit: graphql-java's abort, with our code. */
    static final class LimitExceeded extends AbortExecutionException {
        LimitExceeded(String message) {
            super(message);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", ErrorCode.LIMIT_EXCEEDED.wire());
        }
    }
}
