package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.asegraph.analysis.ErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One vocabulary of error codes: each {@link ErrorCode}'s wire string is its name and its {@link ErrorCode.Wire}
 * constant, and the API exception of each code carries it and names the same string in the SmallRye annotation that
 * fills {@code extensions.code}.
 */
class ErrorCodeTest {
    @Test
    void theWireConstantsAreTheCodesNames() throws IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field f : ErrorCode.Wire.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                assertEquals(f.getName(), f.get(null), f.getName());
                constants.add(f.getName());
            }
        }
        Set<String> names = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(c.name(), c.wire());
            names.add(c.name());
        }
        assertEquals(names, constants);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void eachCodeHasAnApiExceptionWhoseAnnotationNamesIt(ErrorCode code) {
        ApiException e = Errors.translate(code, "the message");
        assertSame(code, e.code());
        assertEquals("the message", e.getMessage());
        io.smallrye.graphql.api.ErrorCode annotation =
                e.getClass().getAnnotation(io.smallrye.graphql.api.ErrorCode.class);
        assertNotNull(annotation, e.getClass().getName());
        assertEquals(code.wire(), annotation.value());
    }

    @Test
    void eachCodeHasAnApiExceptionOfItsOwn() {
        assertEquals(
                ErrorCode.values().length,
                Arrays.stream(ErrorCode.values())
                        .map(c -> Errors.translate(c, "").getClass())
                        .distinct()
                        .count());
    }
}
