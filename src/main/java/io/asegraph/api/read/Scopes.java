package io.asegraph.api.read;

import io.asegraph.api.read.filter.Scope;
import io.asegraph.service.Engines;
import jakarta.enterprise.context.ApplicationScoped;

/** The filter {@link Scope} of the current estate snapshot, built once per snapshot (store version). */
@ApplicationScoped
public class Scopes {
    private record Held(Engines.Built built, Scope scope) {}

    private final Engines engines;
    private volatile Held held;

    public Scopes(Engines engines) {
        this.engines = engines;
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
