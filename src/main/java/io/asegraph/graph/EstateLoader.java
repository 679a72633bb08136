package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PeeringState;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.PrivateEndpointNetworkPolicies;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.ResourceType;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.ServiceEndpoint;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Reads the whole graph, in one read transaction, into an immutable {@link Estate}: the domain records the path
 * engine works on. The mapping is strict; the graph only ever holds validated data.
 */
final class EstateLoader {
    private EstateLoader() {}

    /** The store version (0 before the first write). */
    static long version(org.neo4j.driver.SimpleQueryRunner tx) {
        return tx.run("OPTIONAL MATCH " + Labels.META_NODE + " RETURN coalesce(m.version, 0) AS v")
                .single()
                .get("v")
                .asLong();
    }

    /** Where {@link #read(SimpleQueryRunner, Sink, boolean)} puts each record it reads. */
    interface Sink {
        <T> void add(ResourceType<T> type, T record);
    }

    static Estate load(TransactionContext tx) {
        long version = version(tx);
        ResourceSet.Builder all = ResourceSet.builder();
        read(tx, all::add, false);
        ResourceSet resources = all.build();
        return new Estate(Topology.of(resources), PolicySet.of(resources), version, PlaceholderLoader.read(tx));
    }

    /**
     * Reads every resource of the store, kind by kind (in the order below, service tags last), into {@code all}, one
     * record at a time as the rows arrive. Without {@code heldBack} the resources a snapshot holds back for a
     * placeholder (a network interface in a placeholder subnet, an app on such an ASE, ...; see
     * {@link io.asegraph.estate.Unresolved}) are left out, as the snapshot needs; with it they are read too (the
     * export). Placeholders themselves are never read here.
     */
    static void read(SimpleQueryRunner tx, Sink all, boolean heldBack) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("all", heldBack);
        p.put("keys", null);
        read(tx, p, all);
    }

    /**
     * The kinds a snapshot may hold back for a placeholder ({@link io.asegraph.estate.Unresolved}): an ASE, app,
     * network interface, gateway, firewall or private endpoint. Their queries below end in a filter by {@code $keys}.
     */
    static final java.util.Set<ResourceType<?>> HELD_BACK_KINDS = java.util.Set.of(
            NetworkTypes.APP_SERVICE_ENVIRONMENT,
            NetworkTypes.APP,
            NetworkTypes.NETWORK_INTERFACE,
            NetworkTypes.VIRTUAL_NETWORK_GATEWAY,
            NetworkTypes.AZURE_FIREWALL,
            NetworkTypes.PRIVATE_ENDPOINT);

    /**
     * Reads the resources with the given keys ({@link ResourceId#key()}) among those a snapshot holds back for a
     * placeholder, as {@link #read(SimpleQueryRunner, Sink, boolean)} reads them for the export: the stored record an
     * import compares a held-back resource with. Only the held-back kinds are queried, each by key.
     */
    static void readHeldBack(SimpleQueryRunner tx, java.util.Collection<String> keys, Sink into) {
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("all", true);
        p.put("keys", List.copyOf(keys));
        read(tx, p, into);
    }

    private static void read(SimpleQueryRunner tx, Map<String, Object> p, Sink all) {
        read(
                tx,
                p,
                all,
                NetworkTypes.VIRTUAL_NETWORK,
                """
                MATCH (v:VirtualNetwork) WHERE NOT v:Unresolved RETURN v.id AS id, v.name AS name, v.location AS location, v.addressPrefixes AS prefixes""",
                r -> new VirtualNetwork(id(r, "id"), name(r), loc(r), cidrs(Values.strings(r, "prefixes"))));
        read(
                tx,
                p,
                all,
                NetworkTypes.SUBNET,
                """
                MATCH (v:VirtualNetwork)-[:HAS_SUBNET]->(s:Subnet) WHERE NOT s:Unresolved
                OPTIONAL MATCH (s)-[:SECURED_BY]->(n:NetworkSecurityGroup)
                OPTIONAL MATCH (s)-[:ROUTED_BY]->(t:RouteTable)
                OPTIONAL MATCH (s)-[:EGRESS_VIA]->(g:NatGateway)
                RETURN s.id AS id, s.name AS name, v.id AS vnet, coalesce(s.addressPrefixes, [s.addressPrefix]) AS prefixes, \
                n.id AS nsg, t.id AS rt, \
                g.id AS nat, s.serviceEndpoints AS endpoints, s.privateEndpointNetworkPolicies AS pePolicies""",
                r -> new Subnet(
                        id(r, "id"),
                        name(r),
                        id(r, "vnet"),
                        cidrs(Values.strings(r, "prefixes")),
                        optId(r, "nsg"),
                        optId(r, "rt"),
                        optId(r, "nat"),
                        Values.strings(r, "endpoints").stream()
                                .map(ServiceEndpoint::decode)
                                .toList(),
                        PrivateEndpointNetworkPolicies.parse(Values.string(r, "pePolicies", "Disabled"))));
        read(
                tx,
                p,
                all,
                NetworkTypes.PEERING,
                """
                MATCH (a:VirtualNetwork)-[p:PEERED_WITH]->(b:VirtualNetwork)
                RETURN p.id AS id, p.name AS name, a.id AS local, b.id AS remote, p.state AS state,
                       p.allowGatewayTransit AS agt, p.useRemoteGateways AS urg, p.allowForwardedTraffic AS aft""",
                r -> new Peering(
                        id(r, "id"),
                        name(r),
                        id(r, "local"),
                        id(r, "remote"),
                        PeeringState.parse(Values.string(r, "state", "Connected")),
                        Values.bool(r, "agt", false),
                        Values.bool(r, "urg", false),
                        Values.bool(r, "aft", false)));
        read(
                tx,
                p,
                all,
                NetworkTypes.APP_SERVICE_ENVIRONMENT,
                """
                MATCH (a:AppServiceEnvironment)-[:DEPLOYED_IN]->(s:Subnet) WHERE ($all OR NOT s:Unresolved) AND ($keys IS NULL OR a.key IN $keys)
                RETURN a.id AS id, a.name AS name, a.location AS location, a.kind AS kind, a.internalLoadBalancingMode AS ilb,
                       s.id AS subnet, a.publicVip AS vip, a.outboundAddresses AS outbound, a.internalAddress AS internal,
                       a.windowsOutboundAddresses AS windows, a.linuxOutboundAddresses AS linux""",
                r -> new AppServiceEnvironment(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        AseKind.parse(Values.string(r, "kind", "ASEV1")),
                        Values.string(r, "ilb", "None"),
                        id(r, "subnet"),
                        optIp(r, "vip"),
                        ips(r, "outbound"),
                        optIp(r, "internal"),
                        ips(r, "windows"),
                        ips(r, "linux")));
        read(
                tx,
                p,
                all,
                NetworkTypes.APP,
                """
                MATCH (a:App)-[:HOSTED_ON]->(e:AppServiceEnvironment) WHERE ($all OR (NOT e:Unresolved AND NOT (e)-[:DEPLOYED_IN]->(:Unresolved)))
                  AND ($keys IS NULL OR a.key IN $keys)
                RETURN a.id AS id, a.name AS name, e.id AS ase, a.defaultHostName AS host, a.hostNames AS hosts""",
                r -> new App(
                        id(r, "id"), name(r), id(r, "ase"), Values.string(r, "host", ""), Values.strings(r, "hosts")));
        read(
                tx,
                p,
                all,
                NetworkTypes.NETWORK_INTERFACE,
                """
                MATCH (n:NetworkInterface)-[:IN_SUBNET]->(s:Subnet) WHERE ($all OR NOT s:Unresolved) AND ($keys IS NULL OR n.key IN $keys)
                OPTIONAL MATCH (n)-[:SECURED_BY]->(g:NetworkSecurityGroup)
                RETURN n.id AS id, n.name AS name, n.location AS location, s.id AS subnet, n.privateIpAddress AS ip, g.id AS nsg,
                       [(n)-[:MEMBER_OF]->(a:ApplicationSecurityGroup) | a.id] AS asgs,
                       [(n)-[:HAS_PUBLIC_IP]->(p:PublicIpAddress) | p.id] AS pips, n.virtualMachine AS vm""",
                r -> new NetworkInterface(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        id(r, "subnet"),
                        Ipv4.parse(Values.string(r, "ip", "")),
                        optId(r, "nsg"),
                        ids(Values.strings(r, "asgs")),
                        ids(Values.strings(r, "pips")),
                        Values.string(r, "vm", "")));
        read(
                tx,
                p,
                all,
                NetworkTypes.ENDPOINT,
                """
                MATCH (e:Endpoint) RETURN e.id AS id, e.name AS name, e.location AS location, \
                e.addresses AS addresses, e.serviceTag AS tag""",
                r -> new Endpoint(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        Values.strings(r, "addresses").stream()
                                .map(Cidr::parsePrefix)
                                .toList(),
                        Values.string(r, "tag")));
        read(
                tx,
                p,
                all,
                NetworkTypes.ROUTE_TABLE,
                """
                MATCH (t:RouteTable) WHERE NOT t:Unresolved
                RETURN t.id AS id, t.name AS name, t.location AS location, t.disableBgpRoutePropagation AS off,
                       [(t)-[:HAS_ROUTE]->(r:Route) | r {.name, .addressPrefix, .nextHopType, .nextHopIpAddress}] AS routes""",
                r -> new RouteTable(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        Values.bool(r, "off", false),
                        r
                                .get("routes")
                                .asList(v -> new Route(
                                        v.get("name").asString(),
                                        v.get("addressPrefix").asString(),
                                        NextHopType.parse(v.get("nextHopType").asString()),
                                        v.get("nextHopIpAddress").isNull()
                                                ? Optional.empty()
                                                : Optional.of(Ipv4.parse(v.get("nextHopIpAddress")
                                                        .asString()))))
                                .stream()
                                .sorted(Comparator.comparing(Route::name))
                                .toList()));
        read(
                tx,
                p,
                all,
                NetworkTypes.VIRTUAL_NETWORK_GATEWAY,
                """
                MATCH (g:VirtualNetworkGateway)-[:IN_VNET]->(v:VirtualNetwork)
                WHERE ($all OR (NOT v:Unresolved AND NOT (g)-[:IN_SUBNET]->(:Unresolved))) AND ($keys IS NULL OR g.key IN $keys)
                RETURN g.id AS id, g.name AS name, g.location AS location, v.id AS vnet, g.gatewayType AS type, g.defaultSite AS site,
                       g.learnedRoutes AS learned""",
                r -> new VirtualNetworkGateway(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        id(r, "vnet"),
                        GatewayType.parse(Values.string(r, "type", "Vpn")),
                        optId(r, "site"),
                        cidrs(Values.strings(r, "learned"))));
        read(
                tx,
                p,
                all,
                NetworkTypes.LOCAL_NETWORK_GATEWAY,
                """
                MATCH (l:LocalNetworkGateway) WHERE NOT l:Unresolved RETURN l.id AS id, l.name AS name, l.location AS location, l.addressPrefixes AS prefixes,
                       l.gatewayIpAddress AS ip""",
                r -> new LocalNetworkGateway(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        cidrs(Values.strings(r, "prefixes")),
                        Values.string(r, "ip", "")));
        read(
                tx,
                p,
                all,
                NetworkTypes.CONNECTION,
                """
                MATCH (g:VirtualNetworkGateway)-[c:CONNECTS]->(x) \
                RETURN c.id AS id, c.name AS name, c.type AS type, g.id AS gw, x.id AS peer""",
                r -> new Connection(
                        id(r, "id"), name(r), Values.string(r, "type", "IPsec"), id(r, "gw"), id(r, "peer")));
        read(
                tx,
                p,
                all,
                NetworkTypes.NAT_GATEWAY,
                """
                MATCH (n:NatGateway) WHERE NOT n:Unresolved RETURN n.id AS id, n.name AS name, n.location AS location, \
                [(n)-[:USES]->(p:PublicIpAddress) | p.id] AS pips""",
                r -> new NatGateway(id(r, "id"), name(r), loc(r), ids(Values.strings(r, "pips"))));
        read(
                tx,
                p,
                all,
                NetworkTypes.AZURE_FIREWALL,
                """
                MATCH (f:AzureFirewall) WHERE ($all OR NOT (f)-[:IN_SUBNET]->(:Unresolved)) AND ($keys IS NULL OR f.key IN $keys) RETURN f.id AS id, f.name AS name, f.location AS location, \
                f.privateIpAddress AS ip, f.snatPrivateRanges AS ranges, f.firewallPolicy AS policy, \
                f.ruleCollections AS rules, [(f)-[:IN_SUBNET]->(s:Subnet) | s.id][0] AS subnet, \
                [(f)-[:USES]->(p:PublicIpAddress) | p.id] AS pips""",
                r -> new AzureFirewall(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        optId(r, "subnet"),
                        optIp(r, "ip"),
                        ids(Values.strings(r, "pips")),
                        r.get("ranges").isNull() ? Optional.empty() : Optional.of(Values.strings(r, "ranges")),
                        FirewallRulesJson.read(Values.string(r, "rules", "")),
                        optId(r, "policy")));
        read(
                tx,
                p,
                all,
                NetworkTypes.FIREWALL_POLICY,
                """
                MATCH (p:FirewallPolicy) RETURN p.id AS id, p.name AS name, p.location AS location, \
                p.snatPrivateRanges AS ranges, p.basePolicy AS base, p.ruleCollectionGroups AS groups""",
                r -> new FirewallPolicy(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        r.get("ranges").isNull() ? Optional.empty() : Optional.of(Values.strings(r, "ranges")),
                        optId(r, "base"),
                        ids(Values.strings(r, "groups"))));
        read(
                tx,
                p,
                all,
                NetworkTypes.IP_GROUP,
                """
                MATCH (g:IpGroup) RETURN g.id AS id, g.name AS name, g.location AS location, g.ipAddresses AS ips""",
                r -> new IpGroup(id(r, "id"), name(r), loc(r), Values.strings(r, "ips")));
        read(
                tx,
                p,
                all,
                NetworkTypes.PRIVATE_ENDPOINT,
                """
                MATCH (p:PrivateEndpoint)-[:IN_SUBNET]->(s:Subnet) WHERE ($all OR NOT s:Unresolved) AND ($keys IS NULL OR p.key IN $keys)
                RETURN p.id AS id, p.name AS name, p.location AS location, s.id AS subnet, p.networkInterfaces AS nics,
                       p.privateIpAddresses AS ips, p.targets AS targets""",
                r -> new PrivateEndpoint(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        id(r, "subnet"),
                        ids(Values.strings(r, "nics")),
                        Values.strings(r, "ips").stream().map(Ipv4::parse).toList(),
                        Values.strings(r, "targets")));
        read(
                tx,
                p,
                all,
                NetworkTypes.RULE_COLLECTION_GROUP,
                """
                MATCH (g:FirewallRuleCollectionGroup) RETURN g.id AS id, g.name AS name, g.policy AS policy, \
                g.priority AS priority, g.ruleCollections AS rules""",
                r -> new FirewallRuleCollectionGroup(
                        id(r, "id"),
                        name(r),
                        id(r, "policy"),
                        r.get("priority").asInt(),
                        FirewallRulesJson.read(Values.string(r, "rules", ""))));
        read(
                tx,
                p,
                all,
                NetworkTypes.PUBLIC_IP_ADDRESS,
                """
                MATCH (p:PublicIpAddress) WHERE NOT p:Unresolved RETURN p.id AS id, p.name AS name, p.location AS location, p.ipAddress AS ip""",
                r -> new PublicIpAddress(id(r, "id"), name(r), loc(r), optIp(r, "ip")));
        read(
                tx,
                p,
                all,
                PolicyTypes.NETWORK_SECURITY_GROUP,
                """
                MATCH (n:NetworkSecurityGroup) WHERE NOT n:Unresolved
                RETURN n.id AS id, n.name AS name, n.location AS location, n.etag AS etag,
                       [(n)-[:HAS_RULE]->(r:SecurityRule) | r {.*}] AS rules""",
                r -> new NetworkSecurityGroup(
                        id(r, "id"),
                        name(r),
                        loc(r),
                        Values.string(r, "etag", ""),
                        r.get("rules").asList(v -> rule(v)).stream()
                                .sorted(Comparator.comparingInt(SecurityRule::priority)
                                        .thenComparing(SecurityRule::name))
                                .toList()));
        read(
                tx,
                p,
                all,
                PolicyTypes.APPLICATION_SECURITY_GROUP,
                """
                MATCH (a:ApplicationSecurityGroup) WHERE NOT a:Unresolved RETURN a.id AS id, a.name AS name, a.location AS location""",
                r -> new ApplicationSecurityGroup(id(r, "id"), name(r), loc(r)));
        read(
                tx,
                p,
                all,
                PolicyTypes.SERVICE_TAGS,
                """
                MATCH (t:ServiceTag) RETURN t.name AS name, t.region AS region, t.systemService AS service, t.changeNumber AS change,
                       t.addressPrefixes AS prefixes, t.ipv6PrefixCount AS v6""",
                r -> new ServiceTag(
                        name(r),
                        Values.string(r, "region", ""),
                        Values.string(r, "service", ""),
                        Values.number(r, "change", 0),
                        cidrs(Values.strings(r, "prefixes")),
                        (int) Values.number(r, "v6", 0)));
    }

    static SecurityRule rule(Value v) {
        return new SecurityRule(
                v.get("name").asString(),
                v.get("priority").asInt(),
                Direction.parse(v.get("direction").asString()),
                Access.parse(v.get("access").asString()),
                Protocol.parse(v.get("protocol").asString()),
                strings(v, "sourceAddressPrefixes"),
                ports(strings(v, "sourcePortRanges")),
                strings(v, "destinationAddressPrefixes"),
                ports(strings(v, "destinationPortRanges")),
                ids(strings(v, "sourceApplicationSecurityGroups")),
                ids(strings(v, "destinationApplicationSecurityGroups")),
                v.get("description").isNull() ? "" : v.get("description").asString(),
                false);
    }

    private static List<String> strings(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? List.of() : x.asList(Value::asString);
    }

    private static List<PortRange> ports(List<String> s) {
        return s.stream().map(PortRange::parse).toList();
    }

    /** Adds a record of {@code type} for every row {@code cypher} returns, in their order. */
    private static <T> void read(
            SimpleQueryRunner tx,
            Map<String, Object> parameters,
            Sink all,
            ResourceType<T> type,
            String cypher,
            Function<Record, T> f) {
        if (parameters.get("keys") != null && !HELD_BACK_KINDS.contains(type)) {
            return; // never held back: not asked for
        }
        tx.run(cypher, parameters).forEachRemaining(r -> all.add(type, f.apply(r)));
    }

    private static ResourceId id(Record r, String key) {
        return ResourceId.of(
                Values.string(r, key).orElseThrow(() -> new IllegalStateException("graph record without " + key)));
    }

    private static Optional<ResourceId> optId(Record r, String key) {
        return Values.string(r, key).filter(s -> !s.isBlank()).map(ResourceId::of);
    }

    private static Optional<Long> optIp(Record r, String key) {
        return Values.string(r, key).filter(s -> !s.isBlank()).map(Ipv4::parse);
    }

    private static List<Long> ips(Record r, String key) {
        return Values.strings(r, key).stream().map(Ipv4::parse).toList();
    }

    private static String name(Record r) {
        return Values.string(r, "name", "");
    }

    private static String loc(Record r) {
        return Values.string(r, "location", "");
    }

    private static List<ResourceId> ids(List<String> s) {
        return s.stream().map(ResourceId::of).toList();
    }

    private static List<Cidr> cidrs(List<String> s) {
        return s.stream().filter(x -> !Ipv4.isIpv6(x)).map(Cidr::parsePrefix).toList();
    }
}
