package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.FlowFixtures.nsg;
import static io.asegraph.analysis.FlowFixtures.out;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.DB_NIC;
import static io.asegraph.analysis.ReferenceTopology.DB_NSG;
import static io.asegraph.analysis.ReferenceTopology.DB_SUBNET;
import static io.asegraph.analysis.ReferenceTopology.NET;
import static io.asegraph.analysis.ReferenceTopology.VNET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.ChainEvaluator.Input;
import io.asegraph.analysis.ChainEvaluator.Side;
import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.estate.Estate;
import io.asegraph.estate.Unresolved;
import io.asegraph.estate.Unresolved.Placeholder;
import io.asegraph.estate.Unresolved.Referrer;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.IpFlowResult;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The entry points over the chain evaluator and the path engine: {@link FlowAnalyzer}'s argument checks and batches,
 * {@link IpFlowVerifier} over a subnet NSG and a NIC NSG, references to what the snapshot holds back, the warnings of
 * rules naming VirtualNetwork, and the causes of a batch restricted to each call.
 */
class FlowEntryPointsTest {
    static final Topology SEED = ReferenceTopology.topology();
    static final String SUBNET_NSG = NET + "/networkSecurityGroups/fep-db-subnet-nsg";

    static AnalysisContext seed() {
        return AnalysisContext.of(new Estate(SEED, ReferenceTopology.policy(), 1));
    }

    @Test
    void portsOutsideZeroTo65535AreInvalidArguments() {
        FlowAnalyzer a = new FlowAnalyzer(seed());
        assertThrows(InvalidArgumentException.class, () -> a.analyze("ase-one", "db-vm-nic", -1, Protocol.TCP));
        assertThrows(InvalidArgumentException.class, () -> a.analyze("ase-one", "db-vm-nic", 65536, Protocol.TCP));
        assertEquals(
                Verdict.ALLOWED,
                a.analyze("ase-one", "db-vm-nic", 1433, Protocol.TCP).verdict());
    }

