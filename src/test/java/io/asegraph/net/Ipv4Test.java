package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The yes/no questions about a string: is it one IPv4 address, is it IPv6. */
class Ipv4Test {
    @Test
    void isAddressOnlyForOneStrictAddress() {
        assertTrue(Ipv4.isAddress("10.0.0.1"));
        assertTrue(Ipv4.isAddress(" 10.0.0.1 "));
        assertFalse(Ipv4.isAddress("10.0.0.0/24"));
        assertFalse(Ipv4.isAddress("VirtualNetwork"));
        assertFalse(Ipv4.isAddress(""));
        assertFalse(Ipv4.isAddress("::1"));
    }

    @Test
    void isIpv6IsFalseForNothingAndForBlank() {
        assertFalse(Ipv4.isIpv6(null));
        assertFalse(Ipv4.isIpv6("   "));
        assertFalse(Ipv4.isIpv6("Internet"));
        assertTrue(Ipv4.isIpv6("::1"));
    }
}
