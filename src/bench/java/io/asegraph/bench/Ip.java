package io.asegraph.bench;

/**
 * IPv4 arithmetic for the generator, on {@code long} values in [0, 2^32-1]. Deliberately JDK-only (the generator
 * runs from {@code target/classes} without the IPAddress library that {@code io.asegraph.net} uses).
 */
final class Ip {
    static final long MAX = 0xFFFF_FFFFL;

    private Ip() {
    }

    static long of(int a, int b, int c, int d) {
        return ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d;
    }

    static String format(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    static String block(long base, int length) {
        if ((base & hostMask(length)) != 0) {
            throw new IllegalStateException(format(base) + "/" + length + " is not a block");
        }
        return format(base) + "/" + length;
    }

    static long size(int length) {
        return 1L << (32 - length);
    }

    static long hostMask(int length) {
        return size(length) - 1;
    }

    /** The smallest multiple of the block size of {@code length} that is at least {@code address}. */
    static long alignUp(long address, int length) {
        long size = size(length);
        return (address + size - 1) / size * size;
    }

    /** The /24 row of an address ends in .0 or .255: avoid those for host addresses that people read. */
    static boolean isRoundHost(long address) {
        long last = address & 0xFF;
        return last == 0 || last == 255;
    }
}
