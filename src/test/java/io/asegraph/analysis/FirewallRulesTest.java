package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of a firewall with a policy hierarchy ({@link FirewallRules}): hub-policy (group spoke-rules, priority 100,
 * collection spoke-to-spoke) over its parent org-base (group org-guardrails, priority 500, collection quarantine).
 */
class FirewallRulesTest {
    static FirewallRules rules(String policy) {
        ArrayNode doc = FirewallPathTest.read(FirewallPathTest.DOCUMENT);
        FirewallPathTest.withPolicy(policy).accept(doc);
        Topology t = Topology.of(FirewallPathTest.parse(doc.toString()).resources());
        AzureFirewall fw = t.firewalls().iterator().next();
        return FirewallRules.of(fw, t);
    }

    @Test
    void eachPolicyOfTheChainContributesItsOwnGroupsOnceParentFirst() {
        FirewallRules r = rules("hub-policy");
        // spoke-to-spoke holds a network and an application rule: one collection of each kind.
        assertEquals(
                List.of("quarantine NETWORK", "spoke-to-spoke NETWORK", "spoke-to-spoke APPLICATION"),
                r.collections().stream().map(c -> c.name() + " " + c.kind()).toList());
        assertEquals(
                List.of(500 - 100_000, 100, 100),
                r.collections().stream()
                        .map(FirewallRuleCollection::groupPriority)
                        .toList(),
                "the parent's group sorts before the child's whatever its priority");
        assertTrue(r.missing().isEmpty(), r.missing()::toString);
    }

    @Test
    void thePolicyWithoutAParentHasOnlyItsOwnGroup() {
        FirewallRules r = rules("org-base");
        assertEquals(
                List.of("quarantine"),
                r.collections().stream().map(FirewallRuleCollection::name).toList());
        assertEquals(
                List.of(500),
                r.collections().stream()
                        .map(FirewallRuleCollection::groupPriority)
                        .toList());
    }
}
