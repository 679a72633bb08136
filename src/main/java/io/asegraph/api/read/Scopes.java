package io.asegraph.api.read;

import io.asegraph.api.read.filter.Scope;
import io.asegraph.graph.EstateCache;
import io.asegraph.graph.Warmer;
import io.asegraph.service.Engines;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The filter {@link Scope} of the current estate snapshot, built once per snapshot (store version). With
 * {@code asegraph.analysis.warm-up} (the default) the index of every resolved rule is built in the background after
 * startup and after every write, so the first {@code securityRules} question after an import does not pay for it
 * (seconds on the large estate); a question that arrives meanwhile builds or waits for the same index.
 */
@ApplicationScoped
public class Scopes {
    private record Held(Engines.Built built, Scope scope) {}

    private final Engines engines;
    private final Warmer warmer;
    private volatile Held held;

    public Scopes(
            Engines engines,
            EstateCache estates,
            @ConfigProperty(name = "asegraph.analysis.warm-up", defaultValue = "true") boolean warmUp) {
        this.engines = engines;
        this.warmer = new Warmer("asegraph-rule-index", "rule index", warmUp, () -> {
            long t0 = System.nanoTime();
            int rules = current().rules(false).size();
            Log.debugf("rule index: %d rules resolved in %d ms", rules, (System.nanoTime() - t0) / 1_000_000);
        });
        estates.onWrite(warmer::later);
    }

    /** After the analysis warm-up is scheduled (its observer runs first). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1100) StartupEvent event) {
        warmer.later();
    }

    @PreDestroy
    void stop() {
        warmer.stop();
    }

    public Scope current() {
        Engines.Built b = engines.current();
        Held h = held;
        if (h != null && h.built() == b) {
            return h.scope();
        }
        synchronized (this) {
            if (held == null || held.built() != b) {
                held = new Held(b, new Scope(b.context(), b.audits()));
            }
            return held.scope();
        }
    }
}
