package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict parsing: nothing lenient gets through where an address or a block is meant. */
class AddressParsingTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "*",
                "10.0.1",
                "10.0.1.256",
                "010.0.0.1",
                "10.0.0.1-10.0.0.9",
                "0x0A000001",
                "ase-one",
                "10.0.0.0/24"
            })
    void rejectsAnythingButOneDottedQuadAddress(String text) {
        assertThrows(InvalidAddressException.class, () -> Ipv4.parse(text));
    }

    @Test
    void emptyStringIsNotLoopback() {
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> Ipv4.parse(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void ipv6IsRecognisedButNotTakenForIpv4() {
        assertTrue(Ipv4.isIpv6("2404:7940:1:402::100/122"));
        assertFalse(Ipv4.isIpv6("10.0.0.1"));
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> Ipv4.parse("::1"));
        assertTrue(e.getMessage().contains("IPv6"), e.getMessage());
    }

    @Test
    void aBlockWithHostBitsIsRejectedWhereABlockIsMeant() {
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> Cidr.parseBlock("10.0.0.5/24"));
        assertTrue(e.getMessage().contains("10.0.0.0/24"), "suggests the block: " + e.getMessage());
    }

    @Test
    void aBareAddressIsNotABlockButIsAPrefix() {
        assertThrows(InvalidAddressException.class, () -> Cidr.parseBlock("10.0.0.5"));
        assertEquals(new Cidr(Ipv4.parse("10.0.0.5"), 32), Cidr.parsePrefix("10.0.0.5"));
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.1.0/26,10.0.1.0,10.0.1.63",
        "0.0.0.0/0,0.0.0.0,255.255.255.255",
        "192.23.1.2/32,192.23.1.2,192.23.1.2"
    })
    void blocksKnowTheirFirstAndLastAddress(String block, String first, String last) {
        Cidr c = Cidr.parseBlock(block);
        assertEquals(Ipv4.parse(first), c.first());
        assertEquals(Ipv4.parse(last), c.last());
        assertEquals(block, c.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"*;0;65535", "80;80;80", "10000-10005;10000;10005", "0-65535;0;65535"})
    void parsesPortExpressions(String text, int from, int to) {
        assertEquals(new PortRange(from, to), PortRange.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"80,81", "", "65536", "-1", "90-80", "http", "1-2-3"})
    void rejectsPortListsOutOfRangeAndReversedRanges(String text) {
        assertThrows(InvalidAddressException.class, () -> PortRange.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"Tcp,TCP", "udp,UDP", "*,ANY", "All,ANY", "Any,ANY", "Icmp,ICMP", "Esp,ESP", "Ah,AH"})
    void parsesAzureProtocolSpellings(String text, Protocol expected) {
        assertEquals(expected, Protocol.parse(text));
    }

    @Test
    void rejectsUnknownProtocols() {
        assertThrows(InvalidAddressException.class, () -> Protocol.parse("Gre"));
    }
}
