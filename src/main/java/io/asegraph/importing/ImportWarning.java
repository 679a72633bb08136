package io.asegraph.importing;

import java.util.Objects;

/**
 * Something in the document that was accepted but not imported as written (an unknown resource type, an IPv6
 * prefix, an app outside any ASE...). Warnings never block an import. {@code location} is a JSONPath as in
 * {@link ImportProblem}.
 */
public record ImportWarning(String location, String message) {
    public ImportWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code LOCATION: MESSAGE}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
