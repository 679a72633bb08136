package io.asegraph.topology;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure Firewall: where it sits (its {@code AzureFirewallSubnet} and private address, the next hop that routes
 * send to it), the public IPs it translates Internet-bound traffic to, which destinations it does not translate, and
 * its classic rule collections (network, application, NAT). A firewall managed by a firewall policy names it in
 * {@code policyId}.
 *
 * @param snatPrivateRanges the private-range setting as written ({@code additionalProperties
 *     Network.SNAT.PrivateRanges}): entries are CIDR blocks or {@code IANAPrivateRanges}; empty when not set, which
 *     means the IANA private ranges
 */
public record AzureFirewall(
        ResourceId id,
        String name,
        String location,
        Optional<ResourceId> subnetId,
        Optional<Long> privateIp,
        List<ResourceId> publicIpIds,
        Optional<List<String>> snatPrivateRanges,
        List<FirewallRuleCollection> ruleCollections,
        Optional<ResourceId> policyId)
        implements Resource {
    /** The token standing for the IANA private ranges in a private-range list. */
    public static final String IANA_PRIVATE_RANGES = "IANAPrivateRanges";

    /** RFC 1918 and RFC 6598 (shared address space): what Azure Firewall does not SNAT by default. */
    public static final AddressSet IANA_PRIVATE =
            AddressSet.parse("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");

    public AzureFirewall {
        Objects.requireNonNull(id, "id");
        location = location == null ? "" : location;
        // In id order: the graph gives them back in no fixed order, and any of them may be used anyway.
        publicIpIds = publicIpIds.stream()
                .sorted(Comparator.comparing(ResourceId::key))
                .toList();
        snatPrivateRanges = snatPrivateRanges.map(List::copyOf);
        ruleCollections = List.copyOf(ruleCollections);
    }

    /** This firewall with other public IPs (a deleted one detached). */
    public AzureFirewall withPublicIps(List<ResourceId> ips) {
        return new AzureFirewall(
                id, name, location, subnetId, privateIp, ips, snatPrivateRanges, ruleCollections, policyId);
    }

    /** This firewall with other rules: classic collections, or a policy (a document that left them out keeps them). */
    public AzureFirewall withRules(List<FirewallRuleCollection> collections, Optional<ResourceId> policy) {
        return new AzureFirewall(
                id, name, location, subnetId, privateIp, publicIpIds, snatPrivateRanges, collections, policy);
    }

    /**
     * The destinations network-rule traffic is not translated for (azure-semantics: SNAT private ranges):
     * {@code 0.0.0.0/0} means never translate, {@code 255.255.255.255/32} always.
     */
    public AddressSet notTranslated() {
        return notTranslated(snatPrivateRanges);
    }

    /** The rule collections of one kind, by priority (lower first; ties keep their order). */
    public List<FirewallRuleCollection> collections(FirewallRuleCollection.Kind kind) {
        return ofKind(ruleCollections, kind);
    }

    /**
     * The collections of one kind in processing order: by rule collection group priority, then by collection
     * priority (lower first; ties keep their order).
     */
    public static List<FirewallRuleCollection> ofKind(
            List<FirewallRuleCollection> collections, FirewallRuleCollection.Kind kind) {
        return collections.stream()
                .filter(c -> c.kind() == kind)
                .sorted(Comparator.comparingInt(FirewallRuleCollection::groupPriority)
                        .thenComparingInt(FirewallRuleCollection::priority))
                .toList();
    }

    /** The destinations a private-range list (as written) leaves untranslated; the IANA ranges when empty. */
    public static AddressSet notTranslated(Optional<List<String>> privateRanges) {
        if (privateRanges.isEmpty()) {
            return IANA_PRIVATE;
        }
        AddressSet set = AddressSet.EMPTY;
        for (String entry : privateRanges.get()) {
            String e = entry.trim();
            if (e.equalsIgnoreCase(IANA_PRIVATE_RANGES)) {
                set = set.union(IANA_PRIVATE);
            } else if (!e.equals("255.255.255.255/32") && !e.equals("255.255.255.255")) {
                set = set.union(
                        Cidr.parsePrefix(e.contains("/") ? e : e + "/32").toSet());
            }
        }
        return set;
    }
}
