package io.asegraph.bench;

import java.time.Duration;

/**
 * The hard cap of a benchmark run: every wait the run does is bounded by what is left of it, so the run stops by
 * itself however the service behaves.
 */
final class Deadline {
    private final long start;
    private final long end;
    private final Duration cap;

    private Deadline(Duration cap) {
        this.cap = cap;
        this.start = System.nanoTime();
        this.end = start + cap.toNanos();
    }

    static Deadline after(Duration cap) {
        if (cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("the time cap must be positive, got " + cap);
        }
        return new Deadline(cap);
    }

    Duration cap() {
        return cap;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    /** {@code wanted}, or what is left of the cap when that is less (at least one millisecond). */
    Duration bound(Duration wanted) {
        Duration left = remaining();
        Duration d = wanted.compareTo(left) < 0 ? wanted : left;
        return d.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : d;
    }

    /** Throws {@link TimeCapException} naming {@code phase} when the cap has passed. */
    void check(String phase) {
        if (passed()) {
            throw new TimeCapException(cap, phase);
        }
    }

    /** The run reached its hard cap; what was measured so far is still reported. */
    static final class TimeCapException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeCapException(Duration cap, String phase) {
            super("the hard cap of " + cap.toSeconds() + " s was reached during " + phase);
        }
    }
}
