package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The range evaluation agrees, address by address, with a naive first-match loop over single packets (the textbook
 * algorithm of azure-semantics §1.7), on randomly generated NSGs.
 */
class NsgEvaluatorPropertyTest {
    private static final PrefixResolver RESOLVER = new PrefixResolver(PolicySet.empty(), Rules.vnet("10.0.0.0/16"));

    /** First match over one packet, written independently of the box arithmetic. */
    private static Access naive(
            NetworkSecurityGroup nsg,
            Direction direction,
            long src,
            int srcPort,
            long dst,
            int dstPort,
            Protocol protocol) {
        List<SecurityRule> rules = new ArrayList<>(
                nsg.rules().stream().filter(r -> r.direction() == direction).toList());
        DefaultRules.ALL.stream().filter(r -> r.direction() == direction).forEach(rules::add);
        rules.sort(Comparator.comparingInt(SecurityRule::priority));
        for (SecurityRule r : rules) {
            if (r.protocol().matches(protocol)
                    && RESOLVER.source(r).addresses().contains(src)
                    && RESOLVER.destination(r).addresses().contains(dst)
                    && r.sourcePorts().stream().anyMatch(p -> p.contains(srcPort))
                    && r.destinationPorts().stream().anyMatch(p -> p.contains(dstPort))) {
                return r.access();
            }
        }
        throw new AssertionError("no rule matched");
    }

    @ParameterizedTest(name = "seed {0}, {1} rules, {2}")
    @CsvSource({"1, 50, INBOUND", "2, 200, INBOUND", "3, 200, OUTBOUND", "4, 1000, INBOUND", "5, 1000, OUTBOUND"})
    void agreesWithPacketByPacketFirstMatch(long seed, int ruleCount, Direction direction) {
        Random random = new Random(seed);
        NetworkSecurityGroup nsg = ShadowAnalysisTest.randomNsg("random", ruleCount, random);
        AddressSet sources = AddressSet.parse("10.0.0.0/14", "203.0.113.0/24");
        long dst = Ipv4.parse("10.0.3.9");
        int dstPort = List.of(80, 443, 22, 1433, 30000).get(random.nextInt(5));
        FlowSpace space = new FlowSpace(
                sources, AddressSet.host(dst), PortSet.single(40000), PortSet.single(dstPort), Protocol.TCP);

        NsgEvaluation e = new NsgEvaluator(RESOLVER).evaluate(nsg, direction, space);

        assertTrue(
                e.decisions().size() > 1,
                "the space is split between several rules: " + e.decisions().size());
        assertEquals(sources, e.allowedSources().union(e.deniedSources()).union(e.undeterminedSources()));
        assertTrue(!e.allowedSources().overlaps(e.deniedSources()));
        List<Long> probes = new ArrayList<>();
        for (RuleDecision d : e.decisions()) {
            for (Cidr c : d.sources().toCidrs()) {
                probes.add(c.first());
                probes.add(c.last());
            }
        }
        for (int i = 0; i < io.asegraph.Samples.of(2000); i++) {
            probes.add(sources.first() + (long) (random.nextDouble() * (1 << 18)));
        }
        for (long src : probes) {
            if (!sources.contains(src)) {
                continue;
            }
            Access expected = naive(nsg, direction, src, 40000, dst, dstPort, Protocol.TCP);
            Access actual = e.allowedSources().contains(src) ? Access.ALLOW : Access.DENY;
            assertEquals(expected, actual, Ipv4.format(src));
        }
    }
}
