package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The current {@link Estate}, loaded from the store in one read transaction and kept until a write changes the
 * store version. Analysis never touches the store on its hot path: it reads this immutable snapshot. Writes made
 * through this service invalidate it at once; writes made by other instances against a shared external store are
 * seen within {@link #VERSION_CHECK_MILLIS} (the meta node's version is checked at most that often).
 *
 * <p>Every write counts; a snapshot remembers the count it was loaded after, and is served only while the count is
 * unchanged. So a reader never gets a snapshot older than a write that was committed before it asked — also while
 * another thread (the background warm-up) is still loading: it waits for that load, or loads again. A write that
 * knows the estate it produced ({@link #advance}) hands it over with its count, so nobody reloads; a load that was
 * already in flight then never replaces it, being older.
 */
@ApplicationScoped
public class EstateCache {
    static final long VERSION_CHECK_MILLIS = 1000;

    /** A loaded estate and the number of invalidations seen before its read transaction began. */
    private record Snapshot(Estate estate, long writes) {}

    private final GraphStore store;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> commitListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    /** The newest version each principal wrote through this service, and the service itself. */
    private final Map<String, Long> writtenBy = new ConcurrentHashMap<>();

    private final AtomicLong writtenBySystem = new AtomicLong();
    private volatile long lastCheck;
    private volatile long lastLoadNanos = -1;
    private volatile long snapshotAtMillis = -1;

    public EstateCache(GraphStore store) {
        this.store = store;
    }

    public Estate current() {
        Snapshot s = snapshot.get();
        if (s != null && s.writes() == writes.get()) {
            if (store.isEmbedded() || System.currentTimeMillis() - lastCheck < VERSION_CHECK_MILLIS) {
                return s.estate();
            }
            lastCheck = System.currentTimeMillis();
            OptionalLong version = storeVersionIfReachable();
            if (version.isEmpty() || version.getAsLong() == s.estate().version()) {
                return s.estate(); // unchanged, or the store is not there: the last snapshot is all there is
            }
            writes.incrementAndGet(); // written by another instance
        }
        try {
            return reload();
        } catch (StoreUnavailableException e) {
            if (s == null) {
                throw e;
            }
            // The store is not there (marked so: GraphStore#available): the last snapshot is all there is, and the API
            // says which it is. A write whose outcome is unknown (its store went away at commit) may be missing from
            // it.
            return s.estate();
        }
    }

    /**
     * The version of the snapshot {@link #current()} would serve now, when that is known without reading the store
     * (no write since it was taken and, on an external store, its version checked within the last second); empty
     * otherwise. For callers on an event-loop thread, which must not wait for a load.
     */
    public OptionalLong versionIfFresh() {
        Snapshot s = snapshot.get();
        if (s == null || s.writes() != writes.get()) {
            return OptionalLong.empty();
        }
        if (!store.isEmbedded() && System.currentTimeMillis() - lastCheck >= VERSION_CHECK_MILLIS) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(s.estate().version());
    }

    private synchronized Estate reload() {
        long seen = writes.get();
        Snapshot s = snapshot.get();
        if (s != null && s.writes() == seen) {
            return s.estate(); // loaded by another thread while this one waited
        }
        long t0 = System.nanoTime();
        // The read transaction begins after `seen` was read, so it sees every write invalidated up to then.
        Estate loaded = store.readSettled(EstateLoader::load);
        loads.incrementAndGet();
        snapshot.accumulateAndGet(new Snapshot(loaded, seen), EstateCache::newer);
        lastCheck = System.currentTimeMillis();
        lastLoadNanos = System.nanoTime() - t0;
        snapshotAtMillis = lastCheck;
        Log.debugf("estate v%d loaded in %d ms", loaded.version(), (System.nanoTime() - t0) / 1_000_000);
        return loaded;
    }

    /** How long the last read of the estate from the store took, in seconds; NaN before the first. */
    public double lastLoadSeconds() {
        long n = lastLoadNanos;
        return n < 0 ? Double.NaN : n / 1e9;
    }

    /** When the snapshot served now was read or computed (epoch milliseconds); -1 before the first. */
    public long snapshotAtMillis() {
        return snapshotAtMillis;
    }

    /** How many times the estate was read from the store. */
    long loads() {
        return loads.get();
    }

    /** Called after every committed write whose resulting estate is not known: the next reader reloads. */
    public void invalidate() {
        advance(Optional.empty());
    }

    /** Called after every committed write, with the estate it produced when known (else as {@link #invalidate()}). */
    public void advance(Optional<Estate> next) {
        long count = writes.incrementAndGet();
        next.ifPresent(e -> {
            snapshot.accumulateAndGet(new Snapshot(e, count), EstateCache::newer);
            lastCheck = System.currentTimeMillis();
            snapshotAtMillis = lastCheck;
            Log.debugf("estate v%d computed from the write", e.version());
        });
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /** Of two snapshots, the one taken after more writes (a load that began before a write never replaces its result). */
    private static Snapshot newer(Snapshot held, Snapshot offered) {
        return held == null || offered.writes() >= held.writes() ? offered : held;
    }

    /** Runs {@code listener} after every write ({@link #advance}; it must return at once: it runs on the writer's thread). */
    public void onWrite(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Called after a write through this service committed, with the store version it produced (its
     * {@link ChangeRecord} is in the store, {@link ChangeLog#ofVersion}); after {@link #advance}.
     */
    public void committed(long version) {
        String principal = Attribution.current().principal();
        if (principal.equals(Attribution.SYSTEM.principal())) {
            writtenBySystem.accumulateAndGet(version, Math::max);
        } else {
            writtenBy.merge(principal, version, Math::max);
        }
        for (LongConsumer l : commitListeners) {
            l.accept(version);
        }
    }

    /**
     * Runs {@code listener} with the store version of every write committed through this service ({@link #committed};
     * it must return at once: it runs on the writer's thread, which may hold the write lock).
     */
    public void onCommit(LongConsumer listener) {
        commitListeners.add(listener);
    }

    /**
     * The store's version, read once without retries; empty when the store is not available (it is then marked so:
     * {@link GraphStore#available()}, and the snapshot served meanwhile says so in the API).
     */
    private OptionalLong storeVersionIfReachable() {
        try {
            return OptionalLong.of(store.readOnce(EstateLoader::version));
        } catch (StoreUnavailableException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The oldest store version {@code principal} may be answered from: the newest it wrote itself through this service,
     * or the service itself did (the seed, internal writes), whichever is newer; 0 when neither wrote
     * ({@link ReadConsistency}).
     */
    public long mustSee(Optional<String> principal) {
        long own = principal.map(p -> writtenBy.getOrDefault(p, 0L)).orElse(0L);
        return Math.max(own, writtenBySystem.get());
    }

    /** The version of the snapshot held (whether or not it is still current); empty before the first load. */
    public OptionalLong snapshotVersion() {
        Snapshot s = snapshot.get();
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.estate().version());
    }
}
