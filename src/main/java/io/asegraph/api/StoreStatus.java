package io.asegraph.api;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.asegraph.analysis.ErrorCode;
import io.asegraph.graph.EstateCache;
import io.asegraph.graph.GraphStore;
import io.asegraph.graph.ServedSnapshot;
import io.asegraph.graph.ShutdownInterruptedException;
import io.asegraph.graph.StoreUnavailableException;
import io.quarkus.arc.Arc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What a GraphQL answer says about the store, as the last step of every execution ({@link QueryLimits} puts it in
 * graphql-java's instrumentation chain): an error caused by the store not being there becomes
 * {@code extensions.code} {@code STORE_UNAVAILABLE} (and one caused by the service stopping mid-write
 * {@code SHUTTING_DOWN}) with its message, whatever field raised it, instead of SmallRye's opaque server error; and
 * while the store is unavailable every answer carries {@code extensions.snapshot}
 * {@code {version, ageSeconds, storeAvailable: false}}: analysis answered from the last loaded snapshot, which is that
 * old and of that store version. An answer given (in part) from the previous version while a newer one, written by
 * another caller, was still being prepared carries {@code {version, ageSeconds, storeAvailable: true, newestVersion}}
 * ({@link io.asegraph.graph.ReadConsistency}).
 */
final class StoreStatus extends SimplePerformantInstrumentation {
    /** The response extension's key. */
    static final String SNAPSHOT = "snapshot";

    /** This execution's answer can carry {@code extensions.snapshot}: it may be given from an older version. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        ServedSnapshot served = ServedSnapshot.ofThisRequest();
        if (served != null) {
            served.markable();
        }
        return super.beginExecution(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        GraphStore store = Arc.container().instance(GraphStore.class).get();
        boolean coded = result.getErrors().stream().anyMatch(e -> storeCause(e) != null || invalid(e));
        ServedSnapshot served = ServedSnapshot.ofThisRequest();
        boolean older = served != null && served.older();
        if (!coded && store.available() && !older) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError e : result.getErrors()) {
            Throwable cause = storeCause(e);
            errors.add(cause != null ? coded(e, cause) : invalid(e) ? invalidArgument(e) : e);
        }
        Map<Object, Object> extensions =
                new LinkedHashMap<>(result.getExtensions() == null ? Map.of() : result.getExtensions());
        if (!store.available()) {
            extensions.put(
                    SNAPSHOT,
                    snapshot(Arc.container().instance(EstateCache.class).get()));
        } else if (older) {
            extensions.put(SNAPSHOT, older(served));
        }
        return CompletableFuture.completedFuture(
                result.transform(b -> b.errors(errors).extensions(extensions.isEmpty() ? null : extensions)));
    }

    private static Map<String, Object> snapshot(EstateCache cache) {
        Map<String, Object> s = new LinkedHashMap<>();
        OptionalLong version = cache.snapshotVersion();
        long at = cache.snapshotAtMillis();
        s.put("version", version.isPresent() ? version.getAsLong() : null);
        s.put("ageSeconds", at < 0 ? null : (System.currentTimeMillis() - at) / 1000);
        s.put("storeAvailable", false);
        return s;
    }

    /**
     * {@code {version, ageSeconds, storeAvailable: true, newestVersion}}: answered (in part) from the snapshot of
     * {@code version} while {@code newestVersion}, written by another caller, was still being prepared.
     */
    private static Map<String, Object> older(ServedSnapshot served) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", served.version());
        s.put("ageSeconds", served.atMillis() < 0 ? null : (System.currentTimeMillis() - served.atMillis()) / 1000);
        s.put("storeAvailable", true);
        s.put("newestVersion", served.newest() < 0 ? null : served.newest());
        return s;
    }

    /** The store failure that caused {@code error}, if any. */
    private static Throwable storeCause(GraphQLError error) {
        if (!(error instanceof ExceptionWhileDataFetching fetching)) {
            return null;
        }
        for (Throwable t = fetching.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof ShutdownInterruptedException) {
                return t;
            }
        }
        return null;
    }

    /** A document graphql-java refused before running it (it does not validate against the schema): no code yet. */
    private static boolean invalid(GraphQLError error) {
        return error.getErrorType() == graphql.ErrorType.ValidationError
                && (error.getExtensions() == null || !error.getExtensions().containsKey("code"));
    }

    /**
     * A validation error with {@code extensions.code} {@code INVALID_ARGUMENT} (the request is wrong, as a bad
     * argument is), its message, locations and SmallRye's usual extensions kept.
     */
    private static GraphQLError invalidArgument(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.INVALID_ARGUMENT.wire());
        extensions.put("description", error.getMessage());
        if (error instanceof graphql.validation.ValidationError v) {
            extensions.put("validationErrorType", String.valueOf(v.getValidationErrorType()));
            if (v.getQueryPath() != null) {
                extensions.put("queryPath", v.getQueryPath());
            }
        }
        extensions.put("classification", "ValidationError");
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .extensions(extensions)
                .build();
    }

    private static GraphQLError coded(GraphQLError error, Throwable cause) {
        ErrorCode code =
                cause instanceof ShutdownInterruptedException ? ErrorCode.SHUTTING_DOWN : ErrorCode.STORE_UNAVAILABLE;
        return GraphqlErrorBuilder.newError()
                .message(cause.getMessage())
                .path(error.getPath())
                .locations(error.getLocations())
                .extensions(Map.of("code", code.wire(), "classification", "DataFetchingException"))
                .build();
    }
}
