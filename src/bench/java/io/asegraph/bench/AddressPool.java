package io.asegraph.bench;

import io.asegraph.net.Cidr;

/**
 * An aligned bump allocator over an ordered list of address blocks. Every allocation is a CIDR block aligned to
 * its own size, taken above every earlier one, so blocks from one pool never overlap. When a block is exhausted
 * the allocator moves to the next; when all are, it fails with the pool's name (the estate asked for is too big
 * for this address plan).
 */
final class AddressPool {
    private final String name;
    private final long[] firsts;
    private final long[] ends;
    private int current;
    private long cursor;

    /** {@code blocks} is a flat list of (base, prefix length) pairs. */
    AddressPool(String name, long... blocks) {
        if (blocks.length == 0 || blocks.length % 2 != 0) {
            throw new IllegalArgumentException("blocks are (base, length) pairs");
        }
        this.name = name;
        int n = blocks.length / 2;
        firsts = new long[n];
        ends = new long[n];
        for (int i = 0; i < n; i++) {
            firsts[i] = blocks[2 * i];
            ends[i] = blocks[2 * i] + Cidr.blockSize((int) blocks[2 * i + 1]);
        }
        cursor = firsts[0];
    }

    /** A block of the given prefix length, after skipping {@code gap} addresses. */
    long allocate(int length, long gap) {
        long base = tryAllocate(length, gap);
        if (base < 0) {
            throw new IllegalArgumentException("the " + name + " address pool is exhausted: the estate asked for is"
                    + " too large for the generator's address plan; ask for fewer resources");
        }
        return base;
    }

    /** Like {@link #allocate(int, long)}, but -1 when the pool is exhausted. */
    long tryAllocate(int length, long gap) {
        while (current < firsts.length) {
            long base = alignUp(cursor + gap, length);
            if (base + Cidr.blockSize(length) <= ends[current]) {
                cursor = base + Cidr.blockSize(length);
                return base;
            }
            current++;
            if (current < firsts.length) {
                cursor = firsts[current];
            }
            gap = 0;
        }
        return -1;
    }

    long allocate(int length) {
        return allocate(length, 0);
    }

    /** One host address, never ending in .0 or .255. */
    long host() {
        long address;
        do {
            address = allocate(32);
        } while (isRoundHost(address));
        return address;
    }

    /** The smallest multiple of the block size of prefix length {@code length} that is at least {@code address}. */
    static long alignUp(long address, int length) {
        long size = Cidr.blockSize(length);
        return (address + size - 1) / size * size;
    }

    /** Whether an address ends in .0 or .255 (valid hosts, but avoided for host addresses that people read). */
    static boolean isRoundHost(long address) {
        long last = address & 0xFF;
        return last == 0 || last == 255;
    }
}
