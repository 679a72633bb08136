package io.asegraph.graph;

import io.asegraph.estate.Unresolved;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Reads the placeholders of the store ({@code :Unresolved} nodes) for the estate snapshot {@link EstateLoader} makes. */
final class PlaceholderLoader {
    private PlaceholderLoader() {}

    /**
     * The placeholders ({@code :Unresolved} nodes), each with the resources that refer to it: those linked to it (a
     * peering or connection is the relationship itself, which may start at the placeholder: a connection's gateway),
     * and for an application security group the NSGs whose rules name it. Those placed in a placeholder subnet (a
     * network interface, private endpoint or ASE) or hosted on a placeholder ASE (an app) are held out of the snapshot,
     * as the reads above leave them out, and so are the apps of an ASE in a placeholder subnet ({@code hosted}).
     */
    static Unresolved read(TransactionContext tx) {
        List<Unresolved.Placeholder> out = new ArrayList<>();
        tx.run(
                        """
                MATCH (p:Unresolved)
                OPTIONAL MATCH (x)-[r]-(p)
                WITH p, x, r ORDER BY coalesce(r.key, x.key)
                WITH p, [e IN collect(CASE WHEN type(r) IN ['PEERED_WITH', 'CONNECTS']
                            THEN {id: r.id, name: r.name, label: type(r), type: type(r), out: startNode(r) = p}
                            ELSE {id: x.id, name: x.name, label: labels(x)[0], type: type(r), out: false,
                                  address: CASE WHEN x:AzureFirewall THEN x.privateIpAddress END} END)
                         WHERE e.id IS NOT NULL] AS refs
                RETURN p.key AS key, p.id AS id, p.name AS name, p.expectedKind AS kind, refs,
                       CASE WHEN p:ApplicationSecurityGroup
                            THEN [(n:NetworkSecurityGroup)-[:HAS_RULE]->(sr:SecurityRule)
                                  WHERE any(a IN coalesce(sr.sourceApplicationSecurityGroups, [])
                                            + coalesce(sr.destinationApplicationSecurityGroups, []) WHERE toLower(a) = p.key)
                                  | {id: n.id, name: n.name, label: 'NetworkSecurityGroup', type: 'HAS_RULE', out: false}]
                            ELSE [] END AS ruleRefs,
                       CASE WHEN p:Subnet
                            THEN [(app:App)-[:HOSTED_ON]->(e:AppServiceEnvironment)-[:DEPLOYED_IN]->(p)
                                  | {id: app.id, name: app.name, host: e.name}]
                            ELSE [] END AS hosted
                ORDER BY key""")
                .forEachRemaining(r -> {
                    ResourceKind kind = ResourceKind.valueOf(Values.string(r, "kind", "SUBNET"));
                    List<Unresolved.Referrer> refs = new ArrayList<>();
                    Set<ResourceId> fromRules = new HashSet<>();
                    for (String list : List.of("refs", "ruleRefs")) {
                        for (Value v : r.get(list).values()) {
                            ResourceId by = ResourceId.of(v.get("id").asString());
                            if (list.equals("ruleRefs") && !fromRules.add(by)) {
                                continue;
                            }
                            refs.add(referrer(v, by, kind));
                        }
                    }
                    List<Unresolved.Hosted> hosted = r
                            .get("hosted")
                            .asList(v -> new Unresolved.Hosted(
                                    ResourceId.of(v.get("id").asString()),
                                    v.get("name").asString(""),
                                    ResourceKind.APP,
                                    ResourceKind.APP_SERVICE_ENVIRONMENT.noun() + " "
                                            + v.get("host").asString("")))
                            .stream()
                            .sorted(java.util.Comparator.comparing(h -> h.id().key()))
                            .toList();
                    out.add(new Unresolved.Placeholder(
                            ResourceId.of(Values.string(r, "id").orElseThrow()),
                            kind,
                            Values.string(r, "name", ""),
                            refs,
                            hosted));
                });
        return out.isEmpty() ? Unresolved.NONE : new Unresolved(out);
    }

    /** One resource referring to a placeholder of {@code kind}, with the field it refers through (as Azure names it). */
    private static Unresolved.Referrer referrer(Value v, ResourceId by, ResourceKind kind) {
        String type = v.get("type").asString();
        ResourceKind owner =
                ResourceKind.fromGraphName(v.get("label").asString()).orElse(ResourceKind.ENDPOINT);
        // Placed in a subnet not imported, or hosted on an ASE not imported: held out of the snapshot.
        boolean placed = ((type.equals("IN_SUBNET") || type.equals("DEPLOYED_IN")) && kind == ResourceKind.SUBNET)
                || (type.equals("HOSTED_ON") && kind == ResourceKind.APP_SERVICE_ENVIRONMENT)
                || (type.equals("IN_VNET") && kind == ResourceKind.VIRTUAL_NETWORK);
        String field =
                switch (type) {
                    case "IN_SUBNET", "DEPLOYED_IN" -> "subnet";
                    case "SECURED_BY" -> "networkSecurityGroup";
                    case "ROUTED_BY" -> "routeTable";
                    case "EGRESS_VIA" -> "natGateway";
                    case "HAS_PUBLIC_IP", "USES" -> "publicIPAddress";
                    case "MEMBER_OF" -> "applicationSecurityGroups";
                    case "HAS_RULE" -> "securityRules";
                    case "HOSTED_ON" -> "hostingEnvironmentProfile";
                    case "IN_VNET" -> "subnet (its virtual network)";
                    case "DEFAULT_SITE" -> "gatewayDefaultSite";
                    case "PEERED_WITH" -> "remoteVirtualNetwork";
                    case "CONNECTS" -> v.get("out").asBoolean()
                            ? "virtualNetworkGateway1"
                            : kind == ResourceKind.LOCAL_NETWORK_GATEWAY
                                    ? "localNetworkGateway2"
                                    : "virtualNetworkGateway2";
                    default -> type;
                };
        return new Unresolved.Referrer(
                by,
                v.get("name").isNull() ? "" : v.get("name").asString(),
                owner,
                field,
                placed,
                v.get("address").isNull() || v.get("address").asString().isBlank()
                        ? Optional.empty()
                        : Optional.of(Ipv4.parse(v.get("address").asString())));
    }
}
