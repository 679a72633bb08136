package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.Samples;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SetRestrictor}, the batch's fast intersection, against a brute-force oracle: sets drawn at random inside
 * 10.0.0.0/22 (1,024 addresses, so every address can be checked one by one) as bitmaps, turned into address sets, and
 * each address of the restricted set compared with "in both bitmaps". Large sets with many intervals take the binary
 * search path, small ones the linear one; both must give exactly the intersection.
 */
class SetRestrictorTest {
    static final long BASE = Ipv4.parse("10.0.0.0");
    static final int SPACE = 1024;

    /** A random bitmap with about {@code runs} runs of set addresses. */
    static boolean[] bitmap(Random r, int runs) {
        boolean[] b = new boolean[SPACE];
        for (int k = 0; k < runs; k++) {
            int start = r.nextInt(SPACE);
            int length = 1 + r.nextInt(r.nextBoolean() ? 4 : 64);
            for (int i = start; i < Math.min(SPACE, start + length); i++) {
                b[i] = true;
            }
        }
        return b;
    }

    static AddressSet toSet(boolean[] b) {
        AddressSet s = AddressSet.EMPTY;
        int i = 0;
        while (i < SPACE) {
            if (!b[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < SPACE && b[j + 1]) {
                j++;
            }
            s = s.union(AddressSet.range(BASE + i, BASE + j));
            i = j + 1;
        }
        return s;
    }

    @Test
    void restrictingGivesExactlyTheAddressesInBothSets() {
        Random r = new Random(22);
        int rounds = Samples.of(400);
        int searched = 0;
        for (int round = 0; round < rounds; round++) {
            boolean[] big = bitmap(r, 1 + r.nextInt(60));
            AddressSet bigSet = toSet(big);
            SetRestrictor restrictor = new SetRestrictor();
            if (SetRestrictor.intervalsOf(bigSet).length > 16) {
                searched++;
            }
            for (int q = 0; q < 5; q++) {
                boolean[] small = bitmap(r, 1 + r.nextInt(6));
                AddressSet got = restrictor.restrict(bigSet, toSet(small));
                for (int i = 0; i < SPACE; i++) {
                    assertEquals(big[i] && small[i], got.contains(BASE + i), "round " + round + ", address " + i);
                }
                assertTrue(got.minus(AddressSet.range(BASE, BASE + SPACE - 1)).isEmpty(), "nothing outside the space");
            }
        }
        assertTrue(searched > rounds / 4, "the binary-search path was taken in " + searched + " of " + rounds);
    }

    @Test
    void anEmptySideGivesTheEmptySetAndEqualSetsGiveTheFirst() {
        SetRestrictor r = new SetRestrictor();
        AddressSet a = AddressSet.parse("10.0.0.0/24");
        assertSame(AddressSet.EMPTY, r.restrict(AddressSet.EMPTY, a));
        assertSame(AddressSet.EMPTY, r.restrict(a, AddressSet.EMPTY));
        assertSame(a, r.restrict(a, AddressSet.parse("10.0.0.0/25", "10.0.0.128/25")));
    }

    @Test
    void aSmallQueryBetweenTheIntervalsOfALargeSetGivesNothing() {
        AddressSet big = AddressSet.EMPTY;
        for (int i = 0; i < 20; i++) {
            big = big.union(AddressSet.range(BASE + 10L * i, BASE + 10L * i + 1));
        }
        SetRestrictor r = new SetRestrictor();
        assertTrue(r.restrict(big, AddressSet.range(BASE + 2, BASE + 9)).isEmpty());
        assertTrue(r.restrict(big, AddressSet.range(BASE + 500, BASE + 600)).isEmpty());
        assertEquals(
                AddressSet.range(BASE + 191, BASE + 191), r.restrict(big, AddressSet.range(BASE + 191, BASE + 195)));
        assertEquals(AddressSet.range(BASE, BASE + 1), r.restrict(big, AddressSet.range(BASE - 5, BASE + 5)));
    }

    @Test
    void intervalsJoinAdjacentBlocksAndKeepGaps() {
        AddressSet s = AddressSet.parse("10.0.0.0/25", "10.0.0.128/26", "10.0.1.0/24", "10.0.3.7/32");
        assertArrayEquals(
                new long[] {BASE, BASE + 191, BASE + 256, BASE + 511, BASE + 775, BASE + 775},
                SetRestrictor.intervalsOf(s));
        assertArrayEquals(new long[0], SetRestrictor.intervalsOf(AddressSet.EMPTY));
    }
}
