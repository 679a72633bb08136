package io.asegraph.graph;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.graphdb.DatabaseShutdownException;

/** Which failures of a store operation mean "the store is not there" rather than "this operation is wrong". */
final class StoreFailures {
    private StoreFailures() {}

    /** Whether {@code e} (or a cause) says the store cannot be reached or is not available. */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException
                    || t instanceof ServiceUnavailableException
                    || t instanceof SessionExpiredException
                    || t instanceof DatabaseShutdownException
                    || t instanceof org.neo4j.kernel.availability.UnavailableException
                    || (t instanceof Neo4jException n
                            && "Neo.TransientError.General.DatabaseUnavailable".equals(n.code()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code e} as a {@link StoreUnavailableException} naming the store, when that is what it is; else {@code e}. */
    static RuntimeException translate(RuntimeException e, String store) {
        if (e instanceof StoreUnavailableException || !unavailable(e)) {
            return e;
        }
        return new StoreUnavailableException(
                "the graph store (" + store + ") is not available, so nothing was read or written: " + e.getMessage()
                        + "; try again when it is back (readiness at /q/health/ready says when)",
                e);
    }
}
