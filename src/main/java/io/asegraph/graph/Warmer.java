package io.asegraph.graph;

import io.quarkus.logging.Log;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work done ahead of the first reader that needs it (after startup, after every write), on one daemon thread: asking
 * again while a run is queued adds nothing, a run that fails is logged (the next reader does the work itself).
 */
public final class Warmer {
    private final String what;
    private final Runnable task;
    private final boolean enabled;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread;
    private volatile boolean stopping;

    /** {@code what} names the work in the log, {@code threadName} the thread; a warmer not enabled never runs. */
    public Warmer(String threadName, String what, boolean enabled, Runnable task) {
        this.what = what;
        this.task = task;
        this.enabled = enabled;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a run unless one is queued already or the service is stopping; returns at once. */
    public void later() {
        if (!enabled || stopping || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                pending.set(false);
                try {
                    task.run();
                } catch (RuntimeException e) {
                    if (!stopping) {
                        Log.warnf("%s: warm-up failed (the next reader does it): %s", what, e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            pending.set(false);
        }
    }

    /** Stops the thread (a run under way is interrupted). */
    public void stop() {
        stopping = true;
        thread.shutdownNow();
    }
}
