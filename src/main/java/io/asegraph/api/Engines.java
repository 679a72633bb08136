package io.asegraph.api;

import io.asegraph.analysis.CallSourceWalker;
import io.asegraph.analysis.Estate;
import io.asegraph.analysis.NextHopQuery;
import io.asegraph.analysis.ReferenceResolver;
import io.asegraph.graph.EstateCache;
import io.asegraph.topology.Resource;
import io.asegraph.topology.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The path engine's objects for the current estate, built once per store version and shared by every request:
 * analysis never touches the store on its hot path.
 */
@ApplicationScoped
public class Engines {
    /** Everything built over one estate snapshot. */
    public record Built(Estate estate, Routing routing, ReferenceResolver resolver, CallSourceWalker walker, NextHopQuery nextHops) {
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
            if (built != null && built.estate() == estate) {
                return built;
            }
            Routing routing = new Routing(estate.topology(), tag -> estate.policies().serviceTagAddresses(tag));
            List<Resource> policy = new ArrayList<>(estate.policies().nsgs());
            policy.addAll(estate.policies().asgs());
            ReferenceResolver resolver = new ReferenceResolver(estate.topology(), policy);
            built = new Built(estate, routing, resolver, new CallSourceWalker(routing), new NextHopQuery(resolver, routing));
            return built;
        }
    }
}
