package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.NaiveFirstMatch.Outcome;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NSG engine against {@link NaiveFirstMatch}, an oracle that shares nothing with it but the rule records, over all
 * five dimensions: random NSGs (priorities drawn at random and the rules shuffled, source and destination prefixes,
 * tags, ASGs, source and destination ports as single ports, ranges and lists, every protocol), each asked about one
 * random destination, source port, destination port and protocol over a range of sources; every source where the
 * engine's answer changes, and random others, is checked packet by packet. Tags and ASGs that are not known must come
 * out UNDETERMINED where they may decide, never DENY.
 */
class NsgFiveDimensionPropertyTest {
    private static final ResourceId WEB = ResourceId.of(
            "/subscriptions/s/resourceGroups/g/providers" + "/Microsoft.Network/applicationSecurityGroups/asg-web");
    private static final ResourceId LOST = ResourceId.of(
            "/subscriptions/s/resourceGroups/g/providers" + "/Microsoft.Network/applicationSecurityGroups/asg-lost");
    private static final List<String> WEB_MEMBERS = List.of("10.0.1.10", "10.0.1.11", "10.0.2.4");
    private static final List<String> DESTINATIONS = List.of("10.0.2.4", "10.0.2.5", "10.0.3.9", "52.0.0.200");
    private static final AddressSet SOURCES = AddressSet.parse("10.0.0.0/22", "52.0.0.0/24", "168.63.129.16/32");

    private static final NaiveFirstMatch ORACLE = new NaiveFirstMatch(
            Map.of("Sql", List.of("52.0.0.0/25")),
            Map.of(
                    WEB,
                    new HashSet<>(
                            WEB_MEMBERS.stream().map(NaiveFirstMatch::dotted).toList())));

    private static final NsgEvaluator ENGINE = new NsgEvaluator(new PrefixResolver(
            new PolicySet(
                    List.of(),
                    List.of(new ApplicationSecurityGroup(WEB, "asg-web", "")),
                    List.of(new ServiceTag("Sql", "", "", 1, List.of(Cidr.parseBlock("52.0.0.0/25")), 0))),
            new EvaluationContext(
                    Optional.of(AddressSet.parse("10.0.0.0/16", "168.63.129.16/32")),
                    Optional.empty(),
                    Map.of(
                            WEB,
                            AddressSet.parse(
                                    WEB_MEMBERS.stream().map(a -> a + "/32").toArray(String[]::new))))));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void theEngineAgreesWithNaiveFirstMatchPacketByPacket(long seed) {
        Random random = new Random(seed);
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        int packets = 0;
        for (int sample = 0; sample < io.asegraph.Samples.of(600); sample++) {
            Direction direction = random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND;
            List<SecurityRule> rules = randomRules(random, direction, 2 + random.nextInt(30));
            NetworkSecurityGroup nsg =
                    new NetworkSecurityGroup(Rules.id("networkSecurityGroups/random"), "random", "", "", rules);
            long dst = NaiveFirstMatch.dotted(DESTINATIONS.get(random.nextInt(DESTINATIONS.size())));
            int srcPort = 980 + random.nextInt(140);
            int dstPort = random.nextInt(3) == 0
                    ? random.nextInt(9000)
                    : List.of(79, 80, 81, 443, 1433, 8080).get(random.nextInt(6));
            Protocol protocol = random.nextBoolean() ? Protocol.TCP : Protocol.UDP;
            NsgEvaluation e = ENGINE.evaluate(
                    nsg,
                    direction,
                    new FlowSpace(
                            SOURCES, AddressSet.host(dst), PortSet.single(srcPort), PortSet.single(dstPort), protocol));
            assertEquals(SOURCES, e.allowedSources().union(e.deniedSources()).union(e.undeterminedSources()));
            for (long src : probes(e, random)) {
                Outcome expected = ORACLE.decide(rules, direction, src, srcPort, dst, dstPort, protocol);
                Outcome actual = e.allowedSources().contains(src)
                        ? Outcome.ALLOW
                        : e.deniedSources().contains(src) ? Outcome.DENY : Outcome.UNDETERMINED;
                int s = sample;
                assertEquals(
                        expected,
                        actual,
                        () -> "sample " + s + ": " + direction + " " + protocol + " " + src + ":" + srcPort + " -> "
                                + dst + ":" + dstPort + " causes " + e.undeterminedCauses() + " over " + rules);
                seen.merge(expected, 1, Integer::sum);
                packets++;
            }
        }
        // The samples reach every outcome often enough to mean something.
        for (Outcome o : Outcome.values()) {
            assertTrue(seen.getOrDefault(o, 0) > packets / 50, o + " in " + seen);
        }
    }

