package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Even the small estate carries the variety an importer and the analysis must handle: every ASE kind, internal and
 * external ASEs, forced tunnelling both ways, appliance and service-tag routes, every rule form. The mid-size estate
 * adds ExpressRoute, VNet-to-VNet connections and a default site.
 */
class GeneratedEstateMixTest {

    private final GeneratedEstate small = GeneratedEstate.small();

    @Test
    void smallEstateHasEveryAseKindAndBothLoadBalancingModes() {
        Set<String> kinds = new TreeSet<>();
        Set<String> modes = new TreeSet<>();
        for (JsonNode a : small.ofType(ResourceWriter.ASE)) {
            kinds.add(a.path("kind").asText());
            modes.add(
                    a.path("properties")
                                    .path("internalLoadBalancingMode")
                                    .asText()
                                    .equals("None")
                            ? "external"
                            : "internal");
        }
        assertEquals(Set.of("ASEV1", "ASEV2", "ASEV3"), kinds);
        assertEquals(Set.of("external", "internal"), modes);
    }

    @Test
    void smallEstateHasForcedTunnellingLearnedOverBgpAndByUserRoute() {
        boolean learnedDefault = small.ofType(ResourceWriter.GATEWAY).stream()
                .flatMap(g -> GeneratedEstate.stream(g.path("properties").path("learnedRoutes")))
                .anyMatch(r -> r.path("network").asText().equals("0.0.0.0/0"));
        assertTrue(learnedDefault, "a gateway learned 0.0.0.0/0 over BGP");
        assertTrue(
                hasRoute(r -> r.path("addressPrefix").asText().equals("0.0.0.0/0")
                        && r.path("nextHopType").asText().equals("VirtualNetworkGateway")),
                "a 0.0.0.0/0 user route to the gateway");
        assertTrue(
                hasRoute(r -> r.path("addressPrefix").asText().equals("0.0.0.0/0")
                        && r.path("nextHopType").asText().equals("Internet")),
                "a 0.0.0.0/0 user route to Internet");
        assertTrue(hasRoute(r -> r.path("nextHopType").asText().equals("VirtualAppliance")), "an appliance route");
        assertTrue(
                hasRoute(
                        r -> Character.isLetter(r.path("addressPrefix").asText().charAt(0))),
                "a service-tag route");
    }

    @Test
    void smallEstateHasAHubAndSpokePeeringThroughTheHubGateway() {
        List<JsonNode> peerings = new ArrayList<>();
        small.ofType(ResourceWriter.VNET)
                .forEach(
                        v -> v.path("properties").path("virtualNetworkPeerings").forEach(peerings::add));
        assertTrue(peerings.stream()
                .anyMatch(p -> p.path("properties").path("useRemoteGateways").asBoolean()));
        assertTrue(peerings.stream()
                .anyMatch(p -> p.path("properties").path("allowGatewayTransit").asBoolean()));
    }

    @Test
    void smallEstateRulesUseEveryAddressForm() {
        List<JsonNode> rules =
                small.securityRules().map(r -> r.path("properties")).toList();
        assertTrue(rules.stream().anyMatch(p -> p.path("sourceAddressPrefixes").size() > 1), "plural prefixes");
        assertTrue(
                rules.stream()
                        .anyMatch(p -> p.path("sourceApplicationSecurityGroups").size() > 0),
                "ASGs");
        assertTrue(rules.stream().anyMatch(p -> p.path("destinationPortRanges").size() > 1), "port lists");
        assertTrue(
                rules.stream()
                        .anyMatch(p -> p.path("destinationPortRange").asText().contains("-")),
                "port ranges");
        assertTrue(rules.stream()
                .anyMatch(p -> p.path("sourceAddressPrefix").asText().equals("AppServiceManagement")));
        assertTrue(
                rules.stream().anyMatch(p -> p.path("destinationAddressPrefix")
                        .asText()
                        .matches("(Sql|Storage|AzureKeyVault)\\.[A-Za-z0-9]+")),
                "a regional service tag");
        assertTrue(
                rules.stream()
                        .anyMatch(
                                p -> p.path("description")
                                        .asText()
                                        .matches(
                                                "Requested by \"Contoso Z\u00fcrich\" \u2013 ticket CHG\\d+ \\(see \\\\\\\\share\\\\net\\)")),
                "a description with quotes, backslashes and non-ASCII text, read back intact");
    }

    @Test
    void denyRulesSitAboveAllowRulesInSomeNsg() {
        boolean found = false;
        for (JsonNode nsg : small.ofType(ResourceWriter.NSG)) {
            List<JsonNode> inbound = GeneratedEstate.stream(
                            nsg.path("properties").path("securityRules"))
                    .map(r -> r.path("properties"))
                    .filter(p -> p.path("direction").asText().equals("Inbound"))
                    .toList();
            int firstDeny = Integer.MAX_VALUE;
            for (JsonNode p : inbound) {
                if (p.path("access").asText().equals("Deny")) {
                    firstDeny = Math.min(firstDeny, p.path("priority").asInt());
                }
            }
            for (JsonNode p : inbound) {
                found |= p.path("access").asText().equals("Allow")
                        && p.path("priority").asInt() > firstDeny;
            }
        }
        assertTrue(found);
    }

    @Test
    void midEstateHasExpressRouteVnetToVnetAndADefaultSite() {
        GeneratedEstate mid = GeneratedEstate.mid();
        assertTrue(mid.ofType(ResourceWriter.GATEWAY).stream()
                .anyMatch(g -> g.path("properties").path("gatewayType").asText().equals("ExpressRoute")));
        assertTrue(mid.ofType(ResourceWriter.GATEWAY).stream()
                .anyMatch(g -> g.path("properties").has("gatewayDefaultSite")));
        assertTrue(mid.ofType(ResourceWriter.CONNECTION).stream()
                .anyMatch(c ->
                        c.path("properties").path("connectionType").asText().equals("Vnet2Vnet")));
    }

    private boolean hasRoute(Predicate<JsonNode> test) {
        return small.ofType(ResourceWriter.ROUTE_TABLE).stream()
                .flatMap(rt -> GeneratedEstate.stream(rt.path("properties").path("routes")))
                .map(r -> r.path("properties"))
                .anyMatch(test);
    }
}
