package io.asegraph.graph;

/**
 * The relationship traversals the API offers, both ways. Each query takes {@code $keys} (normalised ids of the
 * source nodes) and returns {@code k} (the source key) and {@code n} (the related node's properties).
 */
public enum Relation {
    VNET_SUBNETS("MATCH (a:VirtualNetwork)-[:HAS_SUBNET]->(b:Subnet)", "b", "b.addressPrefix, b.key"),
    SUBNET_VNET("MATCH (b:VirtualNetwork)-[:HAS_SUBNET]->(a:Subnet)", "b", "b.key"),
    SUBNET_NSG("MATCH (a:Subnet)-[:SECURED_BY]->(b:NetworkSecurityGroup)", "b", "b.key"),
    SUBNET_ROUTE_TABLE("MATCH (a:Subnet)-[:ROUTED_BY]->(b:RouteTable)", "b", "b.key"),
    SUBNET_NAT_GATEWAY("MATCH (a:Subnet)-[:EGRESS_VIA]->(b:NatGateway)", "b", "b.key"),
    SUBNET_ENVIRONMENTS("MATCH (b:AppServiceEnvironment)-[:DEPLOYED_IN]->(a:Subnet)", "b", "b.nameKey, b.key"),
    SUBNET_NICS("MATCH (b:NetworkInterface)-[:IN_SUBNET]->(a:Subnet)", "b", "b.nameKey, b.key"),
    SUBNET_FIREWALLS("MATCH (b:AzureFirewall)-[:IN_SUBNET]->(a:Subnet)", "b", "b.nameKey, b.key"),
    SUBNET_PRIVATE_ENDPOINTS("MATCH (b:PrivateEndpoint)-[:IN_SUBNET]->(a:Subnet)", "b", "b.nameKey, b.key"),
    PRIVATE_ENDPOINT_SUBNET("MATCH (a:PrivateEndpoint)-[:IN_SUBNET]->(b:Subnet)", "b", "b.key"),
    ENVIRONMENT_SUBNET("MATCH (a:AppServiceEnvironment)-[:DEPLOYED_IN]->(b:Subnet)", "b", "b.key"),
    ENVIRONMENT_APPS("MATCH (b:App)-[:HOSTED_ON]->(a:AppServiceEnvironment)", "b", "b.nameKey, b.key"),
    APP_ENVIRONMENT("MATCH (a:App)-[:HOSTED_ON]->(b:AppServiceEnvironment)", "b", "b.key"),
    NIC_SUBNET("MATCH (a:NetworkInterface)-[:IN_SUBNET]->(b:Subnet)", "b", "b.key"),
    NIC_NSG("MATCH (a:NetworkInterface)-[:SECURED_BY]->(b:NetworkSecurityGroup)", "b", "b.key"),
    NIC_ASGS("MATCH (a:NetworkInterface)-[:MEMBER_OF]->(b:ApplicationSecurityGroup)", "b", "b.nameKey, b.key"),
    NIC_PUBLIC_IPS("MATCH (a:NetworkInterface)-[:HAS_PUBLIC_IP]->(b:PublicIpAddress)", "b", "b.nameKey, b.key"),
    NSG_RULES("MATCH (a:NetworkSecurityGroup)-[:HAS_RULE]->(b:SecurityRule)", "b", "b.direction, b.priority, b.key"),
    NSG_SUBNETS("MATCH (b:Subnet)-[:SECURED_BY]->(a:NetworkSecurityGroup)", "b", "b.nameKey, b.key"),
    NSG_NICS("MATCH (b:NetworkInterface)-[:SECURED_BY]->(a:NetworkSecurityGroup)", "b", "b.nameKey, b.key"),
    ROUTE_TABLE_ROUTES("MATCH (a:RouteTable)-[:HAS_ROUTE]->(b:Route)", "b", "b.name"),
    ROUTE_TABLE_SUBNETS("MATCH (b:Subnet)-[:ROUTED_BY]->(a:RouteTable)", "b", "b.nameKey, b.key"),
    VNET_GATEWAYS("MATCH (b:VirtualNetworkGateway)-[:IN_VNET]->(a:VirtualNetwork)", "b", "b.nameKey, b.key"),
    GATEWAY_VNET("MATCH (a:VirtualNetworkGateway)-[:IN_VNET]->(b:VirtualNetwork)", "b", "b.key"),
    GATEWAY_CONNECTIONS(
            "MATCH (a:VirtualNetworkGateway)-[c:CONNECTS]->(x)",
            "c {.*, gateway: a.id, peer: x.id, peerLabel: labels(x)[0]}",
            "c.name"),
    LOCAL_GATEWAY_CONNECTIONS(
            "MATCH (g:VirtualNetworkGateway)-[c:CONNECTS]->(a:LocalNetworkGateway)",
            "c {.*, gateway: g.id, peer: a.id, peerLabel: labels(a)[0]}",
            "c.name"),
    VNET_PEERINGS(
            "MATCH (a:VirtualNetwork)-[p:PEERED_WITH]->(x:VirtualNetwork)",
            "p {.*, local: a.id, remote: x.id}",
            "p.name"),
    NAT_GATEWAY_PUBLIC_IPS("MATCH (a:NatGateway)-[:USES]->(b:PublicIpAddress)", "b", "b.nameKey, b.key"),
    NAT_GATEWAY_SUBNETS("MATCH (b:Subnet)-[:EGRESS_VIA]->(a:NatGateway)", "b", "b.nameKey, b.key"),
    ASG_NICS("MATCH (b:NetworkInterface)-[:MEMBER_OF]->(a:ApplicationSecurityGroup)", "b", "b.nameKey, b.key"),
    PUBLIC_IP_NICS("MATCH (b:NetworkInterface)-[:HAS_PUBLIC_IP]->(a:PublicIpAddress)", "b", "b.nameKey, b.key");

    private final String cypher;
    private final String whole;

    Relation(String match, String projection, String order) {
        String proj = projection.equals("b") ? "b {.*}" : projection;
        // A placeholder (referenced, never imported) is no related resource: it has no state to show.
        String unresolved = projection.equals("b") ? " WHERE NOT b:" + Labels.UNRESOLVED : "";
        this.cypher = "UNWIND $keys AS k " + match.replaceFirst("\\(a:([A-Za-z]+)\\)", "(a:$1 {key: k})") + unresolved
                + " RETURN k, " + proj + " AS n ORDER BY k, " + order;
        this.whole = match + unresolved + " RETURN a.key AS k, " + proj + " AS n ORDER BY k, " + order;
    }

    String cypher() {
        return cypher;
    }

    /** The same traversal from every source node at once, in the same order per source ({@link RowSnapshot}). */
    String whole() {
        return whole;
    }
}
