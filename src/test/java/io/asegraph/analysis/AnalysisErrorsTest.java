package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The errors a question can end in: each carries the code the API reports as {@code extensions.code} (the contract's
 * spelling, which is the constant's name), and the ambiguous reference names its candidates in its message.
 */
class AnalysisErrorsTest {
    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void theWireCodeIsTheContractsSpelling(ErrorCode code) {
        assertEquals(code.name(), code.wire());
    }

    @Test
    void eachExceptionCarriesItsCode() {
        assertEquals(ErrorCode.UNKNOWN_REFERENCE, new UnknownReferenceException("x", "No x.").code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, new InvalidArgumentException("Bad port.").code());
        assertEquals(ErrorCode.UNDETERMINED, new UnresolvedReferenceException("Tag not imported.").code());
        assertEquals("x", new UnknownReferenceException("x", "No x.").reference());
        assertEquals("No x.", new UnknownReferenceException("x", "No x.").getMessage());
    }

    @Test
    void anAmbiguousReferenceNamesHowManyMatchAndTheirIds() {
        AmbiguousReferenceException e =
                new AmbiguousReferenceException("web", "resources", List.of("/a/web", "/b/web"));
        assertEquals(ErrorCode.AMBIGUOUS_REFERENCE, e.code());
        assertEquals("web", e.reference());
        assertEquals(List.of("/a/web", "/b/web"), e.candidates());
        assertEquals("'web' matches 2 resources; use one of their ids: /a/web, /b/web", e.getMessage());
    }
}
