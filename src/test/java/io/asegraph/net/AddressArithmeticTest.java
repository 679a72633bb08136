package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Building an address from its octets and the size of a block of a given prefix length. */
class AddressArithmeticTest {

    @ParameterizedTest
    @CsvSource({"10,0,1,5,10.0.1.5", "0,0,0,0,0.0.0.0", "255,255,255,255,255.255.255.255", "192,168,200,1,192.168.200.1"
    })
    void buildsAnAddressFromItsOctets(int a, int b, int c, int d, String text) {
        assertEquals(Ipv4.parse(text), Ipv4.of(a, b, c, d));
        assertEquals(text, Ipv4.format(Ipv4.of(a, b, c, d)));
    }

    @Test
    void rejectsAnOctetOutsideOneByte() {
        assertThrows(InvalidAddressException.class, () -> Ipv4.of(256, 0, 0, 0));
        assertThrows(InvalidAddressException.class, () -> Ipv4.of(10, 0, 0, -1));
        assertThrows(InvalidAddressException.class, () -> Ipv4.of(10, 300, 0, 1));
    }

    @ParameterizedTest
    @CsvSource({"32,1", "31,2", "24,256", "18,16384", "8,16777216", "0,4294967296"})
    void aBlockOfAPrefixLengthHoldsTwoToTheHostBitsAddresses(int length, long size) {
        assertEquals(size, Cidr.blockSize(length));
        assertEquals(new Cidr(0, length).size(), Cidr.blockSize(length));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 33})
    void rejectsAPrefixLengthOutsideTheRange(int length) {
        assertThrows(InvalidAddressException.class, () -> Cidr.blockSize(length));
    }
}
