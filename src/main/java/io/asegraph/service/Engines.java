package io.asegraph.service;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.audit.Audits;
import io.asegraph.estate.Estate;
import io.asegraph.graph.EstateCache;
import io.asegraph.graph.ReadConsistency;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The path engine over the current estate, built once per store version and shared by every request: analysis never
 * touches the store on its hot path.
 *
 * <p>With {@code asegraph.analysis.warm-up} (the default) the snapshot and its analysis context are built in the
 * background after startup and after every write, so the first question after a restart or an import does not pay
 * for loading the estate (seconds on a large one). The warm-up then computes the estate-wide audits a dashboard asks
 * first ({@code Audits#warm}), once per store version, and only then publishes the new engine: until it does, a
 * question waits for it at most {@code asegraph.read.stale-after} and is then answered by the previous engine, whole,
 * with its version in the answer ({@link ReadConsistency}) — unless the caller wrote the newer version itself, which
 * it then always waits for (read your writes). A question never sees a half-built context. Without warm-up every
 * question waits for the engine of the current estate, built by the first that needs it.
 */
@ApplicationScoped
public class Engines {
    /** The analysis context of one estate snapshot, and the flow analyzer over it. */
    public record Built(AnalysisContext context, FlowAnalyzer flows, Audits audits) {
        public Estate estate() {
            return context.estate();
        }
    }

    private final EstateCache estates;
    private final ReadConsistency reads;
    private final boolean warmUp;
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "asegraph-warm-up");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean warmUpPending = new AtomicBoolean();
    private volatile boolean stopping;
    /** The newest engine built (its audits perhaps not yet computed); written holding this object's lock. */
    private volatile Built built;
    /** The engine questions are answered by when they may not wait for {@link #built}'s successor (warm-up only). */
    private volatile Built published;
    /** When {@link #published} was (epoch milliseconds). */
    private volatile long publishedAtMillis;

    public Engines(
            EstateCache estates,
            ReadConsistency reads,
            @ConfigProperty(name = "asegraph.analysis.warm-up", defaultValue = "true") boolean warmUp) {
        this.estates = estates;
        this.reads = reads;
        this.warmUp = warmUp;
        estates.onWrite(this::warmUpLater);
    }

    /** After the store has started (its observer runs at the default priority, before this one). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        warmUpLater();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        warmer.shutdownNow();
    }

    /** Builds the current snapshot's context in the background; at most one warm-up waits at a time. */
    void warmUpLater() {
        if (!warmUp || stopping || !warmUpPending.compareAndSet(false, true)) {
            return;
        }
        try {
            warmer.execute(() -> {
                warmUpPending.set(false);
                long t0 = System.nanoTime();
                try {
                    Built b = newest(estates.current());
                    long t1 = System.nanoTime();
                    Log.infof(
                            "analysis: estate v%d loaded and its analysis context built in %d ms",
                            b.estate().version(), (t1 - t0) / 1_000_000);
                    try {
                        b.audits().warm();
                    } finally {
                        publish(b); // also when an audit failed: it is computed again by the question that asks it
                    }
                    Log.infof(
                            "analysis: estate v%d: health, exposures and shadowed rules computed in %d ms",
                            b.estate().version(), (System.nanoTime() - t1) / 1_000_000);
                } catch (RuntimeException e) {
                    if (!stopping) {
                        Log.warnf("analysis: warm-up failed (the next question builds it): %s", e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            warmUpPending.set(false); // shutting down
        }
    }

    /** The path engine and audits over {@code estate}: the same code for the current snapshot and a what-if's. */
    public static Built build(Estate estate) {
        AnalysisContext context = AnalysisContext.of(estate);
        FlowAnalyzer flows = new FlowAnalyzer(context);
        return new Built(context, flows, new Audits(context, flows));
    }

    /**
     * The path engine and audits over {@code proposed}, an estate changed from {@code base}'s: derived from
     * {@code base} where the change touched NSGs only ({@link AnalysisContext#derive}, {@link Audits#derive}: the same
     * answers as {@link #build}, reusing every index and audit part the change leaves alone), built in full otherwise.
     */
    public static Built derive(Built base, Estate proposed) {
        AnalysisContext context = AnalysisContext.derive(base.context(), proposed);
        FlowAnalyzer flows = new FlowAnalyzer(context);
        return new Built(context, flows, Audits.derive(base.audits(), context, flows));
    }

    /**
     * The engine to answer this question with: the current estate's, or — with warm-up, while a write's new version
     * is still being built and its audits computed, for a caller that did not write it — the previous one after at
     * most {@code asegraph.read.stale-after} (the answer then says so, {@link ReadConsistency#servedOlder}).
     */
    public Built current() {
        Estate estate = estates.current();
        Built p = published;
        if (p == null || p.estate() == estate) {
            return p != null ? p : newest(estate);
        }
        long held = p.estate().version();
        if (!warmUp || stopping || held >= estate.version() || !reads.mayServe(held)) {
            return newest(estate);
        }
        warmUpLater(); // one is queued or running already after a write; this makes sure
        if (reads.awaitNewer(() -> published.estate().version() >= estate.version())) {
            return published;
        }
        reads.servedOlder(held, publishedAtMillis, estate.version());
        return p;
    }

    /**
     * Whether a question asked now is answered from the newest version without waiting: the snapshot is of the last
     * write (and, on an external store, checked recently) and its engine is built and published.
     */
    public boolean settled() {
        java.util.OptionalLong version = estates.versionIfFresh();
        Built p = published;
        return version.isPresent() && p != null && p.estate().version() == version.getAsLong();
    }

    /** The engine of {@code estate}, built now by this thread (or by another one it waits for) if it is not yet. */
    private Built newest(Estate estate) {
        Built b = built;
        if (b != null && b.estate() == estate) {
            return b;
        }
        synchronized (this) {
            if (built == null) {
                built = build(estate);
            } else if (built.estate() != estate) {
                // After a write of NSGs only, the new engine shares the old one's indexes and audit parts the change
                // leaves alone (the same answers as a full build); after any other write or a reload, a full build.
                built = derive(built, estate);
            }
            b = built;
        }
        if (!warmUp || published == null) {
            publish(b);
        }
        return b;
    }

    /** Makes {@code b} the engine questions may be answered by, unless a newer one is already. */
    private void publish(Built b) {
        synchronized (this) {
            Built p = published;
            if (p == null
                    || p.estate() == b.estate()
                    || b.estate().version() >= p.estate().version()) {
                published = b;
                publishedAtMillis = System.currentTimeMillis();
            }
        }
        reads.published();
    }
}
