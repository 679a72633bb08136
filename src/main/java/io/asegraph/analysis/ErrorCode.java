package io.asegraph.analysis;

/**
 * The error codes of the API: {@code extensions.code} of a GraphQL error, {@code code} of a 400 or 413 answer of
 * {@code POST /import}. {@link #wire} is the string the client sees. An {@link AnalysisException} carries one of the
 * first three; the API's exceptions carry any of them.
 *
 * <p>It lives here, not in the API, because the analysis' exceptions carry a code and the domain packages may not
 * import the API; the API imports it from here. SmallRye GraphQL reads each API exception's code from its
 * {@code @io.smallrye.graphql.api.ErrorCode} annotation, whose value must be a compile-time constant: {@link Wire}
 * holds the same strings as constants for those annotations, and each code is built from its constant.
 */
public enum ErrorCode {
    /** A reference that names nothing. */
    UNKNOWN_REFERENCE(Wire.UNKNOWN_REFERENCE),
    /** A reference that names several things; the message lists them. */
    AMBIGUOUS_REFERENCE(Wire.AMBIGUOUS_REFERENCE),
    /** A malformed argument, or a resource that cannot play the part asked of it. */
    INVALID_ARGUMENT(Wire.INVALID_ARGUMENT),
    /** An import document or edited resource with problems; nothing was written. */
    INVALID_DOCUMENT(Wire.INVALID_DOCUMENT),
    /** An edit stating an etag that is not the current one. */
    CONFLICT(Wire.CONFLICT),
    /** A delete of a resource that others still reference. */
    REFERENCED(Wire.REFERENCED),
    /** A point answer (Allow or Deny) that cannot be given because something is unknown. */
    UNDETERMINED(Wire.UNDETERMINED),
    /** A write that needs more transaction memory than the store allows; nothing was written. */
    TOO_LARGE(Wire.TOO_LARGE),
    /** An authenticated caller without the role the operation needs; nothing was done. */
    FORBIDDEN(Wire.FORBIDDEN),
    /** A request over one of the API's limits (depth, complexity, size); the message names the limit and its value. */
    LIMIT_EXCEEDED(Wire.LIMIT_EXCEEDED),
    /** The graph store cannot be reached; nothing was read or written (HTTP 503 with Retry-After on POST /import). */
    STORE_UNAVAILABLE(Wire.STORE_UNAVAILABLE),
    /** The service is stopping: a write it could not finish within its grace period was rolled back. */
    SHUTTING_DOWN(Wire.SHUTTING_DOWN);

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code as the client sees it: {@code UNKNOWN_REFERENCE}, {@code INVALID_ARGUMENT} ... */
    public String wire() {
        return wire;
    }

    /** Each code's {@link #wire} string as a compile-time constant, for annotation values. */
    public static final class Wire {
        public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
        public static final String AMBIGUOUS_REFERENCE = "AMBIGUOUS_REFERENCE";
        public static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
        public static final String INVALID_DOCUMENT = "INVALID_DOCUMENT";
        public static final String CONFLICT = "CONFLICT";
        public static final String REFERENCED = "REFERENCED";
        public static final String UNDETERMINED = "UNDETERMINED";
        public static final String TOO_LARGE = "TOO_LARGE";
        public static final String FORBIDDEN = "FORBIDDEN";
        public static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
        public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";
        public static final String SHUTTING_DOWN = "SHUTTING_DOWN";

        private Wire() {}
    }
}
