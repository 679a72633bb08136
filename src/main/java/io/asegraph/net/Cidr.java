package io.asegraph.net;

import inet.ipaddr.IPAddress;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * An IPv4 CIDR block: a base address with no host bits set and a prefix length 0..32.
 * {@link #parseBlock} is strict ({@code 10.0.0.5/24} is rejected: it is not a block);
 * {@link #parsePrefix} also accepts a bare address as a /32, the way NSG rules and routes do.
 */
public record Cidr(long base, int length) implements Comparable<Cidr> {
    public static final Cidr ALL = new Cidr(0, 0);

    public Cidr {
        if (length < 0 || length > 32) {
            throw new InvalidAddressException("prefix length " + length + " is outside 0..32");
        }
        if (base < 0 || base > Ipv4.MAX || (base & ~mask(length) & Ipv4.MAX) != 0) {
            throw new InvalidAddressException(
                    Ipv4.format(base) + "/" + length + " has host bits set; it is not a block");
        }
    }

    /** A block written with its prefix length; host bits must be zero. */
    public static Cidr parseBlock(String text) {
        IPAddress address = Ipv4.toAddress(text, "an IPv4 CIDR block");
        if (!address.isPrefixed()) {
            throw new InvalidAddressException(
                    "'" + text + "' has no prefix length; write it as a block such as 10.0.0.0/24");
        }
        int length = address.getNetworkPrefixLength();
        long value = address.getLower().getValue().longValue();
        long lowest = value & mask(length);
        long given = new inet.ipaddr.IPAddressString(text.trim(), Ipv4.STRICT)
                .getAddress()
                .withoutPrefixLength()
                .getValue()
                .longValue();
        if (given != lowest) {
            throw new InvalidAddressException("'" + text + "' is not a block: host bits are set (did you mean "
                    + Ipv4.format(lowest) + "/" + length + "?)");
        }
        return new Cidr(lowest, length);
    }

    /** A block, or a single address taken as /32 (as Azure accepts in rule and route prefixes). */
    public static Cidr parsePrefix(String text) {
        if (text != null && text.contains("/")) {
            return parseBlock(text);
        }
        return new Cidr(Ipv4.parse(text), 32);
    }

    public static Cidr host(long address) {
        return new Cidr(address, 32);
    }

    /** The number of addresses in a block of prefix length {@code length} (0..32): 2^(32 - length). */
    public static long blockSize(int length) {
        if (length < 0 || length > 32) {
            throw new InvalidAddressException("prefix length " + length + " is outside 0..32");
        }
        return 1L << (32 - length);
    }

    static long mask(int length) {
        return length == 0 ? 0 : (Ipv4.MAX << (32 - length)) & Ipv4.MAX;
    }

    public long first() {
        return base;
    }

    public long last() {
        return base | (~mask(length) & Ipv4.MAX);
    }

    public long size() {
        return last() - first() + 1;
    }

    public boolean contains(long address) {
        return address >= first() && address <= last();
    }

    public boolean contains(Cidr other) {
        return other.first() >= first() && other.last() <= last();
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    public AddressSet toSet() {
        return AddressSet.of(this);
    }

    @Override
    public int compareTo(Cidr o) {
        int c = Long.compare(base, o.base);
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public String toString() {
        return Ipv4.format(base) + "/" + length;
    }

    /** Blocks as a sentence lists them: {@code 10.0.1.0/24, 10.0.9.0/24}. */
    public static String join(Collection<Cidr> blocks) {
        return blocks.stream().map(Cidr::toString).collect(Collectors.joining(", "));
    }
}
