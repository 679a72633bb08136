package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The comparison of audit answers before and after a what-if: pure, over the audits' own records. */
class AuditChangesTest {
    private static final ResourceId A =
            ResourceId.of("/subscriptions/s/resourceGroups/g/providers/Microsoft.Web" + "/hostingEnvironments/a");
    private static final ResourceId B =
            ResourceId.of("/subscriptions/s/resourceGroups/g/providers/Microsoft.Web" + "/hostingEnvironments/b");

    private static HealthCheck check(String name, CheckStatus status) {
        return new HealthCheck(name, status, "req " + name, name + " is " + status, List.of());
    }

    private static EnvironmentHealth ase(ResourceId id, HealthCheck... checks) {
        return EnvironmentHealth.of(id, id.name(), AseKind.ASEV3, List.of(checks));
    }

    @Test
    void onlyTheChecksWhoseStatusDiffersAreFlipsWithTheDetailAfterTheChange() {
        List<AuditChanges.HealthFlip> flips = AuditChanges.health(
                List.of(
                        ase(A, check("inbound", CheckStatus.PASS), check("dns", CheckStatus.PASS)),
                        ase(B, check("inbound", CheckStatus.WARN))),
                List.of(
                        ase(A, check("inbound", CheckStatus.FAIL), check("dns", CheckStatus.PASS)),
                        ase(B, check("inbound", CheckStatus.WARN))));
        assertEquals(
                List.of(new AuditChanges.HealthFlip(
                        A,
                        "a",
                        "inbound",
                        Optional.of(CheckStatus.PASS),
                        Optional.of(CheckStatus.FAIL),
                        "inbound is FAIL")),
                flips);
    }

    @Test
    void anAseThatAppearsOrGoesHasEachCheckFlipFromOrToNothing() {
        List<AuditChanges.HealthFlip> flips = AuditChanges.health(
                List.of(ase(A, check("inbound", CheckStatus.PASS))), List.of(ase(B, check("dns", CheckStatus.FAIL))));
        assertEquals(2, flips.size());
        assertEquals(B, flips.get(0).environment());
        assertEquals(Optional.empty(), flips.get(0).before());
        assertEquals(Optional.of(CheckStatus.FAIL), flips.get(0).after());
        assertEquals(A, flips.get(1).environment());
        assertEquals(Optional.of(CheckStatus.PASS), flips.get(1).before());
        assertEquals(Optional.empty(), flips.get(1).after());
        assertEquals("inbound is PASS", flips.get(1).detail(), "the detail of a gone ASE is its last");
    }

    @Test
    void missingKeepsTheOrderOfItsFirstListAndComparesByKey() {
        assertEquals(
                List.of("b1", "d1"),
                AuditChanges.missing(List.of("a1", "b1", "c1", "d1"), List.of("c2", "a9"), s -> s.charAt(0)));
        assertEquals(List.of(), AuditChanges.missing(List.of("x"), List.of("x"), Function.identity()));
    }

    @Test
    void missingByPlaceAnswersAsMissingByKeyAlone() {
        // Shared items (the same objects), equal-key items that are other objects, and items missing from the other
        // list, at places (the first letter) with several items: the by-place comparison gives the same answer.
        String shared1 = new String("a1x");
        String shared2 = new String("b2x");
        List<String> from = List.of(shared1, new String("a1y"), shared2, new String("b3x"), new String("c1x"), "a2x");
        List<String> other = List.of(new String("a1y"), shared2, shared1, new String("c9z"), new String("b3q"));
        Function<String, Object> key = s -> s.substring(0, 2);
        Function<String, Object> place = s -> s.charAt(0);
        for (List<List<String>> pair : List.of(List.of(from, other), List.of(other, from))) {
            assertEquals(
                    AuditChanges.missing(pair.get(0), pair.get(1), key),
                    AuditChanges.missing(pair.get(0), pair.get(1), key, place));
        }
        assertEquals(List.of("c1x", "a2x"), AuditChanges.missing(from, other, key, place));
    }
}
