package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An immutable snapshot of NSGs, application security groups and imported service tags. */
public final class PolicySet {
    private final Map<ResourceId, NetworkSecurityGroup> nsgs = new LinkedHashMap<>();
    private final Map<ResourceId, ApplicationSecurityGroup> asgs = new LinkedHashMap<>();
    private final Map<String, ServiceTag> tags = new LinkedHashMap<>();
    private final Map<String, AddressSet> tagAddresses = new ConcurrentHashMap<>();

    public PolicySet(
            Collection<NetworkSecurityGroup> nsgs,
            Collection<ApplicationSecurityGroup> asgs,
            Collection<ServiceTag> tags) {
        nsgs.forEach(n -> this.nsgs.put(n.id(), n));
        asgs.forEach(a -> this.asgs.put(a.id(), a));
        tags.forEach(t -> this.tags.put(t.name().toLowerCase(Locale.ROOT), t));
    }

    /**
     * Takes {@code other}'s cached tag expansions when both hold the same tag records (the same objects, in the same
     * order): a policy set derived from another by an NSG change does not expand its service tags again. A cache only:
     * the answers are the same either way.
     */
    public void adoptTagExpansions(PolicySet other) {
        if (other == this || other.tags.size() != tags.size()) {
            return;
        }
        java.util.Iterator<ServiceTag> mine = tags.values().iterator();
        for (ServiceTag t : other.tags.values()) {
            if (mine.next() != t) {
                return;
            }
        }
        other.tagAddresses.forEach(tagAddresses::putIfAbsent);
    }

    /** The policy records in {@code resources} (NSGs, ASGs and service tags; the network kinds are left out). */
    public static PolicySet of(ResourceSet resources) {
        return new PolicySet(
                resources.of(PolicyTypes.NETWORK_SECURITY_GROUP),
                resources.of(PolicyTypes.APPLICATION_SECURITY_GROUP),
                resources.of(PolicyTypes.SERVICE_TAGS));
    }

    public static PolicySet empty() {
        return new PolicySet(List.of(), List.of(), List.of());
    }

    public Collection<NetworkSecurityGroup> nsgs() {
        return Collections.unmodifiableCollection(nsgs.values());
    }

    public Collection<ApplicationSecurityGroup> asgs() {
        return Collections.unmodifiableCollection(asgs.values());
    }

    public Collection<ServiceTag> serviceTags() {
        return Collections.unmodifiableCollection(tags.values());
    }

    /** The records of this snapshot by kind: each NSG and ASG id once, each tag name once (case-insensitive). */
    public ResourceSet resources() {
        return ResourceSet.builder()
                .addAll(PolicyTypes.NETWORK_SECURITY_GROUP, nsgs.values())
                .addAll(PolicyTypes.APPLICATION_SECURITY_GROUP, asgs.values())
                .addAll(PolicyTypes.SERVICE_TAGS, tags.values())
                .build();
    }

    public Optional<NetworkSecurityGroup> nsg(ResourceId id) {
        return Optional.ofNullable(nsgs.get(id));
    }

    public Optional<ApplicationSecurityGroup> asg(ResourceId id) {
        return Optional.ofNullable(asgs.get(id));
    }

    /** An imported tag by name, case-insensitive (e.g. {@code Sql.WestUS}). */
    public Optional<ServiceTag> serviceTag(String name) {
        return Optional.ofNullable(tags.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The IPv4 addresses of an imported tag as one set, case-insensitive; built once per tag and cached (a full
     * Service Tags file has tags with thousands of prefixes). Empty when the tag is not imported.
     */
    public Optional<AddressSet> serviceTagAddresses(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        ServiceTag tag = tags.get(key);
        if (tag == null) {
            return Optional.empty();
        }
        return Optional.of(tagAddresses.computeIfAbsent(key, k -> AddressSet.of(tag.prefixes())));
    }
}
