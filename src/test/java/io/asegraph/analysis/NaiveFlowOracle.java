package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NaiveFirstMatch;
import io.asegraph.policy.NaiveFirstMatch.Outcome;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An oracle of a flow's NSG outcome per source address that shares no evaluation code with the engine: the NSGs that
 * apply are read from the records (the subnet's and the NIC's {@code nsgId}), put in Azure's order by hand (outbound:
 * NIC then subnet; inbound: subnet then NIC), and each packet is decided by {@link NaiveFirstMatch}. A packet passes a
 * side when every NSG of it allows it; it is denied when the first NSG that does not allow it denies it. The packets
 * tried are every cell of the grid that the rules' own boundaries cut the flow's space into (destination or source
 * addresses and source ports at each rule block's edges), so "allowed" is checked on every distinct case and a deny
 * anywhere in the space is found.
 */
final class NaiveFlowOracle {
    private static final List<Protocol> CONCRETE = List.of(Protocol.TCP, Protocol.UDP);
    private static final List<Protocol> ANY_WITNESSES =
            List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ESP, Protocol.AH);

    private final Topology topology;
    private final Map<ResourceId, NetworkSecurityGroup> nsgs;
    private final Map<String, List<String>> tags;
    private final Map<ResourceId, Set<Long>> asgMembers;
    private final Map<ResourceId, List<String>> virtualNetworkTag;

    /**
     * {@code tags}: the imported service tags (name → blocks); {@code asgMembers}: the defined ASGs' member addresses;
     * {@code virtualNetworkTag}: per subnet, the blocks of its VirtualNetwork tag as the test built them (its VNet's own
     * and peered spaces, the sites behind its VNet's gateway, and the prefixes of its route table's user routes, which
     * Azure adds: a 0.0.0.0/0 route makes it every address).
     */
    NaiveFlowOracle(
            Topology topology,
            Map<ResourceId, NetworkSecurityGroup> nsgs,
            Map<String, List<String>> tags,
            Map<ResourceId, Set<Long>> asgMembers,
            Map<ResourceId, List<String>> virtualNetworkTag) {
        this.topology = topology;
        this.nsgs = nsgs;
        this.tags = tags;
        this.asgMembers = asgMembers;
        this.virtualNetworkTag = virtualNetworkTag;
    }

    /** The NSGs of one side in Azure's order, with the first-match oracle of the subnet's VNet. */
    record Side(List<NetworkSecurityGroup> nsgs, NaiveFirstMatch oracle, Direction direction) {}

    Side side(Direction direction, Subnet subnet, Optional<NetworkInterface> nic) {
        List<NetworkSecurityGroup> ordered = new ArrayList<>();
        Optional<NetworkSecurityGroup> ofSubnet = subnet.nsgId().map(nsgs::get);
        Optional<NetworkSecurityGroup> ofNic =
                nic.flatMap(NetworkInterface::nsgId).map(nsgs::get);
        if (direction == Direction.OUTBOUND) {
            ofNic.ifPresent(ordered::add);
            ofSubnet.ifPresent(ordered::add);
        } else {
            ofSubnet.ifPresent(ordered::add);
            ofNic.ifPresent(ordered::add);
        }
        List<String> vnet = virtualNetworkTag.get(subnet.id());
        assertTrue(vnet != null, "the test knows the VirtualNetwork tag of " + subnet.id());
        return new Side(ordered, new NaiveFirstMatch(tags, asgMembers, vnet), direction);
    }

    Subnet subnet(ResourceId id) {
        return topology.subnet(id).orElseThrow();
    }

    /**
     * Every packet of {@code sources} × {@code destinations} × source ports {@code sourcePorts} to {@code port}, one
     * per cell of the rules' grid, decided by the side: ALLOW if every NSG allows it, else the first other outcome.
     */
    List<Outcome> outcomes(
            Side side,
            AddressSet sources,
            AddressSet destinations,
            PortRange sourcePorts,
            int port,
            List<Protocol> protocols) {
        List<SecurityRule> rules = new ArrayList<>();
        side.nsgs().forEach(n -> n.rules().stream()
                .filter(r -> r.direction() == side.direction())
                .forEach(rules::add));
        List<Long> srcPoints = cells(sources, rules, true, side);
        List<Long> dstPoints = cells(destinations, rules, false, side);
        TreeSet<Integer> portPoints = new TreeSet<>(List.of(sourcePorts.from(), sourcePorts.to()));
        for (SecurityRule r : rules) {
            for (PortRange p : r.sourcePorts()) {
                for (int edge : new int[] {p.from(), p.to(), p.from() - 1, p.to() + 1}) {
                    if (sourcePorts.from() <= edge && edge <= sourcePorts.to()) {
                        portPoints.add(edge);
                    }
                }
            }
        }
        List<Outcome> out = new ArrayList<>();
        firstOther = null;
        for (Protocol protocol : protocols) {
            for (long src : srcPoints) {
                for (long dst : dstPoints) {
                    for (int srcPort : portPoints) {
                        Outcome o = decide(side, src, srcPort, dst, port, protocol);
                        out.add(o);
                        if (o != Outcome.ALLOW && firstOther == null) {
                            firstOther = o + " " + protocol + " " + Ipv4.format(src) + ":" + srcPort + " → "
                                    + Ipv4.format(dst) + ":" + port + " by "
                                    + decidedBy(side, src, srcPort, dst, port, protocol);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The concrete protocols of the question: a flow allowed over Any must pass TCP and UDP packets (what ICMP, ESP and
     * AH packets do with rule ports is not this oracle's to guess); a deny over Any may be on any of the five.
     */
    static List<Protocol> protocols(Protocol asked, boolean denied) {
        if (asked != Protocol.ANY) {
            return List.of(asked);
        }
        return denied ? ANY_WITNESSES : CONCRETE;
    }

    /**
     * Each sampled allowed address passes both sides for every packet of the flow's space; each sampled denied address
     * has a packet that one side denies.
     */
    void check(
            AnalysisContext context,
            Reference from,
            Reference to,
            int port,
            Protocol protocol,
            FlowResult f,
            java.util.Random random,
            String label) {
        CallSource cs = f.callSource();
        if (cs.kind() == SourceKind.UNREACHABLE || cs.kind() == SourceKind.UNDETERMINED) {
            return;
        }
        Walk walk = context.walker().walk(from, to);
        Subnet source = subnet(walk.sourceSubnet().orElseThrow());
        Optional<NetworkInterface> callerNic = from.kind() == ReferenceKind.NETWORK_INTERFACE
                ? from.resource().map(NetworkInterface.class::cast)
                : Optional.empty();
        Side outbound = side(Direction.OUTBOUND, source, callerNic);
        Optional<Subnet> destSubnet = walk.destinationSubnet().map(this::subnet);
        Optional<Side> inbound = destSubnet.map(
                s -> side(Direction.INBOUND, s, walk.destinationNic().flatMap(topology::nic)));
        AddressSet translated = cs.destination();
        Optional<ResourceId> ase = to.resource()
                .flatMap(r -> r instanceof AppServiceEnvironment a
                        ? Optional.of(a.subnetId())
                        : r instanceof App app
                                ? topology.environment(app.aseId()).map(AppServiceEnvironment::subnetId)
                                : Optional.empty());
        if (ase.isPresent()
                && destSubnet.isPresent()
                && ase.get().equals(destSubnet.get().id())) {
            translated = destSubnet.get().addresses();
        }
        boolean identity = cs.kind() == SourceKind.SUBNET_RANGE || cs.kind() == SourceKind.PRIVATE_ADDRESS;
        PortRange ephemeral = new PortRange(1024, 65535);
        for (long a : FlowBatchPropertyTest.samples(f.allowedSources(), random)) {
            String at = label + ": " + Ipv4.format(a);
            List<Protocol> concrete = protocols(protocol, false);
            assertAllPass(
                    outcomes(outbound, AddressSet.host(a), cs.destination(), ephemeral, port, concrete),
                    at + " outbound");
            if (inbound.isPresent()) {
                AddressSet seen = identity ? AddressSet.host(a) : cs.sources();
                assertAllPass(outcomes(inbound.get(), seen, translated, ephemeral, port, concrete), at + " inbound");
            }
        }
        for (long d : FlowBatchPropertyTest.samples(f.deniedSources(), random)) {
            List<Protocol> witnesses = protocols(protocol, true);
            List<Outcome> all = new ArrayList<>(
                    outcomes(outbound, AddressSet.host(d), cs.destination(), ephemeral, port, witnesses));
            if (inbound.isPresent()) {
                AddressSet seen = identity ? AddressSet.host(d) : cs.sources();
                all.addAll(outcomes(inbound.get(), seen, translated, ephemeral, port, witnesses));
            }
            assertTrue(
                    all.contains(Outcome.DENY),
                    label + ": " + Ipv4.format(d) + " has a packet first match denies: " + all);
        }
    }

    /** The first packet of the last {@link #outcomes} call that some NSG did not allow, and what decided it. */
    private String firstOther;

    private static String decidedBy(Side side, long src, int srcPort, long dst, int dstPort, Protocol protocol) {
        for (NetworkSecurityGroup nsg : side.nsgs()) {
            Optional<SecurityRule> rule =
                    side.oracle().firstMatch(nsg.rules(), side.direction(), src, srcPort, dst, dstPort, protocol);
            if (rule.isEmpty() || rule.get().access() != io.asegraph.policy.Access.ALLOW) {
                return nsg.name() + " " + rule.map(SecurityRule::name).orElse("an unresolved rule");
            }
        }
        return "none";
    }

    private static Outcome decide(Side side, long src, int srcPort, long dst, int dstPort, Protocol protocol) {
        for (NetworkSecurityGroup nsg : side.nsgs()) {
            Outcome o = side.oracle().decide(nsg.rules(), side.direction(), src, srcPort, dst, dstPort, protocol);
            if (o != Outcome.ALLOW) {
                return o;
            }
        }
        return Outcome.ALLOW;
    }

    /** One address of every cell that the blocks of the rules (source or destination field) cut {@code set} into. */
    private List<Long> cells(AddressSet set, List<SecurityRule> rules, boolean source, Side side) {
        TreeSet<Long> points = new TreeSet<>();
        for (Cidr c : set.toCidrs()) {
            points.add(c.first());
            points.add(c.last());
        }
        List<String> blocks = new ArrayList<>(
                virtualNetworkTag.values().stream().flatMap(List::stream).toList());
        tags.values().forEach(blocks::addAll);
        blocks.add("168.63.129.16/32");
        for (SecurityRule r : rules) {
            for (String p : source ? r.sourcePrefixes() : r.destinationPrefixes()) {
                if (Character.isDigit(p.trim().charAt(0))) {
                    blocks.add(p.trim());
                }
            }
        }
        for (String b : blocks) {
            Cidr c = Cidr.parsePrefix(b);
            for (long edge : new long[] {c.first(), c.last() + 1, c.first() - 1, c.last()}) {
                if (set.contains(edge)) {
                    points.add(edge);
                }
            }
        }
        asgMembers.values().forEach(m -> m.stream().filter(set::contains).forEach(points::add));
        return new ArrayList<>(points);
    }

    void assertAllPass(List<Outcome> outcomes, String label) {
        assertEquals(
                List.of(),
                outcomes.stream().filter(o -> o != Outcome.ALLOW).distinct().toList(),
                label + ": " + firstOther);
    }
}
