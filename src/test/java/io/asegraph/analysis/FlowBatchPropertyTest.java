package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.AppliedNsg;
import io.asegraph.policy.ChainEvaluation;
import io.asegraph.policy.Direction;
import io.asegraph.policy.FlowSpace;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.NsgChain;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.ReferenceChain;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: {@link FlowAnalyzer#analyzeMany} gives, for every caller, exactly what {@link FlowAnalyzer#analyze} gives for
 * that caller alone, on random topologies (hub and spoke, ASEs external and internal, NICs with NSGs and ASGs, route
 * tables forcing tunnels or appliances, NAT gateways, random rules over tags, blocks, VIPs, ASGs, unimported tags) and
 * on estates from the bench generator. Every result is also checked against its own invariants (the source sets and
 * the outcomes partition the private range; the verdict follows from them) and, address by address: on the random
 * estates against {@link NaiveFlowOracle} (first match per packet by the test's own {@code NaiveFirstMatch}, the NSGs
 * and their order read from the records by the test, the VirtualNetwork tags as the test built them: no production
 * evaluation code), on the generated estates (whose VirtualNetwork tags the test does not restate) against the
 * reference chain ({@link ReferenceChain}, production {@code NsgChain} order and {@code NsgEvaluator}).
 */
class FlowBatchPropertyTest {
    static final String NET = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network";
    static final String WEB = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web";
    static final List<int[]> QUESTIONS =
            List.of(new int[] {443, 0}, new int[] {1433, 0}, new int[] {443, 1}, new int[] {53, 2});
    static final Protocol[] PROTOCOLS = {Protocol.TCP, Protocol.ANY, Protocol.UDP};

    @ParameterizedTest(name = "random estate, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void batchAgreesWithSingleFlowsOnRandomEstates(long seed) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                seed <= io.asegraph.Samples.of(8), "fewer random estates under mutation testing");
        RandomEstate estate = new RandomEstate(seed);
        Set<Verdict> seen =
                check(estate.estate(), estate.callers, estate.destinations, seed, Optional.of(estate.oracle()));
        assertTrue(seen.size() >= 4, "the random estate exercises several verdicts: " + seen);
    }

    @org.junit.jupiter.api.Test
    void theRandomEstatesProduceEveryVerdictTogether() {
        Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
        for (long seed = 1; seed <= 4; seed++) {
            RandomEstate estate = new RandomEstate(seed);
            FlowAnalyzer analyzer = new FlowAnalyzer(AnalysisContext.of(estate.estate()));
            List<Reference> callers = analyzer.callers(estate.callers);
            for (String to : estate.destinations) {
                Reference target = analyzer.context().resolver().resolveDestination(to);
                analyzer.analyzeMany(callers, target, 443, Protocol.TCP).forEach(f -> seen.add(f.verdict()));
            }
        }
        assertEquals(EnumSet.allOf(Verdict.class), seen);
    }

    static Stream<EstateSpec> generatedSpecs() {
        return Stream.of(EstateSpec.SMALL, new EstateSpec(8, 60, 8, 16, 40, 16, 240, 4, 8, 2, 2, 5, 4, 100));
    }

    @ParameterizedTest(name = "generated estate {0}")
    @MethodSource("generatedSpecs")
    void batchAgreesWithSingleFlowsOnGeneratedEstates(EstateSpec spec) {
        Estate estate = GeneratedEstates.load(spec, 42);
        Topology t = estate.topology();
        List<String> callers = new ArrayList<>();
        t.environments().forEach(a -> callers.add(a.id().value()));
        t.nics().forEach(n -> callers.add(n.id().value()));
        t.apps().stream().limit(5).forEach(a -> callers.add(a.id().value()));
        List<String> destinations = new ArrayList<>();
        t.environments().forEach(a -> destinations.add(a.id().value()));
        t.nics().stream().limit(12).forEach(n -> destinations.add(n.id().value()));
        t.endpoints().forEach(e -> destinations.add(e.id().value()));
        destinations.add("13.107.21.200");
        check(estate, callers, destinations, 42, Optional.empty());
    }

    private static Set<Verdict> check(
            Estate estate,
            List<String> callerNames,
            List<String> destinations,
            long seed,
            Optional<NaiveFlowOracle> oracle) {
        AnalysisContext context = AnalysisContext.of(estate);
        FlowAnalyzer analyzer = new FlowAnalyzer(context);
        List<Reference> callers = analyzer.callers(callerNames);
        Random random = new Random(seed);
        int compared = 0;
        Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
        for (String to : destinations) {
            Reference target = context.resolver().resolveDestination(to);
            for (int[] q : QUESTIONS) {
                Protocol protocol = PROTOCOLS[q[1]];
                List<FlowResult> batch = analyzer.analyzeMany(callers, target, q[0], protocol);
                assertEquals(callers.size(), batch.size());
                for (int i = 0; i < callers.size(); i++) {
                    FlowResult single = analyzer.analyze(callers.get(i), target, q[0], protocol);
                    String label = callerNames.get(i) + " → " + to + ":" + q[0] + "/" + protocol;
                    assertEquals(single, batch.get(i), label);
                    checkInvariants(single, label);
                    if (oracle.isPresent()) {
                        oracle.get().check(context, callers.get(i), target, q[0], protocol, single, random, label);
                    } else {
                        checkAgainstTheChain(context, callers.get(i), target, q[0], protocol, single, random, label);
                    }
                    seen.add(single.verdict());
                    compared++;
                }
            }
        }
        assertTrue(compared > 0);
        return seen;
    }

    static void checkInvariants(FlowResult f, String label) {
        AddressSet all = f.callSource().privateSources();
        List<AddressSet> parts =
                List.of(f.allowedSources(), f.deniedSources(), f.undeterminedSources(), f.unreachableSources());
        AddressSet union = AddressSet.EMPTY;
        long size = 0;
        for (AddressSet p : parts) {
            union = union.union(p);
            size += p.size();
        }
        assertEquals(all, union, label + ": the source sets cover the private range");
        assertEquals(all.size(), size, label + ": the source sets are disjoint");
        AddressSet outcomes = AddressSet.EMPTY;
        long outcomeSize = 0;
        for (SourceOutcome o : f.outcomes()) {
            outcomes = outcomes.union(o.sources());
            outcomeSize += o.sources().size();
            AddressSet expected =
                    switch (o.verdict()) {
                        case ALLOWED -> f.allowedSources();
                        case DENIED -> f.deniedSources();
                        case UNDETERMINED -> f.undeterminedSources();
                        default -> f.unreachableSources();
                    };
            assertTrue(expected.containsAll(o.sources()), label + ": outcome " + o + " lies in its set");
            if (o.verdict() == Verdict.DENIED) {
                assertFalse(o.rules().isEmpty(), label + ": a denied part names its rule");
            }
        }
        assertEquals(all, outcomes, label + ": the outcomes cover the private range");
        assertEquals(all.size(), outcomeSize, label + ": the outcomes are disjoint");
        Verdict expected;
        if (!f.unreachableSources().isEmpty()) {
            expected = Verdict.UNREACHABLE;
        } else if (!f.undeterminedSources().isEmpty()) {
            expected = Verdict.UNDETERMINED;
        } else if (f.deniedSources().isEmpty()) {
            expected = Verdict.ALLOWED;
        } else {
            expected = f.allowedSources().isEmpty() ? Verdict.DENIED : Verdict.PARTIAL;
        }
        assertEquals(expected, f.verdict(), label);
        assertEquals(f.decisions().stream().filter(NsgDecisionResult::blocks).toList(), f.blockers(), label);
        if (f.verdict() == Verdict.UNDETERMINED) {
            assertFalse(f.causes().isEmpty(), label + ": an undetermined verdict names its cause");
        }
    }

    /**
     * Each sampled source address, asked alone through the reference chain ({@link ReferenceChain}): an allowed address passes
     * every NSG of both sides; a denied one is denied by one side.
     */
    static void checkAgainstTheChain(
            AnalysisContext context,
            Reference from,
            Reference to,
            int port,
            Protocol protocol,
            FlowResult f,
            Random random,
            String label) {
        CallSource cs = f.callSource();
        if (cs.kind() == SourceKind.UNREACHABLE || cs.kind() == SourceKind.UNDETERMINED) {
            return;
        }
        Topology t = context.topology();
        Walk walk = context.walker().walk(from, to);
        Subnet source = t.subnet(walk.sourceSubnet().orElseThrow()).orElseThrow();
        Optional<NetworkInterface> callerNic = from.kind() == ReferenceKind.NETWORK_INTERFACE
                ? from.resource().map(NetworkInterface.class::cast)
                : Optional.empty();
        List<AppliedNsg> outbound = NsgChain.order(
                Direction.OUTBOUND, applied(context, source), callerNic.flatMap(n -> applied(context, n)));
        Optional<Subnet> destSubnet = walk.destinationSubnet().flatMap(t::subnet);
        Optional<NetworkInterface> destNic = walk.destinationNic().flatMap(t::nic);
        List<AppliedNsg> inbound = destSubnet.isEmpty()
                ? List.of()
                : NsgChain.order(
                        Direction.INBOUND,
                        applied(context, destSubnet.get()),
                        destNic.flatMap(n -> applied(context, n)));
        AddressSet translated = cs.destination();
        Optional<AppServiceEnvironment> ase = to.resource()
                .flatMap(r -> r instanceof AppServiceEnvironment a
                        ? Optional.of(a)
                        : r instanceof App app ? t.environment(app.aseId()) : Optional.empty());
        if (ase.isPresent()
                && destSubnet.isPresent()
                && ase.get().subnetId().equals(destSubnet.get().id())) {
            translated = destSubnet.get().addresses();
        }
        boolean identity = cs.kind() == SourceKind.SUBNET_RANGE || cs.kind() == SourceKind.PRIVATE_ADDRESS;
        boolean portless = protocol == Protocol.ICMP || protocol == Protocol.ESP || protocol == Protocol.AH;
        PortSet sourcePorts = portless ? PortSet.ALL : FlowAnalyzer.EPHEMERAL_PORTS;
        PortSet destinationPorts = portless ? PortSet.ALL : PortSet.single(port);
        for (long a : samples(f.allowedSources(), random)) {
            Verdict out = ReferenceChain.evaluate(
                            context.evaluator(source),
                            outbound,
                            Direction.OUTBOUND,
                            new FlowSpace(
                                    AddressSet.host(a), cs.destination(), sourcePorts, destinationPorts, protocol))
                    .verdict();
            assertEquals(Verdict.ALLOWED, out, label + ": " + Ipv4.format(a) + " outbound");
            if (destSubnet.isPresent()) {
                AddressSet seen = identity ? AddressSet.host(a) : cs.sources();
                Verdict in = ReferenceChain.evaluate(
                                context.evaluator(destSubnet.get()),
                                inbound,
                                Direction.INBOUND,
                                new FlowSpace(seen, translated, sourcePorts, destinationPorts, protocol))
                        .verdict();
                assertEquals(Verdict.ALLOWED, in, label + ": " + Ipv4.format(a) + " inbound");
            }
        }
        for (long d : samples(f.deniedSources(), random)) {
            ChainEvaluation out = ReferenceChain.evaluate(
                    context.evaluator(source),
                    outbound,
                    Direction.OUTBOUND,
                    new FlowSpace(AddressSet.host(d), cs.destination(), sourcePorts, destinationPorts, protocol));
            if (out.verdict() == Verdict.DENIED) {
                continue;
            }
            assertEquals(Verdict.ALLOWED, out.verdict(), label + ": " + Ipv4.format(d) + " outbound");
            assertTrue(destSubnet.isPresent(), label + ": denied with no inbound side means denied outbound");
            AddressSet seen = identity ? AddressSet.host(d) : cs.sources();
            ChainEvaluation in = ReferenceChain.evaluate(
                    context.evaluator(destSubnet.get()),
                    inbound,
                    Direction.INBOUND,
                    new FlowSpace(seen, translated, sourcePorts, destinationPorts, protocol));
            assertFalse(in.deniedSources().isEmpty(), label + ": " + Ipv4.format(d) + " is denied inbound");
        }
    }

    private static Optional<AppliedNsg> applied(AnalysisContext context, Subnet s) {
        return context.subnetNsg(s).flatMap(AnalysisContext.Attached::applied);
    }

    private static Optional<AppliedNsg> applied(AnalysisContext context, NetworkInterface n) {
        return context.nicNsg(n).flatMap(AnalysisContext.Attached::applied);
    }

    /** The first and last address of a set and one in between. */
    static List<Long> samples(AddressSet set, Random random) {
        if (set.isEmpty()) {
            return List.of();
        }
        List<Cidr> blocks = set.toCidrs();
        Cidr last = blocks.get(blocks.size() - 1);
        Cidr any = blocks.get(random.nextInt(blocks.size()));
        return List.of(set.first(), last.last(), any.first() + (long) (random.nextDouble() * any.size()));
    }

    /** A random hub-and-spoke estate with ASEs, NICs, NSGs, ASGs, route tables and NAT. */
    static final class RandomEstate {
        final Random r;
        final TopologyBuilder b = new TopologyBuilder();
        final List<String> callers = new ArrayList<>();
        final List<String> destinations = new ArrayList<>();
        final List<NetworkSecurityGroup> nsgs = new ArrayList<>();
        final List<String> vips = new ArrayList<>();
        final List<String> nicAddresses = new ArrayList<>();
        final List<ResourceId> asgs = List.of(
                ResourceId.of(NET + "/applicationSecurityGroups/web"),
                ResourceId.of(NET + "/applicationSecurityGroups/db"),
                ResourceId.of(NET + "/applicationSecurityGroups/ghost"));
        final List<ServiceTag> tags = new ArrayList<>();
        final java.util.Map<ResourceId, Set<Long>> asgMembers = new java.util.HashMap<>(
                java.util.Map.of(asgs.get(0), new java.util.HashSet<>(), asgs.get(1), new java.util.HashSet<>()));
        final java.util.Map<ResourceId, List<String>> virtualNetworkTags = new java.util.HashMap<>();
        int nsgCount;

        RandomEstate(long seed) {
            r = new Random(seed);
            String hub = NET + "/virtualNetworks/hub";
            String spoke = NET + "/virtualNetworks/spoke";
            b.vnet(hub, "10.0.0.0/16").vnet(spoke, "10.1.0.0/16").peerBothWays(hub, spoke);
            b.subnet(hub + "/subnets/GatewaySubnet", hub, "10.0.255.0/27")
                    .gateway(NET + "/virtualNetworkGateways/gw", hub, GatewayType.VPN)
                    .localGateway(NET + "/localNetworkGateways/onprem", "192.168.0.0/16")
                    .connection(
                            NET + "/connections/s2s",
                            "IPsec",
                            NET + "/virtualNetworkGateways/gw",
                            NET + "/localNetworkGateways/onprem");
            b.routeTable(NET + "/routeTables/direct", false, TopologyBuilder.route("direct", "0.0.0.0/0", "Internet"));
            b.routeTable(
                    NET + "/routeTables/forced",
                    false,
                    TopologyBuilder.route("forced", "0.0.0.0/0", "VirtualNetworkGateway"));
            b.routeTable(
                    NET + "/routeTables/nva",
                    false,
                    TopologyBuilder.applianceRoute("spoke-via-nva", "10.1.0.0/16", "10.0.200.4"),
                    TopologyBuilder.route("partner", "203.0.113.0/24", "Internet"));
            b.publicIp(NET + "/publicIPAddresses/nat-pip", "52.160." + r.nextInt(200) + ".1")
                    .natGateway(NET + "/natGateways/nat", NET + "/publicIPAddresses/nat-pip");
            b.endpoint("/asegraph/endpoints/sql", "Sql.WestUS", "40.112.240.0/20");
            if (r.nextBoolean()) {
                tags.add(new ServiceTag(
                        "Sql.WestUS", "westus", "AzureSQL", 1, List.of(Cidr.parseBlock("40.112.240.0/20")), 0));
            }
            for (int v = 0; v < 2; v++) {
                String vnet = v == 0 ? hub : spoke;
                for (int k = 1; k <= 5; k++) {
                    subnet(vnet, v, k);
                }
            }
            destinations.add("13.107.21.200");
            destinations.add("/asegraph/endpoints/sql");
            destinations.add("192.168.1.10");
            destinations.add("10.1.3.77");
            destinations.add(vips.get(r.nextInt(vips.size())));
        }

        private void subnet(String vnet, int v, int k) {
            String id = vnet + "/subnets/s" + k;
            String prefix = "10." + v + "." + k + ".0/24";
            b.subnet(id, vnet, prefix);
            int rt = r.nextInt(10);
            List<String> tag = new ArrayList<>(List.of("10.0.0.0/16", "10.1.0.0/16"));
            if (v == 0) {
                tag.add("192.168.0.0/16"); // the site behind the hub's VPN gateway (the spoke does not use it)
            }
            if (rt < 4) {
                b.attachRouteTable(id, NET + "/routeTables/direct");
                tag.add("0.0.0.0/0");
            } else if (rt == 4) {
                b.attachRouteTable(id, NET + "/routeTables/forced");
                tag.add("0.0.0.0/0");
            } else if (rt == 5) {
                b.attachRouteTable(id, NET + "/routeTables/nva");
                tag.addAll(List.of("10.1.0.0/16", "203.0.113.0/24"));
            }
            virtualNetworkTags.put(ResourceId.of(id), tag);
            if (r.nextInt(10) < 7) {
                String nsgId = nsgId();
                b.attachNsg(id, nsgId);
                nsgs.add(randomNsg(nsgId));
            }
            boolean aseSubnet = r.nextBoolean();
            if (aseSubnet) {
                String ase = WEB + "/hostingEnvironments/ase-" + v + "-" + k;
                String vip = "192.23." + (v * 10 + k) + "." + (2 + r.nextInt(200));
                vips.add(vip);
                if (r.nextInt(4) == 0) {
                    b.internalAse(ase, id, vip, "10." + v + "." + k + ".11");
                } else if (r.nextInt(5) == 0) {
                    long a = Ipv4.parse(vip);
                    b.add(new AppServiceEnvironment(
                            ResourceId.of(ase),
                            "ase-" + v + "-" + k,
                            "westus",
                            AseKind.ASEV2,
                            "None",
                            ResourceId.of(id),
                            Optional.of(a),
                            List.of(a, a + 1),
                            Optional.empty(),
                            java.util.List.of(),
                            java.util.List.of()));
                } else {
                    b.ase(ase, id, vip);
                }
                if (r.nextInt(4) == 0) {
                    b.attachNatGateway(id, NET + "/natGateways/nat");
                }
                String app = WEB + "/sites/app-" + v + "-" + k;
                b.app(app, ase, "app-" + v + "-" + k + ".example.net");
                callers.add(ase);
                callers.add(app);
                destinations.add(r.nextBoolean() ? ase : app);
            } else {
                int nics = 1 + r.nextInt(3);
                for (int n = 0; n < nics; n++) {
                    String nicId = NET + "/networkInterfaces/nic-" + v + "-" + k + "-" + n;
                    String ip = "10." + v + "." + k + "." + (4 + n);
                    nicAddresses.add(ip);
                    Optional<ResourceId> nicNsg = Optional.empty();
                    if (r.nextInt(10) < 4) {
                        String nsgId = nsgId();
                        nicNsg = Optional.of(ResourceId.of(nsgId));
                        nsgs.add(randomNsg(nsgId));
                    }
                    List<ResourceId> memberOf = r.nextInt(3) == 0 ? List.of(asgs.get(r.nextInt(2))) : List.of();
                    memberOf.forEach(g -> asgMembers.get(g).add(Ipv4.parse(ip)));
                    b.add(new NetworkInterface(
                            ResourceId.of(nicId),
                            "nic-" + v + "-" + k + "-" + n,
                            "westus",
                            ResourceId.of(id),
                            Ipv4.parse(ip),
                            nicNsg,
                            memberOf,
                            List.of(),
                            ""));
                    callers.add(nicId);
                    destinations.add(nicId);
                }
                callers.add("10." + v + "." + k + ".50");
            }
        }

        private String nsgId() {
            return NET + "/networkSecurityGroups/nsg-" + (nsgCount++);
        }

        private NetworkSecurityGroup randomNsg(String id) {
            List<SecurityRule> rules = new ArrayList<>();
            for (Direction d : Direction.values()) {
                int n = 1 + r.nextInt(8);
                List<Integer> priorities = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int p = 100 + r.nextInt(3997);
                    if (!priorities.contains(p)) {
                        priorities.add(p);
                        rules.add(randomRule("r" + d.name().charAt(0) + i, p, d));
                    }
                }
            }
            for (Direction d : Direction.values()) {
                if (r.nextInt(5) < 3) {
                    // a high-priority rule over part of some subnet: splits callers' ranges (PARTIAL verdicts)
                    rules.add(new SecurityRule(
                            "split" + d.name().charAt(0),
                            90,
                            d,
                            r.nextBoolean() ? Access.ALLOW : Access.DENY,
                            Protocol.ANY,
                            List.of(subBlock()),
                            List.of(PortRange.ALL),
                            List.of("*"),
                            List.of(PortRange.ALL),
                            List.of(),
                            List.of(),
                            "",
                            false));
                }
            }
            ResourceId rid = ResourceId.of(id);
            return new NetworkSecurityGroup(rid, rid.name(), "westus", "", rules);
        }

        private SecurityRule randomRule(String name, int priority, Direction direction) {
            Access access = r.nextBoolean() ? Access.ALLOW : Access.DENY;
            Protocol protocol = List.of(Protocol.TCP, Protocol.TCP, Protocol.UDP, Protocol.ANY, Protocol.ICMP)
                    .get(r.nextInt(5));
            List<ResourceId> srcAsgs = List.of();
            List<ResourceId> dstAsgs = List.of();
            List<String> src;
            List<String> dst;
            if (r.nextInt(8) == 0) {
                srcAsgs = List.of(asgs.get(r.nextInt(asgs.size())));
                src = List.of();
            } else {
                src = List.of(prefix());
            }
            if (r.nextInt(8) == 0) {
                dstAsgs = List.of(asgs.get(r.nextInt(asgs.size())));
                dst = List.of();
            } else {
                dst = List.of(r.nextInt(3) == 0 ? "*" : prefix());
            }
            String sourcePorts = List.of("*", "*", "*", "*", "1024-65535", "0-1023", "40000-65535")
                    .get(r.nextInt(7));
            String destinationPorts = List.of("*", "443", "1433", "400-500", "1000-2000", "53", "*", "*")
                    .get(r.nextInt(8));
            return new SecurityRule(
                    name,
                    priority,
                    direction,
                    access,
                    protocol,
                    src,
                    List.of(PortRange.parse(sourcePorts)),
                    dst,
                    List.of(PortRange.parse(destinationPorts)),
                    srcAsgs,
                    dstAsgs,
                    "",
                    false);
        }

        private String prefix() {
            return switch (r.nextInt(15)) {
                case 0 -> "*";
                case 1 -> "VirtualNetwork";
                case 2 -> "Internet";
                case 3 -> "AzureLoadBalancer";
                case 4 -> "Sql.WestUS";
                case 5 -> r.nextInt(4) == 0 ? "Storage" : "*";
                case 6 -> vips.isEmpty() ? "192.23.0.0/16" : vips.get(r.nextInt(vips.size()));
                case 7 -> nicAddresses.isEmpty() ? "10.0.0.0/8" : nicAddresses.get(r.nextInt(nicAddresses.size()));
                case 8, 9, 10 -> subBlock();
                default -> {
                    int length = 16 + r.nextInt(13);
                    long base =
                            Ipv4.parse("10.0.0.0") + (r.nextInt(2) << 16) + ((long) r.nextInt(6) << 8) + r.nextInt(256);
                    long mask = (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
                    yield new Cidr(base & mask, length).toString();
                }
            };
        }

        /** A /25 to /28 inside one of the subnets: splits a caller's range. */
        private String subBlock() {
            int length = 25 + r.nextInt(4);
            long base = Ipv4.parse("10.0.0.0")
                    + ((long) r.nextInt(2) << 16)
                    + ((long) (1 + r.nextInt(5)) << 8)
                    + r.nextInt(256);
            long mask = (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
            return new Cidr(base & mask, length).toString();
        }

        /**
         * The independent oracle of this estate, with each subnet's VirtualNetwork tag as built: both VNets (peered),
         * in the hub the site behind its VPN gateway, and its route table's user route prefixes.
         */
        NaiveFlowOracle oracle() {
            java.util.Map<ResourceId, NetworkSecurityGroup> byId = new java.util.HashMap<>();
            nsgs.forEach(n -> byId.put(n.id(), n));
            java.util.Map<String, List<String>> known = new java.util.HashMap<>();
            tags.forEach(t -> known.put(
                    t.name(), t.prefixes().stream().map(Cidr::toString).toList()));
            return new NaiveFlowOracle(estate().topology(), byId, known, asgMembers, virtualNetworkTags);
        }

        Estate estate() {
            List<ApplicationSecurityGroup> defined = List.of(
                    new ApplicationSecurityGroup(asgs.get(0), "web", "westus"),
                    new ApplicationSecurityGroup(asgs.get(1), "db", "westus"));
            return new Estate(b.build(), new PolicySet(nsgs, defined, tags), 1);
        }
    }
}
