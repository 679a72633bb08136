package io.asegraph.graph;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which version of the estate a question may be answered from while a write's new version is still being prepared
 * (its analysis engine and audits built, its listing rows read: seconds on a large estate).
 *
 * <p>Read your writes: a caller never gets an answer older than a version it wrote itself (the principal the write
 * was attributed to, {@link EstateCache#committed}), nor older than a version the service wrote itself (the seed, an
 * internal write); it waits for the newer version, as every question did before. Everyone else waits at most
 * {@code asegraph.read.stale-after} (1 s) for it, and is then answered from the previous version, whole and
 * consistent, with {@code extensions.snapshot} saying which version and how old ({@link ServedSnapshot}). Versions
 * never go backwards for anybody: the version served only moves on. {@code asegraph.read.stale-after} set to a long
 * duration makes every question wait, as before.
 */
@ApplicationScoped
public class ReadConsistency {
    private final EstateCache estates;
    private final long staleAfterMillis;
    private final Object published = new Object();

    public ReadConsistency(
            EstateCache estates,
            @ConfigProperty(name = "asegraph.read.stale-after", defaultValue = "1s") Duration staleAfter) {
        this.estates = estates;
        this.staleAfterMillis = Math.max(0, staleAfter.toMillis());
    }

    /**
     * Whether this request's caller may be answered from a snapshot of store version {@code held} while a newer one is
     * prepared: the answer can say so (a GraphQL answer, {@link ServedSnapshot#markable()}), and the caller did not
     * write a newer one itself (nor did the service). CSV reports, metrics and other answers without the marker always
     * wait for the newest version.
     */
    public boolean mayServe(long held) {
        ServedSnapshot served = ServedSnapshot.ofThisRequest();
        if (served == null || !served.isMarkable()) {
            return false; // not a GraphQL answer (a CSV report, a metrics scrape, the warm-up): it cannot say so
        }
        return estates.mustSee(caller()) <= held;
    }

    /**
     * Waits until {@code ready} holds, at most {@code asegraph.read.stale-after}; whether it does. Woken by
     * {@link #published()}.
     */
    public boolean awaitNewer(BooleanSupplier ready) {
        long deadline = System.currentTimeMillis() + staleAfterMillis;
        synchronized (published) {
            while (!ready.getAsBoolean()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    published.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ready.getAsBoolean();
                }
            }
            return true;
        }
    }

    /** Called when a newer snapshot (engine, listing rows) is ready: wakes the questions waiting for it. */
    public void published() {
        synchronized (published) {
            published.notifyAll();
        }
    }

    /** Records, for this request's answer, that it was answered from {@code version} while {@code newest} was prepared. */
    public void servedOlder(long version, long atMillis, long newest) {
        ServedSnapshot served = ServedSnapshot.ofThisRequest();
        if (served != null) {
            served.older(version, atMillis, newest);
        }
    }

    /** The principal of this request, if it runs in one ("anonymous" for an anonymous caller). */
    static Optional<String> caller() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return Optional.empty();
        }
        SecurityIdentity identity = arc.instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return Optional.of("anonymous");
        }
        return Optional.of(identity.getPrincipal().getName());
    }
}
