package io.asegraph.policy;

import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static io.asegraph.policy.Rules.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NsgEvaluatorTest {
    private static final EvaluationContext VNET = Rules.vnet("10.0.0.0/16");
    private static final AddressSet DB_VM = set("10.0.2.4");

    private static NsgEvaluation inbound(NetworkSecurityGroup nsg, FlowSpace space) {
        return Rules.evaluator(VNET).evaluate(nsg, Direction.INBOUND, space);
    }

    private static List<String> decided(NsgEvaluation e) {
        return e.decisions().stream().map(d -> d.ruleName() + "=" + d.sources()).toList();
    }

    @Test
    void lowerPriorityNumberDecidesWhateverTheOrderOfTheRuleList() {
        NetworkSecurityGroup nsg = nsg(
                "db-nsg",
                in("allow-sql", 200, Access.ALLOW, Protocol.TCP, "203.0.113.0/24", "*", "*", "1433"),
                in("deny-sql", 100, Access.DENY, Protocol.TCP, "203.0.113.0/24", "*", "*", "1433"));
        NsgEvaluation e = inbound(nsg, FlowSpace.of(set("203.0.113.9"), DB_VM, 1433, Protocol.TCP));
        assertEquals(Verdict.DENIED, e.verdict());
        assertEquals(List.of("securityRules/deny-sql=203.0.113.9/32"), decided(e));
    }

    @Test
    void splitsTheSourceRangeExactlyAtRuleBoundariesWithTheRuleThatDecidedEachPart() {
        NetworkSecurityGroup nsg = nsg(
                "db-nsg",
                in("allow-first-half", 100, Access.ALLOW, Protocol.TCP, "10.0.1.0/27", "*", "*", "1433"),
                in("deny-third-quarter", 200, Access.DENY, Protocol.TCP, "10.0.1.32/28", "*", "*", "1433"));
        NsgEvaluation e = inbound(nsg, FlowSpace.of(set("10.0.1.0/26"), DB_VM, 1433, Protocol.TCP));
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(
                List.of(
                        "securityRules/allow-first-half=10.0.1.0/27",
                        "securityRules/deny-third-quarter=10.0.1.32/28",
                        "defaultSecurityRules/AllowVnetInBound=10.0.1.48/28"),
                decided(e));
        assertEquals(List.of("10.0.1.0/27", "10.0.1.48/28"), e.allowedSources().toCidrStrings());
        assertEquals(List.of("10.0.1.32/28"), e.deniedSources().toCidrStrings());
        assertTrue(e.undeterminedSources().isEmpty());
    }

    @Test
    void deniesTheSourcesOutsideTheVirtualNetworkThroughDenyAllInBound() {
        NetworkSecurityGroup nsg = nsg(
                "db-nsg", in("allow-partner", 100, Access.ALLOW, Protocol.TCP, "198.51.100.0/25", "*", "*", "1433"));
        NsgEvaluation e = inbound(nsg, FlowSpace.of(set("198.51.100.0/24", "10.0.1.0/26"), DB_VM, 1433, Protocol.TCP));
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(
                List.of(
                        "securityRules/allow-partner=198.51.100.0/25",
                        "defaultSecurityRules/AllowVnetInBound=10.0.1.0/26",
                        "defaultSecurityRules/DenyAllInBound=198.51.100.128/25"),
                decided(e));
    }

    @ParameterizedTest(name = "port {0} -> {1}")
    @CsvSource({
        "80, ALLOWED",
        "443, ALLOWED",
        "8000, ALLOWED",
        "8042, ALLOWED",
        "8080, ALLOWED",
        "8081, DENIED",
        "79, DENIED",
        "22, DENIED"
    })
    void matchesPortListsAndRangesExactly(int port, Verdict expected) {
        NetworkSecurityGroup nsg = nsg(
                "web-nsg",
                Rules.rule(
                        "web",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("Internet"),
                        List.of("*"),
                        List.of("*"),
                        List.of("80", "443", "8000-8080")));
        assertEquals(
                expected,
                inbound(nsg, FlowSpace.of(set("203.0.113.9"), DB_VM, port, Protocol.TCP))
                        .verdict());
    }

    @Test
    void requiresASourceToBeAllowedForEverySourcePortOfTheSpace() {
        NetworkSecurityGroup nsg = nsg(
                "nsg", in("high-ports-only", 100, Access.ALLOW, Protocol.TCP, "Internet", "1024-65535", "*", "443"));
        NsgEvaluation all = inbound(nsg, FlowSpace.of(set("203.0.113.9"), DB_VM, 443, Protocol.TCP));
        assertEquals(Verdict.DENIED, all.verdict());
        assertEquals(
                List.of(
                        "securityRules/high-ports-only=203.0.113.9/32",
                        "defaultSecurityRules/DenyAllInBound=203.0.113.9/32"),
                decided(all));
        NsgEvaluation high = inbound(
                nsg,
                new FlowSpace(
                        set("203.0.113.9"),
                        DB_VM,
                        PortSet.of(Rules.ports(List.of("50000"))),
                        PortSet.single(443),
                        Protocol.TCP));
        assertEquals(Verdict.ALLOWED, high.verdict());
    }

    @Test
    void requiresASourceToBeAllowedForEveryDestinationOfTheSpace() {
        NetworkSecurityGroup nsg =
                nsg("nsg", in("to-one-vm", 100, Access.ALLOW, Protocol.TCP, "Internet", "*", "10.0.2.4", "443"));
        NsgEvaluation e = inbound(nsg, FlowSpace.of(set("203.0.113.9"), set("10.0.2.4/31"), 443, Protocol.TCP));
        assertEquals(Verdict.DENIED, e.verdict());
        assertEquals(
                Verdict.ALLOWED,
                inbound(nsg, FlowSpace.of(set("203.0.113.9"), DB_VM, 443, Protocol.TCP))
                        .verdict());
    }

    @ParameterizedTest(name = "rule {0}, flow {1} -> {2}")
    @CsvSource({
        "ICMP, ICMP, ALLOWED",
        "ICMP, TCP, DENIED",
        "ICMP, UDP, DENIED",
        "ANY, ICMP, ALLOWED",
        "ANY, TCP, ALLOWED",
        "ANY, ESP, ALLOWED",
        "ANY, ANY, ALLOWED",
        "TCP, ANY, DENIED",
        "TCP, TCP, ALLOWED",
        "UDP, TCP, DENIED"
    })
    void matchesProtocolsWithAnyCoveringEveryProtocol(Protocol rule, Protocol flow, Verdict expected) {
        NetworkSecurityGroup nsg = nsg("nsg", in("r", 100, Access.ALLOW, rule, "Internet", "*", "*", "*"));
        FlowSpace space = new FlowSpace(set("203.0.113.9"), DB_VM, PortSet.ALL, PortSet.ALL, flow);
        assertEquals(expected, inbound(nsg, space).verdict());
    }

    @Test
    void showsBothRulesWhenAnAnyProtocolFlowMeetsATcpOnlyAllow() {
        NetworkSecurityGroup nsg =
                nsg("nsg", in("tcp-only", 100, Access.ALLOW, Protocol.TCP, "Internet", "*", "*", "*"));
        NsgEvaluation e =
                inbound(nsg, new FlowSpace(set("203.0.113.9"), DB_VM, PortSet.ALL, PortSet.ALL, Protocol.ANY));
        assertEquals(Verdict.DENIED, e.verdict());
        assertEquals(
                List.of("securityRules/tcp-only=203.0.113.9/32", "defaultSecurityRules/DenyAllInBound=203.0.113.9/32"),
                decided(e));
    }

    @Test
    void treatsARuleWithOnlyPluralPrefixesAsExactlyThosePrefixes() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                Rules.rule(
                        "plural",
                        100,
                        Direction.INBOUND,
                        Access.DENY,
                        Protocol.TCP,
                        List.of("10.0.1.0/28", "10.0.1.40"),
                        List.of("*"),
                        List.of("*"),
                        List.of("1433")));
        NsgEvaluation e = inbound(nsg, FlowSpace.of(set("10.0.1.0/26"), DB_VM, 1433, Protocol.TCP));
        assertEquals(Verdict.PARTIAL, e.verdict());
        assertEquals(List.of("10.0.1.0/28", "10.0.1.40/32"), e.deniedSources().toCidrStrings());
    }

    @Test
    void makesAnUnimportedTagUndeterminedNamingItAndDecidesOnceItIsImported() {
        NetworkSecurityGroup nsg = nsg(
                "ase-nsg",
                in("deny-bad-range", 90, Access.DENY, Protocol.TCP, "70.37.57.0/25", "*", "*", "454-455"),
                in("allow-management", 100, Access.ALLOW, Protocol.TCP, "AppServiceManagement", "*", "*", "454-455"));
        FlowSpace space = FlowSpace.of(set("70.37.57.0/24"), set("10.0.1.64/26"), 454, Protocol.TCP);

        NsgEvaluation unknown = Rules.evaluator(VNET).evaluate(nsg, Direction.INBOUND, space);
        assertEquals(Verdict.UNDETERMINED, unknown.verdict());
        assertEquals(List.of("70.37.57.0/25"), unknown.deniedSources().toCidrStrings());
        assertEquals(List.of("70.37.57.128/25"), unknown.undeterminedSources().toCidrStrings());
        assertEquals(1, unknown.undeterminedCauses().size());
        assertTrue(unknown.undeterminedCauses().get(0).contains("securityRules/allow-management"));
        assertTrue(unknown.undeterminedCauses().get(0).contains("AppServiceManagement"));
        assertEquals(
                List.of("securityRules/deny-bad-range", "securityRules/allow-management"),
                unknown.decisions().stream().map(RuleDecision::ruleName).toList(),
                "nothing below the unresolved rule decides the undetermined part");

        PolicySet tags = Rules.withTags(Rules.tag("AppServiceManagement", "70.37.57.128/26", "23.102.188.0/24"));
        NsgEvaluation known = Rules.evaluator(tags, VNET).evaluate(nsg, Direction.INBOUND, space);
        assertEquals(Verdict.PARTIAL, known.verdict());
        assertEquals(List.of("70.37.57.128/26"), known.allowedSources().toCidrStrings());
        assertEquals(
                List.of("70.37.57.0/25", "70.37.57.192/26"),
                known.deniedSources().toCidrStrings());
        assertTrue(known.undeterminedCauses().isEmpty());
    }

    @Test
    void makesARuleNamingAnAsgWithUnknownMembersUndetermined() {
        ResourceId db = Rules.id("applicationSecurityGroups/AsgDb");
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                Rules.asgRule(
                        "deny-db",
                        100,
                        Direction.INBOUND,
                        Access.DENY,
                        Protocol.ANY,
                        List.of("*"),
                        List.of(),
                        List.of(),
                        List.of(db),
                        "1433"));
        FlowSpace space = FlowSpace.of(set("10.0.1.0/26"), DB_VM, 1433, Protocol.TCP);
        NsgEvaluation unknown = Rules.evaluator(VNET).evaluate(nsg, Direction.INBOUND, space);
        assertEquals(Verdict.UNDETERMINED, unknown.verdict());
        assertTrue(unknown.undeterminedCauses().get(0).contains("AsgDb"));

        NsgEvaluation member =
                Rules.evaluator(VNET.withAsgMembers(Map.of(db, DB_VM))).evaluate(nsg, Direction.INBOUND, space);
        assertEquals(Verdict.DENIED, member.verdict());
        NsgEvaluation notMember = Rules.evaluator(VNET.withAsgMembers(Map.of(db, set("10.0.2.5"))))
                .evaluate(nsg, Direction.INBOUND, space);
        assertEquals(Verdict.ALLOWED, notMember.verdict(), "the rule applies only to ASG members");
    }

    @Test
    void warnsWhenAVirtualNetworkWidenedByADefaultUserRouteDecided() {
        EvaluationContext widened = EvaluationContext.of(AddressSet.ALL)
                .withVirtualNetworkWarning("VirtualNetwork is 0.0.0.0/0 because of user route ase-one-routes/default");
        NetworkSecurityGroup nsg = nsg("nsg", in("allow-https", 100, Access.ALLOW, Protocol.TCP, "*", "*", "*", "443"));
        NsgEvaluation ssh = Rules.evaluator(widened)
                .evaluate(nsg, Direction.INBOUND, FlowSpace.of(set("203.0.113.0/24"), DB_VM, 22, Protocol.TCP));
        assertEquals(Verdict.ALLOWED, ssh.verdict(), "AllowVnetInBound now matches the Internet");
        assertEquals(List.of("defaultSecurityRules/AllowVnetInBound=203.0.113.0/24"), decided(ssh));
        assertEquals(
                List.of("VirtualNetwork is 0.0.0.0/0 because of user route ase-one-routes/default"), ssh.warnings());

        NsgEvaluation https = Rules.evaluator(widened)
                .evaluate(nsg, Direction.INBOUND, FlowSpace.of(set("203.0.113.0/24"), DB_VM, 443, Protocol.TCP));
        assertTrue(https.warnings().isEmpty(), "no VirtualNetwork rule decided anything");
    }

    @Test
    void ignoresRulesOfTheOtherDirection() {
        NetworkSecurityGroup nsg =
                nsg("nsg", Rules.out("deny-out", 100, Access.DENY, Protocol.ANY, "*", "*", "*", "*"));
        assertEquals(
                Verdict.ALLOWED,
                inbound(nsg, FlowSpace.of(set("10.0.1.0/26"), DB_VM, 1433, Protocol.TCP))
                        .verdict());
    }
}
