package io.asegraph.api;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.asegraph.analysis.ErrorCode;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;
import java.util.ArrayList;
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
 * GraphQL object is built, with the same one: the two limits, then a query cache that is also the parsed-document
 * provider, as SmallRye's is. It is SmallRye's eventing SPI (registered in
 * {@code META-INF/services/io.smallrye.graphql.spi.EventingService}; the limits are in the chain while
 * {@value #ENABLED} is true), not a CDI observer: SmallRye's CDI events are off by default and would fire for every
 * field. The chain ends with {@link StoreStatus} (codes for store failures, the snapshot marker) either way. With
 * {@value #ENABLED} false, SmallRye's own {@code instrumentation-query-depth} / {@code -complexity} settings apply as
 * they would without this class ({@link #smallRyesOwn}).
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
        QueryCache cache = new QueryCache();
        if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(true)) {
            return builder.preparsedDocumentProvider(cache)
                    .instrumentation(new ChainedInstrumentation(smallRyesOwn(
                            io.smallrye.graphql.spi.config.Config.get(), List.of(cache, new StoreStatus()))));
        }
        int depth = config.getOptionalValue("asegraph.api.max-query-depth", Integer.class)
                .orElse(15);
        int complexity = config.getOptionalValue("asegraph.api.max-query-complexity", Integer.class)
                .orElse(500);
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
                        new StoreStatus())));
    }

    /**
     * With our limits off, the chain SmallRye itself would have built: its own depth and complexity instrumentations
     * when {@code quarkus.smallrye-graphql.instrumentation-query-depth} / {@code -complexity} are set (read from
     * SmallRye's configuration, as SmallRye reads them; graphql-java's refusal, without our code), then {@code rest}.
     * Replacing the chain must not drop limits someone set there.
     */
    static List<Instrumentation> smallRyesOwn(
            io.smallrye.graphql.spi.config.Config smallRye, List<Instrumentation> rest) {
        List<Instrumentation> chain = new ArrayList<>();
        smallRye.getQueryComplexityInstrumentation()
                .ifPresent(max -> chain.add(new MaxQueryComplexityInstrumentation(max)));
        smallRye.getQueryDepthInstrumentation().ifPresent(max -> chain.add(new MaxQueryDepthInstrumentation(max)));
        chain.addAll(rest);
        return chain;
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
