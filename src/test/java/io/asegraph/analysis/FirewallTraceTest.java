package io.asegraph.analysis;

import static io.asegraph.analysis.FirewallPathTest.analyzer;
import static io.asegraph.analysis.FirewallPathTest.flow;
import static io.asegraph.analysis.FirewallPathTest.withPolicy;
import static io.asegraph.analysis.PathSentencesTest.last;
import static io.asegraph.analysis.PathSentencesTest.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.net.AddressSet;
import io.asegraph.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What a flow through the hub's Azure Firewall says ({@code estates/hub-firewall.json}, read without the service):
 * the firewall's FILTER step between its hop's entry and its onward steps, the DROP when it lets nothing through, the
 * reason naming the firewall, the outcomes naming its rules, its causes when it cannot decide, the host names of an
 * app destination for application rules, and the private-endpoint NSG bypass.
 */
class FirewallTraceTest {
    static final String NET = FirewallPathTest.NET;
    /** The estate as exported, read once: the tests only ask it. */
    static final FlowAnalyzer HUB = analyzer();

    static final String WEB =
            "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers" + "/Microsoft.Web";

    @Test
    void theFirewallsFilterStepSitsBetweenItsHopsEntryAndItsOnwardSteps() {
        FlowResult f = flow(HUB, "locked-ase", "hubfw-partner", 443);
        assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
        Hop walked = f.callSource().trace().get(1);
        Hop traced = f.trace().get(1);
        assertEquals(HopKind.AZURE_FIREWALL, traced.kind());
        List<Step> withoutFilter = new ArrayList<>(traced.steps());
        assertEquals(
                1,
                withoutFilter.stream().filter(s -> s.type() == StepType.FILTER).count());
        withoutFilter.removeIf(s -> s.type() == StepType.FILTER);
        assertEquals(walked.steps(), withoutFilter, "the walk's own steps, all of them, in order");
        assertEquals(
                StepType.SOURCE_NAT,
                traced.steps().get(traced.steps().size() - 1).type(),
                "SNAT after filter");
        assertTrue(
                f.reason()
                        .startsWith("Allowed from every source address (10.200.0.0/24, seen as 20.50.0.10/31) by every"
                                + " NSG and firewall on the way: "),
                f.reason());
        assertTrue(f.reason().contains("Azure Firewall hub-fw "), f.reason());
        assertEquals(StepType.DELIVER, last(f).type());
    }

    @Test
    void aCallNoRuleAdmitsIsDroppedAtTheFirewallSayingSo() {
        FlowResult f = flow(HUB, "locked-ase", "hubfw-partner", 80);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        String implicit = "the implicit deny of Azure Firewall hub-fw (no rule matches) denies 10.200.0.0/24";
        assertEquals(new Step(StepType.DROP, "Dropped at the firewall: " + implicit + "."), last(f));
        assertEquals(2, f.trace().size(), "the trace ends at the firewall");
        assertEquals(
                "Denied for every source address (10.200.0.0/24, seen as 20.50.0.10/31): " + implicit + ".",
                f.reason());
        assertEquals(List.of("10.200.0.0/24 DENIED by hub-fw " + FirewallEvaluator.NO_RULE_MATCHES), outcomes(f));
    }

    @Test
    void aFirewallAdmittingHalfTheSubnetSplitsTheOutcomesByItsRules() {
        FlowResult f = flow(HUB, "locked-ase", "api-nic", 443);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        List<String> o = outcomes(f);
        assertEquals(2, o.size(), o.toString());
        assertTrue(o.get(0).startsWith("10.200.0.0/25 ALLOWED by hub-fw "), o.get(0));
        assertTrue(o.get(0).contains("/ase-front-half-to-api"), o.get(0));
        assertEquals("10.200.0.128/25 DENIED by hub-fw " + FirewallEvaluator.NO_RULE_MATCHES, o.get(1));
        assertTrue(
                f.reason()
                        .contains(
                                "the implicit deny of Azure Firewall hub-fw (no rule matches) denies 10.200.0.128/25"),
                f.reason());
    }

    @Test
    void whatTheFirewallCannotDecideIsUndeterminedWithItsCauses() {
        FlowResult f = flow(analyzer(withPolicy("not-exported")), "locked-ase", "api-nic", 443);
        assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
        List<String> fwCauses = f.firewalls().get(0).causes();
        assertFalse(fwCauses.isEmpty());
        assertTrue(f.causes().containsAll(fwCauses), f.causes() + " has " + fwCauses);
        List<String> o = outcomes(f);
        assertEquals(1, o.size(), o.toString());
        assertEquals(
                new SourceOutcome(AddressSet.parse("10.200.0.0/24"), Verdict.UNDETERMINED, List.of(), fwCauses),
                f.outcomes().get(0));
        assertTrue(f.reason().startsWith("Undetermined for 10.200.0.0/24 of 10.200.0.0/24: "), f.reason());
        assertTrue(f.reason().contains("firewall policy not-exported"), f.reason());
    }

    /** A site on open-ase (reached through the hub firewall) known by {@code defaultHostName} and {@code hostNames}. */
    private static Consumer<ArrayNode> site(String name, String defaultHostName, String... hostNames) {
        return doc -> {
            ObjectNode s = doc.addObject()
                    .put("id", WEB + "/sites/" + name)
                    .put("name", name)
                    .put("type", "Microsoft.Web/sites")
                    .put("location", "westeurope");
            ObjectNode p = s.putObject("properties").put("defaultHostName", defaultHostName);
            p.putObject("hostingEnvironmentProfile").put("id", WEB + "/hostingEnvironments/open-ase");
            ArrayNode names = p.putArray("hostNames");
            for (String h : hostNames) {
                names.add(h);
            }
        };
    }