    @Test
    void anAnalyzerNeedsSomeSourcePorts() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new FlowAnalyzer(seed(), PortSet.of(List.of())));
        assertEquals("the source ports must not be empty", e.getMessage());
    }

    @Test
    void aProtocolWithoutPortsCarriesANote() {
        AnalysisContext c = seed();
        FlowAnalyzer a = new FlowAnalyzer(c);
        assertSame(c, a.context());
        FlowResult icmp = a.analyze("ase-one", "db-vm-nic", 1433, Protocol.ICMP);
        assertTrue(
                icmp.warnings()
                        .contains("ICMP has no ports: it is evaluated over every port, so a port-restricted rule "
                                + "decides only part of it"),
                icmp.warnings().toString());
        FlowResult tcp = a.analyze("ase-one", "db-vm-nic", 1433, Protocol.TCP);
        assertTrue(
                tcp.warnings().stream().noneMatch(w -> w.contains("has no ports")),
                tcp.warnings().toString());
    }

    @Test
    void aBatchAnswersEachCallerInOrderAsAloneAndRejectsWhatCannotCall() {
        FlowAnalyzer a = new FlowAnalyzer(seed());
        List<Reference> callers = a.callers(List.of("orders-api", "app1", "10.0.1.70"));
        assertEquals(
                List.of(ReferenceKind.APP, ReferenceKind.APP, ReferenceKind.SUBNET),
                callers.stream().map(Reference::kind).toList());
        Reference db = a.context().resolver().resolveDestination("db-vm-nic");
        List<FlowResult> batch = a.analyzeMany(callers, db, 1433, Protocol.TCP);
        assertEquals(
                List.of(Verdict.DENIED, Verdict.ALLOWED, Verdict.DENIED),
                batch.stream().map(FlowResult::verdict).toList());
        for (int i = 0; i < callers.size(); i++) {
            assertEquals(a.analyze(callers.get(i), db, 1433, Protocol.TCP), batch.get(i));
        }
        Reference vnet = a.context().resolver().resolveDestination(VNET);
        InvalidArgumentException e = assertThrows(
                InvalidArgumentException.class, () -> a.analyzeMany(List.of(vnet), db, 1433, Protocol.TCP));
        assertTrue(e.getMessage().contains("is a virtual network, which does not make calls"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> a.callers(List.of("ase-vnet")));
    }

    // ---- ipFlowVerify ----

    static Topology withSubnetNsg() {
        return ReferenceTopology.builder().attachNsg(DB_SUBNET, SUBNET_NSG).build();
    }

    static IpFlowResult verify(Topology t, NetworkSecurityGroup subnetNsg, Direction d, String remote, int port) {
        AnalysisContext c = AnalysisContext.of(new Estate(t, FlowFixtures.seedPolicyWith(subnetNsg), 1));
        Subnet subnet = t.subnet(ResourceId.of(DB_SUBNET)).orElseThrow();
        Optional<NetworkInterface> nic = t.nic(ResourceId.of(DB_NIC));
        return d == Direction.INBOUND
                ? IpFlowVerifier.verify(
                        c, subnet, nic, d, Protocol.TCP, Ipv4.parse("10.0.2.4"), port, Ipv4.parse(remote), 50000)
                : IpFlowVerifier.verify(
                        c, subnet, nic, d, Protocol.TCP, Ipv4.parse("10.0.2.4"), 50000, Ipv4.parse(remote), port);
    }

    static final NetworkSecurityGroup OPEN_SUBNET =
            nsg(SUBNET_NSG, in("allow-sql", 100, Access.ALLOW, "*", "*", "1433"));
    static final NetworkSecurityGroup CLOSED_SUBNET = nsg(
            SUBNET_NSG,
            in("deny-sql", 100, Access.DENY, "*", "*", "1433"),
            out("deny-web-out", 100, Access.DENY, "*", "*", "443"));

    @Test
    void whenBothNsgsAllowTheRuleOfTheNicNsgEvaluatedLastDecides() {
        IpFlowResult r = verify(withSubnetNsg(), OPEN_SUBNET, Direction.INBOUND, "10.0.1.5", 1433);
        assertEquals(Verdict.ALLOWED, r.verdict());
        assertEquals(Optional.of("securityRules/allow-sql-from-ase-one"), r.ruleName());
        assertEquals(ResourceId.of(DB_NSG), r.nsg().orElseThrow().nsg().id());
        assertEquals(NsgLevel.NETWORK_INTERFACE, r.nsg().orElseThrow().level());
    }

    @Test
    void theNicNsgDeniesWhatTheSubnetNsgAllowed() {
        IpFlowResult r = verify(withSubnetNsg(), OPEN_SUBNET, Direction.INBOUND, "10.0.1.70", 1433);
        assertEquals(Verdict.DENIED, r.verdict());
        assertEquals(Optional.of("securityRules/deny-sql-from-vnet"), r.ruleName());
        assertEquals(NsgLevel.NETWORK_INTERFACE, r.nsg().orElseThrow().level());
    }

    @Test
    void theSubnetNsgDecidesFirstInboundAndLastOutbound() {
        IpFlowResult in = verify(withSubnetNsg(), CLOSED_SUBNET, Direction.INBOUND, "10.0.1.5", 1433);
        assertEquals(Verdict.DENIED, in.verdict());
        assertEquals(Optional.of("securityRules/deny-sql"), in.ruleName());
        assertEquals(NsgLevel.SUBNET, in.nsg().orElseThrow().level());
        IpFlowResult outbound = verify(withSubnetNsg(), CLOSED_SUBNET, Direction.OUTBOUND, "8.8.8.8", 443);
        assertEquals(Verdict.DENIED, outbound.verdict());
        assertEquals(Optional.of("securityRules/deny-web-out"), outbound.ruleName());
        IpFlowResult allowedOut = verify(withSubnetNsg(), CLOSED_SUBNET, Direction.OUTBOUND, "8.8.8.8", 80);
        assertEquals(Verdict.ALLOWED, allowedOut.verdict());
        assertEquals(Optional.of("defaultSecurityRules/AllowInternetOutBound"), allowedOut.ruleName());
        assertEquals(NsgLevel.SUBNET, allowedOut.nsg().orElseThrow().level(), "the subnet NSG is evaluated last");
    }

    @Test
    void withoutAnyNsgEverythingIsAllowedByNoRule() {
        AnalysisContext c = seed();
        Subnet aseOne = SEED.subnet(ResourceId.of(ASE_ONE_SUBNET)).orElseThrow();
        IpFlowResult r = IpFlowVerifier.verify(
                c,
                aseOne,
                Optional.empty(),
                Direction.INBOUND,
                Protocol.TCP,
                Ipv4.parse("10.0.1.5"),
                22,
                Ipv4.parse("8.8.8.8"),
                50000);
        assertEquals(Verdict.ALLOWED, r.verdict());
        assertEquals(Optional.empty(), r.ruleName());
        assertEquals(Optional.empty(), r.nsg());
    }

    // ---- references to what the snapshot holds back ----

    static final String MISSING_SUBNET = NET + "/virtualNetworks/fep-remote/subnets/app";
    static final String HELD_NIC = NET + "/networkInterfaces/fep-held-nic";

    static ReferenceResolver withPlaceholder() {
        Unresolved u = new Unresolved(List.of(new Placeholder(
                ResourceId.of(MISSING_SUBNET),
                ResourceKind.SUBNET,
                "app",
                List.of(new Referrer(
                        ResourceId.of(HELD_NIC), "fep-held-nic", ResourceKind.NETWORK_INTERFACE, "subnet", true)))));
        return new ReferenceResolver(SEED, ReferenceTopology.nsgs(), u);
    }

    @Test
    void aPlaceholderOrAResourceHeldBackForItIsUndeterminedNotUnknown() {
        ReferenceResolver r = withPlaceholder();
        assertSame(SEED, r.topology());
        UnresolvedReferenceException byId =
                assertThrows(UnresolvedReferenceException.class, () -> r.resolveDestination(MISSING_SUBNET));
        assertTrue(byId.getMessage().contains("not imported"), byId.getMessage());
        UnresolvedReferenceException byName =
                assertThrows(UnresolvedReferenceException.class, () -> r.resolveLocated("fep-held-nic"));
        assertTrue(byName.getMessage().contains("fep-held-nic"), byName.getMessage());
        assertThrows(UnresolvedReferenceException.class, () -> r.resolveLocated(HELD_NIC));
        assertThrows(UnknownReferenceException.class, () -> r.resolveDestination(NET + "/networkInterfaces/fep-none"));
        assertThrows(UnknownReferenceException.class, () -> r.resolveDestination("fep-none"));
        assertEquals(
                DB_NIC,
                r.resolveDestination(DB_NIC).resource().orElseThrow().id().value());
    }

    // ---- chain details: warnings of rules naming VirtualNetwork, causes restricted to each call ----

    static final String VN_NSG = NET + "/networkSecurityGroups/fep-vn";

    static Side outboundFromAseOne(NetworkSecurityGroup n) {
        AnalysisContext c = AnalysisContext.of(new Estate(SEED, FlowFixtures.seedPolicyWith(n), 1));
        Subnet aseOne = SEED.subnet(ResourceId.of(ASE_ONE_SUBNET)).orElseThrow();
        Attached a = new Attached(n.id(), aseOne.id(), NsgLevel.SUBNET, Optional.of(n));
        return new ChainEvaluator(c, Question.of(1433, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS), Explain.DECISIONS)
                .evaluate(
                        List.of(new Input(
                                List.of(a), aseOne, AddressSet.parse("10.0.1.0/26"), AddressSet.parse("10.0.2.4/32"))),
                        Direction.OUTBOUND)
                .get(0);
    }

    @Test
    void theWideVirtualNetworkWarningComesOnlyWithARuleNamingVirtualNetwork() {
        Side plain = outboundFromAseOne(
                nsg(VN_NSG, out("allow-db", 100, Access.ALLOW, "10.0.1.0/26", "10.0.2.0/24", "1433")));
        assertEquals(Verdict.ALLOWED, plain.decisions().get(0).verdict());
        assertEquals(List.of(), plain.warnings());
        Side bySource = outboundFromAseOne(
                nsg(VN_NSG, out("allow-vnet-to-db", 100, Access.ALLOW, "VirtualNetwork", "10.0.2.0/24", "1433")));
        assertEquals(1, bySource.warnings().size(), bySource.warnings().toString());
        assertTrue(bySource.warnings().get(0).startsWith("The VirtualNetwork service tag is every address"));
        assertEquals(bySource.warnings(), bySource.decisions().get(0).warnings());
        Side byDestination = outboundFromAseOne(
                nsg(VN_NSG, out("allow-to-vnet", 100, Access.ALLOW, "10.0.1.0/26", "VirtualNetwork", "1433")));
        assertEquals(bySource.warnings(), byDestination.warnings());
    }

    static final String TAGGED_NSG = NET + "/networkSecurityGroups/fep-tagged";

    @Test
    void aRuleUndeterminedForAnotherCallOfTheBatchGivesThisCallNoCause() {
        NetworkSecurityGroup tagged = nsg(
                TAGGED_NSG,
                new SecurityRule(
                        "allow-first-half-or-sql",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("10.0.1.0/27", "Sql"),
                        List.of(io.asegraph.net.PortRange.ALL),
                        List.of("*"),
                        List.of(io.asegraph.net.PortRange.parse("1433")),
                        List.of(),
                        List.of(),
                        "",
                        false),
                in("deny-sql", 200, Access.DENY, "*", "*", "1433"));
        AnalysisContext c = AnalysisContext.of(new Estate(SEED, FlowFixtures.seedPolicyWith(tagged), 1));
        Subnet db = SEED.subnet(ResourceId.of(DB_SUBNET)).orElseThrow();
        Attached a = new Attached(tagged.id(), db.id(), NsgLevel.SUBNET, Optional.of(tagged));
        Input certain = new Input(List.of(a), db, AddressSet.parse("10.0.1.0/28"), AddressSet.parse("10.0.2.4/32"));
        Input maybe = new Input(List.of(a), db, AddressSet.parse("10.0.1.32/28"), AddressSet.parse("10.0.2.4/32"));
        Question q = Question.of(1433, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS);
        List<Side> batch =
                new ChainEvaluator(c, q, Explain.DECISIONS).evaluate(List.of(certain, maybe), Direction.INBOUND);
        assertEquals(AddressSet.parse("10.0.1.0/28"), batch.get(0).allowed());
        assertEquals(List.of(), batch.get(0).causes(), "certainly allowed: nothing unresolved decided it");
        assertEquals(
                Optional.empty(),
                batch.get(0).decisions().get(0).matches().get(0).undeterminedCause());
        assertEquals(AddressSet.parse("10.0.1.32/28"), batch.get(1).undetermined());
        assertEquals(1, batch.get(1).causes().size(), batch.get(1).causes().toString());
        assertTrue(batch.get(1).causes().get(0).startsWith("securityRules/allow-first-half-or-sql: "));
        for (int i = 0; i < 2; i++) {
            Input alone = i == 0 ? certain : maybe;
            assertEquals(
                    new ChainEvaluator(c, q, Explain.DECISIONS)
                            .evaluate(List.of(alone), Direction.INBOUND)
                            .get(0),
                    batch.get(i));
        }
    }

    @Test
    void inABatchOnlyTheCallWhosePartARuleNamingVirtualNetworkDecidedGetsTheWarning() {
        NetworkSecurityGroup n = nsg(
                VN_NSG,
                out("allow-first-half-to-db", 100, Access.ALLOW, "10.0.1.0/27", "10.0.2.0/24", "1433"),
                out("allow-vnet-to-db", 200, Access.ALLOW, "VirtualNetwork", "10.0.2.0/24", "1433"));
        AnalysisContext c = AnalysisContext.of(new Estate(SEED, FlowFixtures.seedPolicyWith(n), 1));
        Subnet aseOne = SEED.subnet(ResourceId.of(ASE_ONE_SUBNET)).orElseThrow();
        Attached a = new Attached(n.id(), aseOne.id(), NsgLevel.SUBNET, Optional.of(n));
        AddressSet db = AddressSet.parse("10.0.2.4/32");
        List<Side> batch = new ChainEvaluator(
                        c, Question.of(1433, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS), Explain.DECISIONS)
                .evaluate(
                        List.of(
                                new Input(List.of(a), aseOne, AddressSet.parse("10.0.1.0/28"), db),
                                new Input(List.of(a), aseOne, AddressSet.parse("10.0.1.32/28"), db)),
                        Direction.OUTBOUND);
        assertEquals(
                List.of("securityRules/allow-first-half-to-db"),
                batch.get(0).decisions().get(0).ruleNames());
        assertEquals(List.of(), batch.get(0).warnings(), "decided by a rule naming addresses only");
        assertEquals(
                List.of("securityRules/allow-vnet-to-db"),
                batch.get(1).decisions().get(0).ruleNames());
        assertEquals(1, batch.get(1).warnings().size(), batch.get(1).warnings().toString());
    }

    @Test
    void anUnknownVirtualNetworkIsACauseOnlyOfRulesNamingIt() {
        Topology t = ReferenceTopology.builder()
                .routeTable(NET + "/routeTables/fep-routes", false, TopologyBuilder.route("to-sql", "Sql", "Internet"))
                .attachRouteTable(DB_SUBNET, NET + "/routeTables/fep-routes")
                .build();
        NetworkSecurityGroup n = nsg(
                TAGGED_NSG,
                in("allow-storage", 100, Access.ALLOW, "Storage", "*", "1433"),
                in("deny-sql", 200, Access.DENY, "*", "*", "1433"));
        AnalysisContext c = AnalysisContext.of(new Estate(t, FlowFixtures.seedPolicyWith(n), 1));
        Subnet db = t.subnet(ResourceId.of(DB_SUBNET)).orElseThrow();
        String problem = c.virtualNetworkProblem(db).orElseThrow();
        Attached a = new Attached(n.id(), db.id(), NsgLevel.SUBNET, Optional.of(n));
        Side s = new ChainEvaluator(c, Question.of(1433, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS), Explain.DECISIONS)
                .evaluate(
                        List.of(new Input(
                                List.of(a), db, AddressSet.parse("10.0.1.0/26"), AddressSet.parse("10.0.2.4/32"))),
                        Direction.INBOUND)
                .get(0);
        assertEquals(AddressSet.parse("10.0.1.0/26"), s.undetermined(), "Storage is not imported");
        assertEquals(1, s.causes().size(), s.causes().toString());
        assertTrue(
                s.causes().get(0).startsWith("securityRules/allow-storage: "),
                s.causes().get(0));
        assertTrue(!s.causes().contains(problem), "no rule naming VirtualNetwork decided anything");
    }
}
