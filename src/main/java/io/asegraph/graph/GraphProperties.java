package io.asegraph.graph;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.ServiceEndpoint;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The properties each domain record is stored with (the graph model): the property map of a resource node per type,
 * and those of service tags, security rules, routes, peerings and connections. Pure functions of the records;
 * {@link GraphWriter} runs the statements that store them.
 */
final class GraphProperties {
    private GraphProperties() {}

    // ---- resource nodes ----------------------------------------------------------------------------------------

    /** The properties every resource node has, and no others (an ASG, a NAT gateway). */
    static Map<String, Object> resource(Resource r) {
        return props(r, Map.of());
    }

    /**
     * An unresolved placeholder ({@link io.asegraph.importing.PlaceholderRef}): its id, a name from the id, the kind
     * its references expect, and {@code unresolved: true}. No {@code nameKey}: name lookups do not find it.
     */
    static Map<String, Object> placeholder(io.asegraph.importing.PlaceholderRef p) {
        return Map.of(
                "key",
                p.id().key(),
                "id",
                p.id().value(),
                "name",
                p.name(),
                "expectedKind",
                p.kind().name(),
                "unresolved",
                true);
    }

    static Map<String, Object> virtualNetwork(VirtualNetwork v) {
        return props(v, Map.of("addressPrefixes", cidrs(v.addressSpace())));
    }

    static Map<String, Object> subnet(Subnet s) {
        return props(
                s,
                Map.of(
                        "addressPrefix",
                        s.firstPrefix().toString(),
                        "addressPrefixes",
                        cidrs(s.prefixes()),
                        "serviceEndpoints",
                        s.serviceEndpoints().stream()
                                .map(ServiceEndpoint::encode)
                                .toList(),
                        "privateEndpointNetworkPolicies",
                        s.privateEndpointNetworkPolicies().azureName()));
    }

    static Map<String, Object> nsg(NetworkSecurityGroup n) {
        return props(n, Map.of("etag", n.etag()));
    }

    static Map<String, Object> routeTable(RouteTable t) {
        return props(t, Map.of("disableBgpRoutePropagation", t.disableBgpRoutePropagation()));
    }

    static Map<String, Object> publicIp(PublicIpAddress p) {
        return props(p, opt(Map.of(), "ipAddress", p.ipAddress().map(Ipv4::format)));
    }

    static Map<String, Object> firewall(AzureFirewall f) {
        Map<String, Object> m = new HashMap<>();
        f.privateIp().ifPresent(ip -> m.put("privateIpAddress", Ipv4.format(ip)));
        f.snatPrivateRanges().ifPresent(r -> m.put("snatPrivateRanges", r));
        f.policyId().ifPresent(p -> m.put("firewallPolicy", p.value()));
        m.put("ruleCollections", FirewallRulesJson.write(f.ruleCollections()));
        return props(f, m);
    }

    static Map<String, Object> privateEndpoint(PrivateEndpoint p) {
        return props(
                p,
                Map.of(
                        "privateIpAddresses",
                        p.privateIps().stream().map(Ipv4::format).toList(),
                        "networkInterfaces",
                        p.nicIds().stream().map(ResourceId::value).toList(),
                        "targets",
                        p.targets()));
    }

    static Map<String, Object> ipGroup(IpGroup g) {
        return props(g, Map.of("ipAddresses", g.ipAddresses()));
    }

    static Map<String, Object> firewallPolicy(FirewallPolicy p) {
        Map<String, Object> m = new HashMap<>();
        p.snatPrivateRanges().ifPresent(r -> m.put("snatPrivateRanges", r));
        p.basePolicy().ifPresent(b -> m.put("basePolicy", b.value()));
        m.put(
                "ruleCollectionGroups",
                p.ruleCollectionGroupIds().stream().map(ResourceId::value).toList());
        return props(p, m);
    }

    static Map<String, Object> ruleCollectionGroup(FirewallRuleCollectionGroup g) {
        return props(
                g,
                Map.of(
                        "priority",
                        g.priority(),
                        "policy",
                        g.policyId().value(),
                        "ruleCollections",
                        FirewallRulesJson.write(g.ruleCollections())));
    }

    static Map<String, Object> nic(NetworkInterface n) {
        return props(n, Map.of("privateIpAddress", Ipv4.format(n.privateIp()), "virtualMachine", n.virtualMachine()));
    }

    static Map<String, Object> localGateway(LocalNetworkGateway l) {
        return props(
                l, Map.of("addressPrefixes", cidrs(l.addressPrefixes()), "gatewayIpAddress", l.gatewayIpAddress()));
    }

    static Map<String, Object> vnetGateway(VirtualNetworkGateway g) {
        return props(
                g,
                opt(
                        Map.of("gatewayType", g.gatewayType().azureName(), "learnedRoutes", cidrs(g.learnedRoutes())),
                        "defaultSite",
                        g.defaultSite().map(ResourceId::value)));
    }

    static Map<String, Object> ase(AppServiceEnvironment e) {
        Map<String, Object> byOs = new HashMap<>();
        if (!e.windowsOutboundAddresses().isEmpty()) {
            byOs.put("windowsOutboundAddresses", ips(e.windowsOutboundAddresses()));
        }
        if (!e.linuxOutboundAddresses().isEmpty()) {
            byOs.put("linuxOutboundAddresses", ips(e.linuxOutboundAddresses()));
        }
        return props(
                e,
                withAll(
                        byOs,
                        opt(
                                opt(
                                        Map.of(
                                                "kind",
                                                e.kind().name(),
                                                "internalLoadBalancingMode",
                                                e.internalLoadBalancingMode(),
                                                "outboundAddresses",
                                                ips(e.outboundAddresses())),
                                        "publicVip",
                                        e.publicVip().map(Ipv4::format)),
                                "internalAddress",
                                e.internalAddress().map(Ipv4::format))));
    }

