package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.flow;
import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.FlowFixtures.nsg;
import static io.asegraph.analysis.FlowFixtures.out;
import static io.asegraph.analysis.FlowFixtures.seedPolicyWith;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.ASE_TWO_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sentences of a flow answer, exactly: the reason {@link FlowExplainer} writes for each verdict, the FILTER, DROP
 * and DELIVER steps {@link PathTrace} writes as the path engine decides, the source outcomes, and the composition of
 * the two sides when the destination sees a translated source (a VIP). Each sentence is the behaviour: it is what the
 * answer says to the user.
 */
class PathSentencesTest {
    static final Topology SEED = ReferenceTopology.topology();
    static final PolicySet SEED_POLICY = ReferenceTopology.policy();
    static final String ASE_ONE_NSG = NET + "/networkSecurityGroups/ase-one-nsg";
    static final String PLAIN_NIC = NET + "/networkInterfaces/plain-vm-nic";
    static final String ARRIVES_AT_DB =
            "Arrives at 10.0.2.4 in db-subnet from one of ase-one's worker addresses in ase-one-subnet 10.0.1.0/26"
                    + " (not a fixed address).";

    static List<String> outcomes(FlowResult f) {
        return f.outcomes().stream().map(SourceOutcome::toString).toList();
    }

    static Step last(FlowResult f) {
        Hop hop = f.trace().get(f.trace().size() - 1);
        return hop.steps().get(hop.steps().size() - 1);
    }

    @Test
    void aQuestionOnAPortedProtocolIsThatPortFromTheClientPorts() {
        PortSet clients = PortSet.of(List.of(io.asegraph.net.PortRange.parse("1024-65535")));
        Question tcp = Question.of(1433, Protocol.TCP, clients);
        assertEquals(clients, tcp.sourcePorts());
        assertEquals(PortSet.single(1433), tcp.destinationPorts());
        assertEquals(Protocol.TCP, tcp.protocol());
        Question icmp = Question.of(1433, Protocol.ICMP, clients);
        assertEquals(PortSet.ALL, icmp.sourcePorts(), "ICMP has no ports: every port");
        assertEquals(PortSet.ALL, icmp.destinationPorts());
        assertEquals(Protocol.ICMP, icmp.protocol());
    }

    @Test
    void noNsgOnTheWaySaysSoInTheReasonAndTheDeliveryStep() {
        Topology t = ReferenceTopology.builder()
                .nic(PLAIN_NIC, DB_SUBNET, "10.0.2.20")
                .build();
        FlowResult f = flow(t, SEED_POLICY, "ase-one", "plain-vm-nic", 8080);
        assertEquals(Verdict.ALLOWED, f.verdict(), f.reason());
        assertEquals("Allowed from every source address (10.0.1.0/26): no NSG applies on the way.", f.reason());
        assertEquals(
                new Step(
                        StepType.DELIVER,
                        "Arrives at 10.0.2.20 in db-subnet from one of ase-one's worker addresses in ase-one-subnet"
                                + " 10.0.1.0/26 (not a fixed address). No NSG is attached to db-subnet or to"
                                + " plain-vm-nic."),
                last(f));
    }

    @Test
    void aDestinationOutsideTheModelledSubnetsIsSaidSoAndTheSourceIsSeenAsTheVip() {
        FlowResult f = flow(SEED, SEED_POLICY, "app1", "13.107.21.200", 443);
        assertEquals(
                "Allowed from every source address (10.0.1.0/26, seen as 192.23.1.2): no NSG applies on the way"
                        + " (the destination is outside the modelled subnets, so no inbound NSG applies).",
                f.reason());
        assertEquals(StepType.DELIVER, last(f).type());
        assertFalse(last(f).detail().contains("No NSG is attached"), "there is no destination subnet to name");
    }

    @Test
    void anAllowedCallNamesEveryAllowingRuleAndItsFilterStepSaysWhatItAllowed() {
        FlowResult f = flow(SEED, SEED_POLICY, "ase-one", "db-vm-nic", 1433);
        assertEquals(
                "Allowed from every source address (10.0.1.0/26) by every NSG on the way: db-nsg"
                        + " securityRules/allow-sql-from-ase-one.",
                f.reason());
        Hop db = f.trace().get(1);
        assertEquals(
                List.of(
                        new Step(
                                StepType.FILTER,
                                "Inbound NSG db-nsg on network interface db-vm-nic: ALLOWED — 10.0.1.0/26 allowed by"
                                        + " securityRules/allow-sql-from-ase-one."),
                        new Step(StepType.DELIVER, ARRIVES_AT_DB)),
                db.steps());
        assertEquals(List.of("10.0.1.0/26 ALLOWED by db-nsg securityRules/allow-sql-from-ase-one"), outcomes(f));
    }

