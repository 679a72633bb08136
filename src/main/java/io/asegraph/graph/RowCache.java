package io.asegraph.graph;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link RowSnapshot} of the current store version, for listings served from memory
 * ({@code asegraph.read.listings=snapshot}). Versioned as {@link EstateCache} is: every write through this service
 * counts, a snapshot is served only while the count is unchanged since its read transaction began, and on an
 * external store shared with other instances the store's version is re-checked at most every
 * {@link EstateCache#VERSION_CHECK_MILLIS}; otherwise it is read again, once, by the first reader that needs it. It
 * never waits for the analysis snapshot. With {@code asegraph.analysis.warm-up} it is read in the background after
 * startup and after every write, so the first listing does not pay for it; meanwhile a listing waits for it at most
 * {@code asegraph.read.stale-after} and is then answered from the previous rows, saying so, unless its caller wrote
 * the newer version ({@link ReadConsistency}).
 */
@ApplicationScoped
public class RowCache {
    private record Held(RowSnapshot rows, long writes, long atMillis) {}

    private final GraphStore store;
    private final EstateCache estates;
    private final ReadConsistency reads;
    private final boolean background;
    private final AtomicLong writes = new AtomicLong();
    private final Warmer warmer;
    private volatile Held held;
    private volatile long lastCheck;

    public RowCache(
            GraphStore store,
            EstateCache estates,
            ReadConsistency reads,
            ReadConfig config,
            @ConfigProperty(name = "asegraph.analysis.warm-up", defaultValue = "true") boolean warmUp) {
        this.store = store;
        this.estates = estates;
        this.reads = reads;
        this.background = warmUp && config.listings() == ReadConfig.Listings.SNAPSHOT;
        this.warmer = new Warmer("asegraph-listing-rows", "listing rows", background, this::reload);
        estates.onWrite(() -> {
            writes.incrementAndGet();
            warmer.later();
        });
    }

    /** After the store is up (its observer runs first). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1200) StartupEvent event) {
        warmer.later();
    }

    @PreDestroy
    void stop() {
        warmer.stop();
    }

    /**
     * Whether a listing asked now is answered from the newest rows without waiting for a write's rows or serving older
     * ones: none held yet (the first read loads them, as any reader would), or those held are of the last write and,
     * on an external store, checked recently.
     */
    public boolean settled() {
        Held h = held;
        return h == null
                || (h.writes() == writes.get()
                        && (store.isEmbedded()
                                || System.currentTimeMillis() - lastCheck < EstateCache.VERSION_CHECK_MILLIS));
    }

    RowSnapshot current() {
        Held h = held;
        if (h != null && h.writes() == writes.get()) {
            if (store.isEmbedded() || System.currentTimeMillis() - lastCheck < EstateCache.VERSION_CHECK_MILLIS) {
                return h.rows();
            }
            lastCheck = System.currentTimeMillis();
            if (store.read(EstateLoader::version) == h.rows().version()) {
                return h.rows();
            }
            writes.incrementAndGet(); // written by another instance
        }
        if (h != null && background && reads.mayServe(h.rows().version())) {
            // A write's rows are being read in the background: wait for them a little, then answer from the previous
            // ones (ReadConsistency), unless this caller wrote the newer version itself.
            long target = writes.get();
            warmer.later();
            if (reads.awaitNewer(() -> held.writes() >= target)) {
                return held.rows();
            }
            long newest = estates.snapshotVersion().orElse(-1);
            reads.servedOlder(
                    h.rows().version(), h.atMillis(), Math.max(newest, h.rows().version() + 1));
            return h.rows();
        }
        return reload();
    }

    private synchronized RowSnapshot reload() {
        long seen = writes.get();
        Held h = held;
        if (h != null && h.writes() == seen) {
            return h.rows(); // read by another thread while this one waited
        }
        long t0 = System.nanoTime();
        // The read transaction begins after `seen` was read, so it sees every write counted up to then.
        RowSnapshot loaded = store.readSettled(RowSnapshot::load);
        lastCheck = System.currentTimeMillis();
        held = new Held(loaded, seen, lastCheck);
        reads.published();
        Log.debugf("listing rows v%d read in %d ms", loaded.version(), (System.nanoTime() - t0) / 1_000_000);
        return loaded;
    }
}
