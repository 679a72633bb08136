package io.asegraph.api.change;

import io.asegraph.graph.ChangeLog;
import io.asegraph.graph.EstateCache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Every write committed through this service, as the store recorded it ({@link Change}), to whoever listens at the
 * time ({@code estateChanged}). The writer announces the store version it committed ({@link EstateCache#onCommit});
 * one thread of this feed reads that version's change record and broadcasts it, in commit order, so the writer never
 * waits for a listener. Listeners get the changes committed after they subscribed; a listener slower than the writes
 * has up to {@link #BUFFER} changes kept for it, then its subscription fails (it can read what it missed with
 * {@code changes(since:)}).
 */
@ApplicationScoped
public class ChangeFeed {
    static final int BUFFER = 1024;

    private final ChangeLog log;
    private final BroadcastProcessor<Change> processor = BroadcastProcessor.create();
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "asegraph-change-feed");
        t.setDaemon(true);
        return t;
    });

    public ChangeFeed(ChangeLog log, EstateCache estates) {
        this.log = log;
        estates.onCommit(this::committed);
    }

    /** The changes committed from now on. */
    public Multi<Change> changes() {
        return processor.onOverflow().buffer(BUFFER);
    }

    private void committed(long version) {
        try {
            announcer.execute(() -> announce(version));
        } catch (RejectedExecutionException e) {
            // shutting down: nobody is listening any more
        }
    }

    private void announce(long version) {
        try {
            log.ofVersion(version)
                    .map(Change::of)
                    .ifPresentOrElse(
                            processor::onNext, () -> Log.warnf("no change is recorded for store version %d", version));
        } catch (RuntimeException e) {
            Log.warnf(e, "the change of store version %d could not be announced", version);
        }
    }

    @PreDestroy
    void stop() {
        announcer.shutdownNow();
        processor.onComplete();
    }
}
