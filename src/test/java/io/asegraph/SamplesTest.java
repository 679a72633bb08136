package io.asegraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void theSuiteDrawsEverySampleAndAFractionScalesDownToAtLeastOne() {
        assertEquals(1.0, Samples.factor(null));
        assertEquals(1.0, Samples.factor(" "));
        assertEquals(300, Samples.scaled(300, Samples.factor(null)));
        assertEquals(30, Samples.scaled(300, Samples.factor("0.1")));
        assertEquals(1, Samples.scaled(4, Samples.factor("0.1")));
    }

    @Test
    void aFactorOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Samples.factor("0"));
        assertThrows(IllegalArgumentException.class, () -> Samples.factor("1.5"));
    }
}
