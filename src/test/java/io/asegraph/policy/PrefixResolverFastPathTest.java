package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of {@link PrefixResolver} for canonical IPv4 blocks must accept them with the strict parser's result
 * (every digit, one- to three-digit octets, one- and two-digit prefix lengths), and leave everything else to the
 * strict parser; and how application security groups resolve.
 */
class PrefixResolverFastPathTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0/0",
                "0.0.0.0",
                "10.0.0.0/8",
                "10.0.0.0/9",
                "10.0.0.0/10",
                "100.64.0.0/10",
                "172.16.0.0/12",
                "192.168.100.0/24",
                "198.51.100.0/29",
                "203.0.113.7",
                "255.255.255.255",
                "255.255.255.255/32",
                "9.9.9.9",
                "1.23.45.67",
                "88.99.77.66/31"
            })
    void acceptsCanonicalBlocksWithTheStrictParsersResult(String text) {
        Cidr fast = PrefixResolver.fastBlock(text);
        assertEquals(Cidr.parsePrefix(text), fast, text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "*",
                "Internet",
                "::1",
                "2001:db8::/32",
                "0.0.0.0/",
                "10.0.0.0/",
                "10.0.0.0/08",
                "10.0.0.0/123",
                "10.0.0.0/33",
                "10.0.0.0/8x",
                "10.0.0.0 /8",
                "010.0.0.0/8",
                "1000.0.0.0/8",
                "256.0.0.0/8",
                "10.0.0",
                "10.0.0.",
                "10.0.0.0.0",
                "10.0.0.5/24",
                "10..0.0/8"
            })
    void leavesEverythingElseToTheStrictParser(String text) {
        assertNull(PrefixResolver.fastBlock(text), text);
    }

    private static SecurityRule inboundFrom(List<String> sources) {
        return Rules.rule(
                "sources",
                100,
                Direction.INBOUND,
                Access.ALLOW,
                Protocol.TCP,
                sources,
                List.of("*"),
                List.of("*"),
                List.of("443"));
    }

    /** The only unresolved cause of {@code a}, which must be unresolved. */
    private static String onlyCause(ResolvedAddresses a) {
        assertFalse(a.isResolved());
        assertEquals(1, a.unresolved().size(), a.unresolved().toString());
        return a.unresolved().get(0);
    }

    @Test
    void resolvesWhatTheFastPathLeavesOutThroughTheStrictParser() {
        // A prefix length with a leading zero is not canonical (no fast path) but the strict parser accepts it.
        PrefixResolver r = new PrefixResolver(PolicySet.empty(), EvaluationContext.unknown());
        assertNull(PrefixResolver.fastBlock("10.0.0.0/08"));
        assertEquals(ResolvedAddresses.of(AddressSet.parse("10.0.0.0/8")), r.resolve("10.0.0.0/08"));
        assertEquals(
                ResolvedAddresses.of(AddressSet.parse("10.0.0.0/8", "192.168.0.0/24")),
                r.source(inboundFrom(List.of("10.0.0.0/08", "192.168.0.0/24"))));
    }

    @Test
    void resolvesAPrefixListOfBlocksTagsAndAddressesToTheirUnion() {
        PrefixResolver r =
                new PrefixResolver(Rules.withTags(Rules.tag("Sql", "13.64.0.0/16")), Rules.vnet("10.0.0.0/16"));
        SecurityRule rule =
                inboundFrom(List.of("192.168.0.0/24", "Sql", " 192.168.1.0/24 ", "172.16.0.1", "2001:db8::/32"));
        ResolvedAddresses src = r.source(rule);
        assertTrue(src.isResolved());
        assertEquals(AddressSet.parse("192.168.0.0/23", "13.64.0.0/16", "172.16.0.1/32"), src.addresses());
    }

    @Test
    void aMalformedBlockInAListIsUnresolvedWithoutLosingTheOthers() {
        PrefixResolver r = new PrefixResolver(PolicySet.empty(), Rules.vnet("10.0.0.0/16"));
        SecurityRule rule = inboundFrom(List.of("192.168.0.0/24", "10.0.0.5/24"));
        ResolvedAddresses src = r.source(rule);
        assertEquals(AddressSet.parse("192.168.0.0/24"), src.addresses());
        String cause = onlyCause(src);
        assertTrue(cause.contains("'10.0.0.5/24' is not a valid address prefix"), cause);
    }

    @Test
    void anAsgThatIsNotImportedIsUnresolvedAndSaysHowToImportIt() {
        ResourceId asg = Rules.id("applicationSecurityGroups/fast-path-missing");
        ResolvedAddresses a = new PrefixResolver(PolicySet.empty(), EvaluationContext.unknown()).resolveAsg(asg);
        String cause = onlyCause(a);
        assertTrue(cause.contains("'fast-path-missing'") && cause.contains("is not imported"), cause);
    }

    @Test
    void anImportedAsgWithoutKnownMembersIsUnresolvedWithoutClaimingItIsMissing() {
        ResourceId asg = Rules.id("applicationSecurityGroups/fast-path-empty");
        PolicySet policies = new PolicySet(
                List.of(), List.of(new ApplicationSecurityGroup(asg, "fast-path-empty", "westus")), List.of());
        ResolvedAddresses a = new PrefixResolver(policies, EvaluationContext.unknown()).resolveAsg(asg);
        String cause = onlyCause(a);
        assertEquals(AddressSet.EMPTY, a.addresses());
        assertTrue(cause.contains("its members are not known") && !cause.contains("not imported"), cause);
    }

    @Test
    void anAsgWithKnownMembersResolvesToThem() {
        ResourceId asg = Rules.id("applicationSecurityGroups/fast-path-web");
        AddressSet members = AddressSet.parse("10.0.1.4/32", "10.0.1.5/32");
        EvaluationContext context = EvaluationContext.unknown().withAsgMembers(Map.of(asg, members));
        ResolvedAddresses a = new PrefixResolver(PolicySet.empty(), context).resolveAsg(asg);
        assertTrue(a.isResolved());
        assertEquals(members, a.addresses());
    }

    @Test
    void exposesItsPoliciesAndContext() {
        PolicySet policies = PolicySet.empty();
        EvaluationContext context = EvaluationContext.unknown();
        PrefixResolver r = new PrefixResolver(policies, context);
        assertSame(policies, r.policies());
        assertSame(context, r.context());
        assertSame(r, new NsgEvaluator(r).resolver());
    }
}
