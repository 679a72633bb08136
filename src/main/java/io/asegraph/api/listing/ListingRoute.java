package io.asegraph.api.listing;

import graphql.schema.GraphQLSchema;
import io.asegraph.api.ApiConfig;
import io.asegraph.api.audit.AuditAnswerRoute;
import io.asegraph.api.audit.AuditQueries;
import io.asegraph.api.path.PathQueries;
import io.asegraph.api.read.ConnectivityListingQueries;
import io.asegraph.api.read.ListingQueries;
import io.asegraph.api.read.SecurityRuleFields;
import io.asegraph.api.read.SecurityRuleQueries;
import io.asegraph.graph.GraphStore;
import io.asegraph.graph.ReadConfig;
import io.asegraph.graph.RowCache;
import io.asegraph.service.Engines;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.graphql.GraphQLApi;

/**
 * Answers listing documents directly ({@link ListingPlans}, {@link ListingWriter}): on {@code POST /graphql}, after
 * authentication, authorization and the body and parser limits, just after the audit answers and before SmallRye's
 * own route. A document with a plan is answered here, on a worker thread, in a request context with the caller's
 * identity (so the read API's role checks apply as they do under SmallRye); every other request, and any request the
 * writer gives up on, goes on to SmallRye untouched. Only while the store is available and no write's listing rows are
 * being read (during that read SmallRye's execution may answer from the previous rows, marked
 * {@code extensions.snapshot}; the writer never does: it would wait for the newest).
 * {@code asegraph.read.listing-writer=false} turns it off. The depth and complexity limits it keeps to are ours
 * ({@code asegraph.api.max-query-depth}, {@code -complexity}), or SmallRye's own settings when ours are off.
 */
@ApplicationScoped
public class ListingRoute {
    static final int ORDER = AuditAnswerRoute.ORDER + 1;
    private static final int PLANS_MAX = 2_000;
    private static final int PLANNED_MAX_CHARACTERS = 8_192;
    private static final Optional<ListingPlan> NONE = Optional.empty();

    private final boolean enabled;
    private volatile boolean directly = true;
    private final int maxDepth;
    private final int maxComplexity;
    private final Instance<GraphQLSchema> schemas;
    private final RowCache rows;
    private final Engines engines;
    private final GraphStore store;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest requests;
    private final Map<String, Optional<ListingPlan>> plans = new ConcurrentHashMap<>();
    private final Map<Class<?>, Object> beans = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Counter answered;
    private final Counter passed;
    private volatile ListingWriter.Timing timing;
    private volatile ListingPlans compiler;
    private volatile ListingWriter writer;

