package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.FlowFixtures.nsg;
import static io.asegraph.analysis.FlowFixtures.rule;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.ChainEvaluator.Input;
import io.asegraph.analysis.ChainEvaluator.Passing;
import io.asegraph.analysis.ChainEvaluator.Side;
import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The NSG chain evaluator on its own, over the seed estate: one call's chain as Azure evaluates it (each NSG sees only
 * what the earlier ones allowed), a batch of calls sharing NSGs giving each call what it gets alone (the fast
 * counterpart of {@code FlowBatchPropertyTest}), an NSG missing from the snapshot, the "some flow" passing of the
 * exposure question, and the verdict-only mode that first drops the rules no flow of the question can match.
 */
class ChainEvaluatorTest {
    static final Topology SEED = ReferenceTopology.topology();
    static final String GATE = NET + "/networkSecurityGroups/cev-gate";
    static final String SECOND = NET + "/networkSecurityGroups/cev-second";
    static final String WEB = NET + "/networkSecurityGroups/cev-web";
    static final String WEB_FIRST = NET + "/networkSecurityGroups/cev-web-first";
    static final String MIXED = NET + "/networkSecurityGroups/cev-mixed";
    static final String MISSING = NET + "/networkSecurityGroups/cev-missing";
    static final AddressSet DB = set("10.0.2.4/32");
    static final AddressSet ASE_ONE_RANGE = set("10.0.1.0/26");

    /** SQL from the first half of ase-one's subnet, not from the second half. */
    static final NetworkSecurityGroup GATE_NSG = nsg(
            GATE,
            in("allow-first-half", 100, Access.ALLOW, "10.0.1.0/27", "*", "1433"),
            in("deny-second-half", 200, Access.DENY, "10.0.1.32/27", "*", "1433"));
    /** Denies 10.0.1.16/30; the rest of the VNet is allowed by AllowVnetInBound. */
    static final NetworkSecurityGroup SECOND_NSG =
            nsg(SECOND, in("deny-16", 100, Access.DENY, "10.0.1.16/30", "*", "1433"));

    static AddressSet set(String... prefixes) {
        return AddressSet.parse(prefixes);
    }

    static AnalysisContext context(NetworkSecurityGroup... nsgs) {
        return AnalysisContext.of(new Estate(SEED, FlowFixtures.seedPolicyWith(nsgs), 1));
    }

    static Attached at(NetworkSecurityGroup n, String appliedTo, NsgLevel level) {
        return new Attached(n.id(), ResourceId.of(appliedTo), level, Optional.of(n));
    }

    static Attached atDbSubnet(NetworkSecurityGroup n) {
        return at(n, DB_SUBNET, NsgLevel.SUBNET);
    }

    static Subnet dbSubnet() {
        return SEED.subnet(ResourceId.of(DB_SUBNET)).orElseThrow();
    }

    static Input input(AddressSet sources, Attached... chain) {
        return new Input(List.of(chain), dbSubnet(), sources, DB);
    }

    static Question tcp(int port) {
        return Question.of(port, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS);
    }

    static List<Side> inbound(AnalysisContext c, Question q, Explain explain, Passing mode, Input... inputs) {
        return new ChainEvaluator(c, q, explain, mode).evaluate(List.of(inputs), Direction.INBOUND);
    }

    /** One call's chain on TCP 1433 (SQL). */
    static Side sql(AnalysisContext c, Explain explain, Passing mode, Input input) {
        return one(c, tcp(1433), explain, mode, input);
    }

    static Side one(AnalysisContext c, Question q, Explain explain, Passing mode, Input input) {
        return inbound(c, q, explain, mode, input).get(0);
    }

