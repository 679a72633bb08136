package io.asegraph.policy;

import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import org.junit.jupiter.api.Test;

/** Looking up what one named rule decided in an evaluation. */
class NsgEvaluationDecisionTest {
    private static final NetworkSecurityGroup NSG = nsg(
            "decision-nsg",
            in("allow-ssh", 100, Access.ALLOW, Protocol.TCP, "10.1.0.0/16", "*", "*", "22"),
            in("deny-rdp", 200, Access.DENY, Protocol.TCP, "*", "*", "*", "3389"));

    private static NsgEvaluation evaluate(int port) {
        FlowSpace point = FlowSpace.point(Ipv4.parse("10.1.2.3"), 50000, Ipv4.parse("10.0.0.4"), port, Protocol.TCP);
        return Rules.evaluator(Rules.vnet("10.0.0.0/16")).evaluate(NSG, Direction.INBOUND, point);
    }

    @Test
    void findsTheDecisionOfTheRuleThatMatched() {
        NsgEvaluation e = evaluate(22);
        RuleDecision d = e.decision("securityRules/allow-ssh").orElseThrow();
        assertEquals(Access.ALLOW, d.access());
        assertTrue(d.sources().contains(Ipv4.parse("10.1.2.3")));
    }

    @Test
    void aRuleThatDidNotMatchHasNoDecision() {
        NsgEvaluation e = evaluate(22);
        assertTrue(e.decision("securityRules/deny-rdp").isEmpty());
        assertTrue(e.decision("securityRules/absent").isEmpty());
    }

    @Test
    void findsADefaultRuleByItsQualifiedName() {
        // 10.1.2.3 is outside the VNet (10.0.0.0/16), so port 443 falls through to DenyAllInBound.
        NsgEvaluation e = evaluate(443);
        assertEquals(
                Access.DENY,
                e.decision("defaultSecurityRules/DenyAllInBound").orElseThrow().access());
        assertTrue(e.decision("securityRules/allow-ssh").isEmpty());
    }
}
