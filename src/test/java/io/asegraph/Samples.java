package io.asegraph;

/**
 * How many random samples a property test draws. The suite draws every sample ({@code asegraph.test.samples} unset or
 * 1); the mutation-testing profile ({@code -Ppit}, issue 22) sets it to a fraction so that PIT, which runs the
 * covering tests once per mutant, finishes on the project's machine. A scaled test still draws at least one sample.
 */
public final class Samples {
    private static final double FACTOR = factor(System.getProperty("asegraph.test.samples"));

    private Samples() {}

    static double factor(String value) {
        if (value == null || value.isBlank()) {
            return 1.0;
        }
        double f = Double.parseDouble(value.trim());
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException("asegraph.test.samples must be in (0, 1]: " + value);
        }
        return f;
    }

    /** {@code n} in the suite; under the PIT profile its share, at least 1. */
    public static int of(int n) {
        return scaled(n, FACTOR);
    }

    static int scaled(int n, double factor) {
        return Math.max(1, (int) Math.round(n * factor));
    }
}
