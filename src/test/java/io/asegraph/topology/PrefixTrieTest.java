package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixTrieTest {
    private static PrefixTrie<String> trie() {
        PrefixTrie<String> t = new PrefixTrie<>();
        t.put(Cidr.parseBlock("0.0.0.0/0"), "default");
        t.put(Cidr.parseBlock("10.0.0.0/16"), "vnet");
        t.put(Cidr.parseBlock("10.0.0.0/24"), "subnet");
        t.put(Cidr.parseBlock("10.0.0.7/32"), "host");
        t.put(Cidr.parseBlock("10.1.0.0/16"), "peer");
        return t;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "10.0.0.5, subnet, 10.0.0.0/24",
        "10.0.1.5, vnet, 10.0.0.0/16",
        "10.0.0.7, host, 10.0.0.7/32",
        "10.1.200.1, peer, 10.1.0.0/16",
        "8.8.8.8, default, 0.0.0.0/0",
        "255.255.255.255, default, 0.0.0.0/0"
    })
    void longestMatchPicksTheMostSpecificBlockHoldingTheAddress(String address, String value, String prefix) {
        PrefixTrie.Entry<String> e = trie().longestMatch(Ipv4.parse(address)).orElseThrow();
        assertEquals(value, e.value());
        assertEquals(prefix, e.prefix().toString());
    }

    @Test
    void matchesListsEveryContainingBlockLeastSpecificFirst() {
        List<String> found = trie().matches(Ipv4.parse("10.0.0.7")).stream()
                .map(e -> e.value() + " " + e.prefix())
                .toList();
        assertEquals(List.of("default 0.0.0.0/0", "vnet 10.0.0.0/16", "subnet 10.0.0.0/24", "host 10.0.0.7/32"), found);
    }

    @Test
    void withinListsTheBlocksInsideABlock() {
        List<String> prefixes = trie().within(Cidr.parseBlock("10.0.0.0/8")).stream()
                .map(e -> e.prefix().toString())
                .toList();
        assertEquals(List.of("10.0.0.0/16", "10.0.0.0/24", "10.0.0.7/32", "10.1.0.0/16"), prefixes);
    }

    @Test
    void longestContainingNeedsTheWholeBlockInside() {
        assertEquals(
                "vnet",
                trie().longestContaining(Cidr.parseBlock("10.0.0.0/23"))
                        .orElseThrow()
                        .value());
        assertEquals(
                "subnet",
                trie().longestContaining(Cidr.parseBlock("10.0.0.0/24"))
                        .orElseThrow()
                        .value());
    }

    @Test
    void anEmptyTrieMatchesNothing() {
        PrefixTrie<String> t = new PrefixTrie<>();
        assertTrue(t.longestMatch(0).isEmpty());
        assertEquals(0, t.size());
    }

    @Test
    void putReplacesTheValueOfTheSameBlock() {
        PrefixTrie<String> t = trie();
        t.put(Cidr.parseBlock("10.0.0.0/16"), "again");
        assertEquals(5, t.size());
        assertEquals("again", t.get(Cidr.parseBlock("10.0.0.0/16")).orElseThrow());
    }

    @Test
    void computeIfAbsentCreatesOnceAndCounts() {
        PrefixTrie<List<String>> t = new PrefixTrie<>();
        t.computeIfAbsent(Cidr.parseBlock("10.0.0.0/8"), java.util.ArrayList::new)
                .add("a");
        t.computeIfAbsent(Cidr.parseBlock("10.0.0.0/8"), java.util.ArrayList::new)
                .add("b");
        assertEquals(1, t.size());
        assertEquals(List.of("a", "b"), t.get(Cidr.parseBlock("10.0.0.0/8")).orElseThrow());
        assertTrue(t.get(Cidr.parseBlock("10.0.0.0/9")).isEmpty());
    }
}
