package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AddressSet's constructors, predicates and display, each on a hand-worked example. */
class AddressSetOperationsTest {

    @Test
    void aRangeOfOneAddressIsThatHost() {
        long a = Ipv4.parse("10.0.0.7");
        AddressSet one = AddressSet.range(a, a);
        assertEquals(1, one.size());
        assertEquals(AddressSet.host(a), one);
        assertEquals(List.of("10.0.0.7/32"), one.toCidrStrings());
        assertTrue(AddressSet.range(a + 1, a).isEmpty());
    }

    @Test
    void hostAndBlockConstructorsAgreeWithParsing() {
        assertEquals(AddressSet.parse("192.168.1.9"), AddressSet.host(Ipv4.parse("192.168.1.9")));
        assertEquals(AddressSet.parse("10.1.0.0/16"), AddressSet.of(Cidr.parseBlock("10.1.0.0/16")));
        assertEquals(
                AddressSet.parse("10.1.0.0/16"), Cidr.parseBlock("10.1.0.0/16").toSet());
        assertEquals(65536, AddressSet.of(Cidr.parseBlock("10.1.0.0/16")).size());
    }

    @Test
    void unionAndIntersectionOfBlocks() {
        AddressSet a = AddressSet.parse("10.0.0.0/24");
        AddressSet c = AddressSet.parse("10.0.2.0/24");
        assertEquals(List.of("10.0.0.0/24", "10.0.2.0/24"), a.union(c).toCidrStrings());
        assertEquals(
                List.of("10.0.5.0/24"),
                AddressSet.parse("10.0.0.0/16")
                        .intersect(AddressSet.parse("10.0.5.0/24"))
                        .toCidrStrings());
        assertTrue(a.intersect(c).isEmpty());
        assertEquals(AddressSet.EMPTY, a.intersect(c));
    }

    @ParameterizedTest
    @CsvSource({"10.0.1.0,true", "10.0.1.255,true", "10.0.0.255,false", "10.0.2.0,false"})
    void aSubnetContainsItsFirstAndLastAddressAndNotTheirNeighbours(String address, boolean inside) {
        assertEquals(inside, AddressSet.parse("10.0.1.0/24").contains(Ipv4.parse(address)));
    }

    @Test
    void predicatesAreFalseWhereTheyShouldBe() {
        AddressSet subnet = AddressSet.parse("10.0.1.0/24");
        assertFalse(subnet.overlaps(AddressSet.parse("10.0.2.0/24")));
        assertFalse(subnet.isEmpty());
        assertFalse(subnet.containsAll(AddressSet.parse("10.0.0.0/16")));
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0/1,false", "128.0.0.0/1,false", "10.0.1.0/24,false", "0.0.0.0/1 128.0.0.0/1,true"})
    void onlyEveryAddressIsAll(String blocks, boolean all) {
        assertEquals(all, AddressSet.parse(blocks.split(" ")).isAll());
    }

    @Test
    void firstIsTheLowestAddress() {
        assertEquals(
                Ipv4.parse("10.0.1.0"),
                AddressSet.parse("10.0.9.0/24", "10.0.1.0/24").first());
    }

    @Test
    void anUnalignedRangeIsShownAsTheFewestBlocks() {
        // 10.0.0.1 .. 10.0.0.6: .1 alone, .2-.3, .4-.5, .6 alone
        AddressSet s = AddressSet.range(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.6"));
        assertEquals(List.of("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"), s.toCidrStrings());
        assertEquals(List.of("0.0.0.0/0"), AddressSet.ALL.toCidrStrings());
        assertEquals(List.of("255.255.255.255/32"), AddressSet.host(Ipv4.MAX).toCidrStrings());
    }

    @Test
    void theComplementOfEverythingButTheTopAddressIsTheTopAddress() {
        assertEquals(
                AddressSet.host(Ipv4.MAX), AddressSet.range(0, Ipv4.MAX - 1).complement());
    }

    @Test
    void publicSpaceStartsAsAzureExpandsTheInternetTag() {
        // Network Watcher's expansion of AllowInternetOutBound begins 1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6, 8.0.0.0/7,
        // 11.0.0.0/8, 12.0.0.0/6 (azure-semantics.md, Internet tag)
        List<String> internet = SpecialRanges.NOT_PUBLIC.complement().toCidrStrings();
        assertEquals(
                List.of("1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6"),
                internet.subList(0, 6));
    }

    @Test
    void equalityIsBySetNotByHowItWasBuilt() {
        AddressSet a = AddressSet.parse("10.0.0.0/25", "10.0.0.128/25");
        AddressSet b = AddressSet.parse("10.0.0.0/24");
        assertEquals(b, a);
        assertEquals(b.hashCode(), a.hashCode());
        assertNotEquals(AddressSet.parse("10.0.0.0/25"), b);
        assertNotEquals(b, "10.0.0.0/24");
    }

    @Test
    void toStringListsTheBlocksOrSaysNone() {
        assertEquals("(none)", AddressSet.EMPTY.toString());
        assertEquals(
                "10.0.0.0/24, 10.0.2.0/24",
                AddressSet.parse("10.0.2.0/24", "10.0.0.0/24").toString());
    }
}