    @Test
    void aCallDeniedAtTheDestinationNamesTheDenyingRuleInTheReasonAndTheDrop() {
        FlowResult f = flow(SEED, SEED_POLICY, "orders-api", "db-vm-nic", 1433);
        assertEquals(Verdict.DENIED, f.verdict());
        assertEquals(
                "Denied for every source address (10.0.1.64/26): securityRules/deny-sql-from-vnet of db-nsg (network"
                        + " interface db-vm-nic, inbound) denies 10.0.1.64/26.",
                f.reason());
        assertEquals(
                new Step(
                        StepType.FILTER,
                        "Outbound NSG ase-two-nsg on subnet ase-two-subnet: ALLOWED — 10.0.1.64/26 allowed by"
                                + " defaultSecurityRules/AllowVnetOutBound."),
                f.trace().get(0).steps().get(1));
        assertEquals(
                new Step(
                        StepType.DROP,
                        "Dropped: every source address that got this far is denied by securityRules/deny-sql-from-vnet"
                                + " of db-nsg (network interface db-vm-nic, inbound)."),
                last(f));
    }

    @Test
    void aCallDeniedOnTheWayOutEndsTheTraceAtTheCallerWithTheBlockerNamed() {
        Topology t = ReferenceTopology.builder()
                .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                .build();
        NetworkSecurityGroup denyAll = nsg(ASE_ONE_NSG, out("deny-all", 100, Access.DENY, "*", "*", "*"));
        FlowResult f = flow(t, seedPolicyWith(denyAll), "app1", "db-vm-nic", 1433);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        assertEquals(
                "Denied for every source address (10.0.1.0/26): securityRules/deny-all of ase-one-nsg (subnet"
                        + " ase-one-subnet, outbound) denies 10.0.1.0/26.",
                f.reason());
        assertEquals(1, f.trace().size(), "the call never leaves the caller");
        assertEquals(
                new Step(
                        StepType.DROP,
                        "Dropped on the way out: every source address is denied by securityRules/deny-all of"
                                + " ase-one-nsg (subnet ase-one-subnet, outbound)."),
                last(f));
        assertEquals(List.of("10.0.1.0/26 DENIED by ase-one-nsg securityRules/deny-all"), outcomes(f));
        assertEquals(AddressSet.parse("10.0.1.0/26"), f.deniedSources());
        assertEquals(1, f.decisions().size(), "the destination side is never evaluated");
    }

    /** db-nsg allowing the first 16 workers, denying the next 16, and undecided (a tag not imported) for the rest. */
    static NetworkSecurityGroup dbThreeWays() {
        return nsg(
                DB_NSG,
                in("allow-first", 100, Access.ALLOW, "10.0.1.0/28", "*", "1433"),
                in("deny-second", 110, Access.DENY, "10.0.1.16/28", "*", "1433"),
                in("maybe-storage", 120, Access.ALLOW, "Storage.EastUS", "*", "1433"),
                in("deny-rest", 200, Access.DENY, "*", "*", "1433"));
    }

