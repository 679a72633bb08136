package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.AddressSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audits lean on the allocation-free {@code overlaps}, {@code containsAll} and merge-walk {@code minus} of the
 * address sets (full service tags against rule blocks); each must agree with its definition by intersection and
 * complement, on small and lopsided random sets (the lopsided ones take the binary-search path of overlaps).
 */
class AuditAddressSetPropertyTest {
    private static AddressSet random(Random r) {
        int n = r.nextBoolean() ? r.nextInt(3) : r.nextInt(80);
        AddressSet s = AddressSet.EMPTY;
        for (int i = 0; i < n; i++) {
            long first = r.nextInt(2000);
            s = s.union(AddressSet.range(first, first + r.nextInt(12)));
        }
        return s;
    }

    @Test
    void overlapsContainsAllAndMinusAgreeWithTheirDefinitions() {
        Random r = new Random(20261128);
        for (int i = 0; i < io.asegraph.Samples.of(50_000); i++) {
            AddressSet a = random(r);
            AddressSet b = random(r);
            assertEquals(a.intersect(b.complement()), a.minus(b), () -> a + " minus " + b);
            assertEquals(!a.intersect(b).isEmpty(), a.overlaps(b), () -> a + " overlaps " + b);
            assertEquals(b.intersect(a.complement()).isEmpty(), a.containsAll(b), () -> a + " containsAll " + b);
        }
    }
}
