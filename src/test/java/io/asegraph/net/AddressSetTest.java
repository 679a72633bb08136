package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressSetTest {
    @Test
    void differenceOfASubnetAndAQuarterGivesTheMinimalBlocks() {
        AddressSet subnet = AddressSet.parse("10.0.1.0/26");
        AddressSet rest = subnet.minus(AddressSet.parse("10.0.1.16/28"));
        assertEquals(List.of("10.0.1.0/28", "10.0.1.32/27"), rest.toCidrStrings());
        assertEquals(48, rest.size());
    }

    @Test
    void unionMergesAdjacentBlocks() {
        assertEquals(
                List.of("10.0.0.0/23"),
                AddressSet.parse("10.0.1.0/24", "10.0.0.0/24").toCidrStrings());
    }

    @Test
    void complementOfEverythingIsEmptyAndBack() {
        assertTrue(AddressSet.ALL.complement().isEmpty());
        assertTrue(AddressSet.EMPTY.complement().isAll());
    }

    @Test
    void containmentAndOverlap() {
        AddressSet a = AddressSet.parse("10.0.0.0/16");
        assertTrue(a.containsAll(AddressSet.parse("10.0.1.0/26")));
        assertFalse(a.containsAll(AddressSet.parse("10.1.0.0/26")));
        assertTrue(a.overlaps(AddressSet.parse("10.0.255.255")));
        assertTrue(a.contains(Ipv4.parse("10.0.3.4")));
    }

    @Test
    void cidrDisplayCoversExactlyTheSetForRandomRanges() {
        Random r = new Random(7);
        for (int i = 0; i < io.asegraph.Samples.of(500); i++) {
            long a = r.nextInt(1 << 20);
            long b = a + r.nextInt(5000);
            AddressSet s = AddressSet.range(a, b);
            AddressSet back = AddressSet.of(s.toCidrs());
            assertEquals(s, back);
            assertEquals(b - a + 1, s.size());
        }
    }
}