    @Test
    void aCallPartlyAllowedDeniedAndUndeterminedSaysEachPart() {
        FlowResult f = flow(SEED, seedPolicyWith(dbThreeWays()), "ase-one", "db-vm-nic", 1433);
        assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
        assertEquals(AddressSet.parse("10.0.1.0/28"), f.allowedSources());
        assertEquals(AddressSet.parse("10.0.1.16/28"), f.deniedSources());
        assertEquals(AddressSet.parse("10.0.1.32/27"), f.undeterminedSources());
        assertTrue(f.reason().startsWith("Undetermined for 10.0.1.32/27 of 10.0.1.0/26: "), f.reason());
        assertTrue(
                f.reason()
                        .endsWith(" (10.0.1.0/28 allowed) (10.0.1.16/28 denied: securityRules/deny-second of db-nsg"
                                + " (network interface db-vm-nic, inbound) denies 10.0.1.16/28)"),
                f.reason());
        assertTrue(f.reason().contains("Storage.EastUS"), f.reason());
        assertEquals(
                new Step(
                        StepType.DELIVER,
                        ARRIVES_AT_DB + " Delivered only from 10.0.1.0/28; 10.0.1.16/28 denied; 10.0.1.32/27"
                                + " undetermined."),
                last(f));
        List<String> o = outcomes(f);
        assertEquals(3, o.size(), o.toString());
        assertEquals("10.0.1.0/28 ALLOWED by db-nsg securityRules/allow-first", o.get(0));
        assertEquals("10.0.1.16/28 DENIED by db-nsg securityRules/deny-second", o.get(1));
        assertTrue(o.get(2).startsWith("10.0.1.32/27 UNDETERMINED ("), o.get(2));
        String filter = f.trace().get(1).steps().get(0).detail();
        assertTrue(
                filter.startsWith("Inbound NSG db-nsg on network interface db-vm-nic: UNDETERMINED — 10.0.1.0/28"
                        + " allowed by securityRules/allow-first; 10.0.1.16/28 denied by securityRules/deny-second; "),
                filter);
        assertTrue(filter.contains("10.0.1.32/27 undetermined at securityRules/maybe-storage ("), filter);
    }

    @Test
    void aCallAllowedOnlyInPartSaysWhichPartAndWhichRuleDeniedTheRest() {
        NetworkSecurityGroup db = nsg(
                DB_NSG,
                in("allow-first", 100, Access.ALLOW, "10.0.1.0/28", "*", "1433"),
                in("deny-rest", 200, Access.DENY, "*", "*", "1433"));
        FlowResult f = flow(SEED, seedPolicyWith(db), "ase-one", "db-vm-nic", 1433);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        assertEquals(
                "Allowed only from 10.0.1.0/28 of 10.0.1.0/26; 10.0.1.16/28, 10.0.1.32/27 denied:"
                        + " securityRules/deny-rest of db-nsg (network interface db-vm-nic, inbound) denies"
                        + " 10.0.1.16/28, 10.0.1.32/27.",
                f.reason());
        assertEquals(
                new Step(
                        StepType.DELIVER,
                        ARRIVES_AT_DB + " Delivered only from 10.0.1.0/28; 10.0.1.16/28, 10.0.1.32/27 denied."),
                last(f));
    }

    @Test
    void aVipSourceTheDestinationCannotDecideMakesEveryWorkerUndetermined() {
        NetworkSecurityGroup aseTwo = nsg(ASE_TWO_NSG, in("maybe-sql", 100, Access.ALLOW, "Sql.WestUS", "*", "443"));
        FlowResult f = flow(SEED, seedPolicyWith(aseTwo), "ase-one", "orders-api", 443);
        assertEquals(Verdict.UNDETERMINED, f.verdict(), f.reason());
        assertEquals(AddressSet.parse("10.0.1.0/26"), f.undeterminedSources(), "all workers leave from the VIP");
        assertTrue(f.allowedSources().isEmpty());
        assertTrue(f.deniedSources().isEmpty());
        List<String> o = outcomes(f);
        assertEquals(1, o.size(), o.toString());
        assertTrue(o.get(0).startsWith("10.0.1.0/26 UNDETERMINED ("), o.get(0));
        assertTrue(o.get(0).contains("Sql.WestUS"), o.get(0));
        assertTrue(
                last(f).detail().endsWith(" Nothing is certainly delivered; 10.0.1.0/26 undetermined."),
                last(f).detail());
    }

    @Test
    void aVipSourceTheDestinationDeniesIsDeniedForEveryWorkerByThatRule() {
        NetworkSecurityGroup aseTwo = nsg(ASE_TWO_NSG, in("deny-vip", 100, Access.DENY, "192.23.1.2", "*", "443"));
        FlowResult f = flow(SEED, seedPolicyWith(aseTwo), "ase-one", "orders-api", 443);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        assertEquals(AddressSet.parse("10.0.1.0/26"), f.deniedSources());
        assertEquals(
                "Denied for every source address (10.0.1.0/26, seen as 192.23.1.2): securityRules/deny-vip of"
                        + " ase-two-nsg (subnet ase-two-subnet, inbound) denies 192.23.1.2/32.",
                f.reason());
        assertEquals(List.of("10.0.1.0/26 DENIED by ase-two-nsg securityRules/deny-vip"), outcomes(f));
    }

