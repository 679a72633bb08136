package io.asegraph.graph;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;

/**
 * What one request was answered from when that was not the newest version of the estate ({@link ReadConsistency}):
 * the oldest snapshot version served, when it was read, and the newer version that was still being prepared. The API
 * puts it in the answer ({@code extensions.snapshot}).
 */
@RequestScoped
@Unremovable // looked up programmatically only (ReadConsistency, the API's StoreStatus)
public class ServedSnapshot {
    private long version = -1;
    private long atMillis = -1;
    private long newest = -1;
    private boolean markable;

    /** Called when the request's answer can carry the marker (a GraphQL execution): only then may it be given. */
    public synchronized void markable() {
        markable = true;
    }

    /** Whether the request's answer can say that it is of an older version ({@link #markable()}). */
    synchronized boolean isMarkable() {
        return markable;
    }

    /** This request's record, when the calling thread runs in a request (a GraphQL execution, a REST call); else null. */
    public static ServedSnapshot ofThisRequest() {
        ArcContainer arc = Arc.container();
        return arc != null && arc.requestContext().isActive()
                ? arc.instance(ServedSnapshot.class).get()
                : null;
    }

    synchronized void older(long served, long readAtMillis, long newer) {
        if (version < 0 || served < version) {
            version = served;
            atMillis = readAtMillis;
        }
        newest = Math.max(newest, newer);
    }

    /** Whether this request was answered (in part) from an older snapshot than the newest one. */
    public synchronized boolean older() {
        return version >= 0;
    }

    /** The oldest snapshot version served; -1 when {@link #older()} is false. */
    public synchronized long version() {
        return version;
    }

    /** When that snapshot was read or computed (epoch milliseconds), -1 when unknown. */
    public synchronized long atMillis() {
        return atMillis;
    }

    /** The newer version being prepared meanwhile (-1 when unknown). */
    public synchronized long newest() {
        return newest;
    }
}
