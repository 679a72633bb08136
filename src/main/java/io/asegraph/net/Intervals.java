package io.asegraph.net;

import java.util.Arrays;

/**
 * Sorted, disjoint, non-adjacent closed intervals over longs, stored flat as [lo0, hi0, lo1, hi1, ...].
 * The shared arithmetic of {@link AddressSet} and {@link PortSet}.
 */
final class Intervals {
    static final long[] EMPTY = new long[0];

    private Intervals() {}

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

    /** {@code a} without {@code b}, in one merge walk ({@code max} bounds the values; kept for the callers). */
    static long[] minus(long[] a, long[] b, long max) {
        if (a.length == 0 || b.length == 0) {
            return a;
        }
        long[] out = new long[a.length + b.length];
        int k = 0;
        int j = 0;
        for (int i = 0; i < a.length; i += 2) {
            long lo = a[i];
            long hi = a[i + 1];
            while (j < b.length && b[j + 1] < lo) {
                j += 2;
            }
            for (int m = j; m < b.length && b[m] <= hi && lo <= hi; m += 2) {
                if (b[m] > lo) {
                    out[k++] = lo;
                    out[k++] = b[m] - 1;
                }
                lo = Math.max(lo, b[m + 1] + 1);
            }
            if (lo <= hi) {
                out[k++] = lo;
                out[k++] = hi;
            }
        }
        return k == 0 ? EMPTY : Arrays.copyOf(out, k);
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

    /** Every interval of {@code b} lies inside one interval of {@code a} (both normalised); allocation-free. */
    static boolean containsAll(long[] a, long[] b) {
        int i = 0;
        for (int j = 0; j < b.length; j += 2) {
            while (i < a.length && a[i + 1] < b[j]) {
                i += 2;
            }
            if (i >= a.length || a[i] > b[j] || a[i + 1] < b[j + 1]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a} and {@code b} share a point; a merge walk that stops at the first overlap, allocation-free. */
    static boolean overlaps(long[] a, long[] b) {
        if (a.length > b.length) {
            long[] t = a;
            a = b;
            b = t;
        }
        if (b.length > 16 * (a.length + 2)) {
            // Few intervals against many (a rule's block against a full service tag): binary search each one.
            for (int i = 0; i < a.length; i += 2) {
                int lo = 0;
                int hi = b.length / 2 - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (b[2 * mid + 1] < a[i]) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                if (b[2 * lo + 1] >= a[i] && b[2 * lo] <= a[i + 1]) {
                    return true;
                }
            }
            return false;
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i + 1] < b[j]) {
                i += 2;
            } else if (b[j + 1] < a[i]) {
                j += 2;
            } else {
                return true;
            }
        }
        return false;
    }

    static long size(long[] a) {
        long n = 0;
        for (int i = 0; i < a.length; i += 2) {
            n += a[i + 1] - a[i] + 1;
        }
        return n;
    }
}
