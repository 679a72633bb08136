package io.asegraph.importing;

import static io.asegraph.importing.Docs.assertProblem;
import static io.asegraph.importing.Docs.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.Cidr;
import io.asegraph.topology.NetworkTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway's {@code properties.learnedRoutes} in every accepted shape: what
 * {@code az network vnet-gateway list-learned-routes} prints (an array of routes, or {@code {"value": [...]}}) or a
 * plain array of prefixes.
 */
class LearnedRoutesTest {
    static final String ROUTES =
            """
            [
              {"asPath": "", "localAddress": "10.0.255.30", "network": "10.0.0.0/16", "nextHop": null,
               "origin": "Network", "sourcePeer": "10.0.255.30", "weight": 32768},
              {"asPath": "65050", "localAddress": "10.0.255.30", "network": "0.0.0.0/0", "nextHop": "192.168.1.1",
               "origin": "EBgp", "sourcePeer": "192.168.1.1", "weight": 32768},
              {"asPath": "65050", "localAddress": "10.0.255.31", "network": "172.16.0.0/12", "nextHop": "10.0.255.30",
               "origin": "IBgp", "sourcePeer": "10.0.255.30", "weight": 32768},
              {"asPath": "65050", "localAddress": "10.0.255.31", "network": "0.0.0.0/0", "nextHop": "192.168.1.1",
               "origin": "EBgp", "sourcePeer": "192.168.1.1", "weight": 32768}
            ]""";
    static final List<Cidr> EXPECTED = List.of(Cidr.parseBlock("0.0.0.0/0"), Cidr.parseBlock("172.16.0.0/12"));

    static ParsedDocument withLearnedRoutes(String json) {
        return Docs.parse(Docs.edit(Docs.reference(), "/5/properties/learnedRoutes=" + json.replace("\n", " ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ARRAY", "VALUE_OBJECT"})
    void readsListLearnedRoutesOutputSkippingTheGatewaysOwnNetworkAndRepeats(String shape) {
        String json = shape.equals("ARRAY") ? ROUTES : "{\"value\": " + ROUTES + "}";
        ParsedDocument d = withLearnedRoutes(json);
        assertEquals(List.of(), d.problems());
        assertEquals(EXPECTED, d.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY).get(0).learnedRoutes());
    }

    @Test
    void readsAPlainArrayOfPrefixes() {
        ParsedDocument d = withLearnedRoutes("[\"0.0.0.0/0\", \"172.16.0.0/12\", \"0.0.0.0/0\"]");
        assertEquals(List.of(), d.problems());
        assertEquals(EXPECTED, d.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY).get(0).learnedRoutes());
    }

    @Test
    void readsTheFlattenedGatewayShape() {
        ParsedDocument d = Docs.parse(Docs.edit(Docs.flatten(Docs.reference()), "/5/learnedRoutes=[\"10.20.0.0/16\"]"));
        assertEquals(List.of(), d.problems());
        assertEquals(
                List.of(Cidr.parseBlock("10.20.0.0/16")),
                d.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY).get(0).learnedRoutes());
    }

    @Test
    void ignoresIpv6LearnedRoutesWithAWarning() {
        ParsedDocument d = withLearnedRoutes("[{\"network\": \"fd00::/8\", \"origin\": \"EBgp\"}, \"10.20.0.0/16\"]");
        assertEquals(List.of(), d.problems());
        assertEquals(
                "$[5].properties.learnedRoutes[0].network", d.warnings().get(0).location());
        assertEquals(
                List.of(Cidr.parseBlock("10.20.0.0/16")),
                d.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY).get(0).learnedRoutes());
    }

    @Test
    void reportsABadNetworkAtItsLocation() {
        assertProblem(
                onlyProblem(withLearnedRoutes("{\"value\": [{\"network\": \"10.20.0.1/16\", \"origin\": \"EBgp\"}]}")),
                "$[5].properties.learnedRoutes.value[0].network",
                "learned route network of virtual network gateway" + " 'ase-vnet-gw' is invalid",
                "'10.20.0.1/16' is not a block");
        assertProblem(
                onlyProblem(withLearnedRoutes("[\"10.20.0.0/16\", \"ten/8\"]")),
                "$[5].properties.learnedRoutes[1]",
                "learned route prefix",
                "'ten/8'");
    }

    @Test
    void reportsRoutesWithoutANetworkAndElementsOfTheWrongType() {
        assertProblem(
                onlyProblem(withLearnedRoutes("[{\"origin\": \"EBgp\", \"nextHop\": \"192.168.1.1\"}]")),
                "$[5].properties.learnedRoutes[0].network",
                "network is required");
        assertProblem(
                onlyProblem(withLearnedRoutes("[42]")),
                "$[5].properties.learnedRoutes[0]",
                "must hold route objects {network, nextHop, origin, ...} or prefix strings, got the number 42");
        assertProblem(
                onlyProblem(withLearnedRoutes("{\"routes\": []}")),
                "$[5].properties.learnedRoutes",
                "or an object with a value array");
    }
}
