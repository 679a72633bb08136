package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.topology.AseKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The health requirements table: each version's rows in check order, each row documented by its version's pages. */
class HealthRequirementsTest {
    private static List<String> names(AseKind kind) {
        return HealthRequirements.forKind(kind).stream()
                .map(HealthRequirement::name)
                .toList();
    }

    @Test
    void eachVersionHasItsChecksInOrderEndingWithAnExclusiveSubnet() {
        assertEquals(
                List.of(
                        "inbound-management",
                        "outbound-storage",
                        "outbound-sql",
                        "outbound-dns",
                        "outbound-route",
                        "subnet-exclusive"),
                names(AseKind.ASEV1));
        assertEquals(
                List.of(
                        "inbound-management",
                        "inbound-load-balancer",
                        "inbound-intra-subnet",
                        "outbound-intra-subnet",
                        "outbound-dns",
                        "outbound-ntp",
                        "outbound-web",
                        "outbound-sql",
                        "outbound-monitoring",
                        "management-return-route",
                        "outbound-route",
                        "subnet-exclusive"),
                names(AseKind.ASEV2));
        assertEquals(List.of("inbound-load-balancer", "subnet-exclusive"), names(AseKind.ASEV3));
    }

    @Test
    void everyRowCitesAPageAndARowOfOneVersionCitesThatVersionsPages() {
        for (HealthRequirement r : HealthRequirements.TABLE) {
            assertFalse(r.documentation().isEmpty(), r.name());
            assertFalse(r.kinds().isEmpty(), r.name());
            if (r.kinds().size() == 1) {
                String version = r.kinds().iterator().next().name().substring(3).toLowerCase(Locale.ROOT);
                assertTrue(
                        r.documentation().stream().allMatch(d -> d.title().startsWith("ASE " + version + ":")),
                        r.name() + " " + r.kinds() + " " + r.documentation());
            }
        }
    }

    @Test
    void routeRowsFailExceptV2ForcedTunnellingWhichOnlyWarns() {
        for (HealthRequirement r : HealthRequirements.TABLE) {
            if (r instanceof HealthRequirement.Route route) {
                boolean v2Tunnelling =
                        route.name().equals("outbound-route") && route.kinds().equals(Set.of(AseKind.ASEV2));
                assertEquals(v2Tunnelling ? CheckStatus.WARN : CheckStatus.FAIL, route.onFailure(), route.name());
            }
        }
    }
}
