package io.asegraph.policy;

import io.asegraph.net.Cidr;
import java.util.List;

/**
 * An imported service tag (a {@code values[]} entry of a Service Tags file). {@code prefixes} are the IPv4 prefixes;
 * IPv6 prefixes are counted in {@code ipv6PrefixCount} and never match an IPv4 flow.
 */
public record ServiceTag(
        String name, String region, String systemService, long changeNumber, List<Cidr> prefixes, int ipv6PrefixCount) {
    public ServiceTag {
        prefixes = List.copyOf(prefixes);
        region = region == null ? "" : region;
        systemService = systemService == null ? "" : systemService;
    }
}
