package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sets of ports as a rule's port fields and a flow's port questions use them. */
class PortSetTest {
    private static PortSet ports(String... expressions) {
        return PortSet.of(List.of(expressions).stream().map(PortRange::parse).toList());
    }

    @Test
    void buildingMergesOverlappingAndAdjacentRanges() {
        assertEquals(
                List.of(new PortRange(80, 90), new PortRange(100, 100)),
                ports("100", "81-90", "80").toRanges());
        assertEquals(List.of(new PortRange(443, 443)), PortSet.single(443).toRanges());
        assertSame(PortSet.EMPTY, PortSet.of(List.of()));
        assertEquals(List.of(), PortSet.EMPTY.toRanges());
    }

    @Test
    void unionIntersectionAndDifference() {
        PortSet web = ports("80", "443");
        PortSet high = ports("443-8080");
        assertEquals(ports("80", "443-8080"), web.union(high));
        assertEquals(ports("443"), web.intersect(high));
        assertEquals(ports("80"), web.minus(high));
        assertEquals(ports("444-8080"), high.minus(web));
        assertEquals(ports("0-79", "81-65535"), PortSet.ALL.minus(PortSet.single(80)));
    }

    @Test
    void emptyResultsAreEmpty() {
        assertTrue(PortSet.single(80).minus(PortSet.single(80)).isEmpty());
        assertEquals(PortSet.EMPTY, PortSet.single(80).intersect(PortSet.single(81)));
        assertFalse(PortSet.single(80).isEmpty());
    }

    @Test
    void containsEveryPortOfItsRangesOnly() {
        PortSet s = ports("22", "3389", "10000-10005");
        assertTrue(s.contains(22));
        assertTrue(s.contains(10000));
        assertTrue(s.contains(10005));
        assertFalse(s.contains(21));
        assertFalse(s.contains(10006));
        assertTrue(s.containsAll(ports("10001-10003", "22")));
        assertFalse(s.containsAll(ports("10004-10006")));
        assertTrue(PortSet.ALL.containsAll(s));
        assertFalse(s.containsAll(PortSet.ALL));
    }

    @Test
    void isAllOnlyForEveryPort() {
        assertTrue(PortSet.ALL.isAll());
        assertTrue(ports("0-100", "101-65535").isAll());
        assertFalse(ports("0-65534").isAll());
        assertFalse(ports("1-65535").isAll());
        assertFalse(ports("0-10", "12-65535").isAll());
        assertFalse(PortSet.EMPTY.isAll());
    }

    @Test
    void equalityIsByPortsAndPrintsAsRanges() {
        assertEquals(ports("80-81"), ports("80", "81"));
        assertEquals(ports("80-81").hashCode(), ports("80", "81").hashCode());
        assertNotEquals(ports("80"), ports("81"));
        assertNotEquals(ports("80"), PortRange.single(80));
        assertEquals("[80-90, 100]", ports("100", "80-90").toString());
    }
}
