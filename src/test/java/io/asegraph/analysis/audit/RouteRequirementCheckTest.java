package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The route rows of the health requirements: forced tunnelling to an imported Azure Firewall (the hub-and-spoke estate
 * of {@code src/test/resources/estates/hub-firewall.json}, {@code locked-ase} in {@code ase-subnet} 10.200.0.0/24
 * routed 0.0.0.0/0 to {@code hub-fw} at 10.100.1.4, a Storage service endpoint for West Europe) judged by the
 * firewall's rules on the row's ports, as {@code FirewallHealthTest} asks through the API; and, on the reference
 * topology, forced tunnelling to a gateway or an appliance that is not a firewall, unresolved routes that may
 * override the answer, and the fix named for each.
 */
class RouteRequirementCheckTest {
    private static final Path DOCUMENT = Path.of("src/test/resources/estates/hub-firewall.json");
    private static final Path TAGS = Path.of("src/test/resources/estates/hub-firewall-tags.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TO_FIREWALL =
            "0.0.0.0/0 → VirtualAppliance 10.100.1.4 (user route default-to-firewall in spoke-routes)";
    private static final String IMPLICIT_DENY = "(10.200.0.0/24 denied by (no rule matches) (the implicit deny))";
    private static final String DEPENDENCY_RULE = "ase-dependencies/storage-sql-out (priority 150)";
    private static final String ADMITTED = "(10.200.0.0/24 admitted by " + DEPENDENCY_RULE + ")";

    // ---------------------------------------------------------------- the hub-firewall estate

    private static AnalysisContext hub(Consumer<ArrayNode> edit) {
        try {
            ArrayNode doc = (ArrayNode) JSON.readTree(Files.readString(DOCUMENT));
            edit.accept(doc);
            return AnalysisContext.of(io.asegraph.analysis.JsonEstates.of(doc.toString(), Files.readString(TAGS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode named(ArrayNode doc, String name) {
        for (JsonNode r : doc) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no " + name + " in " + DOCUMENT);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** locked-ase as {@code kind}. */
    private static Consumer<ArrayNode> kind(AseKind kind) {
        return doc -> named(doc, "locked-ase").put("kind", kind.name());
    }

    /** A network rule collection (priority 150, before egress) admitting the ASE subnet to {@code destination}. */
    private static Consumer<ArrayNode> dependencyRule(String destination, String... ports) {
        return doc -> ((ArrayNode) named(doc, "hub-fw").path("properties").path("networkRuleCollections"))
                .add(json(
                        """
                        {"name": "ase-dependencies", "properties": {"priority": 150, "action": {"type": "Allow"},
                          "rules": [{"name": "storage-sql-out", "protocols": ["TCP"],
                            "sourceAddresses": ["10.200.0.0/24"], "destinationAddresses": ["%s"],
                            "destinationPorts": %s}]}}"""
                                .formatted(destination, JSON.valueToTree(List.of(ports)))));
    }

    /** A user route in spoke-routes. */
    private static Consumer<ArrayNode> spokeRoute(String name, String prefix, String nextHopType) {
        return doc -> ((ArrayNode) named(doc, "spoke-routes").path("properties").path("routes"))
                .add(json(
                        """
                        {"name": "%s", "properties": {"addressPrefix": "%s", "nextHopType": "%s"}}"""
                                .formatted(name, prefix, nextHopType)));
    }

    @SafeVarargs
    private static HealthCheck lockedAse(String check, Consumer<ArrayNode>... edits) {
        AnalysisContext context = hub(doc -> {
            for (Consumer<ArrayNode> e : edits) {
                e.accept(doc);
            }
        });
        return HealthChecks.of(context, "locked-ase", check);
    }

    @Test
    void aV2TunnelledToAFirewallWithoutItsDependencyRulesWarnsNamingTheImplicitDenyPerPort() {
        HealthCheck c = lockedAse("outbound-route", kind(AseKind.ASEV2));
        assertEquals(CheckStatus.WARN, c.status(), c::toString);
        assertTrue(
                c.detail()
                        .startsWith("Forced tunnelling to Azure Firewall hub-fw, which Microsoft's lockdown guidance"
                                + " supports when it admits the dependencies: TCP 80 DENIED " + IMPLICIT_DENY
                                + "; TCP 443 "),
                c.detail());
        assertTrue(c.detail().contains("; TCP 1433 DENIED " + IMPLICIT_DENY + "."), c.detail());
        assertEquals(TO_FIREWALL, c.decidedBy().get(0));
        assertTrue(c.decidedBy().contains("hub-fw (no rule matches) (the implicit deny)"), c.decidedBy()::toString);
    }

    @Test
    void aV2TunnelledToAFirewallThatAdmitsItsDependenciesPassesNamingTheRuleOnce() {
        HealthCheck c = lockedAse("outbound-route", kind(AseKind.ASEV2), dependencyRule("*", "80", "443", "1433"));
        assertEquals(CheckStatus.PASS, c.status(), c::toString);
        assertEquals(
                "Forced tunnelling to Azure Firewall hub-fw, which Microsoft's lockdown guidance supports when it admits"
                        + " the dependencies: TCP 80 ALLOWED " + ADMITTED + "; TCP 443 ALLOWED " + ADMITTED
                        + "; TCP 1433 ALLOWED " + ADMITTED + ".",
                c.detail());
        // The route to the firewall, then the service endpoint the Storage part takes, then the rule: once.
        assertEquals(TO_FIREWALL, c.decidedBy().get(0));
        assertEquals(
                "hub-fw " + DEPENDENCY_RULE, c.decidedBy().get(c.decidedBy().size() - 1));
        assertEquals(
                1,
                c.decidedBy().stream().filter(d -> d.contains(DEPENDENCY_RULE)).count(),
                c.decidedBy()::toString);
    }

    @Test
    void aV1FailsWhenTheFirewallDeniesOneOfItsDependencyPorts() {
        HealthCheck c = lockedAse("outbound-route", kind(AseKind.ASEV1), dependencyRule("*", "80", "443", "1433"));
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertTrue(c.detail().contains("TCP 80 ALLOWED " + ADMITTED), c.detail());
        assertTrue(c.detail().contains("TCP 445 DENIED " + IMPLICIT_DENY), c.detail());
        assertTrue(c.detail().contains("TCP 11000-11999 DENIED " + IMPLICIT_DENY), c.detail());
        assertTrue(c.detail().contains("TCP 14000-14999 DENIED " + IMPLICIT_DENY), c.detail());
    }

    @Test
    void aV1WhoseFirewallAdmitsEveryDependencyPortPasses() {
        HealthCheck c = lockedAse(
                "outbound-route",
                kind(AseKind.ASEV1),
                dependencyRule("*", "80", "443", "445", "1433", "11000-11999", "14000-14999"));
        assertEquals(CheckStatus.PASS, c.status(), c::toString);
        assertFalse(c.detail().contains("DENIED"), c.detail());
    }

    @Test
    void anUnresolvedRouteMakesAnAdmittingFirewallAWarningNamingTheRoute() {
        HealthCheck c = lockedAse(
                "outbound-route",
                kind(AseKind.ASEV2),
                dependencyRule("*", "80", "443", "1433"),
                spokeRoute("to-sql", "Sql", "Internet"));
        assertEquals(CheckStatus.WARN, c.status(), c::toString);
        assertTrue(c.detail().contains("TCP 1433 ALLOWED " + ADMITTED), c.detail());
        assertFalse(c.detail().contains("DENIED"), c.detail());
        assertTrue(c.detail().contains(". Unresolved routes may change this: user route to-sql ("), c.detail());
    }

    @Test
    void repliesToManagementAreNotHelpedByAFirewallAndFailNamingTheRouteAndTheFix() {
        HealthCheck c = lockedAse("management-return-route", kind(AseKind.ASEV2), dependencyRule("*", "443"));
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        // The tunnel decides; the Storage service endpoint takes the part of the Internet superset it covers.
        assertEquals(
                List.of(
                        TO_FIREWALL,
                        "Storage.westeurope 20.150.0.0/16 → VirtualNetworkServiceEndpoint (system route of the service"
                                + " endpoint for Microsoft.Storage (Storage.westeurope))"),
                c.decidedBy());
        assertTrue(c.detail().startsWith("From ase-subnet, "), c.detail());
        assertTrue(
                c.detail()
                        .endsWith(" of the Internet is routed by " + TO_FIREWALL + ", not to the Internet: the calls"
                                + " would not leave from the ASE's VIP. Add a user route 0.0.0.0/0 → Internet to route table"
                                + " spoke-routes (it takes precedence over a forced-tunnelling default route of the same"
                                + " prefix)."),
                c.detail());
    }

    // ---------------------------------------------------------------- the reference topology

    private static HealthCheck aseTwo(Topology topology, String check, io.asegraph.policy.ServiceTag... tags) {
        return HealthChecks.of(AuditFixtures.context(topology, ReferenceTopology.nsgs(), tags), "ase-two", check);
    }

    private static TopologyBuilder aseTwoRoutes(TopologyBuilder b, io.asegraph.topology.Route... routes) {
        String table = AuditFixtures.NET + "/routeTables/two-routes";
        return b.routeTable(table, false, routes).attachRouteTable(ReferenceTopology.ASE_TWO_SUBNET, table);
    }

    /** ase-two's outbound-route check with {@code routes} in its route table two-routes. */
    private static HealthCheck outboundRoute(io.asegraph.topology.Route... routes) {
        return aseTwo(aseTwoRoutes(ReferenceTopology.builder(), routes).build(), "outbound-route");
    }

    @Test
    void anApplianceThatIsNotAnImportedFirewallIsForcedTunnellingThatFails() {
        Topology topology = aseTwoRoutes(
                        ReferenceTopology.builder(), TopologyBuilder.applianceRoute("to-nva", "0.0.0.0/0", "10.0.2.10"))
                .build();
        HealthCheck c = aseTwo(topology, "outbound-route");
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertEquals(
                List.of("0.0.0.0/0 → VirtualAppliance 10.0.2.10 (user route to-nva in two-routes)"), c.decidedBy());
        assertTrue(
                c.detail().contains("not to the Internet: the calls would not leave from the ASE's VIP."), c.detail());
        assertTrue(c.detail().contains("Add a user route 0.0.0.0/0 → Internet to route table two-routes"), c.detail());
    }

    @Test
    void aV2ForceTunnelledToAGatewayOnlyWarnsWithoutTheVipConsequence() {
        Topology topology = aseTwoRoutes(
                        EnvironmentHealthAuditTest.withKind(AseKind.ASEV2),
                        TopologyBuilder.route("to-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .build();
        HealthCheck c = aseTwo(topology, "outbound-route");
        assertEquals(CheckStatus.WARN, c.status(), c::toString);
        assertTrue(c.detail().contains(", not to the Internet. Add a user route"), c.detail());
        assertEquals(
                CheckStatus.FAIL, aseTwo(topology, "management-return-route").status());
    }

    @Test
    void anUnresolvedUserRouteBesideTheDefaultRouteWarnsThatItMayOverrideIt() {
        HealthCheck c = outboundRoute(
                TopologyBuilder.route("to-internet", "0.0.0.0/0", "Internet"),
                TopologyBuilder.route("to-storage", "Storage", "VirtualNetworkGateway"));
        assertEquals(CheckStatus.WARN, c.status(), c::toString);
        assertTrue(
                c.detail()
                        .startsWith("Routed to the Internet by 0.0.0.0/0 → Internet (user route to-internet in"
                                + " two-routes), but user route to-storage ("),
                c.detail());
        assertTrue(c.detail().endsWith(" may be more specific and override it."), c.detail());
    }

    @Test
    void straightToTheInternetPassesNamingTheRoute() {
        HealthCheck c = aseTwo(ReferenceTopology.topology(), "outbound-route");
        assertEquals(CheckStatus.PASS, c.status());
        assertEquals("Routed straight to the Internet by 0.0.0.0/0 → Internet (system default route).", c.detail());
    }

    @Test
    void userRoutesForBothHalvesBesideTheSystemDefaultAskForAUserDefaultRouteNotForTheSystemOne() {
        HealthCheck c = outboundRoute(
                TopologyBuilder.route("low-half", "0.0.0.0/1", "VirtualNetworkGateway"),
                TopologyBuilder.route("high-half", "128.0.0.0/1", "VirtualNetworkGateway"));
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertTrue(
                c.detail()
                        .endsWith("Add a user route 0.0.0.0/0 → Internet to route table two-routes (it takes"
                                + " precedence over a forced-tunnelling default route of the same prefix)."),
                c.detail());
    }

    @Test
    void aUserRouteToTheInternetForOnlyPartOfTheAddressesIsNotTheDefaultNamedInTheFix() {
        Topology topology = aseTwoRoutes(
                        ReferenceTopology.builder()
                                .gateway(
                                        ReferenceTopology.GATEWAY,
                                        ReferenceTopology.VNET,
                                        GatewayType.EXPRESS_ROUTE,
                                        "0.0.0.0/0"),
                        TopologyBuilder.route("half-out", "0.0.0.0/1", "Internet"))
                .build();
        HealthCheck c = aseTwo(topology, "outbound-route");
        assertEquals(CheckStatus.FAIL, c.status(), c::toString);
        assertTrue(c.detail().contains("Add a user route 0.0.0.0/0 → Internet to route table two-routes"), c.detail());
    }
}