    @Test
    void oneChainSplitsTheSourcesByTheRulesThatDecideThem() {
        AnalysisContext c = context(GATE_NSG);
        Side s = sql(c, Explain.DECISIONS, Passing.EVERY_FLOW, input(ASE_ONE_RANGE, atDbSubnet(GATE_NSG)));
        assertEquals(set("10.0.1.0/27"), s.allowed());
        assertEquals(set("10.0.1.32/27"), s.denied());
        assertTrue(s.undetermined().isEmpty());
        assertEquals(1, s.decisions().size());
        NsgDecisionResult d = s.decisions().get(0);
        assertEquals(Verdict.PARTIAL, d.verdict());
        assertEquals(ResourceId.of(GATE), d.nsg());
        assertEquals(ResourceId.of(DB_SUBNET), d.appliedTo());
        assertEquals(NsgLevel.SUBNET, d.level());
        assertEquals(Direction.INBOUND, d.direction());
        assertEquals(ASE_ONE_RANGE, d.evaluatedSources());
        assertEquals(set("10.0.1.0/27"), d.allowedSources());
        assertEquals(set("10.0.1.32/27"), d.deniedSources());
        assertEquals(List.of("securityRules/allow-first-half", "securityRules/deny-second-half"), d.ruleNames());
        assertEquals(List.of(), s.causes());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void theNextNsgSeesOnlyWhatTheFirstAllowed() {
        AnalysisContext c = context(GATE_NSG, SECOND_NSG);
        Side s = sql(
                c,
                Explain.DECISIONS,
                Passing.EVERY_FLOW,
                input(set("10.0.1.16/28", "10.0.1.48/28"), atDbSubnet(GATE_NSG), atDbSubnet(SECOND_NSG)));
        assertEquals(set("10.0.1.20/30", "10.0.1.24/29"), s.allowed());
        assertEquals(set("10.0.1.16/30", "10.0.1.48/28"), s.denied());
        assertEquals(2, s.decisions().size());
        NsgDecisionResult second = s.decisions().get(1);
        assertEquals(set("10.0.1.16/28"), second.evaluatedSources());
        assertEquals(List.of("securityRules/deny-16", "defaultSecurityRules/AllowVnetInBound"), second.ruleNames());
        assertEquals(set("10.0.1.16/30"), second.matches().get(0).sources());
    }

    @Test
    void aChainThatDeniesEverythingStopsBeforeTheNextNsg() {
        AnalysisContext c = context(GATE_NSG, SECOND_NSG);
        Side s = sql(
                c,
                Explain.DECISIONS,
                Passing.EVERY_FLOW,
                input(set("10.0.1.32/27"), atDbSubnet(GATE_NSG), atDbSubnet(SECOND_NSG)));
        assertEquals(set("10.0.1.32/27"), s.denied());
        assertTrue(s.allowed().isEmpty());
        assertEquals(1, s.decisions().size(), "nothing reaches the second NSG");
        assertEquals(Verdict.DENIED, s.decisions().get(0).verdict());
    }

    @Test
    void aBatchGivesEachCallWhatItGetsAloneRestrictedToItsOwnSources() {
        AnalysisContext c = context(GATE_NSG, SECOND_NSG);
        Input allowedPart = input(set("10.0.1.0/28"), atDbSubnet(GATE_NSG));
        Input deniedPart = input(set("10.0.1.32/28"), atDbSubnet(GATE_NSG));
        Input split = input(set("10.0.1.16/28", "10.0.1.48/28"), atDbSubnet(GATE_NSG), atDbSubnet(SECOND_NSG));
        Input noNsg = input(ASE_ONE_RANGE);
        Input otherDestination =
                new Input(List.of(atDbSubnet(GATE_NSG)), dbSubnet(), set("10.0.1.0/28"), set("10.0.2.5/32"));
        List<Input> all = List.of(allowedPart, deniedPart, split, noNsg, otherDestination);
        for (Explain explain : Explain.values()) {
            List<Side> batch = new ChainEvaluator(c, tcp(1433), explain).evaluate(all, Direction.INBOUND);
            assertEquals(all.size(), batch.size());
            for (int i = 0; i < all.size(); i++) {
                Side alone = new ChainEvaluator(c, tcp(1433), explain)
                        .evaluate(List.of(all.get(i)), Direction.INBOUND)
                        .get(0);
                assertEquals(alone, batch.get(i), explain + " input " + i);
            }
            assertEquals(set("10.0.1.0/28"), batch.get(0).allowed());
            assertTrue(batch.get(0).denied().isEmpty());
            assertEquals(set("10.0.1.32/28"), batch.get(1).denied());
            assertTrue(batch.get(1).allowed().isEmpty());
            assertEquals(set("10.0.1.20/30", "10.0.1.24/29"), batch.get(2).allowed());
            assertEquals(set("10.0.1.16/30", "10.0.1.48/28"), batch.get(2).denied());
            assertEquals(ASE_ONE_RANGE, batch.get(3).allowed());
            assertTrue(batch.get(3).decisions().isEmpty());
            assertEquals(set("10.0.1.0/28"), batch.get(4).allowed());
        }
        List<Side> batch = new ChainEvaluator(c, tcp(1433), Explain.DECISIONS).evaluate(all, Direction.INBOUND);
        NsgDecisionResult first = batch.get(0).decisions().get(0);
        assertEquals(List.of("securityRules/allow-first-half"), first.ruleNames(), "the deny decided none of its part");
        assertEquals(set("10.0.1.0/28"), first.matches().get(0).sources());
        assertEquals(set("10.0.1.0/28"), first.evaluatedSources());
        assertEquals(Verdict.ALLOWED, first.verdict());
        NsgDecisionResult second = batch.get(1).decisions().get(0);
        assertEquals(List.of("securityRules/deny-second-half"), second.ruleNames());
        assertEquals(set("10.0.1.32/28"), second.matches().get(0).sources());
        assertEquals(Verdict.DENIED, second.verdict());
        assertEquals(2, batch.get(2).decisions().size());
        List<Side> verdicts = new ChainEvaluator(c, tcp(1433), Explain.VERDICTS).evaluate(all, Direction.INBOUND);
        verdicts.forEach(v -> assertEquals(List.of(), v.decisions(), "verdicts keep no decisions"));
    }

    static Attached missing() {
        return new Attached(ResourceId.of(MISSING), ResourceId.of(DB_SUBNET), NsgLevel.SUBNET, Optional.empty());
    }

    @Test
    void anNsgMissingFromTheSnapshotMakesWhatReachesItUndeterminedNamingIt() {
        AnalysisContext c = context(GATE_NSG);
        Side s = sql(c, Explain.DECISIONS, Passing.EVERY_FLOW, input(ASE_ONE_RANGE, missing(), atDbSubnet(GATE_NSG)));
        assertEquals(ASE_ONE_RANGE, s.undetermined());
        assertTrue(s.allowed().isEmpty());
        assertTrue(s.denied().isEmpty());
        assertEquals(1, s.decisions().size(), "nothing goes on past the missing NSG");
        NsgDecisionResult d = s.decisions().get(0);
        assertEquals(Verdict.UNDETERMINED, d.verdict());
        assertEquals(ASE_ONE_RANGE, d.evaluatedSources());
        assertEquals(ASE_ONE_RANGE, d.undeterminedSources());
        assertEquals(List.of(), d.matches());
        String cause = "NSG cev-missing (" + MISSING + ") is attached to db-subnet but is not in the snapshot, so what "
                + "it decides is not known; " + ResourceKind.NETWORK_SECURITY_GROUP.howToImport(MISSING);
        assertEquals(List.of(cause), d.causes());
        assertEquals(List.of(cause), s.causes());

        Side verdicts =
                sql(c, Explain.VERDICTS, Passing.EVERY_FLOW, input(ASE_ONE_RANGE, missing(), atDbSubnet(GATE_NSG)));
        assertEquals(ASE_ONE_RANGE, verdicts.undetermined());
        assertEquals(List.of(), verdicts.decisions());
        assertEquals(List.of(), verdicts.causes());
    }

    @Test
    void anNsgMissingAfterADenyOnlySeesWhatWasAllowed() {
        AnalysisContext c = context(GATE_NSG);
        Side s = sql(c, Explain.DECISIONS, Passing.EVERY_FLOW, input(ASE_ONE_RANGE, atDbSubnet(GATE_NSG), missing()));
        assertEquals(set("10.0.1.32/27"), s.denied());
        assertEquals(set("10.0.1.0/27"), s.undetermined());
        assertTrue(s.allowed().isEmpty());
        assertEquals(set("10.0.1.0/27"), s.decisions().get(1).evaluatedSources());
    }

    @Test
    void forSomeFlowAMissingNsgLetsEverythingOnAsUndetermined() {
        AnalysisContext c = context(GATE_NSG);
        Side s = sql(c, Explain.DECISIONS, Passing.SOME_FLOW, input(ASE_ONE_RANGE, missing(), atDbSubnet(GATE_NSG)));
        assertEquals(2, s.decisions().size(), "the NSG after the missing one is evaluated");
        assertTrue(s.allowed().isEmpty(), "nothing is certain past a missing NSG");
        assertEquals(set("10.0.1.0/27"), s.undetermined());
        assertEquals(set("10.0.1.32/27"), s.denied());
    }

    /** Port 443 from the first half of ase-one's subnet, nothing else. */
    static final NetworkSecurityGroup WEB_NSG = nsg(
            WEB,
            in("allow-https-first-half", 100, Access.ALLOW, "10.0.1.0/27", "*", "443"),
            in("deny-the-rest", 200, Access.DENY, "*", "*", "*"));
    /** Any port from the first quarter, nothing else. */
    static final NetworkSecurityGroup WEB_FIRST_NSG = nsg(
            WEB_FIRST,
            in("allow-first-quarter", 100, Access.ALLOW, "10.0.1.0/28", "*", "*"),
            in("deny-the-rest", 200, Access.DENY, "*", "*", "*"));

    static Question tcpPorts(int from, int to) {
        return new Question(FlowAnalyzer.EPHEMERAL_PORTS, PortSet.of(List.of(new PortRange(from, to))), Protocol.TCP);
    }

    @Test
    void everyFlowNeedsEveryPortAllowedSomeFlowNeedsOne() {
        AnalysisContext c = context(WEB_NSG);
        Input in = input(ASE_ONE_RANGE, atDbSubnet(WEB_NSG));
        Side every = one(c, tcpPorts(80, 443), Explain.DECISIONS, Passing.EVERY_FLOW, in);
        assertTrue(every.allowed().isEmpty(), "ports 80-442 are denied to everyone");
        assertEquals(ASE_ONE_RANGE, every.denied());
        Side some = one(c, tcpPorts(80, 443), Explain.DECISIONS, Passing.SOME_FLOW, in);
        assertEquals(set("10.0.1.0/27"), some.allowed(), "443 gets through from the first half");
        assertEquals(set("10.0.1.32/27"), some.denied());
        assertTrue(some.undetermined().isEmpty());
        assertEquals(1, some.decisions().size());
    }

    @Test
    void forSomeFlowEachNsgNarrowsWhatIsCertainlyAdmitted() {
        AnalysisContext c = context(WEB_NSG, WEB_FIRST_NSG);
        Input in = input(ASE_ONE_RANGE, atDbSubnet(WEB_NSG), atDbSubnet(WEB_FIRST_NSG));
        for (Explain explain : Explain.values()) {
            Side some = one(c, tcpPorts(80, 443), explain, Passing.SOME_FLOW, in);
            assertEquals(set("10.0.1.0/28"), some.allowed(), explain.toString());
            assertEquals(set("10.0.1.16/28", "10.0.1.32/27"), some.denied(), explain.toString());
            assertTrue(some.undetermined().isEmpty(), explain.toString());
        }
        Side batch = inbound(
                        c,
                        tcpPorts(80, 443),
                        Explain.DECISIONS,
                        Passing.SOME_FLOW,
                        input(set("10.0.1.0/27"), atDbSubnet(WEB_NSG), atDbSubnet(WEB_FIRST_NSG)),
                        input(set("10.0.1.8/29", "10.0.1.48/28"), atDbSubnet(WEB_NSG), atDbSubnet(WEB_FIRST_NSG)))
                .get(1);
        assertEquals(set("10.0.1.8/29"), batch.allowed(), "restricted to this call's part of the bucket");
        assertEquals(set("10.0.1.48/28"), batch.denied());
        assertTrue(batch.undetermined().isEmpty(), "the other call's admitted sources are not this call's");
    }

    /**
     * Rules a TCP 1433 question can or cannot match: the first two decide it (one with empty port lists, which the
     * policy engine treats as unknown ports, so what it decides is undetermined; one for every protocol); the others
     * name another protocol, other ports, other source ports or the other direction, and AllowVnetInBound allows the
     * rest.
     */
    static final NetworkSecurityGroup MIXED_NSG = nsg(
            MIXED,
            new SecurityRule(
                    "deny-first-quarter-any-port",
                    100,
                    Direction.INBOUND,
                    Access.DENY,
                    Protocol.TCP,
                    List.of("10.0.1.0/28"),
                    List.of(),
                    List.of("*"),
                    List.of(),
                    List.of(),
                    List.of(),
                    "",
                    false),
            rule(
                    "deny-second-quarter-any-protocol",
                    110,
                    Direction.INBOUND,
                    Access.DENY,
                    Protocol.ANY,
                    "10.0.1.16/28",
                    "*",
                    "1433"),
            rule(
                    "deny-third-quarter-udp",
                    120,
                    Direction.INBOUND,
                    Access.DENY,
                    Protocol.UDP,
                    "10.0.1.32/28",
                    "*",
                    "1433"),
            in("deny-ssh", 130, Access.DENY, "*", "*", "22"),
            rule("deny-outbound", 140, Direction.OUTBOUND, Access.DENY, Protocol.ANY, "*", "*", "*"),
            new SecurityRule(
                    "deny-privileged-client-ports",
                    150,
                    Direction.INBOUND,
                    Access.DENY,
                    Protocol.TCP,
                    List.of("10.0.1.48/28"),
                    List.of(new PortRange(1, 1023)),
                    List.of("*"),
                    List.of(PortRange.parse("1433")),
                    List.of(),
                    List.of(),
                    "",
                    false));

    @Test
    void verdictsOnlyGiveTheSameSetsAsFullDecisions() {
        AnalysisContext c = context(MIXED_NSG);
        Input in = input(ASE_ONE_RANGE, atDbSubnet(MIXED_NSG));
        for (Explain explain : Explain.values()) {
            Side tcp = sql(c, explain, Passing.EVERY_FLOW, in);
            assertEquals(set("10.0.1.0/28"), tcp.undetermined(), explain + ": the rule without port ranges");
            assertEquals(set("10.0.1.16/28"), tcp.denied(), explain + ": the rule for every protocol");
            assertEquals(set("10.0.1.32/27"), tcp.allowed(), explain.toString());
            Side any = one(
                    c, Question.of(1433, Protocol.ANY, FlowAnalyzer.EPHEMERAL_PORTS), explain, Passing.EVERY_FLOW, in);
            assertEquals(set("10.0.1.0/28"), any.undetermined(), explain.toString());
            assertEquals(set("10.0.1.16/28", "10.0.1.32/28"), any.denied(), explain + ": UDP is denied too");
            assertEquals(set("10.0.1.48/28"), any.allowed(), explain.toString());
        }
        Side decisions = sql(c, Explain.DECISIONS, Passing.EVERY_FLOW, in);
        assertEquals(
                List.of(
                        "securityRules/deny-first-quarter-any-port",
                        "securityRules/deny-second-quarter-any-protocol",
                        "defaultSecurityRules/AllowVnetInBound"),
                decisions.decisions().get(0).ruleNames());
        assertEquals(1, decisions.causes().size(), decisions.causes().toString());
        assertTrue(
                decisions.causes().get(0).startsWith("securityRules/deny-first-quarter-any-port: "),
                decisions.causes().get(0));
        assertEquals(decisions.causes(), decisions.decisions().get(0).causes());
    }
}
