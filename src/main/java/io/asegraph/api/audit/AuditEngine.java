package io.asegraph.api.audit;

import io.asegraph.analysis.audit.Audits;
import io.asegraph.api.Engines;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The audits over the current estate: one {@link Audits} per analysis context, so estate-wide answers are computed once
 * per store version and served from memory to every dashboard poll until the estate changes.
 */
@ApplicationScoped
public class AuditEngine {
    private record Current(Engines.Built built, Audits audits) {
    }

    private final Engines engines;
    private volatile Current current;

    public AuditEngine(Engines engines) {
        this.engines = engines;
    }

    public Engines.Built built() {
        return engines.current();
    }

    public Audits audits() {
        Engines.Built b = engines.current();
        Current c = current;
        if (c != null && c.built() == b) {
            return c.audits();
        }
        synchronized (this) {
            if (current == null || current.built() != b) {
                current = new Current(b, new Audits(b.context(), b.flows()));
            }
            return current.audits();
        }
    }
}
