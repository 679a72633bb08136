package io.asegraph.net;

import java.util.Arrays;

/**
 * Sorted, disjoint, non-adjacent closed intervals over longs, stored flat as [lo0, hi0, lo1, hi1, ...].
 * The shared arithmetic of {@link AddressSet} and {@link PortSet}.
 */
final class Intervals {
    static final long[] EMPTY = new long[0];

    private Intervals() {
    }

    /** Normalises arbitrary (possibly overlapping, unsorted) intervals. */
    static long[] normalise(long[] raw) {
        int n = raw.length / 2;
        if (n == 0) {
            return EMPTY;
        }
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new long[] {raw[2 * i], raw[2 * i + 1]};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[raw.length];
        int k = 0;
        long lo = pairs[0][0];
        long hi = pairs[0][1];
        for (int i = 1; i < n; i++) {
            if (pairs[i][0] <= hi + 1) {
                hi = Math.max(hi, pairs[i][1]);
            } else {
                out[k++] = lo;
                out[k++] = hi;
                lo = pairs[i][0];
                hi = pairs[i][1];
            }
        }
        out[k++] = lo;
        out[k++] = hi;
        return Arrays.copyOf(out, k);
    }

    static long[] union(long[] a, long[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return normalise(all);
    }

    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int k = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long lo = Math.max(a[i], b[j]);
            long hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                out[k++] = lo;
                out[k++] = hi;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return k == 0 ? EMPTY : Arrays.copyOf(out, k);
    }

    static long[] complement(long[] a, long max) {
        long[] out = new long[a.length + 2];
        int k = 0;
        long next = 0;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] > next) {
                out[k++] = next;
                out[k++] = a[i] - 1;
            }
            next = a[i + 1] + 1;
        }
        if (next <= max) {
            out[k++] = next;
            out[k++] = max;
        }
        return k == 0 ? EMPTY : Arrays.copyOf(out, k);
    }

    static long[] minus(long[] a, long[] b, long max) {
        if (a.length == 0 || b.length == 0) {
            return a;
        }
        return intersect(a, complement(b, max));
    }

    static boolean contains(long[] a, long x) {
        int lo = 0;
        int hi = a.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (a[2 * mid + 1] < x) {
                lo = mid + 1;
            } else if (a[2 * mid] > x) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    static boolean containsAll(long[] a, long[] b) {
        return minus(b, a, Long.MAX_VALUE - 1).length == 0;
    }

    static boolean overlaps(long[] a, long[] b) {
        return intersect(a, b).length > 0;
    }

    static long size(long[] a) {
        long n = 0;
        for (int i = 0; i < a.length; i += 2) {
            n += a[i + 1] - a[i] + 1;
        }
        return n;
    }
}
