package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Port numbers, port ranges and protocols as Azure's NSG rules define them (0-65535; Tcp, Udp, Icmp, Esp, Ah, *). */
class PortsAndProtocolsTest {

    @Test
    void aPortIsZeroTo65535AndNeverNull() {
        assertFalse(Port.isPort(null));
        assertFalse(Port.isPort(-1));
        assertTrue(Port.isPort(0));
        assertTrue(Port.isPort(443));
        assertTrue(Port.isPort(65535));
        assertFalse(Port.isPort(65536));
    }

    @Test
    void theProblemSentenceNamesTheFieldAndTheRange() {
        assertEquals("destinationPort 70000 is not a port (0-65535)", Port.problem("destinationPort", 70000));
    }

    @Test
    void aRangeContainsBothEnds() {
        PortRange r = PortRange.parse("10000-10005");
        assertTrue(r.contains(10000));
        assertTrue(r.contains(10005));
        assertFalse(r.contains(9999));
        assertFalse(r.contains(10006));
        assertEquals(new PortRange(443, 443), PortRange.single(443));
        assertTrue(PortRange.single(443).contains(443));
    }

    @Test
    void onlyZeroTo65535IsAll() {
        assertTrue(PortRange.ALL.isAll());
        assertTrue(PortRange.parse("0-65535").isAll());
        assertFalse(PortRange.parse("1-65535").isAll());
        assertFalse(PortRange.parse("0-65534").isAll());
    }

    @Test
    void rangesPrintAsAzureWritesThem() {
        assertEquals("80", PortRange.parse("80").toString());
        assertEquals("10000-10005", PortRange.parse("10000-10005").toString());
        // effective rules show * as 0-65535
        assertEquals("0-65535", PortRange.parse("*").toString());
    }

    @Test
    void aLeadingDashIsNotAPort() {
        // neither an integer nor an integer range with '-' delimiter
        assertThrows(InvalidAddressException.class, () -> PortRange.parse("-0"));
        assertThrows(InvalidAddressException.class, () -> PortRange.parse("-80"));
    }

    @ParameterizedTest
    @CsvSource({"TCP,true", "UDP,true", "ANY,true", "ICMP,false", "ESP,false", "AH,false"})
    void onlyTcpUdpAndAnyHavePorts(Protocol p, boolean hasPorts) {
        assertEquals(hasPorts, p.hasPorts());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anyMatchesEveryFlowAndEachOtherProtocolOnlyItself(Protocol flow) {
        assertTrue(Protocol.ANY.matches(flow));
        for (Protocol rule : Protocol.values()) {
            if (rule != Protocol.ANY) {
                assertEquals(rule == flow, rule.matches(flow), rule + " against " + flow);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"TCP,Tcp", "UDP,Udp", "ICMP,Icmp", "ESP,Esp", "AH,Ah", "ANY,*"})
    void theWireNameIsTheApiEnumValue(Protocol p, String wire) {
        assertEquals(wire, p.azureName());
        assertEquals(p, Protocol.parse(wire));
    }

    @Test
    void aMissingProtocolIsRejected() {
        assertThrows(InvalidAddressException.class, () -> Protocol.parse(null));
    }
}
