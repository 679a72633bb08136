package io.asegraph.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.estate.Estate;
import io.asegraph.importing.AzJson;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ImportProblem;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.RouteTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A what-if given as a list of edits in the shape of the single-resource mutations, their argument names kept:
 *
 * <pre>{"edits": [
 *   {"putSecurityRule": {"nsg": ID, "rule": {SecurityRuleInput's fields}, "etag": optional}},
 *   {"removeSecurityRule": {"nsg": ID, "name": NAME, "etag": optional}},
 *   {"putRoute": {"routeTable": ID, "route": {RouteInput's fields}}},
 *   {"removeRoute": {"routeTable": ID, "name": NAME}},
 *   {"deleteResource": {"id": ID, "cascade": false}}]}</pre>
 *
 * Enum values are written as the mutations take them ({@code INBOUND}, {@code ALLOW}, {@code TCP},
 * {@code VIRTUAL_APPLIANCE}) or as Azure spells them; ASG references are ids. Each edit is validated exactly as its
 * mutation validates it ({@link ResourceEdits}: the whole modified NSG or route table through the import parser),
 * against the estate the edits before it leave, and applied in memory. Problems are located at
 * {@code $.edits[i].<mutation>.<argument>}; every edit is checked, and any problem leaves the proposal invalid.
 */
final class WhatIfEdits {
    /** More edits than this in one document is a problem: each one rebuilds the estate in memory. */
    static final int MAX_EDITS = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> OPERATIONS =
            List.of("putSecurityRule", "removeSecurityRule", "putRoute", "removeRoute", "deleteResource");
    private static final Map<String, String> AZ_VALUES = Map.ofEntries(
            Map.entry("INBOUND", "Inbound"),
            Map.entry("OUTBOUND", "Outbound"),
            Map.entry("ALLOW", "Allow"),
            Map.entry("DENY", "Deny"),
            Map.entry("TCP", "Tcp"),
            Map.entry("UDP", "Udp"),
            Map.entry("ICMP", "Icmp"),
            Map.entry("ESP", "Esp"),
            Map.entry("AH", "Ah"),
            Map.entry("ANY", "*"),
            Map.entry("INTERNET", "Internet"),
            Map.entry("VIRTUAL_APPLIANCE", "VirtualAppliance"),
            Map.entry("VIRTUAL_NETWORK_GATEWAY", "VirtualNetworkGateway"),
            Map.entry("VNET_LOCAL", "VnetLocal"),
            Map.entry("VNET_PEERING", "VNetPeering"),
            Map.entry("VIRTUAL_NETWORK_SERVICE_ENDPOINT", "VirtualNetworkServiceEndpoint"),
            Map.entry("NONE", "None"));

    private final Estate base;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final WhatIfPlanner.Touched touched = new WhatIfPlanner.Touched();
    private Estate current;

    WhatIfEdits(Estate base) {
        this.base = base;
        this.current = base;
    }

    WhatIfPlanner.Proposal apply(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("edits")) {
                problem("$." + name, name, "unknown field: a list of edits is {\"edits\": [...]}");
            }
        }
        JsonNode edits = root.get("edits");
        if (!edits.isArray()) {
            problem("$.edits", edits.toString(), "edits must be a list of edits, e.g. [{\"removeRoute\": {...}}]");
        } else if (edits.isEmpty()) {
            problem("$.edits", "[]", "edits is empty: nothing to evaluate");
        } else if (edits.size() > MAX_EDITS) {
            problem("$.edits", String.valueOf(edits.size()), "at most " + MAX_EDITS + " edits in one what-if");
        } else {
            for (int i = 0; i < edits.size(); i++) {
                edit("$.edits[" + i + "]", edits.get(i));
            }
        }
        if (!problems.isEmpty()) {
            return WhatIfPlanner.Proposal.invalid(base, problems);
        }
        return new WhatIfPlanner.Proposal(
                base, Optional.of(current), touched.changes(base, current), List.of(), List.of());
    }

    private void edit(String at, JsonNode edit) {
        if (!edit.isObject()
                || edit.size() != 1
                || !OPERATIONS.contains(edit.fieldNames().next())) {
            problem(at, edit.toString(), "an edit is an object with exactly one of " + String.join(", ", OPERATIONS));
            return;
        }
        String op = edit.fieldNames().next();
        JsonNode args = edit.get(op);
        String loc = at + "." + op;
        if (!args.isObject()) {
            problem(loc, args.toString(), op + " takes an object of its mutation's arguments");
            return;
        }
        try {
            switch (op) {
                case "putSecurityRule" -> putSecurityRule(loc, args);
                case "removeSecurityRule" -> removeSecurityRule(loc, args);
                case "putRoute" -> putRoute(loc, args);
                case "removeRoute" -> removeRoute(loc, args);
                default -> deleteResource(loc, args);
            }
        } catch (Missing m) {
            problem(loc + "." + m.argument, "", m.argument + " is required");
        }
    }

    private void putSecurityRule(String loc, JsonNode args) {
        Optional<NetworkSecurityGroup> nsg = nsg(loc, args);
        JsonNode rule = object(loc, args, "rule");
        if (nsg.isPresent() && rule != null) {
            validateAndApply(AzJson.nsgWithRule(nsg.get(), azRule(rule)), loc + ".rule");
        }
    }

    private void removeSecurityRule(String loc, JsonNode args) {
        Optional<NetworkSecurityGroup> nsg = nsg(loc, args);
        String name = required(args, "name");
        removeNamed(
                loc,
                name,
                nsg.map(n -> AzJson.nsgWithoutRule(n, name)),
                () -> "network security group '" + nsg.orElseThrow().name() + "' has no security rule named '" + name
                        + "'");
    }

    /** Applies the edit removing {@code name}, or reports that its holder (when found) has nothing by that name. */
    private void removeNamed(
            String loc, String name, Optional<Optional<AzJson.Edit>> edit, java.util.function.Supplier<String> none) {
        edit.ifPresent(e -> e.ifPresentOrElse(
                x -> validateAndApply(x, loc + ".name"), () -> problem(loc + ".name", name, none.get())));
    }

    private void putRoute(String loc, JsonNode args) {
        Optional<RouteTable> table = table(loc, args);
        JsonNode route = object(loc, args, "route");
        if (table.isPresent() && route != null) {
            validateAndApply(AzJson.routeTableWithRoute(table.get(), azValues(route)), loc + ".route");
        }
    }

    private void removeRoute(String loc, JsonNode args) {
        Optional<RouteTable> table = table(loc, args);
        String name = required(args, "name");
        removeNamed(
                loc,
                name,
                table.map(t -> AzJson.routeTableWithoutRoute(t, name)),
                () -> "route table '" + table.orElseThrow().name() + "' has no route named '" + name + "'");
    }

    private void deleteResource(String loc, JsonNode args) {
        String id = required(args, "id");
        boolean cascade = args.path("cascade").asBoolean(false);
        try {
            ResourceId rid = ResourceEdits.parseId(id);
            ResourceKind kind = ResourceEdits.kindOf(current, id, rid);
            if (current.unresolved().placeholder(rid).isPresent()) {
                problem(
                        loc + ".id",
                        id,
                        "is a placeholder (referenced, never imported): a what-if does not evaluate"
                                + " deleting one; import it first");
                return;
            }
            DeletePlan.Result plan = DeletePlan.of(current, rid, kind, ImportDiff::newEtag);
            if (!cascade && !plan.references().isEmpty()) {
                problem(loc + ".id", id, ResourceEdits.stillReferenced(kind, rid, plan));
                return;
            }
            advance(plan.batch());
        } catch (EditException e) {
            problem(loc + ".id", id, e.getMessage());
        }
    }

    private void validateAndApply(AzJson.Edit edit, String as) {
        ParsedDocument doc = ImportParser.parse(edit.json(), GraphImporter.known(current));
        if (!doc.isValid()) {
            problems.addAll(edit.relocate(doc.problems(), as));
            return;
        }
        advance(ImportDiff.of(doc, current).batch());
    }

    private void advance(ImportBatch batch) {
        current = EstatePatch.overlay(current, batch);
        touched.add(batch);
    }

    private Optional<NetworkSecurityGroup> nsg(String loc, JsonNode args) {
        String id = required(args, "nsg");
        try {
            return Optional.of(ResourceEdits.nsg(current, id, Optional.ofNullable(text(args, "etag"))));
        } catch (EditException e) {
            problem(loc + (e.reason() == EditException.Reason.CONFLICT ? ".etag" : ".nsg"), id, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<RouteTable> table(String loc, JsonNode args) {
        String id = required(args, "routeTable");
        try {
            return Optional.of(ResourceEdits.table(current, id));
        } catch (EditException e) {
            problem(loc + ".routeTable", id, e.getMessage());
            return Optional.empty();
        }
    }

    private JsonNode object(String loc, JsonNode args, String argument) {
        JsonNode v = args.get(argument);
        if (v == null || v.isNull()) {
            throw new Missing(argument);
        }
        if (!v.isObject()) {
            problem(loc + "." + argument, v.toString(), argument + " must be an object");
            return null;
        }
        return v;
    }

    /** A security rule as the mutation takes it (enum values, ASG ids), in az's shape. */
    private static Map<String, Object> azRule(JsonNode rule) {
        ObjectNode az = (ObjectNode) rule.deepCopy();
        if (!az.has("sourcePortRanges")) {
            az.putArray("sourcePortRanges").add("*");
        }
        for (String asgs : List.of("sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups")) {
            if (az.get(asgs) instanceof ArrayNode ids) {
                ArrayNode refs = az.putArray(asgs);
                ids.forEach(id ->
                        refs.add(id.isTextual() ? MAPPER.createObjectNode().put("id", id.asText()) : id));
            }
        }
        return azValues(az);
    }

    /** The object with the mutations' enum spellings of its top-level values in Azure's. */
    private static Map<String, Object> azValues(JsonNode node) {
        ObjectNode az = (ObjectNode) node.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isTextual() && AZ_VALUES.containsKey(f.getValue().asText())) {
                az.put(f.getKey(), AZ_VALUES.get(f.getValue().asText()));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(az, Map.class);
        return m;
    }

    private static String required(JsonNode args, String argument) {
        String v = text(args, argument);
        if (v == null) {
            throw new Missing(argument);
        }
        return v;
    }

    private static String text(JsonNode args, String argument) {
        JsonNode v = args.get(argument);
        return v == null || v.isNull() ? null : v.asText();
    }

    private void problem(String location, String value, String message) {
        problems.add(new ImportProblem(location, value, message, Optional.empty()));
    }

    /** A required argument an edit does not give. */
    private static final class Missing extends RuntimeException {
        final String argument;

        Missing(String argument) {
            super(argument, null, false, false);
            this.argument = argument;
        }
    }
}
