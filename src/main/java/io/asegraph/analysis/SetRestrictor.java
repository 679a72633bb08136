package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intersects large address sets (the results of one batched NSG evaluation over the union of many callers' sources)
 * with small ones (one caller's sources) in time logarithmic in the large set: the large set's intervals are
 * extracted once and binary-searched for every small set. {@link AddressSet#intersect} walks both sets linearly, which
 * over 10,000 callers against a 10,000-interval union would be quadratic. Not thread-safe; one per batch.
 */
final class SetRestrictor {
    private final Map<AddressSet, long[]> intervals = new IdentityHashMap<>();

    /** {@code big ∩ small}. */
    AddressSet restrict(AddressSet big, AddressSet small) {
        if (big.isEmpty() || small.isEmpty()) {
            return AddressSet.EMPTY;
        }
        if (big == small || big.equals(small)) {
            return big;
        }
        long[] iv = intervals.computeIfAbsent(big, SetRestrictor::intervalsOf);
        if (iv.length <= 16) {
            return big.intersect(small);
        }
        long[] want = intervalsOf(small);
        List<Cidr> out = new ArrayList<>();
        for (int w = 0; w < want.length; w += 2) {
            long lo = want[w];
            long hi = want[w + 1];
            int i = firstEndingAtOrAfter(iv, lo);
            for (; i < iv.length && iv[i] <= hi; i += 2) {
                long a = Math.max(lo, iv[i]);
                long b = Math.min(hi, iv[i + 1]);
                if (a <= b) {
                    out.addAll(AddressSet.range(a, b).toCidrs());
                }
            }
        }
        return out.isEmpty() ? AddressSet.EMPTY : AddressSet.of(out);
    }

    /** The index (even) of the first interval whose end is at or after {@code x}. */
    private static int firstEndingAtOrAfter(long[] iv, long x) {
        int lo = 0;
        int hi = iv.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (iv[2 * mid + 1] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 2 * lo;
    }

    /** The set's maximal intervals, flat [lo0, hi0, lo1, hi1 ...], rebuilt from its CIDR blocks. */
    static long[] intervalsOf(AddressSet set) {
        List<Cidr> blocks = set.toCidrs();
        long[] out = new long[blocks.size() * 2];
        int k = 0;
        for (Cidr c : blocks) {
            if (k > 0 && out[k - 1] + 1 == c.first()) {
                out[k - 1] = c.last();
            } else {
                out[k++] = c.first();
                out[k++] = c.last();
            }
        }
        return Arrays.copyOf(out, k);
    }
}
