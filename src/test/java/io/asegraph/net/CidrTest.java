package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A block's bounds, size, containment, overlap, order and display. */
class CidrTest {
    private static Cidr block(String text) {
        return Cidr.parseBlock(text);
    }

    @Test
    void theWholeRangeIsAccepted() {
        assertEquals("255.255.255.255/32", Cidr.host(Ipv4.MAX).toString());
        assertEquals("0.0.0.0/0", new Cidr(0, 0).toString());
        assertThrows(InvalidAddressException.class, () -> new Cidr(Ipv4.MAX + 1, 32));
        assertThrows(InvalidAddressException.class, () -> new Cidr(-1, 32));
        assertThrows(InvalidAddressException.class, () -> new Cidr(0, 33));
        assertThrows(InvalidAddressException.class, () -> new Cidr(0, -1));
        assertThrows(InvalidAddressException.class, () -> new Cidr(Ipv4.parse("10.0.0.1"), 31));
    }

    @Test
    void sizeOfABlockNotAtZero() {
        assertEquals(256, block("10.0.1.0/24").size());
        assertEquals(64, block("10.0.1.64/26").size());
        assertEquals(1, Cidr.host(Ipv4.parse("10.9.8.7")).size());
    }

    @ParameterizedTest
    @CsvSource({"10.0.1.64,true", "10.0.1.127,true", "10.0.1.63,false", "10.0.1.128,false"})
    void containsAnAddressFromFirstToLast(String address, boolean inside) {
        assertEquals(inside, block("10.0.1.64/26").contains(Ipv4.parse(address)));
    }

    @Test
    void containsABlockOnlyWhenNested() {
        Cidr c = block("10.0.1.0/24");
        assertTrue(c.contains(c));
        assertTrue(c.contains(block("10.0.1.0/26")));
        assertTrue(c.contains(block("10.0.1.192/26")));
        assertFalse(block("10.0.1.0/26").contains(c));
        assertFalse(c.contains(block("10.0.0.0/23")));
        assertFalse(c.contains(block("10.0.2.0/26")));
        assertFalse(c.contains(block("10.0.0.192/26")));
    }

    @Test
    void adjacentBlocksDoNotOverlapNestedOnesDo() {
        Cidr c = block("10.0.1.0/24");
        assertFalse(c.overlaps(block("10.0.2.0/24")));
        assertFalse(c.overlaps(block("10.0.0.0/24")));
        assertFalse(block("10.0.2.0/24").overlaps(c));
        assertFalse(block("10.0.0.0/24").overlaps(c));
        assertTrue(c.overlaps(block("10.0.1.255/32")));
        assertTrue(c.overlaps(block("10.0.1.0/32")));
        assertTrue(c.overlaps(block("10.0.0.0/16")));
        assertTrue(block("10.0.0.0/16").overlaps(c));
    }

    @Test
    void blocksSortByAddressThenByPrefixLength() {
        List<Cidr> blocks = new ArrayList<>(
                List.of(block("10.0.1.0/24"), block("10.0.0.0/24"), block("9.255.0.0/16"), block("10.0.0.0/16")));
        blocks.sort(null);
        assertEquals("9.255.0.0/16, 10.0.0.0/16, 10.0.0.0/24, 10.0.1.0/24", Cidr.join(blocks));
        assertEquals(0, block("10.0.0.0/24").compareTo(block("10.0.0.0/24")));
        assertTrue(block("10.0.0.0/24").compareTo(block("10.0.0.0/16")) > 0);
        assertTrue(block("10.0.0.0/16").compareTo(block("10.0.0.0/24")) < 0);
    }

    @Test
    void joinWritesASentenceList() {
        assertEquals("10.0.1.0/24, 10.0.9.0/24", Cidr.join(List.of(block("10.0.1.0/24"), block("10.0.9.0/24"))));
        assertEquals("", Cidr.join(List.of()));
    }

    @Test
    void hostIsASlash32() {
        assertEquals(Cidr.parsePrefix("172.16.0.4"), Cidr.host(Ipv4.parse("172.16.0.4")));
        assertEquals(32, Cidr.host(Ipv4.parse("172.16.0.4")).length());
    }
}
