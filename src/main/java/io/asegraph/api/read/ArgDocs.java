package io.asegraph.api.read;

/** The descriptions of the listing arguments every listing query shares (where, sort, limit/offset, first/after). */
final class ArgDocs {
    private ArgDocs() {}

    static final String WHERE =
            "Only the resources this filter holds for; a condition that cannot be decided leaves the row out (the connection names it in `undetermined`).";

    static final String SORT =
            "Order of the rows: a list of {field, direction}, applied in turn; default by name, then id.";

    static final String LIMIT =
            "At most this many rows: 0 to asegraph.api.max-page-size (500); default asegraph.api.default-page-size (50).";

    static final String OFFSET = "Skip this many rows first (default 0).";

    static final String FIRST =
            "Page size: 0 to asegraph.api.max-page-size (500); default asegraph.api.default-page-size (50).";

    static final String AFTER = "The `endCursor` of the previous page; omit for the first page.";
}
