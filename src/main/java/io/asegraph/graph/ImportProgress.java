package io.asegraph.graph;

/**
 * Told how far a write transaction has come, after every chunk of rows: {@code done} of {@code total} records
 * (resources, security rules, routes and removals). Runs on the writing thread, inside the open transaction.
 */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (done, total) -> {
    };

    void written(long done, long total);
}
