package io.asegraph.graph;

import io.asegraph.importing.PlaceholderRef;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Peering;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes validated domain records into the graph inside the caller's write transaction, in chunks of
 * {@link #CHUNK} rows per {@code UNWIND $rows} statement: first the removals of the batch, then upserts by key with
 * exact replacement (a node's properties are replaced whole; its outgoing references, an NSG's rules and a route
 * table's routes are rebuilt), then the store version is bumped. It writes only what it is given; the caller passes
 * the resources that changed. Progress is reported after every chunk, in records (resources, rules, routes and
 * removals). What each record's node or relationship holds is {@link GraphProperties}'s.
 */
final class GraphWriter {
    static final int CHUNK = 2_000;

    private final GraphStore.WriteTransaction tx;
    private final ImportProgress progress;
    private long done;
    private long total;
    private Set<ResourceId> created = Set.of();

    GraphWriter(GraphStore.WriteTransaction tx) {
        this(tx, ImportProgress.NONE);
    }

    GraphWriter(GraphStore.WriteTransaction tx, ImportProgress progress) {
        this.tx = tx;
        this.progress = progress;
    }

    /** Resources, rules, routes and removals of a batch: the units progress is counted in. */
    static long records(ImportBatch b) {
        return b.size()
                + b.removalCount()
                + b.placeholders().size()
                + b.of(PolicyTypes.NETWORK_SECURITY_GROUP).stream()
                        .mapToLong(n -> n.rules().size())
                        .sum()
                + b.of(NetworkTypes.ROUTE_TABLE).stream()
                        .mapToLong(t -> t.routes().size())
                        .sum();
    }

    /** Writes {@code b} and returns the store version it bumped to, recording {@code change} with it. */
    long write(ImportBatch b, ChangeRecord.Pending change) {
        writeRecords(b);
        return bumpVersion(change.properties());
    }

    /** Writes {@code b} without bumping the version (the statements {@link StagedWrite#plan} records). */
    void writeRecords(ImportBatch b) {
        created = b.created();
        done = 0;
        total = records(b);
        removals(b.removals());
        placeholders(b.placeholders());
        nodes(Labels.VIRTUAL_NETWORK, b.of(NetworkTypes.VIRTUAL_NETWORK), GraphProperties::virtualNetwork);
        nodes(Labels.SUBNET, b.of(NetworkTypes.SUBNET), GraphProperties::subnet);
        nodes(Labels.NSG, b.of(PolicyTypes.NETWORK_SECURITY_GROUP), GraphProperties::nsg);
        nodes(Labels.ROUTE_TABLE, b.of(NetworkTypes.ROUTE_TABLE), GraphProperties::routeTable);
        nodes(Labels.ASG, b.of(PolicyTypes.APPLICATION_SECURITY_GROUP), GraphProperties::resource);
        nodes(Labels.PUBLIC_IP, b.of(NetworkTypes.PUBLIC_IP_ADDRESS), GraphProperties::publicIp);
        nodes(Labels.NAT_GATEWAY, b.of(NetworkTypes.NAT_GATEWAY), GraphProperties::resource);
        nodes(Labels.NIC, b.of(NetworkTypes.NETWORK_INTERFACE), GraphProperties::nic);
        nodes(Labels.LOCAL_GATEWAY, b.of(NetworkTypes.LOCAL_NETWORK_GATEWAY), GraphProperties::localGateway);
        nodes(Labels.VNET_GATEWAY, b.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY), GraphProperties::vnetGateway);
        nodes(Labels.ASE, b.of(NetworkTypes.APP_SERVICE_ENVIRONMENT), GraphProperties::ase);
        nodes(Labels.APP, b.of(NetworkTypes.APP), GraphProperties::app);
        nodes(Labels.ENDPOINT, b.of(NetworkTypes.ENDPOINT), GraphProperties::endpoint);
        nodes(Labels.AZURE_FIREWALL, b.of(NetworkTypes.AZURE_FIREWALL), GraphProperties::firewall);
        nodes(Labels.FIREWALL_POLICY, b.of(NetworkTypes.FIREWALL_POLICY), GraphProperties::firewallPolicy);
        nodes(Labels.IP_GROUP, b.of(NetworkTypes.IP_GROUP), GraphProperties::ipGroup);
        nodes(Labels.PRIVATE_ENDPOINT, b.of(NetworkTypes.PRIVATE_ENDPOINT), GraphProperties::privateEndpoint);
        nodes(
                Labels.RULE_COLLECTION_GROUP,
                b.of(NetworkTypes.RULE_COLLECTION_GROUP),
                GraphProperties::ruleCollectionGroup);
        serviceTags(b.of(PolicyTypes.SERVICE_TAGS));

        links("VirtualNetwork", "HAS_SUBNET", "Subnet", b.of(NetworkTypes.SUBNET), s -> s.vnetId(), true);
        relink(Labels.SUBNET, "SECURED_BY", Labels.NSG, b.of(NetworkTypes.SUBNET), s -> s.nsgId().stream()
                .toList());
        relink(Labels.SUBNET, "ROUTED_BY", Labels.ROUTE_TABLE, b.of(NetworkTypes.SUBNET), s -> s.routeTableId().stream()
                .toList());
        relink(
                Labels.SUBNET,
                "EGRESS_VIA",
                Labels.NAT_GATEWAY,
                b.of(NetworkTypes.SUBNET),
                s -> s.natGatewayId().stream().toList());
        relink(
                Labels.NIC,
                "IN_SUBNET",
                Labels.SUBNET,
                b.of(NetworkTypes.NETWORK_INTERFACE),
                n -> List.of(n.subnetId()));
        relink(
                Labels.PRIVATE_ENDPOINT,
                "IN_SUBNET",
                Labels.SUBNET,
                b.of(NetworkTypes.PRIVATE_ENDPOINT),
                p -> List.of(p.subnetId()));
        relink(Labels.NIC, "SECURED_BY", Labels.NSG, b.of(NetworkTypes.NETWORK_INTERFACE), n -> n.nsgId().stream()
                .toList());
        relink(Labels.NIC, "MEMBER_OF", Labels.ASG, b.of(NetworkTypes.NETWORK_INTERFACE), NetworkInterface::asgIds);
        relink(
                Labels.NIC,
                "HAS_PUBLIC_IP",
                Labels.PUBLIC_IP,
                b.of(NetworkTypes.NETWORK_INTERFACE),
                NetworkInterface::publicIpIds);
        relink(Labels.NAT_GATEWAY, "USES", Labels.PUBLIC_IP, b.of(NetworkTypes.NAT_GATEWAY), NatGateway::publicIpIds);
        relink(
                Labels.VNET_GATEWAY,
                "IN_VNET",
                Labels.VIRTUAL_NETWORK,
                b.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY),
                g -> List.of(g.vnetId()));
        // Its GatewaySubnet and default site, so that a placeholder for either keeps the gateway as its referrer.
        relink(
                Labels.VNET_GATEWAY,
                "IN_SUBNET",
                Labels.SUBNET,
                b.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY),
                g -> List.of(g.subnetId()));
        relink(
                Labels.VNET_GATEWAY,
                "DEFAULT_SITE",
                Labels.LOCAL_GATEWAY,
                b.of(NetworkTypes.VIRTUAL_NETWORK_GATEWAY),
                g -> g.defaultSite().stream().toList());
        relink(
                Labels.ASE,
                "DEPLOYED_IN",
                Labels.SUBNET,
                b.of(NetworkTypes.APP_SERVICE_ENVIRONMENT),
                e -> List.of(e.subnetId()));
        relink(Labels.APP, "HOSTED_ON", Labels.ASE, b.of(NetworkTypes.APP), a -> List.of(a.aseId()));
        relink(
                Labels.AZURE_FIREWALL,
                "IN_SUBNET",
                Labels.SUBNET,
                b.of(NetworkTypes.AZURE_FIREWALL),
                f -> f.subnetId().stream().toList());
        relink(
                Labels.AZURE_FIREWALL,
                "USES",
                Labels.PUBLIC_IP,
                b.of(NetworkTypes.AZURE_FIREWALL),
                AzureFirewall::publicIpIds);
        rules(b.of(PolicyTypes.NETWORK_SECURITY_GROUP));
        routes(b.of(NetworkTypes.ROUTE_TABLE));
        peerings(b.of(NetworkTypes.PEERING));
        connections(b.of(NetworkTypes.CONNECTION));
        // A placeholder nothing refers to any more (its NIC deleted, or reimported naming another subnet) goes. A
        // connection may start at one (its gateway), and security rules name ASGs by id, without a relationship.
        run(
                "UNWIND $rows AS x MATCH (n:" + Labels.UNRESOLVED + ") WHERE NOT (n)--() AND NOT (n:" + Labels.ASG
                        + " AND EXISTS { MATCH (r:SecurityRule) WHERE any(a IN coalesce(r.sourceApplicationSecurityGroups,"
                        + " []) + coalesce(r.destinationApplicationSecurityGroups, []) WHERE toLower(a) = n.key) })"
                        + " DELETE n",
                List.of(1),
                false);
    }

    /**
     * Creates the {@code (:Change)} of a write from {@code $change}, at the version {@code m} (the meta node, its
     * version already moved on) now holds, and the store's clock.
     */
    static final String RECORD_CHANGE =
            "CREATE (c:" + Labels.CHANGE + ") SET c = $change, c.version = m.version, c.at = datetime()";

    /**
     * Moves the store version on by one and records the write that did it: a {@code (:Change)} node with
     * {@code change}'s properties, the new version and the store's clock, in this same transaction.
     */
    long bumpVersion(Map<String, Object> change) {
        return tx.single(
                "MERGE " + Labels.META_NODE + " SET m.version = coalesce(m.version, 0) + 1 WITH m " + RECORD_CHANGE
                        + " RETURN m.version AS v",
                Map.of("change", change),
                "v");
    }

    private <T extends Resource> void nodes(String label, List<T> items, Function<T, Map<String, Object>> props) {
        List<Map<String, Object>> fresh =
                items.stream().filter(this::isNew).map(props).toList();
        List<Map<String, Object>> stored =
                items.stream().filter(i -> !isNew(i)).map(props).toList();
        if (!fresh.isEmpty()) {
            run("UNWIND $rows AS r CREATE (n:" + label + ") SET n = r", fresh, true);
        }
        if (!stored.isEmpty()) {
            // REMOVE: a resource imported over its placeholder fills that node in place (see placeholders).
            run(
                    "UNWIND $rows AS r MERGE (n:" + label + " {key: r.key}) SET n = r REMOVE n:" + Labels.UNRESOLVED,
                    stored,
                    true);
        }
    }

    /**
     * Unresolved placeholders: a node of the kind's label, also labelled {@link Labels#UNRESOLVED}, holding only the
     * id, a name from the id and {@code unresolved: true}, so that references to it can be linked; an import of the
     * resource later writes over the same node (its stored path) and removes the label, keeping every relationship
     * that points at it. Merged, so a placeholder another writer made meanwhile is reused.
     */
    private void placeholders(List<PlaceholderRef> placeholders) {
        Map<ResourceKind, List<Map<String, Object>>> byKind = new java.util.EnumMap<>(ResourceKind.class);
        for (PlaceholderRef p : placeholders) {
            byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(GraphProperties.placeholder(p));
        }
        byKind.forEach((kind, rows) -> run(
                "UNWIND $rows AS r MERGE (n:" + kind.graphName() + " {key: r.key}) ON CREATE SET n = r, n:"
                        + Labels.UNRESOLVED,
                rows,
                true));
    }

    /**
     * Pins the lookup of {@code variable} by key to a seek in the label's (or relationship type's) key index. Statements are planned with
     * the statistics of the committed store, so in the first import into an empty store the planner may pick a scan
     * (of the label, or of the whole index: a plain {@code USING INDEX} still allows that) — harmless for an empty
     * label, quadratic once the transaction itself has created thousands of nodes of it: the large estate's first
     * import once spent 10 minutes in one link statement.
     */
    static String byKey(String variable, String labelOrType) {
        return "USING INDEX SEEK " + variable + ":" + labelOrType + "(key)";
    }

    /** A resource the graph did not hold when the batch was planned: it has no old state to replace. */
    private boolean isNew(Resource r) {
        return created.contains(r.id());
    }

    /** Runs {@code cypher} once per chunk of {@code rows} (as {@code $rows}); counts them as done when asked. */
    private void run(String cypher, List<?> rows, boolean counts) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<?> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            tx.run(cypher, Map.of("rows", chunk));
            if (counts) {
                done += chunk.size();
                progress.written(done, total);
            }
        }
    }

    private void serviceTags(List<ServiceTag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows =
                tags.stream().map(GraphProperties::serviceTag).toList();
        run("UNWIND $rows AS r MERGE (n:ServiceTag {key: r.key}) SET n = r", rows, true);
    }

    /** Replaces the single incoming relationship of type {@code type} into each item (e.g. the VNet holding a subnet). */
    private <T extends Resource> void links(
            String fromLabel,
            String type,
            String toLabel,
            List<T> items,
            Function<T, ResourceId> parent,
            boolean incoming) {
        if (items.isEmpty()) {
            return;
        }
        Function<T, Map<String, Object>> row =
                i -> Map.of("key", i.id().key(), "parent", parent.apply(i).key());
        List<Map<String, Object>> fresh =
                items.stream().filter(this::isNew).map(row).toList();
        List<Map<String, Object>> stored =
                items.stream().filter(i -> !isNew(i)).map(row).toList();
        run(
                "UNWIND $rows AS r MATCH (c:" + toLabel + " {key: r.key}) " + byKey("c", toLabel) + " MATCH (p:"
                        + fromLabel + " {key: r.parent}) " + byKey("p", fromLabel) + " CREATE (p)-[:" + type + "]->(c)",
                fresh,
                false);
        run(
                "UNWIND $rows AS r MATCH (c:" + toLabel + " {key: r.key}) " + byKey("c", toLabel) + " OPTIONAL MATCH (:"
                        + fromLabel
                        + ")-[old:" + type + "]->(c) DELETE old WITH DISTINCT c, r MATCH (p:" + fromLabel
                        + " {key: r.parent}) "
                        + byKey("p", fromLabel) + " MERGE (p)-[:" + type + "]->(c)",
                stored,
                false);
    }

    /** Replaces the outgoing relationships of type {@code type} of each item with those to {@code targets}. */
    private <T extends Resource> void relink(
            String fromLabel, String type, String toLabel, List<T> items, Function<T, List<ResourceId>> targets) {
        if (items.isEmpty()) {
            return;
        }
        List<Map<String, Object>> fresh = new ArrayList<>();
        List<Map<String, Object>> stored = new ArrayList<>();
        for (T i : items) {
            List<String> to =
                    targets.apply(i).stream().map(ResourceId::key).distinct().toList();
            if (isNew(i)) {
                if (!to.isEmpty()) {
                    fresh.add(Map.of("key", i.id().key(), "targets", to));
                }
            } else {
                stored.add(Map.of("key", i.id().key(), "targets", to));
            }
        }
        run(
                "UNWIND $rows AS r MATCH (n:" + fromLabel + " {key: r.key}) " + byKey("n", fromLabel)
                        + " UNWIND r.targets AS t MATCH (x:" + toLabel + " {key: t}) " + byKey("x", toLabel)
                        + " CREATE (n)-[:" + type + "]->(x)",
                fresh,
                false);
        run(
                "UNWIND $rows AS r MATCH (n:" + fromLabel + " {key: r.key}) " + byKey("n", fromLabel)
                        + " OPTIONAL MATCH (n)-[old:" + type
                        + "]->(:" + toLabel + ") DELETE old WITH DISTINCT n, r UNWIND r.targets AS t MATCH (x:"
                        + toLabel + " {key: t}) "
                        + byKey("x", toLabel) + " MERGE (n)-[:" + type + "]->(x)",
                stored,
                false);
    }

    private void rules(List<NetworkSecurityGroup> nsgs) {
        if (nsgs.isEmpty()) {
            return;
        }
        List<String> keys =
                nsgs.stream().filter(n -> !isNew(n)).map(n -> n.id().key()).toList();
        run(
                "UNWIND $rows AS k MATCH (n:NetworkSecurityGroup {key: k})-[:HAS_RULE]->(r:SecurityRule) "
                        + byKey("n", Labels.NSG) + " DETACH DELETE r",
                keys,
                false);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NetworkSecurityGroup n : nsgs) {
            for (SecurityRule r : n.rules()) {
                rows.add(Map.of("nsg", n.id().key(), "props", GraphProperties.rule(n, r)));
            }
        }
        run(
                "UNWIND $rows AS r MATCH (n:NetworkSecurityGroup {key: r.nsg}) " + byKey("n", Labels.NSG)
                        + " CREATE (n)-[:HAS_RULE]->(x:SecurityRule) SET x = r.props",
                rows,
                true);
    }

    private void routes(List<RouteTable> tables) {
        if (tables.isEmpty()) {
            return;
        }
        List<String> keys =
                tables.stream().filter(t -> !isNew(t)).map(t -> t.id().key()).toList();
        run(
                "UNWIND $rows AS k MATCH (t:RouteTable {key: k})-[:HAS_ROUTE]->(r:Route) "
                        + byKey("t", Labels.ROUTE_TABLE) + " DETACH DELETE r",
                keys,
                false);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RouteTable t : tables) {
            for (Route r : t.routes()) {
                rows.add(Map.of("table", t.id().key(), "props", GraphProperties.route(t, r)));
            }
        }
        run(
                "UNWIND $rows AS r MATCH (t:RouteTable {key: r.table}) " + byKey("t", Labels.ROUTE_TABLE)
                        + " CREATE (t)-[:HAS_ROUTE]->(x:Route) SET x = r.props",
                rows,
                true);
    }

    private void peerings(List<Peering> peerings) {
        if (peerings.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Peering p : peerings) {
            rows.add(Map.of(
                    "props",
                    GraphProperties.peering(p),
                    "local",
                    p.localVnetId().key(),
                    "remote",
                    p.remoteVnetId().key()));
        }
        run(
                "UNWIND $rows AS r MATCH ()-[old:PEERED_WITH {key: r.props.key}]->() " + byKey("old", "PEERED_WITH")
                        + " DELETE old",
                rows,
                false);
        run(
                "UNWIND $rows AS r MATCH (a:VirtualNetwork {key: r.local}), (b:VirtualNetwork {key: r.remote}) "
                        + byKey("a", Labels.VIRTUAL_NETWORK) + " " + byKey("b", Labels.VIRTUAL_NETWORK)
                        + " CREATE (a)-[p:PEERED_WITH]->(b) SET p = r.props",
                rows,
                true);
    }

    private void connections(List<Connection> connections) {
        if (connections.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Connection c : connections) {
            rows.add(Map.of(
                    "props",
                    GraphProperties.connection(c),
                    "gateway",
                    c.gatewayId().key(),
                    "peer",
                    c.peerId().key()));
        }
        run(
                "UNWIND $rows AS r MATCH ()-[old:CONNECTS {key: r.props.key}]->() " + byKey("old", "CONNECTS")
                        + " DELETE old",
                rows,
                false);
        run(
                "UNWIND $rows AS r MATCH (g:VirtualNetworkGateway {key: r.gateway}) " + byKey("g", Labels.VNET_GATEWAY)
                        + " OPTIONAL MATCH (l:LocalNetworkGateway {key: r.peer}) " + byKey("l", Labels.LOCAL_GATEWAY)
                        + " OPTIONAL MATCH (v:VirtualNetworkGateway {key: r.peer}) " + byKey("v", Labels.VNET_GATEWAY)
                        + " WITH g, r, coalesce(l, v) AS x WHERE x IS NOT NULL CREATE (g)-[c:CONNECTS]->(x) SET c = r.props",
                rows,
                true);
    }

    /**
     * Removes resources by kind: nodes with their relationships (an NSG's rules and a route table's routes with
     * them), peerings and connections as the relationships they are.
     */
    private void removals(Map<ResourceKind, Set<ResourceId>> removals) {
        for (Map.Entry<ResourceKind, Set<ResourceId>> e : removals.entrySet()) {
            List<String> keys = e.getValue().stream().map(ResourceId::key).toList();
            ResourceKind kind = e.getKey();
            switch (kind) {
                case PEERING, CONNECTION -> run(
                        "UNWIND $rows AS k MATCH ()-[x:" + kind.graphName() + " {key: k}]->() "
                                + byKey("x", kind.graphName()) + " DELETE x",
                        keys,
                        true);
                case NETWORK_SECURITY_GROUP -> {
                    run(
                            "UNWIND $rows AS k MATCH (n:NetworkSecurityGroup {key: k})-[:HAS_RULE]->(r:SecurityRule) "
                                    + byKey("n", Labels.NSG) + " DETACH DELETE r",
                            keys,
                            false);
                    run(
                            "UNWIND $rows AS k MATCH (n:NetworkSecurityGroup {key: k}) " + byKey("n", Labels.NSG)
                                    + " DETACH DELETE n",
                            keys,
                            true);
                }
                case ROUTE_TABLE -> {
                    run(
                            "UNWIND $rows AS k MATCH (n:RouteTable {key: k})-[:HAS_ROUTE]->(r:Route) "
                                    + byKey("n", Labels.ROUTE_TABLE) + " DETACH DELETE r",
                            keys,
                            false);
                    run(
                            "UNWIND $rows AS k MATCH (n:RouteTable {key: k}) " + byKey("n", Labels.ROUTE_TABLE)
                                    + " DETACH DELETE n",
                            keys,
                            true);
                }
                default -> run(
                        "UNWIND $rows AS k MATCH (n:" + kind.graphName() + " {key: k}) " + byKey("n", kind.graphName())
                                + " DETACH DELETE n",
                        keys,
                        true);
            }
        }
    }
}