    @Test
    void anAppDestinationIsMatchedByApplicationRulesOnItsHostNames() {
        FlowAnalyzer a = analyzer(withPolicy("hub-policy")
                .andThen(site("partner-by-default", "api.partner.example"))
                .andThen(site("partner-by-custom", "", "api.partner.example"))
                .andThen(site("partner-and-more", "api.partner.example", "api.partner.example", "other.example"))
                .andThen(site("not-the-partner", "other.example", "other.example")));
        for (String app : List.of("partner-by-default", "partner-by-custom")) {
            FirewallEvaluator.Decision d =
                    flow(a, "locked-ase", app, 8443).firewalls().get(0);
            assertTrue(d.undetermined().isEmpty(), app + ": " + d.causes());
            assertTrue(
                    d.matches().stream().anyMatch(m -> m.rule().equals("partner-by-name")), app + ": " + d.matches());
        }
        // Called by one of its names, unknown which: the rule decides only when it matches them all.
        FirewallEvaluator.Decision some =
                flow(a, "locked-ase", "partner-and-more", 8443).firewalls().get(0);
        assertFalse(some.undetermined().isEmpty(), some.toString());
        FirewallEvaluator.Decision other =
                flow(a, "locked-ase", "not-the-partner", 8443).firewalls().get(0);
        assertTrue(other.matches().stream().noneMatch(m -> m.rule().equals("partner-by-name")), other.toString());
    }

    @Test
    void aPrivateEndpointWhoseSubnetPoliciesAreDisabledBypassesItsNsgAndSaysSo() {
        FlowResult f = flow(HUB, "locked-ase", "kv-pe", 443);
        assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
        String bypass = "NSG pe-nsg of pe-disabled-subnet bypassed: private endpoint kv-pe is in pe-disabled-subnet,"
                + " whose privateEndpointNetworkPolicies is Disabled, so NSGs do not filter traffic to it.";
        assertTrue(f.reason().endsWith(". " + bypass), f.reason());
        assertFalse(f.reason().contains(".."), "one full stop before the bypass: " + f.reason());
        assertEquals(List.of(), f.decisions());
        Hop pe = f.trace().get(f.trace().size() - 1);
        assertEquals(HopKind.PRIVATE_ENDPOINT, pe.kind());
        assertEquals(List.of(StepType.FILTER, StepType.DELIVER), pe.stepTypes());
        assertEquals(new Step(StepType.FILTER, bypass), pe.steps().get(0));
        assertFalse(last(f).detail().contains("No NSG is attached"), last(f).detail());
    }

    @Test
    void aPrivateEndpointWhoseSubnetPoliciesAreEnabledIsFilteredByItsNsg() {
        FlowResult f = flow(HUB, "locked-ase", "sql-pe", 443);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        assertFalse(f.reason().contains("bypassed"), f.reason());
        assertEquals(1, f.blockers().size());
        assertEquals("pe-nsg", f.blockers().get(0).nsg().name());
    }

    @Test
    void anotherAddressInTheDisabledSubnetIsNoPrivateEndpointsAndStaysFiltered() {
        FlowResult f = flow(HUB, "locked-ase", "10.200.3.50", 443);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        assertFalse(f.reason().contains("bypassed"), f.reason());
        FlowResult byAddress = flow(HUB, "locked-ase", "10.200.3.4", 443);
        assertEquals(Verdict.ALLOWED, byAddress.verdict(), byAddress.reason());
        assertTrue(byAddress.reason().contains("bypassed: private endpoint kv-pe"), byAddress.reason());
    }

    /** ase-subnet (locked-ase's) with an NSG letting HTTPS out. */
    private static void httpsOutOfTheAseSubnet(ArrayNode doc) {
        String nsg = NET + "/networkSecurityGroups/ase-out-nsg";
        ObjectNode n = doc.addObject()
                .put("id", nsg)
                .put("name", "ase-out-nsg")
                .put("type", "Microsoft.Network/networkSecurityGroups")
                .put("location", "westeurope");
        n.putObject("properties")
                .putArray("securityRules")
                .addObject()
                .put("name", "allow-https-out")
                .putObject("properties")
                .put("priority", 100)
                .put("direction", "Outbound")
                .put("access", "Allow")
                .put("protocol", "Tcp")
                .put("sourceAddressPrefix", "*")
                .put("sourcePortRange", "*")
                .put("destinationAddressPrefix", "*")
                .put("destinationPortRange", "443");
        for (JsonNode r : doc) {
            if (r.path("name").asText().equals("spoke-vnet")) {
                for (JsonNode sub : r.path("properties").path("subnets")) {
                    if (sub.path("name").asText().equals("ase-subnet")) {
                        ((ObjectNode) sub.path("properties"))
                                .putObject("networkSecurityGroup")
                                .put("id", nsg);
                    }
                }
            }
        }
    }

    @Test
    void anAllowedPartNamesTheSourceSideThenTheFirewallThenTheDestinationSide() {
        FlowResult f = flow(analyzer(FirewallTraceTest::httpsOutOfTheAseSubnet), "locked-ase", "api-nic", 443);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        assertEquals(
                "10.200.0.0/25 ALLOWED by ase-out-nsg securityRules/allow-https-out, hub-fw"
                        + " spoke-to-spoke/ase-front-half-to-api, api-nsg securityRules/allow-https-from-ase",
                outcomes(f).get(0));
    }
}
