package io.asegraph.api.audit;

import graphql.ErrorType;
import graphql.ExecutionResult;
import io.asegraph.api.GraphqlBodyLimit;
import io.asegraph.graph.EstateCache;
import io.asegraph.graph.ReadConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Serves repeated audit documents from {@link AuditAnswers}. It sits on {@code POST /graphql} after authentication,
 * authorization and the body limit ({@link GraphqlBodyLimit}), before SmallRye GraphQL's own route: a document that
 * is not audits only, a caller not authenticated, a store version not known without a read, goes on to SmallRye
 * untouched. An audit document seen for the first time (at this version, for this caller) is executed here by
 * SmallRye's execution service, exactly as its route would, and its answer kept when it has no errors and no write
 * committed meanwhile.
 */
@ApplicationScoped
public class AuditAnswerRoute {
    public static final int ORDER = GraphqlBodyLimit.AFTER_AUTHORIZATION + 10;
    private static final String DEFAULT_TYPE = "application/graphql-response+json; charset=UTF-8";
    private static final String MISS = "asegraph.audit-answer-miss";

    /** An audit document not answered from memory: the key and store version to keep its answer under. */
    private record Miss(String key, long version, String contentType) {}

    private final AuditAnswers answers;
    private final EstateCache estates;
    private final Execution execution;

    public AuditAnswerRoute(
            ReadConfig config,
            EstateCache estates,
            CurrentIdentityAssociation identities,
            CurrentVertxRequest requests) {
        this.answers = new AuditAnswers((long) config.auditAnswersMb() << 20);
        this.estates = estates;
        this.execution = new Execution(identities, requests);
        estates.onWrite(answers::clear);
    }

    AuditAnswers answers() {
        return answers;
    }

    void install(@Observes Router router) {
        if (answers.enabled()) {
            router.post("/graphql").order(ORDER).handler(this::handle);
        }
    }

    private void handle(RoutingContext rc) {
        Optional<Miss> miss = question(rc);
        if (miss.isEmpty()) {
            rc.next();
            return;
        }
        Miss m = miss.get();
        Optional<AuditAnswers.Answer> kept = answers.get(m.key(), m.version());
        if (kept.isPresent()) {
            rc.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", kept.get().contentType())
                    .end(Buffer.buffer(kept.get().body()));
            return;
        }
        rc.put(MISS, m);
        execution.handle(rc);
    }

    /** The key of an audit-only question that may be answered from memory, or empty to pass it on. */
    private Optional<Miss> question(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST
                || rc.request().query() != null
                || !(rc.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous()) {
            return Optional.empty();
        }
        String type = rc.request().getHeader("Content-Type");
        String contentType = contentType(rc.request().getHeader("Accept"));
        OptionalLong version = estates.versionIfFresh();
        if (type == null || !type.startsWith("application/json") || contentType == null || version.isEmpty()) {
            return Optional.empty();
        }
        String body = rc.body().asString();
        if (body == null) {
            return Optional.empty();
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
        if (!(json.getValue("query") instanceof String query)
                || !(json.getValue("operationName") == null || json.getValue("operationName") instanceof String)
                || !answers.answerable(query, (String) json.getValue("operationName"))) {
            return Optional.empty();
        }
        String principal = user.getSecurityIdentity().getPrincipal().getName();
        return Optional.of(
                new Miss(principal + '\u0000' + contentType + '\u0000' + body, version.getAsLong(), contentType));
    }

    /** SmallRye's answer type for an Accept header; null for one this does not handle (SmallRye answers it). */
    public static String contentType(String accept) {
        if (accept == null || accept.isBlank() || accept.equals("*/*")) {
            return DEFAULT_TYPE;
        }
        return accept.equals("application/json") ? accept : null;
    }

    /** SmallRye's execution of one request (request context and caller set up by its base handler). */
    private final class Execution extends SmallRyeGraphQLAbstractHandler {
        Execution(CurrentIdentityAssociation identities, CurrentVertxRequest requests) {
            super(identities, requests, false);
        }

        @Override
        protected void doHandle(RoutingContext rc) {
            Miss m = rc.get(MISS);
            getExecutionService()
                    .executeAsync(inputToJsonObject(rc.body().asString()), getMetaData(rc), new Keeper(rc, m));
        }
    }

    /** Writes the answer as SmallRye's own writer does, and keeps it when it may be repeated. */
    private final class Keeper implements ExecutionResponseWriter {
        private final RoutingContext rc;
        private final Miss miss;

        Keeper(RoutingContext rc, Miss miss) {
            this.rc = rc;
            this.miss = miss;
        }

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            if (!result.isDataPresent()
                    && result.getErrors().stream().anyMatch(e -> e.getErrorType() == ErrorType.ExecutionAborted)) {
                rc.response().setStatusCode(500).end();
                return;
            }
            byte[] body = response.getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
            // An answer from an older version than the newest (marked extensions.snapshot) is never kept for it.
            boolean older =
                    result.getExtensions() != null && result.getExtensions().containsKey("snapshot");
            if (result.getErrors().isEmpty()
                    && !older
                    && estates.versionIfFresh().equals(OptionalLong.of(miss.version()))) {
                answers.put(miss.key(), new AuditAnswers.Answer(miss.version(), miss.contentType(), body));
            }
            rc.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", miss.contentType())
                    .end(Buffer.buffer(body));
        }

        @Override
        public void fail(Throwable t) {
            rc.fail(t);
        }
    }
}
