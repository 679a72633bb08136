package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.VNET;
import static io.asegraph.analysis.ReferenceTopology.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.topology.Routing;
import io.asegraph.topology.Topology;
import org.junit.jupiter.api.Test;

/** Where {@link NextHopQuery} starts from, and what it says when it cannot. */
class NextHopSourceTest {
    @Test
    void anAseWhoseSubnetIsNotInTheSnapshotHasNoRoutesToAsk() {
        Topology t = ReferenceTopology.builder()
                .ase(WEB + "/hostingEnvironments/ase-adrift", VNET + "/subnets/not-imported", "192.23.9.9")
                .build();
        NextHopQuery q = new NextHopQuery(ReferenceResolver.of(t), Routing.withoutServiceTags(t));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.nextHop("ase-adrift", "8.8.8.8"));
        assertTrue(e.getMessage().endsWith(" has no subnet in the snapshot"), e.getMessage());
    }

    @Test
    void anAppIsNotANextHopSourceAndTheMessageSaysWhatItIs() {
        Topology t = ReferenceTopology.topology();
        NextHopQuery q = new NextHopQuery(ReferenceResolver.of(t), Routing.withoutServiceTags(t));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> q.nextHop("app1", "8.8.8.8"));
        assertEquals(
                "'app1' is a " + ReferenceKind.APP.label()
                        + "; next hop starts from a subnet, a network interface or an ASE",
                e.getMessage());
    }
}