    private static List<String> ips(List<Long> addresses) {
        return addresses.stream().map(Ipv4::format).toList();
    }

    private static Map<String, Object> withAll(Map<String, Object> extra, Map<String, Object> base) {
        Map<String, Object> m = new HashMap<>(base);
        m.putAll(extra);
        return m;
    }

    static Map<String, Object> app(App a) {
        return props(
                a,
                Map.of(
                        "defaultHostName",
                        a.defaultHostName(),
                        "hostNames",
                        a.hostNames(),
                        "hostNameKeys",
                        a.hostNames().stream()
                                .map(h -> h.toLowerCase(Locale.ROOT))
                                .toList()));
    }

    static Map<String, Object> endpoint(Endpoint e) {
        return props(e, opt(Map.of("addresses", cidrs(e.addresses())), "serviceTag", e.serviceTag()));
    }

    private static Map<String, Object> props(Resource r, Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(extra);
        m.put("key", r.id().key());
        m.put("id", r.id().value());
        m.put("name", r.name());
        m.put("nameKey", r.name().toLowerCase(Locale.ROOT));
        if (!r.location().isEmpty()) {
            m.put("location", r.location());
        }
        return m;
    }

    private static Map<String, Object> opt(Map<String, Object> base, String key, Optional<String> value) {
        Map<String, Object> m = new HashMap<>(base);
        value.ifPresent(v -> m.put(key, v));
        return m;
    }

    private static List<String> cidrs(Collection<Cidr> c) {
        return c.stream().map(Cidr::toString).toList();
    }

    // ---- service tags, rules, routes, peerings, connections ------------------------------------------------------

    static Map<String, Object> serviceTag(ServiceTag t) {
        return Map.<String, Object>of(
                "key",
                t.name().toLowerCase(Locale.ROOT),
                "name",
                t.name(),
                "nameKey",
                t.name().toLowerCase(Locale.ROOT),
                "region",
                t.region(),
                "systemService",
                t.systemService(),
                "changeNumber",
                t.changeNumber(),
                "addressPrefixes",
                cidrs(t.prefixes()),
                "ipv6PrefixCount",
                t.ipv6PrefixCount());
    }

    /** The rule node of {@code r} in NSG {@code n}. */
    static Map<String, Object> rule(NetworkSecurityGroup n, SecurityRule r) {
        ResourceId id = n.id().child("securityRules", r.name());
        Map<String, Object> m = new HashMap<>();
        m.put("key", id.key());
        m.put("id", id.value());
        m.put("name", r.name());
        m.put("priority", r.priority());
        m.put("direction", r.direction().azureName());
        m.put("access", r.access().azureName());
        m.put("protocol", r.protocol().azureName());
        m.put("sourcePortRanges", ports(r.sourcePorts()));
        m.put("destinationPortRanges", ports(r.destinationPorts()));
        // Empty lists and an empty description are left out (read back as empty): a rule names prefixes or
        // ASGs on each side, rarely both, and most have no description — fewer properties per rule node is
        // a measurable part of a 100,000-rule import.
        putIfAny(m, "sourceAddressPrefixes", r.sourcePrefixes());
        putIfAny(m, "destinationAddressPrefixes", r.destinationPrefixes());
        putIfAny(
                m,
                "sourceApplicationSecurityGroups",
                r.sourceAsgs().stream().map(ResourceId::value).toList());
        putIfAny(
                m,
                "destinationApplicationSecurityGroups",
                r.destinationAsgs().stream().map(ResourceId::value).toList());
        if (!r.description().isEmpty()) {
            m.put("description", r.description());
        }
        return m;
    }

    private static void putIfAny(Map<String, Object> m, String key, List<String> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }

    private static List<String> ports(List<PortRange> p) {
        return p.stream().map(r -> r.isAll() ? "*" : r.toString()).toList();
    }

    /** The route node of {@code r} in route table {@code t}. */
    static Map<String, Object> route(RouteTable t, Route r) {
        ResourceId id = t.id().child("routes", r.name());
        Map<String, Object> m = new HashMap<>();
        m.put("key", id.key());
        m.put("id", id.value());
        m.put("name", r.name());
        m.put("addressPrefix", r.addressPrefix());
        m.put("nextHopType", r.nextHopType().azureName());
        r.nextHopIp().ifPresent(ip -> m.put("nextHopIpAddress", Ipv4.format(ip)));
        return m;
    }

    /** The properties of a {@code PEERED_WITH} relationship. */
    static Map<String, Object> peering(Peering p) {
        Map<String, Object> m = new HashMap<>();
        m.put("key", p.id().key());
        m.put("id", p.id().value());
        m.put("name", p.name());
        m.put("nameKey", p.name().toLowerCase(Locale.ROOT));
        m.put("state", p.state().azureName());
        m.put("allowGatewayTransit", p.allowGatewayTransit());
        m.put("useRemoteGateways", p.useRemoteGateways());
        m.put("allowForwardedTraffic", p.allowForwardedTraffic());
        return m;
    }

    /** The properties of a {@code CONNECTS} relationship. */
    static Map<String, Object> connection(Connection c) {
        return Map.of(
                "key",
                c.id().key(),
                "id",
                c.id().value(),
                "name",
                c.name(),
                "nameKey",
                c.name().toLowerCase(Locale.ROOT),
                "type",
                c.connectionType());
    }
}
