package io.asegraph.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of IPv4 addresses as sorted disjoint intervals, with union, intersection, difference and
 * containment. CIDR blocks are its display form: {@link #toCidrs()} gives the minimal list of blocks.
 */
public final class AddressSet {
    public static final AddressSet EMPTY = new AddressSet(Intervals.EMPTY);
    public static final AddressSet ALL = new AddressSet(new long[] {0, Ipv4.MAX});

    private final long[] iv;

    private AddressSet(long[] normalised) {
        this.iv = normalised;
    }

    public static AddressSet of(Cidr cidr) {
        return new AddressSet(new long[] {cidr.first(), cidr.last()});
    }

    public static AddressSet of(Collection<Cidr> cidrs) {
        long[] raw = new long[cidrs.size() * 2];
        int k = 0;
        for (Cidr c : cidrs) {
            raw[k++] = c.first();
            raw[k++] = c.last();
        }
        return new AddressSet(Intervals.normalise(raw));
    }

    public static AddressSet host(long address) {
        return new AddressSet(new long[] {address, address});
    }

    public static AddressSet range(long first, long last) {
        if (first > last) {
            return EMPTY;
        }
        return new AddressSet(new long[] {first, last});
    }

    /** Parses CIDR blocks or single addresses (as /32). */
    public static AddressSet parse(String... prefixes) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String p : prefixes) {
            cidrs.add(Cidr.parsePrefix(p));
        }
        return of(cidrs);
    }

    public AddressSet union(AddressSet other) {
        return wrap(Intervals.union(iv, other.iv));
    }

    public AddressSet intersect(AddressSet other) {
        return wrap(Intervals.intersect(iv, other.iv));
    }

    public AddressSet minus(AddressSet other) {
        return wrap(Intervals.minus(iv, other.iv, Ipv4.MAX));
    }

    public AddressSet complement() {
        return wrap(Intervals.complement(iv, Ipv4.MAX));
    }

    public boolean contains(long address) {
        return Intervals.contains(iv, address);
    }

    public boolean containsAll(AddressSet other) {
        return Intervals.minus(other.iv, iv, Ipv4.MAX).length == 0;
    }

    public boolean overlaps(AddressSet other) {
        return Intervals.overlaps(iv, other.iv);
    }

    public boolean isEmpty() {
        return iv.length == 0;
    }

    public boolean isAll() {
        return iv.length == 2 && iv[0] == 0 && iv[1] == Ipv4.MAX;
    }

    /** Number of addresses. */
    public long size() {
        return Intervals.size(iv);
    }

    /** Lowest address; the set must not be empty. */
    public long first() {
        return iv[0];
    }

    /** The minimal list of CIDR blocks covering exactly this set, in address order. */
    public List<Cidr> toCidrs() {
        List<Cidr> out = new ArrayList<>();
        for (int i = 0; i < iv.length; i += 2) {
            long lo = iv[i];
            long hi = iv[i + 1];
            while (lo <= hi) {
                int length = 32;
                while (length > 0) {
                    int candidate = length - 1;
                    long blockMask = Cidr.mask(candidate);
                    long size = 1L << (32 - candidate);
                    if ((lo & ~blockMask & Ipv4.MAX) != 0 || lo + size - 1 > hi) {
                        break;
                    }
                    length = candidate;
                }
                out.add(new Cidr(lo, length));
                lo += 1L << (32 - length);
            }
        }
        return out;
    }

    public List<String> toCidrStrings() {
        return toCidrs().stream().map(Cidr::toString).toList();
    }

    private static AddressSet wrap(long[] iv) {
        return iv.length == 0 ? EMPTY : new AddressSet(iv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressSet other && Arrays.equals(iv, other.iv);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(iv);
    }

    @Override
    public String toString() {
        return isEmpty() ? "(none)" : String.join(", ", toCidrStrings());
    }
}
