package io.asegraph.policy;

import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static io.asegraph.policy.Rules.onNic;
import static io.asegraph.policy.Rules.onSubnet;
import static io.asegraph.policy.Rules.out;
import static io.asegraph.policy.Rules.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NsgChainTest {
    private static final NsgEvaluator EVALUATOR = Rules.evaluator(Rules.vnet("10.0.0.0/16"));
    private static final NetworkSecurityGroup ALLOW_HTTP =
            nsg("allow-http", in("allow-http", 100, Access.ALLOW, Protocol.TCP, "Internet", "*", "*", "80"));
    private static final NetworkSecurityGroup DEFAULTS_ONLY = nsg("defaults-only");

    private static List<String> stepNames(ChainEvaluation chain) {
        return chain.steps().stream().map(s -> s.applied().nsg().name()).toList();
    }

    @Test
    void ordersSubnetThenNicInboundAndNicThenSubnetOutbound() {
        AppliedNsg subnet = onSubnet(DEFAULTS_ONLY, "s1");
        AppliedNsg nic = onNic(ALLOW_HTTP, "vm1-nic");
        assertEquals(List.of(subnet, nic), NsgChain.order(Direction.INBOUND, Optional.of(subnet), Optional.of(nic)));
        assertEquals(List.of(nic, subnet), NsgChain.order(Direction.OUTBOUND, Optional.of(subnet), Optional.of(nic)));
        assertEquals(List.of(nic), NsgChain.order(Direction.INBOUND, Rules.none(), Optional.of(nic)));
    }

    @Test
    void allowsEverythingWhenNoNsgApplies() {
        ChainEvaluation chain = ReferenceChain.evaluate(
                EVALUATOR,
                List.of(),
                Direction.INBOUND,
                FlowSpace.of(set("0.0.0.0/0"), set("10.0.1.4"), 22, Protocol.TCP));
        assertEquals(Verdict.ALLOWED, chain.verdict());
        assertTrue(chain.steps().isEmpty());
        assertTrue(chain.allowedSources().isAll());
    }

    @Test
    void stopsAtASubnetDenyAndNeverEvaluatesTheNicNsg() {
        List<AppliedNsg> nsgs = NsgChain.order(
                Direction.INBOUND,
                Optional.of(onSubnet(DEFAULTS_ONLY, "s1")),
                Optional.of(onNic(ALLOW_HTTP, "vm1-nic")));
        ChainEvaluation chain = ReferenceChain.evaluate(
                EVALUATOR,
                nsgs,
                Direction.INBOUND,
                FlowSpace.of(set("203.0.113.0/24"), set("10.0.1.4"), 80, Protocol.TCP));
        assertEquals(Verdict.DENIED, chain.verdict());
        assertEquals(List.of("defaults-only"), stepNames(chain));
        assertEquals(
                List.of("defaultSecurityRules/DenyAllInBound"),
                chain.blockers().get(0).evaluation().decisions().stream()
                        .map(RuleDecision::ruleName)
                        .toList());
    }

    /** azure-semantics T2: NSG1 on Subnet1, NSG2 on VM1's and VM3's NICs, nothing for VM4; inbound TCP 80 from the Internet. */
    @ParameterizedTest(name = "{0}: NSG1 allows 80 = {1} -> {4}")
    @CsvSource({
        "VM1, true, true, true, ALLOWED",
        "VM1, false, true, true, DENIED",
        "VM2, true, true, false, ALLOWED",
        "VM2, false, true, false, DENIED",
        "VM3, true, false, true, ALLOWED",
        "VM3, false, false, true, ALLOWED",
        "VM4, false, false, false, ALLOWED"
    })
    void combinesSubnetAndNicNsgsAsInTheMicrosoftExample(
            String vm, boolean nsg1AllowsHttp, boolean subnetHasNsg1, boolean nicHasNsg2, Verdict expected) {
        NetworkSecurityGroup nsg1 = nsg1AllowsHttp ? ALLOW_HTTP : DEFAULTS_ONLY;
        NetworkSecurityGroup nsg2 =
                nsg("NSG2", in("allow-http", 100, Access.ALLOW, Protocol.TCP, "Internet", "*", "*", "80"));
        List<AppliedNsg> nsgs = NsgChain.order(
                Direction.INBOUND,
                subnetHasNsg1 ? Optional.of(onSubnet(nsg1, "subnet")) : Optional.empty(),
                nicHasNsg2 ? Optional.of(onNic(nsg2, vm + "-nic")) : Optional.empty());
        ChainEvaluation chain = ReferenceChain.evaluate(
                EVALUATOR,
                nsgs,
                Direction.INBOUND,
                FlowSpace.of(set("203.0.113.0/24"), set("10.0.1.4"), 80, Protocol.TCP));
        assertEquals(expected, chain.verdict());
    }

    @Test
    void listsEveryNsgThatDeniesSomePartAndPassesOnlyTheAllowedPartToTheNext() {
        NetworkSecurityGroup nicNsg =
                nsg("nic-nsg", out("deny-first-half", 100, Access.DENY, Protocol.ANY, "10.0.1.0/27", "*", "*", "*"));
        NetworkSecurityGroup subnetNsg = nsg(
                "subnet-nsg", out("deny-third-quarter", 100, Access.DENY, Protocol.ANY, "10.0.1.32/28", "*", "*", "*"));
        List<AppliedNsg> nsgs = NsgChain.order(
                Direction.OUTBOUND, Optional.of(onSubnet(subnetNsg, "s1")), Optional.of(onNic(nicNsg, "vm-nic")));
        ChainEvaluation chain = ReferenceChain.evaluate(
                EVALUATOR,
                nsgs,
                Direction.OUTBOUND,
                FlowSpace.of(set("10.0.1.0/26"), set("10.0.2.4"), 1433, Protocol.TCP));
        assertEquals(Verdict.PARTIAL, chain.verdict());
        assertEquals(List.of("nic-nsg", "subnet-nsg"), stepNames(chain));
        assertEquals(
                List.of("nic-nsg", "subnet-nsg"),
                chain.blockers().stream().map(s -> s.applied().nsg().name()).toList());
        assertEquals(
                List.of("10.0.1.0/27", "10.0.1.32/28"), chain.deniedSources().toCidrStrings());
        assertEquals(List.of("10.0.1.48/28"), chain.allowedSources().toCidrStrings());
        NsgEvaluation second = chain.steps().get(1).evaluation();
        assertEquals(
                List.of("10.0.1.32/27"),
                second.decisions().stream()
                        .map(RuleDecision::sources)
                        .reduce(io.asegraph.net.AddressSet.EMPTY, io.asegraph.net.AddressSet::union)
                        .toCidrStrings(),
                "the subnet NSG sees only what the NIC NSG allowed");
    }

    @Test
    void reportsUndeterminedPartsAcrossTheChainWithTheVirtualNetworkWarning() {
        EvaluationContext widened = Rules.vnet("10.0.0.0/16").withVirtualNetworkWarning("widened");
        NetworkSecurityGroup subnetNsg =
                nsg("subnet-nsg", in("allow-sql-tag", 100, Access.ALLOW, Protocol.TCP, "Sql", "*", "*", "1433"));
        ChainEvaluation chain = ReferenceChain.evaluate(
                Rules.evaluator(widened),
                List.of(onSubnet(subnetNsg, "s1"), onNic(DEFAULTS_ONLY, "nic")),
                Direction.INBOUND,
                FlowSpace.of(set("10.0.1.0/26"), set("10.0.2.4"), 1433, Protocol.TCP));
        assertEquals(Verdict.UNDETERMINED, chain.verdict());
        assertEquals(List.of("10.0.1.0/26"), chain.undeterminedSources().toCidrStrings());
        assertEquals(List.of("subnet-nsg"), stepNames(chain));
        assertTrue(chain.warnings().isEmpty(), "no VirtualNetwork rule decided");
    }
}
