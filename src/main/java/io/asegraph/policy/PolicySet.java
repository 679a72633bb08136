package io.asegraph.policy;

import io.asegraph.topology.ResourceId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of NSGs, application security groups and imported service tags. */
public final class PolicySet {
    private final Map<ResourceId, NetworkSecurityGroup> nsgs = new LinkedHashMap<>();
    private final Map<ResourceId, ApplicationSecurityGroup> asgs = new LinkedHashMap<>();
    private final Map<String, ServiceTag> tags = new LinkedHashMap<>();

    public PolicySet(Collection<NetworkSecurityGroup> nsgs, Collection<ApplicationSecurityGroup> asgs, Collection<ServiceTag> tags) {
        nsgs.forEach(n -> this.nsgs.put(n.id(), n));
        asgs.forEach(a -> this.asgs.put(a.id(), a));
        tags.forEach(t -> this.tags.put(t.name().toLowerCase(Locale.ROOT), t));
    }

    public static PolicySet empty() {
        return new PolicySet(java.util.List.of(), java.util.List.of(), java.util.List.of());
    }

    public Collection<NetworkSecurityGroup> nsgs() { return Collections.unmodifiableCollection(nsgs.values()); }
    public Collection<ApplicationSecurityGroup> asgs() { return Collections.unmodifiableCollection(asgs.values()); }
    public Collection<ServiceTag> serviceTags() { return Collections.unmodifiableCollection(tags.values()); }

    public Optional<NetworkSecurityGroup> nsg(ResourceId id) { return Optional.ofNullable(nsgs.get(id)); }
    public Optional<ApplicationSecurityGroup> asg(ResourceId id) { return Optional.ofNullable(asgs.get(id)); }

    /** An imported tag by name, case-insensitive (e.g. {@code Sql.WestUS}). */
    public Optional<ServiceTag> serviceTag(String name) {
        return Optional.ofNullable(tags.get(name.toLowerCase(Locale.ROOT)));
    }
}
