package io.asegraph.policy;

import static io.asegraph.policy.Rules.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixResolverTest {
    private static final EvaluationContext VNET = Rules.vnet("10.0.0.0/16");
    private final PrefixResolver resolver =
            new PrefixResolver(Rules.withTags(Rules.tag("Sql.WestUS", "40.112.240.0/20", "13.86.176.0/20")), VNET);

    @ParameterizedTest
    @ValueSource(strings = {"*", "Any", "any", "ANY", "0.0.0.0/0", " * "})
    void resolvesEveryAddressSpellingToTheWholeSpace(String prefix) {
        ResolvedAddresses r = resolver.resolve(prefix);
        assertTrue(r.isResolved());
        assertTrue(r.addresses().isAll());
    }

    @ParameterizedTest
    @CsvSource({"10.0.1.0/26, 10.0.1.0/26", "10.0.1.5, 10.0.1.5/32", "192.23.1.2/32, 192.23.1.2/32"})
    void resolvesCidrsAndBareAddresses(String prefix, String expected) {
        assertEquals(List.of(expected), resolver.resolve(prefix).addresses().toCidrStrings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"VirtualNetwork", "VIRTUAL_NETWORK", "virtualnetwork"})
    void resolvesVirtualNetworkInEverySpellingToTheContextSet(String prefix) {
        assertEquals(
                List.of("10.0.0.0/16", "168.63.129.16/32"),
                resolver.resolve(prefix).display());
    }

    @Test
    void leavesVirtualNetworkUnresolvedWhenTheContextHasNoTopology() {
        PrefixResolver blind = new PrefixResolver(PolicySet.empty(), EvaluationContext.unknown());
        ResolvedAddresses r = blind.resolve("VirtualNetwork");
        assertFalse(r.isResolved());
        assertTrue(r.unresolved().get(0).contains("VirtualNetwork"));
        assertTrue(r.possible().isAll(), "an unknown set may match anything; it is never empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AzureLoadBalancer", "AZURE_LOADBALANCER", "azureloadbalancer"})
    void resolvesAzureLoadBalancerToTheHostAddress(String prefix) {
        assertEquals(
                List.of("168.63.129.16/32"),
                resolver.resolve(prefix).addresses().toCidrStrings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Internet", "INTERNET", "internet"})
    void resolvesInternetToPublicUnicastSpace(String prefix) {
        AddressSet internet = resolver.resolve(prefix).addresses();
        assertTrue(internet.contains(Ipv4.parse("13.107.21.200")));
        assertTrue(internet.contains(Ipv4.parse("172.131.0.100")));
        assertTrue(internet.contains(Ipv4.parse("192.23.1.2")));
        for (String special : List.of(
                "0.0.0.0/8",
                "10.0.0.0/8",
                "100.64.0.0/10",
                "127.0.0.0/8",
                "169.254.0.0/16",
                "172.16.0.0/12",
                "192.168.0.0/16",
                "224.0.0.0/4",
                "240.0.0.0/4")) {
            assertFalse(internet.overlaps(set(special)), special + " is not Internet");
        }
        assertEquals(
                List.of("1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6"),
                internet.toCidrStrings().subList(0, 6),
                "same first blocks as Network Watcher's expansion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sql.WestUS", "sql.westus", "SQL.WESTUS"})
    void resolvesImportedServiceTagsCaseInsensitively(String prefix) {
        assertEquals(
                List.of("13.86.176.0/20", "40.112.240.0/20"),
                resolver.resolve(prefix).addresses().toCidrStrings());
    }

    @Test
    void leavesATagThatIsNotImportedUnresolvedNamingIt() {
        ResolvedAddresses r = resolver.resolve("Storage.EastUS");
        assertFalse(r.isResolved());
        assertTrue(r.addresses().isEmpty());
        assertEquals(List.of("UNRESOLVED: service tag 'Storage.EastUS' is not imported"), r.display());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::/32", "::/0", "fe80::1"})
    void resolvesIpv6PrefixesToNothing(String prefix) {
        ResolvedAddresses r = resolver.resolve(prefix);
        assertTrue(r.isResolved());
        assertTrue(r.addresses().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5/24", "10.0.0.256", "10.0.0.0/33", ""})
    void leavesMalformedPrefixesUnresolved(String prefix) {
        assertFalse(resolver.resolve(prefix).isResolved());
    }

    @Test
    void resolvesAsgsFromTheContextAndNamesUnknownOnes() {
        ResourceId web = Rules.id("applicationSecurityGroups/AsgWeb");
        ResourceId db = Rules.id("applicationSecurityGroups/AsgDb");
        PrefixResolver withAsg =
                new PrefixResolver(PolicySet.empty(), VNET.withAsgMembers(Map.of(web, set("10.0.1.4", "10.0.1.5"))));
        assertEquals(
                List.of("10.0.1.4/31"),
                withAsg.resolveAsg(ResourceId.of(web.value().toUpperCase())).display());
        ResolvedAddresses unknown = withAsg.resolveAsg(db);
        assertFalse(unknown.isResolved());
        assertTrue(unknown.unresolved().get(0).contains("AsgDb"));
    }

    @Test
    void resolvesARuleWithOnlyPluralPrefixesToExactlyThosePrefixes() {
        SecurityRule rule = Rules.rule(
                "plural",
                100,
                Direction.INBOUND,
                Access.ALLOW,
                io.asegraph.net.Protocol.TCP,
                List.of("10.1.0.0/24", "10.3.0.7"),
                List.of("*"),
                List.of("*"),
                List.of("443"));
        assertEquals(
                List.of("10.1.0.0/24", "10.3.0.7/32"), resolver.source(rule).display());
    }

    @Test
    void leavesARuleWithoutAnySourceUnresolvedRatherThanEmpty() {
        SecurityRule rule = Rules.rule(
                "nothing",
                100,
                Direction.INBOUND,
                Access.ALLOW,
                io.asegraph.net.Protocol.TCP,
                List.of(),
                List.of("*"),
                List.of("*"),
                List.of("443"));
        assertFalse(resolver.source(rule).isResolved());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/8",
                "0.0.0.0/0",
                "0.0.0.0",
                "255.255.255.255",
                "255.255.255.255/32",
                "10.0.1.64/26",
                "192.23.1.2",
                "10.0.0.5/24",
                "01.0.0.0",
                "10.0.0.00",
                "10.0.0.0/08",
                "1.2.3",
                "1.2.3.4.5",
                "256.0.0.0",
                "1.2.3.4/",
                "1.2.3.4/33",
                "1.2.3.4/-1",
                "1.2.3.4/2a",
                "1.2.3.4x",
                "1..3.4",
                "1.2.3.4/0",
                "1000.0.0.0",
                "10.0.0.0/8/8"
            })
    void parsesCanonicalPrefixesOnTheFastPathExactlyAsTheStrictParser(String text) {
        io.asegraph.net.Cidr fast = PrefixResolver.fastBlock(text);
        io.asegraph.net.Cidr strict;
        try {
            strict = io.asegraph.net.Cidr.parsePrefix(text);
        } catch (io.asegraph.net.InvalidAddressException e) {
            strict = null;
        }
        if (fast != null) {
            assertEquals(
                    strict, fast, "the fast path accepts only what the strict parser accepts, with the same block");
        }
        if (strict != null && !text.equals("10.0.0.0/08")) {
            assertEquals(strict, fast, "canonical forms take the fast path");
        }
    }
}
