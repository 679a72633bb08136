package io.asegraph.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Azure Firewall's rule collections as one JSON property of its node ({@code ruleCollections}): a collection's
 * rules are read and written whole with it (as an NSG's rules are with the NSG), and a property keeps them in one
 * record, in their order, without a node per rule that no query asks for. IP group ids are kept as written.
 */
final class FirewallRulesJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FirewallRulesJson() {}

    static String write(List<FirewallRuleCollection> collections) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FirewallRuleCollection c : collections) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("kind", c.kind().name());
            m.put("priority", c.priority());
            m.put("action", c.action().name());
            List<Map<String, Object>> rules = new ArrayList<>();
            for (FirewallRule r : c.rules()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("name", r.name());
                x.put("protocols", r.protocols());
                x.put("sourceAddresses", r.sourceAddresses());
                x.put("sourceIpGroups", ids(r.sourceIpGroups()));
                x.put("destinationAddresses", r.destinationAddresses());
                x.put("destinationIpGroups", ids(r.destinationIpGroups()));
                x.put("destinationFqdns", r.destinationFqdns());
                x.put("destinationPorts", r.destinationPorts());
                x.put("targetFqdns", r.targetFqdns());
                x.put("fqdnTags", r.fqdnTags());
                x.put("translatedAddress", r.translatedAddress());
                x.put("translatedPort", r.translatedPort());
                rules.add(x);
            }
            m.put("rules", rules);
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("firewall rule collections cannot be written as JSON", e);
        }
    }

    static List<FirewallRuleCollection> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<FirewallRuleCollection> out = new ArrayList<>();
            for (JsonNode c : JSON.readTree(text)) {
                List<FirewallRule> rules = new ArrayList<>();
                for (JsonNode r : c.path("rules")) {
                    rules.add(new FirewallRule(
                            r.path("name").asText(),
                            strings(r, "protocols"),
                            strings(r, "sourceAddresses"),
                            strings(r, "sourceIpGroups").stream()
                                    .map(ResourceId::of)
                                    .toList(),
                            strings(r, "destinationAddresses"),
                            strings(r, "destinationIpGroups").stream()
                                    .map(ResourceId::of)
                                    .toList(),
                            strings(r, "destinationFqdns"),
                            strings(r, "destinationPorts"),
                            strings(r, "targetFqdns"),
                            strings(r, "fqdnTags"),
                            r.path("translatedAddress").asText(""),
                            r.path("translatedPort").asText("")));
                }
                out.add(new FirewallRuleCollection(
                        c.path("name").asText(),
                        FirewallRuleCollection.Kind.valueOf(c.path("kind").asText()),
                        c.path("priority").asInt(),
                        FirewallRuleCollection.Action.valueOf(c.path("action").asText()),
                        rules));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored firewall rule collections are not JSON: " + e.getMessage(), e);
        }
    }

    private static List<String> ids(List<ResourceId> ids) {
        return ids.stream().map(ResourceId::value).toList();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(e -> out.add(e.asText()));
        return out;
    }
}
