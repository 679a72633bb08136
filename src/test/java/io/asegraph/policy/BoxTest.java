package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five-dimension boxes of the NSG engine: containment, intersection and subtraction, checked by hand. */
class BoxTest {
    private static final int TCP = Box.mask(Protocol.TCP);
    private static final int UDP = Box.mask(Protocol.UDP);
    private static final AddressSet TEN = AddressSet.parse("10.0.0.0/8");
    private static final AddressSet TEN_ONE = AddressSet.parse("10.1.0.0/16");
    private static final AddressSet HOST = AddressSet.parse("10.0.0.4/32");

    private static Box box(AddressSet src, AddressSet dst, PortSet srcPorts, PortSet dstPorts, int protocols) {
        return new Box(src, dst, srcPorts, dstPorts, protocols);
    }

    private static final Box WIDE = box(TEN, TEN, PortSet.ALL, PortSet.ALL, Box.ALL_PROTOCOLS);

    @Test
    void aBoxContainsItselfAndANarrowerBox() {
        assertTrue(WIDE.containsAll(WIDE));
        assertTrue(WIDE.containsAll(box(TEN_ONE, HOST, PortSet.single(50000), PortSet.single(22), TCP)));
    }

    @Test
    void containmentFailsOnAProtocolTheBoxLacks() {
        Box tcpOnly = box(TEN, TEN, PortSet.ALL, PortSet.ALL, TCP);
        assertFalse(tcpOnly.containsAll(WIDE));
        assertFalse(tcpOnly.containsAll(box(TEN, TEN, PortSet.ALL, PortSet.ALL, TCP | UDP)));
        assertTrue(tcpOnly.containsAll(box(TEN, TEN, PortSet.ALL, PortSet.ALL, TCP)));
    }

    @Test
    void containmentFailsOnEachWiderDimension() {
        Box narrow = box(TEN_ONE, HOST, PortSet.single(1000), PortSet.single(22), TCP);
        assertFalse(narrow.containsAll(box(TEN, HOST, PortSet.single(1000), PortSet.single(22), TCP)));
        assertFalse(narrow.containsAll(box(TEN_ONE, TEN, PortSet.single(1000), PortSet.single(22), TCP)));
        assertFalse(narrow.containsAll(box(TEN_ONE, HOST, PortSet.ALL, PortSet.single(22), TCP)));
        assertFalse(narrow.containsAll(box(TEN_ONE, HOST, PortSet.single(1000), PortSet.ALL, TCP)));
    }

    @Test
    void intersectionKeepsOnlyCommonProtocols() {
        Box tcp = box(TEN, TEN, PortSet.ALL, PortSet.ALL, TCP);
        Box udp = box(TEN, TEN, PortSet.ALL, PortSet.ALL, UDP);
        assertEquals(0, tcp.intersect(udp).protocols());
        assertTrue(tcp.intersect(udp).isEmpty());
        assertEquals(TCP, WIDE.intersect(tcp).protocols());
    }

    @Test
    void intersectionIsTheCommonPartInEveryDimension() {
        Box a = box(TEN, TEN, PortSet.ALL, PortSet.single(22), Box.ALL_PROTOCOLS);
        Box b = box(TEN_ONE, HOST, PortSet.single(1000), PortSet.ALL, TCP);
        assertEquals(box(TEN_ONE, HOST, PortSet.single(1000), PortSet.single(22), TCP), a.intersect(b));
    }

    @Test
    void subtractingAnAnyProtocolPortRuleLeavesTheOtherPortsOfTheOriginalProtocolOnly() {
        // TCP to any port, minus every protocol to port 22: what is left is TCP to every port but 22.
        Box tcp = box(TEN, HOST, PortSet.ALL, PortSet.ALL, TCP);
        Box anyTo22 = box(TEN, HOST, PortSet.ALL, PortSet.single(22), Box.ALL_PROTOCOLS);
        List<Box> out = new ArrayList<>();
        tcp.subtractInto(anyTo22, out);
        assertEquals(List.of(box(TEN, HOST, PortSet.ALL, PortSet.ALL.minus(PortSet.single(22)), TCP)), out);
    }

    @Test
    void subtractingASourcePortSliceKeepsTheOriginalProtocolsOnThePieces() {
        Box udp = box(TEN, HOST, PortSet.ALL, PortSet.single(53), UDP);
        Box anyFromPort53 = box(TEN, HOST, PortSet.single(53), PortSet.ALL, Box.ALL_PROTOCOLS);
        List<Box> out = new ArrayList<>();
        udp.subtractInto(anyFromPort53, out);
        assertEquals(List.of(box(TEN, HOST, PortSet.ALL.minus(PortSet.single(53)), PortSet.single(53), UDP)), out);
    }

    @Test
    void subtractingADisjointBoxLeavesTheBoxWhole() {
        Box tcp = box(TEN, HOST, PortSet.ALL, PortSet.ALL, TCP);
        List<Box> out = new ArrayList<>();
        tcp.subtractInto(box(TEN, HOST, PortSet.ALL, PortSet.ALL, UDP), out);
        assertEquals(List.of(tcp), out);
    }
}
