package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A binary trie over IPv4 CIDR blocks, one level per prefix bit, holding one value per block. Longest-prefix
 * match, "every block containing this address" and "every block inside this block" cost at most 33 node visits
 * (plus the size of the answer), whatever the number of blocks stored.
 *
 * <p>Filled once while a snapshot is indexed, then only read: it is not safe for concurrent writes, and it is
 * published to readers through the final fields of the immutable object that owns it.
 *
 * @param <V> the value held per block
 */
public final class PrefixTrie<V> {
    /** A stored block and its value. */
    public record Entry<V>(Cidr prefix, V value) {}

    private static final class Node<V> {
        private Node<V> zero;
        private Node<V> one;
        private V value;
    }

    private final Node<V> root = new Node<>();
    private int size;

    /** Stores {@code value} for {@code prefix}, replacing any value already there. */
    public void put(Cidr prefix, V value) {
        Node<V> node = descend(prefix, true);
        if (node.value == null) {
            size++;
        }
        node.value = value;
    }

    /** The value for {@code prefix}, creating it with {@code fresh} when absent (e.g. a list to append to). */
    public V computeIfAbsent(Cidr prefix, Supplier<V> fresh) {
        Node<V> node = descend(prefix, true);
        if (node.value == null) {
            node.value = fresh.get();
            size++;
        }
        return node.value;
    }

    /** The value stored for exactly {@code prefix}. */
    public Optional<V> get(Cidr prefix) {
        Node<V> node = descend(prefix, false);
        return node == null ? Optional.empty() : Optional.ofNullable(node.value);
    }

    /** Number of blocks stored. */
    public int size() {
        return size;
    }

    /** The most specific stored block containing {@code address}. */
    public Optional<Entry<V>> longestMatch(long address) {
        return longestContaining(Cidr.host(address));
    }

    /** The most specific stored block containing every address of {@code block} (the block itself included). */
    public Optional<Entry<V>> longestContaining(Cidr block) {
        Node<V> node = root;
        Entry<V> best = node.value == null ? null : new Entry<>(Cidr.ALL, node.value);
        for (int depth = 0; depth < block.length(); depth++) {
            node = bit(block.base(), depth) == 0 ? node.zero : node.one;
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = new Entry<>(prefixAt(block.base(), depth + 1), node.value);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every stored block containing {@code address}, least specific first. */
    public List<Entry<V>> matches(long address) {
        List<Entry<V>> out = new ArrayList<>();
        Node<V> node = root;
        if (node.value != null) {
            out.add(new Entry<>(Cidr.ALL, node.value));
        }
        for (int depth = 0; depth < 32; depth++) {
            node = bit(address, depth) == 0 ? node.zero : node.one;
            if (node == null) {
                break;
            }
            if (node.value != null) {
                out.add(new Entry<>(prefixAt(address, depth + 1), node.value));
            }
        }
        return out;
    }

    /** Every stored block inside {@code block} (the block itself included), in address order, shorter first at a tie. */
    public List<Entry<V>> within(Cidr block) {
        Node<V> node = descend(block, false);
        List<Entry<V>> out = new ArrayList<>();
        if (node != null) {
            collect(node, block.base(), block.length(), out);
        }
        return out;
    }

    private void collect(Node<V> node, long base, int length, List<Entry<V>> out) {
        if (node.value != null) {
            out.add(new Entry<>(new Cidr(base, length), node.value));
        }
        if (length == 32) {
            return;
        }
        if (node.zero != null) {
            collect(node.zero, base, length + 1, out);
        }
        if (node.one != null) {
            collect(node.one, base | (1L << (31 - length)), length + 1, out);
        }
    }

    private Node<V> descend(Cidr prefix, boolean create) {
        Node<V> node = root;
        for (int depth = 0; depth < prefix.length(); depth++) {
            boolean one = bit(prefix.base(), depth) == 1;
            Node<V> next = one ? node.one : node.zero;
            if (next == null) {
                if (!create) {
                    return null;
                }
                next = new Node<>();
                if (one) {
                    node.one = next;
                } else {
                    node.zero = next;
                }
            }
            node = next;
        }
        return node;
    }

    private static int bit(long address, int depth) {
        return (int) ((address >>> (31 - depth)) & 1L);
    }

    private static Cidr prefixAt(long address, int length) {
        long mask = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        return new Cidr(address & mask, length);
    }
}
