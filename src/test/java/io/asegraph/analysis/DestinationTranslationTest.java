package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Destination translation is a step of the walk: the walk says where the call is delivered, as the path sees it. */
class DestinationTranslationTest {
    @Test
    void anAseReachedAtItsVipHandsTheCallToItsWorkersSubnet() {
        Walk w = CallSourceScenarioTest.walk("app1", "orders-api");
        Destination d = w.delivery();
        assertEquals(Optional.of(ResourceId.of(ASE_TWO_SUBNET)), d.subnet().map(Subnet::id));
        assertEquals(AddressSet.parse("10.0.1.64/26"), d.translated(), "the workers' subnet, not the VIP");
        assertTrue(d.translation().orElseThrow().contains("hands the call to its workers"), d.translation()::get);
    }

    @Test
    void aNetworkInterfaceIsReachedAtItsPrivateAddressUntranslated() {
        Walk w = CallSourceScenarioTest.walk("app1", "db-vm-nic");
        Destination d = w.delivery();
        assertEquals(Optional.of(ResourceId.of(DB_SUBNET)), d.subnet().map(Subnet::id));
        assertEquals(Optional.of(ResourceId.of(DB_NIC)), d.nic().map(NetworkInterface::id));
        assertEquals(w.callSource().destination(), d.translated());
        assertTrue(d.translation().isEmpty());
    }

    @Test
    void aPublicIpOfNoModelledInterfaceIsDeliveredOutsideTheModelWithANote() {
        Topology t = ReferenceTopology.builder()
                .publicIp(FlowScenarioTest.WEB_PIP, "52.1.2.3")
                .build();
        Destination d = CallSourceScenarioTest.walk(t, "ase-one", "web-vm-pip").delivery();
        assertTrue(d.subnet().isEmpty());
        assertEquals(AddressSet.parse("52.1.2.3"), d.translated());
        assertEquals(1, d.notes().size());
        assertTrue(d.notes().get(0).startsWith("Public IP web-vm-pip is not attached"), d.notes()::toString);
    }

    @Test
    void anUnreachableWalkIsDeliveredNowhere() {
        Walk w = CallSourceScenarioTest.walk("app1", "10.0.1.5");
        assertEquals(SourceKind.UNREACHABLE, w.kind(), w.callSource().reason());
        assertEquals(Destination.NONE, w.delivery());
        assertEquals(List.of(), w.delivery().notes());
    }
}
