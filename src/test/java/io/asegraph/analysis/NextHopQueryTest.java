package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_ROUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Ipv4;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Network Watcher next hop over reference strings, on the reference topology. */
class NextHopQueryTest {
    static final Topology TOPOLOGY = ReferenceTopology.topology();
    static final NextHopQuery QUERY = new NextHopQuery(
            new ReferenceResolver(TOPOLOGY, ReferenceTopology.nsgs()), Routing.withoutServiceTags(TOPOLOGY));

    @ParameterizedTest(name = "{0} → {1}: {2} ({3})")
    @CsvSource({
        "ase-one-subnet, 13.107.21.200, INTERNET, " + ASE_ONE_ROUTES,
        "ase-one, 13.107.21.200, INTERNET, " + ASE_ONE_ROUTES,
        "app1.ase-one.p.azurewebsites.net, 8.8.8.8, INTERNET, " + ASE_ONE_ROUTES,
        "ase-two, 13.107.21.200, INTERNET, System Route",
        "db-vm-nic, 10.0.1.10, VNET_LOCAL, System Route",
        "10.0.2.4, 192.168.7.7, VIRTUAL_NETWORK_GATEWAY, System Route",
        "db-subnet, 172.31.0.100, NONE, System Route"
    })
    void nextHopFromASubnetNicOrAse(String source, String destination, NextHopType type, String routeTableId) {
        if (source.contains("azurewebsites")) {
            // an app is not a next-hop source in the contract
            assertThrows(InvalidArgumentException.class, () -> QUERY.nextHop(source, destination));
            return;
        }
        NextHop h = QUERY.nextHop(source, destination);
        assertEquals(type, h.type());
        assertEquals(routeTableId, h.routeTableId());
        assertEquals(Ipv4.parse(destination), h.destination());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ase-one-subnet/26", "10.0.0.0/8", "not-an-address", ""})
    void destinationMustBeOneIpv4Address(String destination) {
        InvalidArgumentException e =
                assertThrows(InvalidArgumentException.class, () -> QUERY.nextHop("db-vm-nic", destination));
        assertTrue(e.getMessage().startsWith("destinationAddress: "), e.getMessage());
    }

    @Test
    void aVnetIsNotANextHopSource() {
        assertThrows(InvalidArgumentException.class, () -> QUERY.nextHop("ase-vnet", "8.8.8.8"));
    }

    @Test
    void unknownSourceIsUnknownReference() {
        assertThrows(UnknownReferenceException.class, () -> QUERY.nextHop("nowhere", "8.8.8.8"));
    }
}
