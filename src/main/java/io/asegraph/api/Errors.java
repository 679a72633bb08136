package io.asegraph.api;

import io.asegraph.analysis.AnalysisException;
import io.asegraph.net.InvalidAddressException;
import java.util.function.Supplier;

/** Maps domain exceptions to coded API errors; anything else stays a server error (and is logged by SmallRye). */
public final class Errors {
    private Errors() {}

    public static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw e;
        } catch (AnalysisException e) {
            throw translate(e.code(), e.getMessage());
        } catch (InvalidAddressException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
    }

    public static ApiException translate(String code, String message) {
        return switch (code) {
            case "UNKNOWN_REFERENCE" -> new UnknownReferenceException(message);
            case "AMBIGUOUS_REFERENCE" -> new AmbiguousReferenceException(message);
            case "CONFLICT" -> new ConflictException(message);
            case "INVALID_DOCUMENT" -> new InvalidDocumentException(message);
            case "REFERENCED" -> new ReferencedException(message);
            default -> new InvalidArgumentException(message);
        };
    }
}
