package io.asegraph.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.Samples;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The interval arithmetic under {@link AddressSet} and {@link PortSet}: hand-worked edge cases (intervals that touch,
 * share one end, or are a single point), then every operation against a plain bit-set model on a small universe.
 */
class IntervalsTest {
    private static final int UNIVERSE = 256;
    private static final long MAX = UNIVERSE - 1;

    private static long[] iv(long... bounds) {
        return bounds;
    }

    @Test
    void normaliseSortsMergesOverlappingAndAdjacentAndKeepsGaps() {
        assertArrayEquals(iv(0, 7, 10, 12, 20, 20), Intervals.normalise(iv(20, 20, 4, 7, 10, 12, 0, 5)));
        assertArrayEquals(iv(1, 9), Intervals.normalise(iv(5, 9, 1, 4)));
        assertSame(Intervals.EMPTY, Intervals.normalise(new long[0]));
    }

    @Test
    void unionWithAnEmptySideIsTheOtherSide() {
        long[] a = iv(3, 5);
        assertArrayEquals(a, Intervals.union(a, Intervals.EMPTY));
        assertArrayEquals(a, Intervals.union(Intervals.EMPTY, a));
        assertArrayEquals(iv(3, 5, 9, 9), Intervals.union(iv(9, 9), a));
    }

    @Test
    void intersectKeepsSinglePointsWhereIntervalsTouch() {
        assertArrayEquals(iv(5, 5, 10, 10), Intervals.intersect(iv(0, 5, 10, 20), iv(5, 10)));
        assertArrayEquals(iv(2, 3, 6, 7), Intervals.intersect(iv(0, 3, 6, 9), iv(2, 7)));
        assertArrayEquals(Intervals.EMPTY, Intervals.intersect(iv(0, 4), iv(5, 9)));
    }

    @Test
    void complementReachesTheTopValue() {
        assertArrayEquals(iv(MAX, MAX), Intervals.complement(iv(0, MAX - 1), MAX));
        assertArrayEquals(iv(0, 0, 5, MAX), Intervals.complement(iv(1, 4), MAX));
        assertArrayEquals(Intervals.EMPTY, Intervals.complement(iv(0, MAX), MAX));
    }

    @Test
    void minusRemovesSharedEndsAndKeepsSinglePointRemnants() {
        assertArrayEquals(iv(6, 10), Intervals.minus(iv(5, 10), iv(0, 5), MAX), "b ends where a starts");
        assertArrayEquals(iv(5, 9), Intervals.minus(iv(5, 10), iv(10, 20), MAX), "b starts where a ends");
        assertArrayEquals(iv(7, 10), Intervals.minus(iv(5, 10), iv(5, 6), MAX), "b starts where a starts");
        assertArrayEquals(iv(10, 10), Intervals.minus(iv(5, 10), iv(5, 9), MAX), "one address left at the top");
        assertArrayEquals(iv(5, 5), Intervals.minus(iv(5, 10), iv(6, 10), MAX), "one address left at the bottom");
        assertArrayEquals(Intervals.EMPTY, Intervals.minus(iv(0, 10), iv(0, 9, 10, 10), MAX));
        assertArrayEquals(iv(10, 20), Intervals.minus(iv(10, 20), iv(0, 5), MAX), "b entirely below a");
        assertArrayEquals(iv(0, 4, 7, 20), Intervals.minus(iv(0, 20), iv(5, 6), MAX), "b exhausted inside a");
        assertArrayEquals(iv(0, 1, 3, 3, 9, 9), Intervals.minus(iv(0, 3, 8, 9), iv(2, 2, 8, 8), MAX));
    }

    @Test
    void containsFindsBothEndsOfEveryIntervalAndNothingOutside() {
        long[] a = iv(2, 4, 8, 8, 12, 15, 20, 30, 40, 41);
        for (long x = -1; x <= 50; x++) {
            boolean expected =
                    (x >= 2 && x <= 4) || x == 8 || (x >= 12 && x <= 15) || (x >= 20 && x <= 30) || x == 40 || x == 41;
            assertEquals(expected, Intervals.contains(a, x), "x=" + x);
        }
        assertFalse(Intervals.contains(Intervals.EMPTY, 0));
    }

    @Test
    void containsAllNeedsEachIntervalInsideOneInterval() {
        long[] a = iv(0, 4, 10, 20);
        assertTrue(Intervals.containsAll(a, iv(0, 4, 10, 10, 20, 20)));
        assertTrue(Intervals.containsAll(a, Intervals.EMPTY));
        assertFalse(Intervals.containsAll(a, iv(4, 10)), "spans the gap");
        assertFalse(Intervals.containsAll(a, iv(21, 21)), "beyond the last interval");
        assertFalse(Intervals.containsAll(a, iv(5, 5)), "in the gap");
        assertFalse(Intervals.containsAll(a, iv(9, 12)), "starts one before an interval");
        assertFalse(Intervals.containsAll(a, iv(15, 21)), "ends one after an interval");
        assertFalse(Intervals.containsAll(Intervals.EMPTY, iv(1, 1)));
    }

    @Test
    void overlapsCountsASharedEndPoint() {
        assertTrue(Intervals.overlaps(iv(5, 10), iv(0, 5)));
        assertTrue(Intervals.overlaps(iv(0, 5), iv(5, 10)));
        assertFalse(Intervals.overlaps(iv(0, 4), iv(5, 10)));
        assertFalse(Intervals.overlaps(iv(0, 1), iv(5, 6)), "a runs out first");
        assertFalse(Intervals.overlaps(iv(5, 6), iv(0, 1)), "b runs out first");
        assertFalse(Intervals.overlaps(iv(0, 1, 20, 21), iv(5, 6, 30, 31)));
        assertFalse(Intervals.overlaps(Intervals.EMPTY, iv(0, MAX)));
    }

