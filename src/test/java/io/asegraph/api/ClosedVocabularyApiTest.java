package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Closed vocabularies are enums in the API, whatever spelling the store keeps (Azure's: Allow, Inbound, Tcp, *, Vpn,
 * IPsec): a rule's direction, access and protocol, the same from the estate snapshot (securityRules) and from the
 * store (an NSG's securityRules); the filters on them take the enum values (and, for the string filters of gateway
 * type and connection type, Azure's spelling as well), on the reference topology.
 */
@QuarkusTest
class ClosedVocabularyApiTest {
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String document, String path) {
        return (List<Map<String, Object>>) Gql.post(document).extract().path(path);
    }

    @Test
    void aRulesDirectionAccessAndProtocolAreEnumValuesTheSameFromTheSnapshotAndTheStore() {
        List<Map<String, Object>> snapshot = rows(
                "{ securityRules(limit: 500) { name direction access protocol networkSecurityGroup { name } } }",
                "data.securityRules");
        List<Map<String, Object>> store = rows(
                "{ networkSecurityGroups(limit: 500) { name securityRules { name direction access protocol } } }",
                "data.networkSecurityGroups");
        List<String> fromStore = store.stream()
                .flatMap(n -> ((List<Map<String, Object>>) (List<?>) n.get("securityRules"))
                        .stream()
                                .map(r -> n.get("name") + "/" + r.get("name") + " " + r.get("direction") + " "
                                        + r.get("access") + " " + r.get("protocol")))
                .sorted()
                .toList();
        List<String> fromSnapshot = snapshot.stream()
                .map(r -> ((Map<?, ?>) r.get("networkSecurityGroup")).get("name") + "/" + r.get("name") + " "
                        + r.get("direction") + " " + r.get("access") + " " + r.get("protocol"))
                .sorted()
                .toList();
        assertFalse(fromSnapshot.isEmpty());
        assertEquals(fromStore, fromSnapshot);
        for (Map<String, Object> r : snapshot) {
            assertTrue(Set.of("INBOUND", "OUTBOUND").contains(r.get("direction")), r.toString());
            assertTrue(Set.of("ALLOW", "DENY").contains(r.get("access")), r.toString());
            assertTrue(Set.of("TCP", "UDP", "ICMP", "ESP", "AH", "ANY").contains(r.get("protocol")), r.toString());
        }
    }

    @Test
    void filteringAndSortingByAnEnumFieldAgreeWithTheValuesShown() {
        List<Map<String, Object>> all = rows(
                "{ securityRules(includeDefaultRules: true, limit: 500) { name access direction } }",
                "data.securityRules");
        for (String access : List.of("ALLOW", "DENY")) {
            long shown =
                    all.stream().filter(r -> access.equals(r.get("access"))).count();
            List<Map<String, Object>> filtered = rows(
                    "{ securityRules(includeDefaultRules: true, limit: 500, where: {access: {eq: " + access
                            + "}}) { access } }",
                    "data.securityRules");
            assertEquals(shown, filtered.size(), access);
            assertTrue(shown > 0, access);
        }
        List<Map<String, Object>> sorted = rows(
                "{ securityRules(includeDefaultRules: true, limit: 500, sort: [{access: ASC}, {direction: DESC}])"
                        + " { access direction } }",
                "data.securityRules");
        Comparator<Map<String, Object>> order = Comparator.comparing(
                        (Map<String, Object> r) -> (String) r.get("access"))
                .thenComparing(r -> (String) r.get("direction"), Comparator.reverseOrder());
        assertEquals(sorted.stream().sorted(order).toList(), sorted, "ALLOW before DENY, then OUTBOUND before INBOUND");
    }

    @Test
    void gatewayAndConnectionTypesAreEnumsAndTheirFiltersTakeEitherSpelling() {
        String enumSpelling = "{ virtualNetworkGateways(where: {gatewayType: {eq: \"VPN\"},"
                + " connections: {some: {connectionType: {in: [\"IPSEC\"]}}}}) { name gatewayType connections"
                + " { connectionType } } }";
        String azureSpelling = "{ virtualNetworkGateways(where: {gatewayType: {eq: \"Vpn\"},"
                + " connections: {some: {connectionType: {in: [\"IPsec\"]}}}}) { name gatewayType connections"
                + " { connectionType } } }";
        List<Map<String, Object>> byEnum = rows(enumSpelling, "data.virtualNetworkGateways");
        assertFalse(byEnum.isEmpty());
        assertEquals(byEnum, rows(azureSpelling, "data.virtualNetworkGateways"));
        assertEquals("VPN", byEnum.get(0).get("gatewayType"));
        assertEquals(
                List.of(),
                rows(
                        "{ virtualNetworkGateways(where: {gatewayType: {eq: \"EXPRESS_ROUTE\"}}) { name } }",
                        "data.virtualNetworkGateways"));
        Gql.post("{ virtualNetworkGateways(where: {gatewayType: {eq: \"VPN_GATEWAY\"}}) { name } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("where.gatewayType"));
    }
}
