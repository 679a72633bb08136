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
 * startup and after every write, so the first listing does not pay for it.
 */
@ApplicationScoped
public class RowCache {
    private record Held(RowSnapshot rows, long writes) {}

    private final GraphStore store;
    private final AtomicLong writes = new AtomicLong();
    private final Warmer warmer;
    private volatile Held held;
    private volatile long lastCheck;

    public RowCache(
            GraphStore store,
            EstateCache estates,
            ReadConfig config,
            @ConfigProperty(name = "asegraph.analysis.warm-up", defaultValue = "true") boolean warmUp) {
        this.store = store;
        this.warmer = new Warmer(
                "asegraph-listing-rows",
                "listing rows",
                warmUp && config.listings() == ReadConfig.Listings.SNAPSHOT,
                this::current);
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
        held = new Held(loaded, seen);
        lastCheck = System.currentTimeMillis();
        Log.debugf("listing rows v%d read in %d ms", loaded.version(), (System.nanoTime() - t0) / 1_000_000);
        return loaded;
    }
}