    @Test
    void aVipSourceTheDestinationAllowsIsAllowedForEveryWorkerByTheRuleAllowingTheVip() {
        FlowResult f = flow(SEED, SEED_POLICY, "ase-one", "orders-api", 443);
        assertEquals(
                "Allowed from every source address (10.0.1.0/26, seen as 192.23.1.2) by every NSG on the way:"
                        + " ase-two-nsg securityRules/RESTRICT-HTTPS.",
                f.reason());
        assertEquals(List.of("10.0.1.0/26 ALLOWED by ase-two-nsg securityRules/RESTRICT-HTTPS"), outcomes(f));
        assertTrue(last(f).detail().startsWith("Arrives at "), last(f).detail());
        assertFalse(last(f).detail().contains("Delivered only"), last(f).detail());
    }

    @Test
    void aDeliveryToAnAseSaysTheAseHandsTheCallToItsWorkers() {
        FlowResult f = flow(SEED, SEED_POLICY, "ase-one", "orders-api", 443);
        assertEquals(
                new Step(
                        StepType.DELIVER,
                        "Arrives at 192.23.2.4 from 192.23.1.2. ase-two hands the call to its workers in ase-two-subnet"
                                + " (10.0.1.64/26), which its inbound NSGs see as the destination."),
                last(f));
    }

    @Test
    void aDropAfterADestinationTranslationSaysTheTranslationFirst() {
        FlowResult f = flow(FlowScenarioTest.extended().build(), SEED_POLICY, "ase-three", "orders-api", 443);
        assertEquals(Verdict.DENIED, f.verdict(), f.reason());
        assertEquals(
                new Step(
                        StepType.DROP,
                        "ase-two hands the call to its workers in ase-two-subnet (10.0.1.64/26), which its inbound NSGs"
                                + " see as the destination. Dropped: every source address that got this far is denied by"
                                + " defaultSecurityRules/DenyAllInBound of ase-two-nsg (subnet ase-two-subnet, inbound)."),
                last(f));
    }

    @Test
    void aCallLeavingTheModelEndsWithTheWalksArrivalSentenceAndNoFilter() {
        Topology t = ReferenceTopology.builder()
                .gatewayWithDefaultSite(
                        ReferenceTopology.GATEWAY,
                        ReferenceTopology.VNET,
                        io.asegraph.topology.GatewayType.VPN,
                        ReferenceTopology.ONPREM)
                .routeTable(
                        ReferenceTopology.ASE_ONE_ROUTES,
                        false,
                        io.asegraph.topology.TopologyBuilder.route(
                                "force-onprem", "0.0.0.0/0", "VirtualNetworkGateway"))
                .build();
        FlowResult f = flow(t, SEED_POLICY, "app1", "13.107.21.200", 443);
        assertEquals(
                SourceKind.UNDETERMINED, f.callSource().kind(), f.callSource().reason());
        Hop end = f.trace().get(f.trace().size() - 1);
        assertEquals("13.107.21.200", end.node());
        assertEquals(
                List.of(new Step(
                        StepType.DELIVER, "Arrives, if it is let through, from an address decided outside the model.")),
                end.steps());
    }

    @Test
    void anOutboundRuleWhoseSourcesAreAllDeniedLaterNamesNoAllowedPart() {
        Topology t = ReferenceTopology.builder()
                .attachNsg(ASE_ONE_SUBNET, ASE_ONE_NSG)
                .build();
        NetworkSecurityGroup aseOne = nsg(
                ASE_ONE_NSG,
                out("allow-first", 100, Access.ALLOW, "10.0.1.0/28", "*", "1433"),
                out("allow-rest", 110, Access.ALLOW, "*", "*", "1433"));
        NetworkSecurityGroup db = nsg(
                DB_NSG,
                in("allow-first", 100, Access.ALLOW, "10.0.1.0/28", "*", "1433"),
                in("deny-rest", 200, Access.DENY, "*", "*", "1433"));
        FlowResult f = flow(t, seedPolicyWith(aseOne, db), "app1", "db-vm-nic", 1433);
        assertEquals(Verdict.PARTIAL, f.verdict(), f.reason());
        assertEquals(
                List.of(
                        "10.0.1.0/28 ALLOWED by ase-one-nsg securityRules/allow-first, db-nsg securityRules/allow-first",
                        "10.0.1.16/28, 10.0.1.32/27 DENIED by db-nsg securityRules/deny-rest"),
                outcomes(f));
    }
}
