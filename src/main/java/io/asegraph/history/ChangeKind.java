package io.asegraph.history;

/** How a resource changed between two states: it appeared, it differs, or it went. */
public enum ChangeKind {
    CREATED,
    UPDATED,
    REMOVED
}
