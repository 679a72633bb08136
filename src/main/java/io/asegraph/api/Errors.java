package io.asegraph.api;

import io.asegraph.analysis.AnalysisException;
import io.asegraph.analysis.ErrorCode;
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

    /** The API exception of {@code code}, with {@code message}. */
    public static ApiException translate(ErrorCode code, String message) {
        return switch (code) {
            case UNKNOWN_REFERENCE -> new UnknownReferenceException(message);
            case AMBIGUOUS_REFERENCE -> new AmbiguousReferenceException(message);
            case INVALID_ARGUMENT -> new InvalidArgumentException(message);
            case INVALID_DOCUMENT -> new InvalidDocumentException(message);
            case CONFLICT -> new ConflictException(message);
            case REFERENCED -> new ReferencedException(message);
            case UNDETERMINED -> new UndeterminedException(message);
            case TOO_LARGE -> new TooLargeException(message);
            case FORBIDDEN -> new ForbiddenException(message);
            case LIMIT_EXCEEDED -> new LimitExceededException(message);
            case STORE_UNAVAILABLE -> new StoreUnavailableException(message);
            case SHUTTING_DOWN -> new ShuttingDownException(message);
        };
    }
}
