package io.asegraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The peer of {@code bench/run --peer}: @neo4j/graphql 7 with Apollo Server (Node), installed by npm into the
 * git-ignored {@code bench/peer/node_modules} from the committed {@code package.json} and {@code package-lock.json},
 * serving {@code bench/peer/typeDefs.graphql} (our graph model's labels and relationship types) over the service's
 * own store through its Bolt port on loopback. Each listing is asked of both, the answers' rows compared (count, ids
 * in order and the number of nested objects), and only a listing whose answers agree is timed, side by side.
 */
final class Peer {
    private Peer() {}

    /**
     * One listing asked of both services.
     *
     * @param name      the row's name in the results
     * @param ours      our request
     * @param peer      the peer's request for the same rows
     * @param ourField  our connection's root field
     * @param peerField the peer's connection's root field
     */
    record Listing(String name, LoadDriver.Request ours, LoadDriver.Request peer, String ourField, String peerField) {}

    /** The peer's sort for our default order: by lower-case name, then key (as our listings sort). */
    private static final String BY_NAME = "sort: [{nameKey: ASC}, {key: ASC}]";

    private static LoadDriver.Request request(String name, String root, String query) {
        return LoadDriver.Request.graphql(name, root, query, Map.of());
    }

    /** The four listings: NSGs with their rules, subnets with VNet and NSG, ASEs with apps, VNets → subnets → NSG → rules. */
    static List<Listing> listings() {
        return List.of(
                new Listing(
                        "NSGs with their rules (first 100)",
                        request(
                                "nsgRules",
                                "networkSecurityGroupsConnection",
                                """
                                { networkSecurityGroupsConnection(first: 100) { totalCount edges { node { id name
                                    securityRules { name priority direction access } } } } }"""),
                        request(
                                "peer-nsgRules",
                                "networkSecurityGroupsConnection",
                                """
                                { networkSecurityGroupsConnection(first: 100, %s) { totalCount edges { node { id name
                                    rules(sort: [{direction: ASC}, {priority: ASC}, {key: ASC}]) {
                                      name priority direction access } } } } }"""
                                        .formatted(BY_NAME)),
                        "networkSecurityGroupsConnection",
                        "networkSecurityGroupsConnection"),
                new Listing(
                        "subnets with their VNet and NSG (first 100)",
                        request(
                                "subnetsVnetNsg",
                                "subnetsConnection",
                                """
                                { subnetsConnection(first: 100) { totalCount edges { node { id name
                                    virtualNetwork { id name } networkSecurityGroup { id name } } } } }"""),
                        request(
                                "peer-subnetsVnetNsg",
                                "subnetsConnection",
                                """
                                { subnetsConnection(first: 100, %s) { totalCount edges { node { id name
                                    virtualNetwork { id name } networkSecurityGroup { id name } } } } }"""
                                        .formatted(BY_NAME)),
                        "subnetsConnection",
                        "subnetsConnection"),
                new Listing(
                        "environments with their apps (first 100)",
                        request(
                                "environmentsApps",
                                "environmentsConnection",
                                """
                                { environmentsConnection(first: 100) { totalCount edges { node { id name
                                    apps { id name } } } } }"""),
                        request(
                                "peer-environmentsApps",
                                "appServiceEnvironmentsConnection",
                                """
                                { appServiceEnvironmentsConnection(first: 100, %s) { totalCount edges { node { id name
                                    apps(sort: [{nameKey: ASC}, {key: ASC}]) { id name } } } } }"""
                                        .formatted(BY_NAME)),
                        "environmentsConnection",
                        "appServiceEnvironmentsConnection"),
                new Listing(
                        "dashboard: VNets → subnets → NSG → rules (first 100)",
                        request(
                                "vnetsSubnetsNsgRules",
                                "virtualNetworksConnection",
                                """
                                { virtualNetworksConnection(first: 100) { totalCount edges { node { id name
                                    subnets { name networkSecurityGroup { name securityRules { name } } } } } } }"""),
                        request(
                                "peer-vnetsSubnetsNsgRules",
                                "virtualNetworksConnection",
                                """
                                { virtualNetworksConnection(first: 100, %s) { totalCount edges { node { id name
                                    subnets { name networkSecurityGroup { name rules { name } } } } } } }"""
                                        .formatted(BY_NAME)),
                        "virtualNetworksConnection",
                        "virtualNetworksConnection"));
    }

    /** The rows of a connection answer: its total, its nodes' ids in order and how many objects they nest. */
    record Rows(long total, List<String> ids, long nested) {
        static Rows of(String body, String field) {
            JsonNode root = BenchJson.parseObject(body);
            if (root.has("errors")) {
                throw new BenchException("the answer has errors: "
                        + LoadDriver.abbreviate(root.get("errors").toString()));
            }
            JsonNode connection = root.path("data").path(field);
            if (!connection.isObject()) {
                throw new BenchException("the answer has no data." + field);
            }
            List<String> ids = new ArrayList<>();
            long nested = 0;
            for (JsonNode edge : connection.path("edges")) {
                JsonNode node = edge.path("node");
                ids.add(node.path("id").asText());
                for (JsonNode child : node) {
                    nested += objects(child);
                }
            }
            return new Rows(connection.path("totalCount").asLong(-1), List.copyOf(ids), nested);
        }

        /** Objects in {@code n}, itself included: a relation as an object (ours) or a list of zero or one (the peer's). */
        private static long objects(JsonNode n) {
            long count = n.isObject() ? 1 : 0;
            for (JsonNode child : n) {
                count += objects(child);
            }
            return count;
        }

        /** Why {@code peer} is not the same rows as these, if it is not. */
        Optional<String> differsFrom(Rows peer) {
            if (total != peer.total) {
                return Optional.of("totalCount " + total + " here, " + peer.total + " from the peer");
            }
            if (!ids.equals(peer.ids)) {
                return Optional.of(ids.size() + " rows here, " + peer.ids.size() + " from the peer, or another order");
            }
            if (nested != peer.nested) {
                return Optional.of(nested + " nested objects here, " + peer.nested + " from the peer");
            }
            return Optional.empty();
        }
    }

    /**
     * What to say when npm or Node is missing (the peer needs both), or empty when both are on the PATH.
     *
     * @param hasCommand whether a command is on the PATH
     */
    static Optional<String> missingTools(java.util.function.Predicate<String> hasCommand) {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "npm")) {
            if (!hasCommand.test(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" and ", missing) + " not installed: the peer needs Node.js 20 or later with npm"
                + " (Debian: sudo apt-get install nodejs npm), then run bench/run --peer again");
    }
}
