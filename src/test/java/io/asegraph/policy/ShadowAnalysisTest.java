package io.asegraph.policy;

import static io.asegraph.policy.Rules.in;
import static io.asegraph.policy.Rules.nsg;
import static io.asegraph.policy.Rules.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShadowAnalysisTest {
    private static final PrefixResolver RESOLVER = new PrefixResolver(PolicySet.empty(), Rules.vnet("10.0.0.0/16"));

    private static List<String> findings(NetworkSecurityGroup nsg, Direction direction, PrefixResolver resolver) {
        return ShadowAnalysis.analyse(nsg, direction, resolver).stream()
                .map(f -> f.ruleName() + " " + f.kind() + " by " + f.coveringRules())
                .toList();
    }

    private static List<String> userFindings(NetworkSecurityGroup nsg) {
        return ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, RESOLVER).stream()
                .map(f -> f.ruleName() + " " + f.kind() + " by " + f.coveringRules())
                .toList();
    }

    @Test
    void reportsARuleUnderABroaderDenyAsDead() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                in("deny-ten", 100, Access.DENY, Protocol.ANY, "10.0.0.0/8", "*", "*", "*"),
                in("allow-ssh-from-admins", 200, Access.ALLOW, Protocol.TCP, "10.1.0.0/16", "*", "*", "22"));
        List<ShadowFinding> f = ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, RESOLVER);
        assertEquals(1, f.size());
        assertEquals(ShadowFinding.Kind.DEAD, f.get(0).kind());
        assertTrue(f.get(0).differentAction());
        assertEquals(List.of("securityRules/deny-ten"), f.get(0).coveringRules());
    }

    @Test
    void reportsARuleUnderABroaderRuleWithTheSameAccessAsRedundant() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                in("allow-tcp-from-ten", 100, Access.ALLOW, Protocol.TCP, "10.0.0.0/8", "*", "*", "*"),
                in("allow-https", 200, Access.ALLOW, Protocol.TCP, "10.1.2.0/24", "*", "10.0.2.4", "443"));
        List<ShadowFinding> f = ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, RESOLVER);
        assertEquals(1, f.size());
        assertEquals(ShadowFinding.Kind.REDUNDANT, f.get(0).kind());
        assertFalse(f.get(0).differentAction());
    }

    @Test
    void findsARuleCoveredOnlyByTheUnionOfSeveralHigherRules() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                in("allow-low-half", 100, Access.ALLOW, Protocol.TCP, "10.0.0.0/9", "*", "*", "443"),
                in("deny-high-half", 110, Access.DENY, Protocol.TCP, "10.128.0.0/9", "*", "*", "443"),
                in("unrelated", 115, Access.DENY, Protocol.UDP, "*", "*", "*", "53"),
                in("allow-ten", 120, Access.ALLOW, Protocol.TCP, "10.0.0.0/8", "*", "*", "443"));
        assertEquals(
                List.of("securityRules/allow-ten DEAD by [securityRules/allow-low-half, securityRules/deny-high-half]"),
                userFindings(nsg));
    }

    @Test
    void coversPortListsAcrossSeveralRules() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                Rules.rule(
                        "web",
                        100,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("*"),
                        List.of("*"),
                        List.of("*"),
                        List.of("80", "443")),
                in("alt", 110, Access.ALLOW, Protocol.TCP, "*", "*", "*", "8000-8100"),
                Rules.rule(
                        "web-again",
                        200,
                        Direction.INBOUND,
                        Access.ALLOW,
                        Protocol.TCP,
                        List.of("Internet"),
                        List.of("*"),
                        List.of("*"),
                        List.of("443", "8080")));
        assertEquals(
                List.of("securityRules/web-again REDUNDANT by [securityRules/web, securityRules/alt]"),
                userFindings(nsg));
    }

    @Test
    void doesNotReportRulesThatAreOnlyPartlyCovered() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                in("deny-low-half", 100, Access.DENY, Protocol.ANY, "10.0.0.0/9", "*", "*", "*"),
                in("allow-ten", 200, Access.ALLOW, Protocol.ANY, "10.0.0.0/8", "*", "*", "22"),
                in("allow-tcp", 300, Access.ALLOW, Protocol.TCP, "*", "*", "*", "443"),
                in("allow-udp", 310, Access.ALLOW, Protocol.UDP, "*", "*", "*", "443"),
                in("allow-any-protocol", 320, Access.ALLOW, Protocol.ANY, "*", "*", "*", "443"));
        assertEquals(List.of(), userFindings(nsg), "ANY also matches ICMP, ESP and AH, which no higher rule covers");
    }

    @Test
    void saysARuleWithAnUnresolvedTagCannotBeDecided() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                in("deny-partner", 100, Access.DENY, Protocol.TCP, "40.112.240.0/21", "*", "*", "1433"),
                in("allow-sql", 200, Access.ALLOW, Protocol.TCP, "Sql.WestUS", "*", "*", "1433"));
        List<ShadowFinding> f = ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, RESOLVER);
        assertEquals(1, f.size());
        assertEquals(ShadowFinding.Kind.UNDECIDABLE, f.get(0).kind());
        assertTrue(f.get(0).causes().get(0).contains("Sql.WestUS"));

        PrefixResolver tagged = new PrefixResolver(
                Rules.withTags(Rules.tag("Sql.WestUS", "40.112.240.0/20")), Rules.vnet("10.0.0.0/16"));
        assertEquals(List.of(), ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, tagged), "partly covered");
    }

    @Test
    void saysARuleBelowAnUnresolvedRuleCannotBeDecidedUntilTheTagIsKnown() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                out("allow-sql-tag", 100, Access.ALLOW, Protocol.TCP, "*", "*", "Sql.WestUS", "1433"),
                out("allow-sql-range", 200, Access.ALLOW, Protocol.TCP, "*", "*", "40.112.240.0/20", "1433"));
        List<ShadowFinding> unknown = ShadowAnalysis.analyseUserRules(nsg, Direction.OUTBOUND, RESOLVER);
        assertEquals(
                List.of(ShadowFinding.Kind.UNDECIDABLE, ShadowFinding.Kind.UNDECIDABLE),
                unknown.stream().map(ShadowFinding::kind).toList(),
                "the tag rule itself and the rule it may cover");

        PrefixResolver tagged = new PrefixResolver(
                Rules.withTags(Rules.tag("Sql.WestUS", "40.112.240.0/20")), Rules.vnet("10.0.0.0/16"));
        assertEquals(
                List.of("securityRules/allow-sql-range REDUNDANT by [securityRules/allow-sql-tag]"),
                ShadowAnalysis.analyseUserRules(nsg, Direction.OUTBOUND, tagged).stream()
                        .map(f -> f.ruleName() + " " + f.kind() + " by " + f.coveringRules())
                        .toList());
    }

    @Test
    void reportsARuleWithAnUnresolvedTagAsDeadWhenACertainRuleCoversEverythingItCouldMatch() {
        NetworkSecurityGroup nsg = nsg(
                "nsg",
                in("deny-sql-port", 100, Access.DENY, Protocol.TCP, "*", "*", "*", "1433"),
                in("allow-sql", 200, Access.ALLOW, Protocol.TCP, "Sql.WestUS", "*", "*", "1433"));
        assertEquals(List.of("securityRules/allow-sql DEAD by [securityRules/deny-sql-port]"), userFindings(nsg));
    }

    @Test
    void reportsTheDefaultRulesAUserDenyAllMakesUnreachable() {
        NetworkSecurityGroup nsg = nsg("nsg", in("deny-all", 4096, Access.DENY, Protocol.ANY, "*", "*", "*", "*"));
        assertEquals(
                List.of(
                        "defaultSecurityRules/AllowVnetInBound DEAD by [securityRules/deny-all]",
                        "defaultSecurityRules/AllowAzureLoadBalancerInBound DEAD by [securityRules/deny-all]",
                        "defaultSecurityRules/DenyAllInBound REDUNDANT by [securityRules/deny-all]"),
                findings(nsg, Direction.INBOUND, RESOLVER));
        assertEquals(List.of(), userFindings(nsg));
    }

    @Test
    void findsNothingAmongTheDefaultRulesOfAnOrdinarySubnet() {
        assertEquals(List.of(), findings(nsg("empty"), Direction.INBOUND, RESOLVER));
        assertEquals(List.of(), findings(nsg("empty"), Direction.OUTBOUND, RESOLVER));
    }

    @Test
    void showsThatADefaultRouteToAnApplianceMakesDenyAllOutBoundDead() {
        PrefixResolver widened = new PrefixResolver(
                PolicySet.empty(),
                EvaluationContext.of(AddressSet.ALL).withVirtualNetworkWarning("0.0.0.0/0 user route"));
        assertEquals(
                List.of(
                        "defaultSecurityRules/AllowInternetOutBound REDUNDANT by [defaultSecurityRules/AllowVnetOutBound]",
                        "defaultSecurityRules/DenyAllOutBound DEAD by [defaultSecurityRules/AllowVnetOutBound]"),
                findings(nsg("empty"), Direction.OUTBOUND, widened));
        assertEquals(
                List.of(
                        "defaultSecurityRules/AllowAzureLoadBalancerInBound REDUNDANT by [defaultSecurityRules/AllowVnetInBound]",
                        "defaultSecurityRules/DenyAllInBound DEAD by [defaultSecurityRules/AllowVnetInBound]"),
                findings(nsg("empty"), Direction.INBOUND, widened));
    }

    @Test
    void findsShadowedRulesInALargeRandomNsgAndItsVerdictsAgreeWithFirstMatch() {
        Random random = new Random(42);
        NetworkSecurityGroup big = randomNsg("big", 1000, random);
        // The time it takes is measured by the benchmark command (README "Performance"). Each finding is checked by
        // first match over packets drawn inside the rule: an earlier rule always takes them, one it names, and one of
        // another action for some packet only if the finding says DEAD.
        List<ShadowFinding> findings = ShadowAnalysis.analyse(big, RESOLVER);
        assertTrue(findings.size() > 10, "the generated rules do shadow each other: " + findings.size());
        for (ShadowFinding f : findings) {
            SecurityRule rule = f.rule();
            if (rule.isDefault()) {
                continue;
            }
            for (int i = 0; i < io.asegraph.Samples.of(40); i++) {
                long src = inside(rule.sourcePrefixes().get(0), random);
                long dst = inside(rule.destinationPrefixes().get(0), random);
                int dstPort = inside(
                        rule.destinationPorts()
                                .get(random.nextInt(rule.destinationPorts().size())),
                        random);
                Protocol protocol = rule.protocol() == Protocol.ANY ? Protocol.TCP : rule.protocol();
                SecurityRule first = FIRST_MATCH
                        .firstMatch(big.rules(), rule.direction(), src, 40000, dst, dstPort, protocol)
                        .orElseThrow();
                assertTrue(first.priority() < rule.priority(), f + " but " + first.name() + " takes a packet");
                assertTrue(f.coveringRules().contains(first.qualifiedName()), first.name() + " not named by " + f);
                if (first.access() != rule.access()) {
                    assertEquals(ShadowFinding.Kind.DEAD, f.kind(), f.toString());
                }
            }
        }
    }

    private static final NaiveFirstMatch FIRST_MATCH = new NaiveFirstMatch(Map.of(), Map.of());

    /** An address inside {@code prefix} (a block, or a tag as {@link #randomNsg} writes them, inside the VNet). */
    private static long inside(String prefix, Random random) {
        String block =
                switch (prefix) {
                    case "*", "VirtualNetwork" -> "10.0.0.0/16";
                    case "AzureLoadBalancer" -> "168.63.129.16/32";
                    case "Internet" -> "52.0.0.0/8";
                    default -> prefix;
                };
        int length = Integer.parseInt(block.substring(block.indexOf('/') + 1));
        return NaiveFirstMatch.dotted(block.substring(0, block.indexOf('/')))
                + (long) (random.nextDouble() * (1L << (32 - length)));
    }

    private static int inside(io.asegraph.net.PortRange range, Random random) {
        return range.from() + random.nextInt(range.to() - range.from() + 1);
    }

    /**
     * Brute force over a small universe: rules whose blocks lie in 10.0.0.0/29 (sources) and 10.0.1.0/30
     * (destinations) or are "*", ports in 1-3 (source) and 1-6 (destination) or "*", TCP or UDP (not ANY: ICMP and
     * the other protocols are outside the universe). One packet per class
     * of equal treatment (each address and port of the universe, one outside it) is every packet that matters; a user
     * rule is shadowed exactly when it is first match for none of them, its cover is the rules that are, and it is dead
     * exactly when one of those acts otherwise.
     */
    @Test
    void deadAndRedundantAreExactlyWhatBruteForceFirstMatchFinds() {
        Random random = new Random(7);
        List<Long> sources = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sources.add(NaiveFirstMatch.dotted("10.0.0.0") + i);
        }
        sources.add(NaiveFirstMatch.dotted("10.0.5.5"));
        sources.add(NaiveFirstMatch.dotted("52.0.0.1"));
        List<Long> destinations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            destinations.add(NaiveFirstMatch.dotted("10.0.1.0") + i);
        }
        destinations.add(NaiveFirstMatch.dotted("10.0.6.6"));
        int shadowed = 0;
        int dead = 0;
        int samples = io.asegraph.Samples.of(300);
        for (int sample = 0; sample < samples; sample++) {
            List<SecurityRule> rules = new ArrayList<>();
            int count = 3 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                rules.add(Rules.rule(
                        "r" + i,
                        100 + random.nextInt(50) * 10 + i,
                        Direction.INBOUND,
                        random.nextBoolean() ? Access.DENY : Access.ALLOW,
                        random.nextBoolean()
                                ? Protocol.TCP
                                : Protocol.UDP, // ANY would cover ICMP, outside the universe
                        List.of(smallBlock(random, "10.0.0.", 8)),
                        List.of(smallPorts(random, 3)),
                        List.of(smallBlock(random, "10.0.1.", 4)),
                        List.of(smallPorts(random, 6))));
            }
            NetworkSecurityGroup nsg =
                    new NetworkSecurityGroup(Rules.id("networkSecurityGroups/small"), "small", "", "", rules);
            java.util.Map<String, java.util.Set<SecurityRule>> cover = new java.util.HashMap<>();
            for (long src : sources) {
                for (long dst : destinations) {
                    for (int sp : List.of(1, 2, 3, 9)) {
                        for (int dp : List.of(1, 2, 3, 4, 5, 6, 9)) {
                            for (Protocol p : List.of(Protocol.TCP, Protocol.UDP)) {
                                SecurityRule first = FIRST_MATCH
                                        .firstMatch(rules, Direction.INBOUND, src, sp, dst, dp, p)
                                        .orElseThrow();
                                for (SecurityRule r : rules) {
                                    if (r != first && matches(r, src, sp, dst, dp, p)) {
                                        cover.computeIfAbsent(r.name(), k -> new java.util.HashSet<>())
                                                .add(first);
                                    }
                                }
                                cover.computeIfAbsent(first.name(), k -> new java.util.HashSet<>());
                                cover.get(first.name()).add(first);
                            }
                        }
                    }
                }
            }
            java.util.Map<String, ShadowFinding> found = new java.util.HashMap<>();
            for (ShadowFinding f : ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, RESOLVER)) {
                found.put(f.rule().name(), f);
            }
            for (SecurityRule r : rules) {
                java.util.Set<SecurityRule> firsts = cover.getOrDefault(r.name(), java.util.Set.of());
                boolean reachable = firsts.contains(r);
                ShadowFinding f = found.get(r.name());
                String context = "sample " + sample + ", " + r + " in " + rules;
                assertEquals(!reachable, f != null, context + ": " + f);
                if (f != null) {
                    shadowed++;
                    boolean otherwise = firsts.stream().anyMatch(c -> c.access() != r.access());
                    dead += otherwise ? 1 : 0;
                    assertEquals(otherwise ? ShadowFinding.Kind.DEAD : ShadowFinding.Kind.REDUNDANT, f.kind(), context);
                    assertEquals(
                            new java.util.TreeSet<>(firsts.stream()
                                    .map(SecurityRule::qualifiedName)
                                    .toList()),
                            new java.util.TreeSet<>(f.coveringRules()),
                            context);
                }
            }
        }
        // the draws must exercise both kinds: about a third of all rules are shadowed, a tenth dead (300 samples: >100,
        // >30)
        assertTrue(
                shadowed > samples / 3 && dead > samples / 10,
                shadowed + " shadowed, " + dead + " dead in " + samples + " samples");
    }

    /** Whether {@code r} alone matches the packet (first match over it alone, ignoring the default rules). */
    private static boolean matches(SecurityRule r, long src, int sp, long dst, int dp, Protocol p) {
        return FIRST_MATCH
                .firstMatch(List.of(r), r.direction(), src, sp, dst, dp, p)
                .filter(m -> m == r)
                .isPresent();
    }

    /** "*", or a block of the first {@code size} addresses after {@code base} (an aligned /29../32). */
    private static String smallBlock(Random random, String base, int size) {
        if (random.nextInt(4) == 0) {
            return "*";
        }
        int bits = 32 - random.nextInt(Integer.numberOfTrailingZeros(size) + 1);
        int span = 1 << (32 - bits);
        int start = random.nextInt(size / span) * span;
        return base + start + "/" + bits;
    }

    /** "*", or a port or range within 1..{@code max}. */
    private static String smallPorts(Random random, int max) {
        if (random.nextInt(3) == 0) {
            return "*";
        }
        int a = 1 + random.nextInt(max);
        int b = a + random.nextInt(max - a + 1);
        return a == b ? Integer.toString(a) : a + "-" + b;
    }

    /** Rules shaped like real ones: /16–/32 sources in a few ranges, tag sources, single ports, ranges and lists. */
    static NetworkSecurityGroup randomNsg(String name, int count, Random random) {
        List<SecurityRule> rules = new ArrayList<>();
        String[] tags = {"Internet", "VirtualNetwork", "AzureLoadBalancer", "*"};
        Protocol[] protocols = {Protocol.TCP, Protocol.TCP, Protocol.UDP, Protocol.ANY};
        for (int i = 0; i < count; i++) {
            Direction direction = i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            String source = random.nextInt(10) == 0 ? tags[random.nextInt(tags.length)] : randomBlock(random);
            String destination = random.nextInt(3) == 0 ? "*" : "10.0." + random.nextInt(8) + ".0/24";
            List<String> ports =
                    switch (random.nextInt(4)) {
                        case 0 -> List.of(Integer.toString(1 + random.nextInt(2000)));
                        case 1 -> List.of("80", "443");
                        case 2 -> {
                            int from = random.nextInt(60000);
                            yield List.of(from + "-" + (from + random.nextInt(500)));
                        }
                        default -> List.of("*");
                    };
            rules.add(Rules.rule(
                    "r" + i,
                    100 + i,
                    direction,
                    random.nextInt(3) == 0 ? Access.DENY : Access.ALLOW,
                    protocols[random.nextInt(protocols.length)],
                    List.of(source),
                    List.of("*"),
                    List.of(destination),
                    ports));
        }
        return new NetworkSecurityGroup(Rules.id("networkSecurityGroups/" + name), name, "", "", rules);
    }

    /** A block of length 16, 20, 24, 28 or 32 inside 10.0.0.0/14. */
    private static String randomBlock(Random random) {
        int length = 16 + 4 * random.nextInt(5);
        long mask = (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        long base = (0x0A00_0000L | random.nextInt(1 << 18)) & mask;
        return new io.asegraph.net.Cidr(base, length).toString();
    }

    // ---- A higher rule naming a service tag that is not imported.

    @Test
    void aRuleMatchingFlowsAnUnresolvedHigherRuleCannotReachIsReachable() {
        // The tag rule can only match traffic to 10.0.0.4; the lower rule also matches traffic to 10.0.0.5, so some
        // of its flows are certainly its own whatever the tag holds.
        NetworkSecurityGroup nsg = nsg(
                "shadow-reachable",
                in("deny-tag", 100, Access.DENY, Protocol.TCP, "UnknownTag", "*", "10.0.0.4", "22"),
                in("allow-ssh", 200, Access.ALLOW, Protocol.TCP, "10.1.0.0/16", "*", "10.0.0.0/24", "22"));
        // The tag rule itself is undecidable: what it matches is unknown. The lower rule is not reported.
        assertEquals(List.of("securityRules/deny-tag UNDECIDABLE by []"), userFindings(nsg));
    }

    @Test
    void aRulePossiblyCoveredByAnUnresolvedHigherRuleIsUndecidableNamingOnlyThatRule() {
        NetworkSecurityGroup nsg = nsg(
                "shadow-undecidable",
                in("allow-admins", 100, Access.ALLOW, Protocol.TCP, "10.1.0.0/16", "*", "10.0.0.4", "22"),
                in("deny-tag", 200, Access.DENY, Protocol.TCP, "UnknownTag", "*", "10.0.0.4", "22"),
                in("allow-ten", 300, Access.ALLOW, Protocol.TCP, "10.0.0.0/8", "*", "10.0.0.4", "22"));
        assertEquals(
                List.of(
                        "securityRules/deny-tag UNDECIDABLE by [securityRules/allow-admins]",
                        "securityRules/allow-ten UNDECIDABLE by [securityRules/allow-admins]"),
                userFindings(nsg));
        ShadowFinding finding = ShadowAnalysis.analyseUserRules(nsg, Direction.INBOUND, RESOLVER)
                .get(1);
        assertEquals(ShadowFinding.Kind.UNDECIDABLE, finding.kind());
        assertEquals(List.of("securityRules/allow-admins"), finding.coveringRules());
        assertEquals(List.of("securityRules/deny-tag: service tag 'UnknownTag' is not imported"), finding.causes());
    }
}
