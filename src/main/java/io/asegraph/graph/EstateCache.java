package io.asegraph.graph;

import io.asegraph.analysis.Estate;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current {@link Estate}, loaded from the store in one read transaction and kept until a write changes the
 * store version. Analysis never touches the store on its hot path: it reads this immutable snapshot. Writes made
 * through this service invalidate it at once; writes made by other instances against a shared external store are
 * seen within {@link #VERSION_CHECK_MILLIS} (the meta node's version is checked at most that often).
 */
@ApplicationScoped
public class EstateCache {
    static final long VERSION_CHECK_MILLIS = 1000;

    private final GraphStore store;
    private volatile Estate estate;
    private volatile boolean stale = true;
    private volatile long lastCheck;
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EstateCache(GraphStore store) {
        this.store = store;
    }

    public Estate current() {
        Estate e = estate;
        if (e != null && !stale) {
            if (store.isEmbedded() || System.currentTimeMillis() - lastCheck < VERSION_CHECK_MILLIS) {
                return e;
            }
            lastCheck = System.currentTimeMillis();
            if (storeVersion() == e.version()) {
                return e;
            }
            stale = true;
        }
        return reload();
    }

    private synchronized Estate reload() {
        if (estate != null && !stale) {
            return estate;
        }
        long t0 = System.nanoTime();
        stale = false;
        Estate loaded = store.read(EstateLoader::load);
        estate = loaded;
        lastCheck = System.currentTimeMillis();
        Log.debugf("estate v%d loaded in %d ms", loaded.version(), (System.nanoTime() - t0) / 1_000_000);
        return loaded;
    }

    /** Called after every committed write. */
    public void invalidate() {
        stale = true;
        for (Runnable r : listeners) {
            r.run();
        }
    }

    /** Runs {@code listener} after every {@link #invalidate()} (it must return at once: it runs on the writer's thread). */
    public void onInvalidate(Runnable listener) {
        listeners.add(listener);
    }

    private long storeVersion() {
        return store.read(tx -> tx.run("OPTIONAL MATCH (m:AsegraphMeta {key: 'meta'}) RETURN coalesce(m.version, 0) AS v")
                .single().get("v").asLong());
    }
}
