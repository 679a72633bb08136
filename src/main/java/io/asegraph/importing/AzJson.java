package io.asegraph.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inverse of {@link ImportParser} for the resources people edit one piece at a time: an NSG or a route table
 * written back as {@code az ... show} prints it (ARM shape, {@code properties} nested), optionally with one rule or
 * route put in or taken out. An edit is then validated exactly like an import: the whole modified resource goes
 * through {@link ImportParser#parse(String, KnownResources)}.
 *
 * <p>The edited rule or route is always the last element of its array, so checks between siblings (a priority or a
 * name used twice) are reported on it; {@link Edit#relocate} renames its location to what the caller calls it.
 */
public final class AzJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final String NSG_TYPE = ResourceKind.NETWORK_SECURITY_GROUP.armType();
    static final String ROUTE_TABLE_TYPE = ResourceKind.ROUTE_TABLE.armType();

    private AzJson() {}

    /**
     * A document of one resource with one element edited. {@code editedLocation} is the JSONPath of the edited
     * element, or empty when the edit removed one.
     */
    public record Edit(String json, Optional<String> editedLocation) {
        /**
         * The problems with the edited element's location prefix renamed to {@code as} (for example
         * {@code $.properties.securityRules[3].priority} to {@code rule.priority}); line and column are dropped, the
         * text was never the client's.
         */
        public List<ImportProblem> relocate(List<ImportProblem> problems, String as) {
            List<ImportProblem> out = new ArrayList<>(problems.size());
            for (ImportProblem p : problems) {
                String location = p.location();
                if (editedLocation.isPresent()) {
                    String prefix = editedLocation.get();
                    if (location.equals(prefix)) {
                        location = as;
                    } else if (location.startsWith(prefix)
                            && (location.charAt(prefix.length()) == '.' || location.charAt(prefix.length()) == '[')) {
                        location = as + location.substring(prefix.length());
                    }
                }
                out.add(new ImportProblem(location, p.value(), p.message(), Optional.empty()));
            }
            return out;
        }
    }

    /** The NSG as ARM prints it (user rules only; the default rules are the same everywhere). */
    public static ObjectNode nsg(NetworkSecurityGroup nsg) {
        ObjectNode n = header(nsg.id(), nsg.name(), NSG_TYPE, nsg.location());
        if (!nsg.etag().isEmpty()) {
            n.put("etag", nsg.etag());
        }
        ArrayNode rules = n.putObject("properties").putArray("securityRules");
        nsg.rules().forEach(r -> rules.add(rule(nsg.id(), r)));
        return n;
    }

    /** One security rule as ARM prints it (plural prefix and port fields). */
    public static ObjectNode rule(ResourceId nsg, SecurityRule r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", r.name());
        n.put("id", nsg.child("securityRules", r.name()).value());
        ObjectNode p = n.putObject("properties");
        p.put("priority", r.priority());
        p.put("direction", r.direction().azureName());
        p.put("access", r.access().azureName());
        p.put("protocol", r.protocol().azureName());
        strings(p.putArray("sourceAddressPrefixes"), r.sourcePrefixes());
        strings(
                p.putArray("sourcePortRanges"),
                r.sourcePorts().stream().map(AzJson::port).toList());
        strings(p.putArray("destinationAddressPrefixes"), r.destinationPrefixes());
        strings(
                p.putArray("destinationPortRanges"),
                r.destinationPorts().stream().map(AzJson::port).toList());
        references(p.putArray("sourceApplicationSecurityGroups"), r.sourceAsgs());
        references(p.putArray("destinationApplicationSecurityGroups"), r.destinationAsgs());
        if (!r.description().isEmpty()) {
            p.put("description", r.description());
        }
        return n;
    }

    /** The route table as ARM prints it. */
    public static ObjectNode routeTable(RouteTable t) {
        ObjectNode n = header(t.id(), t.name(), ROUTE_TABLE_TYPE, t.location());
        ObjectNode p = n.putObject("properties");
        p.put("disableBgpRoutePropagation", t.disableBgpRoutePropagation());
        ArrayNode routes = p.putArray("routes");
        t.routes().forEach(r -> routes.add(route(t.id(), r)));
        return n;
    }

    /** One route as ARM prints it. */
    public static ObjectNode route(ResourceId table, Route r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", r.name());
        n.put("id", table.child("routes", r.name()).value());
        ObjectNode p = n.putObject("properties");
        p.put("addressPrefix", r.addressPrefix());
        p.put("nextHopType", r.nextHopType().azureName());
        r.nextHopIp().ifPresent(ip -> p.put("nextHopIpAddress", Ipv4.format(ip)));
        return n;
    }

    /**
     * The NSG with {@code rule} (az field names, flat or under {@code properties}) in place of its rule of the same
     * name (compared case-insensitively, as Azure does), or added.
     */
    public static Edit nsgWithRule(NetworkSecurityGroup nsg, Map<String, Object> rule) {
        ObjectNode doc = nsg(nsg);
        ArrayNode rules = (ArrayNode) doc.get("properties").get("securityRules");
        removeNamed(rules, String.valueOf(rule.get("name")));
        rules.add(MAPPER.valueToTree(rule));
        return new Edit(text(doc), Optional.of("$.properties.securityRules[" + (rules.size() - 1) + "]"));
    }

    /** The NSG without its rule {@code name}; empty when it has no such rule. */
    public static Optional<Edit> nsgWithoutRule(NetworkSecurityGroup nsg, String name) {
        ObjectNode doc = nsg(nsg);
        return removeNamed((ArrayNode) doc.get("properties").get("securityRules"), name)
                ? Optional.of(new Edit(text(doc), Optional.empty()))
                : Optional.empty();
    }

    /** The route table with {@code route} in place of its route of the same name, or added. */
    public static Edit routeTableWithRoute(RouteTable table, Map<String, Object> route) {
        ObjectNode doc = routeTable(table);
        ArrayNode routes = (ArrayNode) doc.get("properties").get("routes");
        removeNamed(routes, String.valueOf(route.get("name")));
        routes.add(MAPPER.valueToTree(route));
        return new Edit(text(doc), Optional.of("$.properties.routes[" + (routes.size() - 1) + "]"));
    }

    /** The route table without its route {@code name}; empty when it has no such route. */
    public static Optional<Edit> routeTableWithoutRoute(RouteTable table, String name) {
        ObjectNode doc = routeTable(table);
        return removeNamed((ArrayNode) doc.get("properties").get("routes"), name)
                ? Optional.of(new Edit(text(doc), Optional.empty()))
                : Optional.empty();
    }

    private static boolean removeNamed(ArrayNode array, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).path("name").asText().toLowerCase(Locale.ROOT).equals(key)) {
                array.remove(i);
                return true;
            }
        }
        return false;
    }

    private static ObjectNode header(ResourceId id, String name, String type, String location) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", name);
        n.put("id", id.value());
        n.put("type", type);
        if (!location.isEmpty()) {
            n.put("location", location);
        }
        return n;
    }

    private static String port(PortRange p) {
        return p.isAll() ? "*" : p.toString();
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void references(ArrayNode a, List<ResourceId> ids) {
        ids.forEach(id -> a.addObject().put("id", id.value()));
    }

    private static String text(ObjectNode doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