    @Test
    void overlapsOfOneIntervalAgainstManyChecksEveryGapAndEveryEnd() {
        // 40 single points 0, 3, 6, ...: far more intervals than the one it is tested against (the binary-search path)
        long[] many = new long[80];
        for (int i = 0; i < 40; i++) {
            many[2 * i] = 3L * i;
            many[2 * i + 1] = 3L * i;
        }
        for (long x = 0; x <= 125; x++) {
            boolean expected = x % 3 == 0 && x <= 117;
            assertEquals(expected, Intervals.overlaps(iv(x, x), many), "point " + x);
            assertEquals(expected, Intervals.overlaps(many, iv(x, x)), "point " + x + ", swapped");
        }
        assertTrue(Intervals.overlaps(iv(1, 3), many));
        assertFalse(Intervals.overlaps(iv(1, 2, 4, 5), many));
        assertTrue(Intervals.overlaps(iv(1, 2, 116, 118), many));
    }

    @Test
    void sizeCountsBothEnds() {
        assertEquals(0, Intervals.size(Intervals.EMPTY));
        assertEquals(1 + 3 + 1, Intervals.size(iv(7, 7, 10, 12, 100, 100)));
    }

    /** Every operation agrees with set algebra on bit sets, for random sets from empty to one with ~60 intervals. */
    @Test
    void everyOperationAgreesWithABitSetModel() {
        Random r = new Random(22);
        for (int trial = 0; trial < Samples.of(3000); trial++) {
            BitSet a = randomSet(r);
            BitSet b = randomSet(r);
            long[] ia = intervals(a);
            long[] ib = intervals(b);
            String where = "a=" + Arrays.toString(ia) + " b=" + Arrays.toString(ib);

            BitSet union = (BitSet) a.clone();
            union.or(b);
            BitSet inter = (BitSet) a.clone();
            inter.and(b);
            BitSet diff = (BitSet) a.clone();
            diff.andNot(b);
            BitSet comp = (BitSet) a.clone();
            comp.flip(0, UNIVERSE);

            assertArrayEquals(intervals(union), Intervals.union(ia, ib), "union " + where);
            assertArrayEquals(intervals(inter), Intervals.intersect(ia, ib), "intersect " + where);
            assertArrayEquals(intervals(diff), Intervals.minus(ia, ib, MAX), "minus " + where);
            assertArrayEquals(intervals(comp), Intervals.complement(ia, MAX), "complement " + where);
            assertEquals(!inter.isEmpty(), Intervals.overlaps(ia, ib), "overlaps " + where);
            assertEquals(!inter.isEmpty(), Intervals.overlaps(ib, ia), "overlaps swapped " + where);
            BitSet bNotA = (BitSet) b.clone();
            bNotA.andNot(a);
            assertEquals(bNotA.isEmpty(), Intervals.containsAll(ia, ib), "containsAll " + where);
            assertEquals(a.cardinality(), Intervals.size(ia), "size " + where);
            for (int x = -1; x <= UNIVERSE; x++) {
                assertEquals(a.get(Math.max(x, 0)) && x >= 0, Intervals.contains(ia, x), "contains " + x + " " + where);
            }
        }
    }

    @Test
    void normaliseAgreesWithABitSetModelForUnsortedOverlappingInput() {
        Random r = new Random(23);
        for (int trial = 0; trial < Samples.of(2000); trial++) {
            int n = r.nextInt(8);
            long[] raw = new long[2 * n];
            BitSet model = new BitSet();
            for (int i = 0; i < n; i++) {
                int lo = r.nextInt(UNIVERSE);
                int hi = Math.min(UNIVERSE - 1, lo + r.nextInt(12));
                raw[2 * i] = lo;
                raw[2 * i + 1] = hi;
                model.set(lo, hi + 1);
            }
            assertArrayEquals(intervals(model), Intervals.normalise(raw.clone()), Arrays.toString(raw));
        }
    }

    /** Empty, one interval, a few, or dense random points (dozens of intervals). */
    private static BitSet randomSet(Random r) {
        BitSet s = new BitSet();
        switch (r.nextInt(4)) {
            case 0 -> {
                if (r.nextInt(3) == 0) {
                    return s;
                }
                int lo = r.nextInt(UNIVERSE);
                s.set(lo, Math.min(UNIVERSE, lo + 1 + r.nextInt(40)));
            }
            case 1 -> {
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    int lo = r.nextInt(UNIVERSE);
                    s.set(lo, Math.min(UNIVERSE, lo + 1 + r.nextInt(30)));
                }
            }
            default -> {
                for (int x = 0; x < UNIVERSE; x++) {
                    if (r.nextInt(3) == 0) {
                        s.set(x);
                    }
                }
            }
        }
        return s;
    }

    /** The model's runs as flat [lo, hi, ...]. */
    private static long[] intervals(BitSet s) {
        long[] out = new long[0];
        int lo = s.nextSetBit(0);
        while (lo >= 0) {
            int end = s.nextClearBit(lo);
            out = Arrays.copyOf(out, out.length + 2);
            out[out.length - 2] = lo;
            out[out.length - 1] = end - 1;
            lo = s.nextSetBit(end);
        }
        return out;
    }
}
