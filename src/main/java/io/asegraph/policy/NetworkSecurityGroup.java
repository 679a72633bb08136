package io.asegraph.policy;

import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import java.util.List;

/** An NSG with its user rules; the default rules are {@link DefaultRules#ALL} and not stored per NSG. */
public record NetworkSecurityGroup(ResourceId id, String name, String location, String etag, List<SecurityRule> rules)
        implements Resource {
    public NetworkSecurityGroup {
        rules = List.copyOf(rules);
        location = location == null ? "" : location;
        etag = etag == null ? "" : etag;
    }
}
