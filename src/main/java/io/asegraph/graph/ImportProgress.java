package io.asegraph.graph;

/**
 * Told how far a write has come, on the writing thread. In one transaction: after every chunk of rows, {@code done}
 * of {@code total} records (resources, security rules, routes and removals), inside the open transaction. Staged
 * ({@link StagedWrite}): after each staging transaction, {@code done} of {@code total} steps staged; then after each
 * swap transaction, {@code done} of {@code total} rows swapped in.
 */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (done, total) -> {};

    void written(long done, long total);

    /** Staged writes only: after each staging transaction, {@code done} of {@code total} steps are stored. */
    default void staged(long done, long total) {}
}
