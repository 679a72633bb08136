package io.asegraph.api;

import java.util.Comparator;
import java.util.List;

/**
 * IPv4 ranges and the Internet tag's public space, written independently of the production code, for brute-force
 * evaluations in tests.
 */
public final class BruteForce {
    private BruteForce() {}

    /** Not-public space: what the Internet tag leaves out. */
    static final List<String> NOT_PUBLIC = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "224.0.0.0/4",
            "240.0.0.0/4");

    public static long ip(String dotted) {
        String[] p = dotted.split("\\.");
        return (Long.parseLong(p[0]) << 24)
                | (Long.parseLong(p[1]) << 16)
                | (Long.parseLong(p[2]) << 8)
                | Long.parseLong(p[3]);
    }

    /** [first, last] of a CIDR or address. */
    public static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        int len = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        long first = ip(parts[0]);
        long size = 1L << (32 - len);
        return new long[] {first, first + size - 1};
    }

    /** Whether [first, last] holds some public address: not covered entirely by the not-public blocks. */
    public static boolean hasPublic(long first, long last) {
        long cursor = first;
        List<long[]> blocks = NOT_PUBLIC.stream()
                .map(BruteForce::range)
                .sorted(Comparator.comparingLong(b -> b[0]))
                .toList();
        for (long[] b : blocks) {
            if (b[1] < cursor) {
                continue;
            }
            if (b[0] > cursor) {
                return true;
            }
            cursor = b[1] + 1;
            if (cursor > last) {
                return false;
            }
        }
        return cursor <= last;
    }
}