    public ListingRoute(
            ReadConfig read,
            ApiConfig api,
            @Any Instance<GraphQLSchema> schemas,
            RowCache rows,
            Engines engines,
            GraphStore store,
            CurrentIdentityAssociation identities,
            CurrentVertxRequest requests,
            MeterRegistry registry) {
        this.enabled = read.listingWriter();
        Config config = ConfigProvider.getConfig();
        this.maxDepth = api.queryLimits()
                ? api.maxQueryDepth()
                : config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class)
                        .orElse(Integer.MAX_VALUE);
        this.maxComplexity = api.queryLimits()
                ? api.maxQueryComplexity()
                : config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class)
                        .orElse(Integer.MAX_VALUE);
        this.schemas = schemas;
        this.rows = rows;
        this.engines = engines;
        this.store = store;
        this.identities = identities;
        this.requests = requests;
        this.registry = registry;
        this.answered = counter(registry, "answered");
        this.passed = counter(registry, "passed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("asegraph.listings.direct")
                .description("Listing documents answered by the direct writer (answered) or given to SmallRye (passed)")
                .tag("outcome", outcome)
                .register(registry);
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.post("/graphql").order(ORDER).handler(this::handle);
        }
    }

    /** The request's plan, or empty to pass it on. */
    private record Question(ListingPlan plan, Map<String, Object> variables, String contentType, String planKey) {}

    /** Whether documents with a plan are answered here (the tests compare both ways on one running service). */
    public void answerDirectly(boolean directly) {
        this.directly = directly;
    }

    /** How many requests were answered here since the start. */
    public long answeredHere() {
        return (long) answered.count();
    }

    private void handle(RoutingContext rc) {
        Question q = directly ? question(rc) : null;
        if (q == null) {
            rc.next();
            return;
        }
        QuarkusHttpUser user = (QuarkusHttpUser) rc.user();
        rc.vertx().executeBlocking(() -> answer(rc, user, q), false).onComplete(done -> {
            if (done.succeeded()) {
                answered.increment();
                rc.response()
                        .setStatusCode(200)
                        .putHeader("Content-Type", q.contentType())
                        .end(Buffer.buffer(done.result()));
                return;
            }
            passed.increment();
            if (done.cause() instanceof ListingWriter.Fallback f) {
                if (f.structural) {
                    plans.computeIfPresent(q.planKey(), (k, v) -> NONE);
                }
                Log.debugf("listing answered by SmallRye: %s", f.getMessage());
            } else {
                Log.debugf(done.cause(), "listing answered by SmallRye");
            }
            rc.next();
        });
    }

    /** One resolver call's time, kept until the answer is sent (a request given to SmallRye is timed by it). */
    private record Sample(String field, boolean source, long nanos) {}

    private byte[] answer(RoutingContext rc, QuarkusHttpUser user, Question q) {
        ManagedContext context = Arc.container().requestContext();
        boolean own = !context.isActive();
        if (own) {
            context.activate();
        }
        try {
            identities.setIdentity(user.getSecurityIdentity());
            requests.setCurrent(rc);
            List<Sample> samples = new ArrayList<>();
            byte[] body = writer().answer(
                            q.plan(),
                            q.variables(),
                            (field, source, nanos) -> samples.add(new Sample(field, source, nanos)));
            if (!store.available()) {
                // the store went away meanwhile: SmallRye's answer says which snapshot it is from
                throw new ListingWriter.Fallback("the store is unavailable", false, null);
            }
            for (Sample s : samples) {
                timing.record(s.field(), s.source(), s.nanos());
            }
            return body;
        } finally {
            if (own) {
                context.terminate();
            }
        }
    }

    private Question question(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST
                || rc.request().query() != null
                || !(rc.user() instanceof QuarkusHttpUser user)
                || user.getSecurityIdentity().isAnonymous()
                || !store.available()
                || !rows.settled()) {
            return null;
        }
        String type = rc.request().getHeader("Content-Type");
        String contentType = AuditAnswerRoute.contentType(rc.request().getHeader("Accept"));
        if (type == null || !type.startsWith("application/json") || contentType == null) {
            return null;
        }
        Map<String, Object> json = strict(rc.body().buffer());
        if (json == null
                || !KEYS.containsAll(json.keySet())
                || !(json.get("query") instanceof String query)
                || query.length() > PLANNED_MAX_CHARACTERS
                || !(json.get("operationName") == null || json.get("operationName") instanceof String)
                || !(json.get("variables") == null || json.get("variables") instanceof Map)) {
            return null;
        }
        String operationName = (String) json.get("operationName");
        String key = operationName == null ? query : query + '\u0000' + operationName;
        Optional<ListingPlan> plan = plans.get(key);
        if (plan == null) {
            plan = compiler().compile(query, operationName);
            if (plans.size() < PLANS_MAX) {
                plans.put(key, plan);
            }
        }
        if (plan.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) json.get("variables");
        return new Question(plan.get(), variables == null ? Map.of() : variables, contentType, key);
    }

    /** SmallRye's strict JSON-P reader's rules: no comment, no duplicate key, nothing after the object. */
    private static final com.fasterxml.jackson.databind.ObjectMapper STRICT =
            new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build())
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The body as one JSON object, read as SmallRye's strict JSON-P reader takes it, or null (then SmallRye answers):
     * a comment, a byte order mark, a duplicate key or a second value is refused there as unparseable, where Vert.x's
     * lenient codec would read it.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> strict(Buffer body) {
        if (body == null || body.length() == 0 || body.getByte(0) != '{') {
            return null;
        }
        try {
            return STRICT.readValue(body.getBytes(), Map.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static final Set<String> KEYS = Set.of("query", "operationName", "variables");

    private ListingPlans compiler() {
        ListingPlans c = compiler;
        if (c == null) {
            c = new ListingPlans(
                    schemas.get(),
                    List.of(
                            ListingQueries.class,
                            ConnectivityListingQueries.class,
                            SecurityRuleQueries.class,
                            PathQueries.class),
                    maxDepth,
                    maxComplexity);
            compiler = c;
        }
        return c;
    }

    /**
     * SmallRye's per-operation timers ({@code mp_graphql}, tags name, type, source), recorded for the calls the writer
     * makes as SmallRye records its own (when {@code quarkus.smallrye-graphql.metrics.enabled}), so that the figures
     * of a listing do not depend on who answered it.
     */
    private ListingWriter.Timing timing() {
        boolean on = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-graphql.metrics.enabled", Boolean.class)
                .orElse(false);
        if (!on) {
            return (field, source, nanos) -> {};
        }
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        return (field, source, nanos) -> timers.computeIfAbsent(
                        field + source,
                        k -> registry.timer(
                                "mp_graphql", "name", field, "type", "QUERY", "source", String.valueOf(source)))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The read API classes that ask the path engine (its questions, the rule listing's scopes, a rule's shadowing, the
     * audits' fields): called only while the newest engine is published, or SmallRye answers (from the previous one
     * after at most {@code asegraph.read.stale-after}, marked), instead of a worker waiting for a build.
     */
    private static final Set<Class<?>> ENGINE =
            Set.of(PathQueries.class, SecurityRuleQueries.class, SecurityRuleFields.class, AuditQueries.class);

    private ListingWriter writer() {
        ListingWriter w = writer;
        if (w == null) {
            List<Class<?>> apis = new ArrayList<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (bean.getBeanClass().isAnnotationPresent(GraphQLApi.class)) {
                    apis.add(bean.getBeanClass());
                }
            }
            w = new ListingWriter(
                    apis,
                    c -> beans.computeIfAbsent(
                            c, k -> Arc.container().instance(k).get()),
                    api -> !ENGINE.contains(api) || engines.settled());
            timing = timing();
            writer = w;
        }
        return w;
    }
}
