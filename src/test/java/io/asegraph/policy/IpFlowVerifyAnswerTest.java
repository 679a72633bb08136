package io.asegraph.policy;

import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link IpFlowVerify#answer} picks the verdict and the deciding rule from evaluated NSG steps. */
class IpFlowVerifyAnswerTest {
    private static final AddressSet REMOTE = AddressSet.parse("203.0.113.7/32");
    private static final SecurityRule ALLOW_TCP =
            in("allow-tcp", 100, Access.ALLOW, Protocol.TCP, "*", "*", "*", "443");
    private static final SecurityRule TAG_RULE =
            in("deny-tag", 200, Access.DENY, Protocol.ANY, "SomeTag", "*", "*", "443");
    private static final SecurityRule DENY_ALL = in("deny-all", 300, Access.DENY, Protocol.ANY, "*", "*", "*", "*");
    private static final AppliedNsg APPLIED = Rules.onNic(nsg("answer-nsg", ALLOW_TCP, TAG_RULE, DENY_ALL), "nic");

    private static RuleDecision decided(SecurityRule rule) {
        return new RuleDecision(rule, rule.access(), REMOTE, AddressSet.EMPTY, Optional.empty());
    }

    private static IpFlowVerify.Evaluated step(Verdict verdict, List<RuleDecision> decisions, List<String> causes) {
        return new IpFlowVerify.Evaluated(Optional.of(APPLIED), verdict, decisions, causes);
    }

    @Test
    void noNsgAllowsWithoutARule() {
        IpFlowResult r = IpFlowVerify.answer(List.of(), List.of("w"));
        assertEquals(Verdict.ALLOWED, r.verdict());
        assertEquals(Optional.of(Access.ALLOW), r.access());
        assertEquals(Optional.empty(), r.ruleName());
        assertEquals(List.of("w"), r.warnings());
    }

    @Test
    void anUndeterminedStepNamesTheRuleThatCouldNotBeResolvedAndItsCause() {
        RuleDecision unresolved = new RuleDecision(
                TAG_RULE,
                Access.DENY,
                AddressSet.EMPTY,
                REMOTE,
                Optional.of("securityRules/deny-tag: service tag 'SomeTag' is not imported"));
        IpFlowResult r = IpFlowVerify.answer(
                List.of(step(Verdict.UNDETERMINED, List.of(decided(ALLOW_TCP), unresolved), List.of("step cause"))),
                List.of());
        assertEquals(Verdict.UNDETERMINED, r.verdict());
        assertEquals(Optional.empty(), r.access());
        assertEquals(Optional.of("securityRules/deny-tag"), r.ruleName());
        assertEquals(
                Optional.of("securityRules/deny-tag: service tag 'SomeTag' is not imported"), r.undeterminedCause());
        assertEquals(Optional.of(APPLIED), r.nsg());
    }

    @Test
    void anUndeterminedStepWithoutAnUndecidedRuleGivesTheStepsFirstCause() {
        IpFlowResult r = IpFlowVerify.answer(
                List.of(step(Verdict.UNDETERMINED, List.of(decided(ALLOW_TCP)), List.of("first", "second"))),
                List.of());
        assertEquals(Verdict.UNDETERMINED, r.verdict());
        assertEquals(Optional.empty(), r.ruleName());
        assertEquals(Optional.of("first"), r.undeterminedCause());
    }

    @Test
    void aDeniedStepIsAnsweredByItsDenyRuleNotByAnAllowThatDecidedAnotherPart() {
        IpFlowResult r = IpFlowVerify.answer(
                List.of(step(Verdict.DENIED, List.of(decided(ALLOW_TCP), decided(DENY_ALL)), List.of())), List.of());
        assertEquals(Verdict.DENIED, r.verdict());
        assertEquals(Optional.of(Access.DENY), r.access());
        assertEquals(Optional.of("securityRules/deny-all"), r.ruleName());
        assertEquals(Optional.empty(), r.undeterminedCause());
    }

    @Test
    void allAllowedStepsAreAnsweredByTheAllowRuleOfTheLastStep() {
        AppliedNsg subnet = Rules.onSubnet(nsg("answer-subnet-nsg", DENY_ALL), "s");
        IpFlowVerify.Evaluated first = new IpFlowVerify.Evaluated(
                Optional.of(subnet), Verdict.ALLOWED, List.of(decided(ALLOW_TCP)), List.of());
        IpFlowVerify.Evaluated last = step(Verdict.ALLOWED, List.of(decided(ALLOW_TCP)), List.of());
        IpFlowResult r = IpFlowVerify.answer(List.of(first, last), List.of());
        assertEquals(Verdict.ALLOWED, r.verdict());
        assertEquals(Optional.of(Access.ALLOW), r.access());
        assertEquals(Optional.of("securityRules/allow-tcp"), r.ruleName());
        assertEquals(Optional.of(APPLIED), r.nsg());
    }
}
