package io.asegraph.graph;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who asks for the writes run on this thread, and as what operation: the API sets it around each write
 * ({@link #run}), and {@link GraphImporter#write} records it in the {@link ChangeRecord} it commits with the write.
 * Writes made with none set (the seed on first start, a test driving the importer directly) are recorded as
 * {@link #SYSTEM}.
 */
public record Attribution(String principal, String operation, Optional<String> documentSha256) {
    /** Writes the service makes of itself. */
    public static final Attribution SYSTEM = new Attribution("system", "internal", Optional.empty());

    private static final ThreadLocal<Attribution> CURRENT = new ThreadLocal<>();

    public Attribution {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(operation, "operation");
        documentSha256 = documentSha256 == null ? Optional.empty() : documentSha256;
    }

    /** Runs {@code work} with {@code attribution} as the current one, and restores the previous one after. */
    public static <T> T run(Attribution attribution, Supplier<T> work) {
        Attribution before = CURRENT.get();
        CURRENT.set(attribution);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The attribution set on this thread, or {@link #SYSTEM}. */
    static Attribution current() {
        Attribution a = CURRENT.get();
        return a != null ? a : SYSTEM;
    }
}
