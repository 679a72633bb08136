package io.asegraph.api;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.Estate;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.graph.EstateCache;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The path engine over the current estate, built once per store version and shared by every request: analysis never
 * touches the store on its hot path.
 */
@ApplicationScoped
public class Engines {
    /** The analysis context of one estate snapshot, and the flow analyzer over it. */
    public record Built(AnalysisContext context, FlowAnalyzer flows, io.asegraph.analysis.audit.Audits audits) {
        public Estate estate() {
            return context.estate();
        }
    }

    private final EstateCache estates;
    private volatile Built built;

    public Engines(EstateCache estates) {
        this.estates = estates;
    }

    public Built current() {
        Estate estate = estates.current();
        Built b = built;
        if (b != null && b.estate() == estate) {
            return b;
        }
        synchronized (this) {
            if (built == null || built.estate() != estate) {
                AnalysisContext context = AnalysisContext.of(estate);
                FlowAnalyzer flows = new FlowAnalyzer(context);
                built = new Built(context, flows, new io.asegraph.analysis.audit.Audits(context, flows));
            }
            return built;
        }
    }
}
