package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.analysis.FirewallEvaluator.Decision;
import io.asegraph.analysis.FirewallEvaluator.Match;
import io.asegraph.net.AddressSet;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sentences of an Azure Firewall's decision ({@link FirewallPhrases}): how a deciding rule is named, the FILTER
 * step of the firewall's hop, what it denies and what allows, over decisions written by hand for hub-fw.
 */
class FirewallPhrasesTest {
    static final AzureFirewall HUB_FW = hubFirewall();
    static final String NONE = FirewallEvaluator.NO_RULE_MATCHES;
    static final Match FRONT = new Match("spoke-to-spoke", "front-to-api", 100, Action.ALLOW, set("10.200.0.0/25"));
    static final Match OUT = new Match("egress", "https-out", 200, Action.ALLOW, set("10.200.0.128/26"));
    static final Match QUARANTINE = new Match("quarantine", "no-canary", 50, Action.DENY, set("10.200.0.192/27"));
    static final Match IMPLICIT = new Match("", NONE, 0, Action.DENY, set("10.200.0.224/27"));

    static AzureFirewall hubFirewall() {
        Topology t = Topology.of(FirewallPathTest.parse(
                        FirewallPathTest.read(FirewallPathTest.DOCUMENT).toString())
                .resources());
        return t.firewalls().iterator().next();
    }

    static AddressSet set(String cidr) {
        return AddressSet.parse(cidr);
    }

    static Decision decision(List<Match> matches, AddressSet undetermined, List<String> causes) {
        AddressSet allowed = AddressSet.EMPTY;
        AddressSet denied = AddressSet.EMPTY;
        for (Match m : matches) {
            if (m.action() == Action.ALLOW) {
                allowed = allowed.union(m.sources());
            } else {
                denied = denied.union(m.sources());
            }
        }
        return new Decision(HUB_FW, allowed, denied, undetermined, matches, causes);
    }

    @Test
    void aRuleIsNamedByFirewallCollectionAndRuleTheImplicitDenyByItsPhrase() {
        Decision d = decision(List.of(FRONT, IMPLICIT), AddressSet.EMPTY, List.of());
        assertEquals("hub-fw spoke-to-spoke/front-to-api", FirewallPhrases.ruleRef(d, FRONT));
        assertEquals("hub-fw (no rule matches)", FirewallPhrases.ruleRef(d, IMPLICIT));
    }

    @Test
    void theFilterStepListsEachPartWithItsRuleAndPriority() {
        Decision d = decision(List.of(FRONT, QUARANTINE, IMPLICIT), AddressSet.EMPTY, List.of());
        Step s = FirewallPhrases.filterStep(d);
        assertEquals(StepType.FILTER, s.type());
        assertEquals(
                "Azure Firewall hub-fw: " + d.verdict() + " — 10.200.0.0/25 allowed by spoke-to-spoke/front-to-api"
                        + " (priority 100); 10.200.0.192/27 denied by quarantine/no-canary (priority 50);"
                        + " 10.200.0.224/27 denied by (no rule matches) (the implicit deny).",
                s.detail());
    }

    @Test
    void theFilterStepNamesWhatIsUndeterminedAndWhy() {
        Decision d = decision(List.of(FRONT), set("10.200.0.128/25"), List.of("IP group 'x' is not imported", "b"));
        assertEquals(
                "Azure Firewall hub-fw: " + d.verdict() + " — 10.200.0.0/25 allowed by spoke-to-spoke/front-to-api"
                        + " (priority 100); 10.200.0.128/25 undetermined: IP group 'x' is not imported; b.",
                FirewallPhrases.filterStep(d).detail());
    }

    @Test
    void denialsNameOnlyTheDenyingRulesAndTheImplicitDeny() {
        Decision d = decision(List.of(FRONT, QUARANTINE, IMPLICIT), AddressSet.EMPTY, List.of());
        assertEquals(
                "rule quarantine/no-canary of Azure Firewall hub-fw denies 10.200.0.192/27; the implicit deny of Azure"
                        + " Firewall hub-fw (no rule matches) denies 10.200.0.224/27",
                FirewallPhrases.denials(d));
        assertEquals("", FirewallPhrases.denials(decision(List.of(FRONT), AddressSet.EMPTY, List.of())));
    }

    @Test
    void allowingNamesOnlyTheAllowingRules() {
        Decision d = decision(List.of(FRONT, QUARANTINE, OUT, IMPLICIT), AddressSet.EMPTY, List.of());
        assertEquals(
                "Azure Firewall hub-fw spoke-to-spoke/front-to-api, egress/https-out", FirewallPhrases.allowing(d));
    }
}
