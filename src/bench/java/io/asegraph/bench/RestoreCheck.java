package io.asegraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --restore-check}'s comparison of two exports ({@code GET /export} of the service that imported the estate,
 * and of a second service on an empty data directory after it imported the first export): the same resources by id,
 * each with the same content. Left out: an NSG's {@code etag} (the service draws a fresh one at every write), and the
 * order of list elements (lists read from the graph's relationships come in no fixed order) — the exact comparison,
 * node for node and property for property, is {@code ExportRestoreTest}'s in the suite. The service tags are compared
 * by name in the same way.
 */
final class RestoreCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestoreCheck() {}

    /** The differences (at most {@code limit}, each a sentence), none when the two exports hold the same estate. */
    static List<String> differences(Path first, Path second, int limit) throws IOException {
        Map<String, JsonNode> a = byId(JSON.readTree(first.toFile()));
        Map<String, JsonNode> b = byId(JSON.readTree(second.toFile()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : a.entrySet()) {
            JsonNode other = b.get(e.getKey());
            if (other == null) {
                out.add("missing after the restore: " + e.getKey());
            } else if (!other.equals(e.getValue())) {
                out.add("differs after the restore: " + e.getKey() + ": " + abbreviate(e.getValue()) + " became "
                        + abbreviate(other));
            }
            if (out.size() >= limit) {
                return out;
            }
        }
        for (String id : b.keySet()) {
            if (!a.containsKey(id) && out.size() < limit) {
                out.add("only after the restore: " + id);
            }
        }
        return out;
    }

    /** Each resource (and each service tag, as {@code tag:NAME}) of an export, canonical, by its lower-case id. */
    static Map<String, JsonNode> byId(JsonNode export) {
        if (!export.isArray()) {
            throw new BenchException("an export is a JSON array, got " + export.getNodeType());
        }
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode r : export) {
            if (r.has("values") && !r.has("type")) {
                for (JsonNode t : r.path("values")) {
                    out.put("tag:" + t.path("name").asText(), canonical(t));
                }
            } else {
                ObjectNode c = (ObjectNode) canonical(r);
                c.remove("etag");
                out.put(r.path("id").asText().toLowerCase(Locale.ROOT), c);
            }
        }
        return out;
    }

    /** {@code n} with every object's keys sorted and every list's elements sorted by their text. */
    static JsonNode canonical(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(Comparator.naturalOrder());
            for (String k : names) {
                o.set(k, canonical(n.get(k)));
            }
            return o;
        }
        if (n.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            n.forEach(x -> items.add(canonical(x)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(a::add);
            return a;
        }
        return n;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
