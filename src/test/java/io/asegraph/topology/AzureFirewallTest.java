package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AzureFirewall}: the SNAT private-range setting (Azure Firewall "SNAT private IP address ranges": the IANA
 * private ranges by default, {@code 0.0.0.0/0} never translates, {@code 255.255.255.255/32} always), the order of
 * rule collections, and its copies with other public IPs or rules.
 */
class AzureFirewallTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";
    static final ResourceId FW = ResourceId.of(NET + "/azureFirewalls/fw");

    static FirewallRuleCollection collection(String name, FirewallRuleCollection.Kind kind, int priority, int group) {
        return new FirewallRuleCollection(name, kind, priority, FirewallRuleCollection.Action.ALLOW, List.of())
                .inGroup(group);
    }

    static AzureFirewall firewall(Optional<List<String>> ranges, List<FirewallRuleCollection> collections) {
        return new AzureFirewall(
                FW,
                "fw",
                null,
                Optional.of(ResourceId.of(NET + "/virtualNetworks/hub/subnets/AzureFirewallSubnet")),
                Optional.of(Ipv4.parse("10.0.1.4")),
                List.of(),
                ranges,
                collections,
                Optional.empty());
    }

    static AddressSet notTranslated(String... entries) {
        return AzureFirewall.notTranslated(Optional.of(List.of(entries)));
    }

    @Test
    void withoutTheSettingTheIanaPrivateRangesAreNotTranslated() {
        AddressSet set = firewall(Optional.empty(), List.of()).notTranslated();
        assertEquals(AddressSet.parse("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"), set);
    }

    @Test
    void theIanaTokenStandsForTheIanaRangesInAnyCase() {
        assertEquals(AzureFirewall.IANA_PRIVATE, notTranslated(" ianaprivateranges "));
        assertEquals(
                AzureFirewall.IANA_PRIVATE.union(AddressSet.parse("20.0.0.0/8")),
                notTranslated("IANAPrivateRanges", "20.0.0.0/8"));
    }

    @Test
    void zeroSlashZeroMeansNeverTranslate() {
        assertTrue(notTranslated("0.0.0.0/0").isAll());
    }

    @Test
    void theBroadcastAddressMeansAlwaysTranslate() {
        assertTrue(notTranslated("255.255.255.255/32").isEmpty());
        assertTrue(notTranslated("255.255.255.255").isEmpty());
        assertEquals(AddressSet.parse("192.168.0.0/16"), notTranslated("255.255.255.255/32", "192.168.0.0/16"));
    }

    @Test
    void anAddressWithoutLengthIsOneHost() {
        assertEquals(AddressSet.parse("10.1.2.3/32"), notTranslated(" 10.1.2.3 "));
    }

    @Test
    void anEmptyListTranslatesEverything() {
        assertTrue(notTranslated().isEmpty());
        assertTrue(firewall(Optional.of(List.of()), List.of()).notTranslated().isEmpty());
    }

    @Test
    void collectionsOfAKindComeByGroupPriorityThenPriority() {
        FirewallRuleCollection a = collection("a", FirewallRuleCollection.Kind.NETWORK, 100, 500);
        FirewallRuleCollection b = collection("b", FirewallRuleCollection.Kind.NETWORK, 300, 200);
        FirewallRuleCollection c = collection("c", FirewallRuleCollection.Kind.NETWORK, 200, 200);
        FirewallRuleCollection app = collection("app", FirewallRuleCollection.Kind.APPLICATION, 100, 100);
        AzureFirewall fw = firewall(Optional.empty(), List.of(a, b, app, c));
        assertEquals(
                List.of("c", "b", "a"),
                fw.collections(FirewallRuleCollection.Kind.NETWORK).stream()
                        .map(FirewallRuleCollection::name)
                        .toList());
        assertEquals(List.of(app), fw.collections(FirewallRuleCollection.Kind.APPLICATION));
        assertEquals(List.of(), fw.collections(FirewallRuleCollection.Kind.NAT));
    }

    @Test
    void aFirewallWithoutLocationHasAnEmptyOne() {
        assertEquals("", firewall(Optional.empty(), List.of()).location());
    }

    @Test
    void publicIpsAreKeptInIdOrder() {
        ResourceId p2 = ResourceId.of(NET + "/publicIPAddresses/pip2");
        ResourceId p1 = ResourceId.of(NET + "/publicIPAddresses/PIP1");
        AzureFirewall fw = firewall(Optional.empty(), List.of()).withPublicIps(List.of(p2, p1));
        assertEquals(List.of(p1, p2), fw.publicIpIds());
        assertEquals(FW, fw.id());
        assertEquals(Optional.of(Ipv4.parse("10.0.1.4")), fw.privateIp());
    }

    @Test
    void withRulesReplacesTheCollectionsAndThePolicy() {
        FirewallRuleCollection a = collection("a", FirewallRuleCollection.Kind.NAT, 100, 0);
        ResourceId policy = ResourceId.of(NET + "/firewallPolicies/fp");
        AzureFirewall fw =
                firewall(Optional.of(List.of("0.0.0.0/0")), List.of()).withRules(List.of(a), Optional.of(policy));
        assertEquals(List.of(a), fw.ruleCollections());
        assertEquals(Optional.of(policy), fw.policyId());
        assertTrue(fw.notTranslated().isAll());
    }
}