    /** Both ends of every range the engine decided as one, ASG members, tag edges, and random sources. */
    private static List<Long> probes(NsgEvaluation e, Random random) {
        Set<Long> out = new HashSet<>();
        for (AddressSet part : List.of(e.allowedSources(), e.deniedSources(), e.undeterminedSources())) {
            for (Cidr c : part.toCidrs()) {
                out.add(c.first());
                out.add(c.last());
            }
        }
        for (String a : WEB_MEMBERS) {
            out.add(NaiveFirstMatch.dotted(a));
        }
        out.add(NaiveFirstMatch.dotted("52.0.0.127"));
        out.add(NaiveFirstMatch.dotted("52.0.0.128"));
        out.add(NaiveFirstMatch.dotted("168.63.129.16"));
        for (int i = 0; i < 12; i++) {
            out.add(
                    random.nextBoolean()
                            ? NaiveFirstMatch.dotted("10.0.0.0") + random.nextInt(1024)
                            : NaiveFirstMatch.dotted("52.0.0.0") + random.nextInt(256));
        }
        List<Long> sorted = new ArrayList<>(out);
        Collections.sort(sorted);
        return sorted;
    }

    private static List<SecurityRule> randomRules(Random random, Direction direction, int count) {
        List<Integer> priorities = new ArrayList<>();
        for (int p = 100; p <= 4096; p++) {
            priorities.add(p);
        }
        Collections.shuffle(priorities, random);
        List<SecurityRule> rules = new ArrayList<>();
        Protocol[] protocols = {Protocol.TCP, Protocol.TCP, Protocol.UDP, Protocol.ANY, Protocol.ICMP};
        for (int i = 0; i < count; i++) {
            // Some rules of the other direction too: they must change nothing.
            Direction d = random.nextInt(8) == 0
                    ? (direction == Direction.INBOUND ? Direction.OUTBOUND : Direction.INBOUND)
                    : direction;
            List<String> sources = new ArrayList<>();
            List<ResourceId> sourceAsgs = new ArrayList<>();
            addresses(random, "10.0.0.0", 22, sources, sourceAsgs);
            List<String> destinations = new ArrayList<>();
            List<ResourceId> destinationAsgs = new ArrayList<>();
            addresses(random, "10.0.2.0", 23, destinations, destinationAsgs);
            rules.add(new SecurityRule(
                    "r" + i,
                    priorities.get(i),
                    d,
                    random.nextInt(5) < 2 ? Access.DENY : Access.ALLOW,
                    protocols[random.nextInt(protocols.length)],
                    sources,
                    ports(random, 980, 140),
                    destinations,
                    ports(random, 0, 9000),
                    sourceAsgs,
                    destinationAsgs,
                    "",
                    false));
        }
        Collections.shuffle(rules, random);
        return rules;
    }

    /** One or two prefixes (private blocks, public blocks, tags known and not), or one ASG (known or not). */
    private static void addresses(
            Random random, String privateBase, int privateLength, List<String> prefixes, List<ResourceId> asgs) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            asgs.add(WEB);
            return;
        }
        if (kind == 1) {
            asgs.add(random.nextInt(3) == 0 ? LOST : WEB);
            return;
        }
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(20);
            if (pick < 7) {
                prefixes.add(block(random, privateBase, privateLength));
            } else if (pick < 10) {
                prefixes.add(block(random, "52.0.0.0", 24));
            } else if (pick < 13) {
                prefixes.add("*");
            } else {
                prefixes.add(List.of("VirtualNetwork", "Internet", "AzureLoadBalancer", "Sql", "Storage", "Sql", "*")
                        .get(random.nextInt(7)));
            }
        }
    }

    /** A block inside base/length, of a random length from there to /32, written with its network address. */
    private static String block(Random random, String base, int length) {
        int bits = length + random.nextInt(33 - length);
        long size = 1L << (32 - length);
        long address = NaiveFirstMatch.dotted(base) + (long) (random.nextDouble() * size);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        long network = address & mask;
        return ((network >>> 24) & 255) + "." + ((network >>> 16) & 255) + "." + ((network >>> 8) & 255) + "."
                + (network & 255) + "/" + bits;
    }

    /** "*" half the time, else one to three single ports or ranges around {@code from}..{@code from + span}. */
    private static List<PortRange> ports(Random random, int from, int span) {
        if (random.nextBoolean()) {
            return List.of(new PortRange(0, 65535));
        }
        List<PortRange> out = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int a = from == 0 && random.nextBoolean()
                    ? List.of(80, 443, 1433, 8080).get(random.nextInt(4))
                    : from + random.nextInt(span);
            out.add(
                    random.nextBoolean()
                            ? new PortRange(a, a)
                            : new PortRange(a, Math.min(65535, a + random.nextInt(200))));
        }
        return out;
    }
}
