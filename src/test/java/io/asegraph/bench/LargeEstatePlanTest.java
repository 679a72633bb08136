package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstatePlan.SubnetKind;
import org.junit.jupiter.api.Test;

/**
 * The large preset planned without writing it (writing 135 MB takes too long for a unit test on a shared 2-core
 * machine; the structure of written files is checked on the small and mid-size estates): every count of design.md
 * "Scale to design for" comes out exactly.
 */
class LargeEstatePlanTest {

    private static final EstatePlan PLAN = new EstatePlan(EstateSpec.LARGE, 42);

    @Test
    void plansExactlyTheDesignEstate() {
        assertEquals(500, PLAN.vnets.size());
        assertEquals(10_000, PLAN.subnets.size());
        assertEquals(1_000, PLAN.ases.size());
        assertEquals(5_000, PLAN.apps.size());
        assertEquals(10_000, PLAN.nics.size());
        assertEquals(5_000, PLAN.nsgs.size());
        assertEquals(100_000, PLAN.nsgs.stream().mapToInt(n -> n.ruleCount).sum());
        assertEquals(500, PLAN.routeTables.size());
        assertEquals(1_000, PLAN.peerings.size());
        assertEquals(50, PLAN.gateways.size());
    }

    @Test
    void everyAseHasItsOwnSubnetAndEveryAppAnAse() {
        assertEquals(
                1_000,
                PLAN.subnets.stream().filter(s -> s.kind == SubnetKind.ASE).count());
        assertTrue(PLAN.ases.stream().allMatch(a -> a.subnet.ase == a && a.subnet.nics.isEmpty()));
        assertTrue(PLAN.ases.stream().allMatch(a -> !a.apps.isEmpty()));
        assertEquals(5_000, PLAN.ases.stream().mapToInt(a -> a.apps.size()).sum());
    }

    @Test
    void mixesForcedTunnellingExpressRouteAndOneSidedPeerings() {
        assertTrue(
                PLAN.gateways.stream()
                                .filter(g -> g.learnedRoutes.stream()
                                        .anyMatch(r -> r.network().equals("0.0.0.0/0")))
                                .count()
                        >= 5,
                "a few gateways learn 0.0.0.0/0");
        assertTrue(PLAN.gateways.stream().anyMatch(g -> g.gatewayType.equals("ExpressRoute")));
        assertTrue(PLAN.peerings.stream().anyMatch(p -> p.state.equals("Initiated")));
        assertTrue(PLAN.tags.ipv4Entries() > 10_000, "a Service Tags file of realistic size");
    }
}
