package io.asegraph.api;

import io.asegraph.api.history.ResourceChangeView;
import io.asegraph.api.path.Access;
import io.asegraph.api.path.Direction;
import io.asegraph.api.path.ImportResult;
import io.asegraph.api.path.NextHopType;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.read.NetworkSecurityGroup;
import io.asegraph.api.read.RouteTable;
import io.asegraph.api.security.Attributions;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.EditException;
import io.asegraph.graph.GraphImporter;
import io.asegraph.graph.ImportOutcome;
import io.asegraph.graph.ResourceEdits;
import io.asegraph.graph.TransactionTooLargeException;
import io.asegraph.importing.ImportProblem;
import io.asegraph.service.ImportMetrics;
import io.asegraph.topology.ResourceId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * The write side of the API: {@code importResources} (the contract mutation; also {@code POST /import}, see
 * {@link ImportResource}) and single-resource edits for the playground. Thin: the work is in
 * {@link GraphImporter} and {@link ResourceEdits}. A document or edit with problems fails with INVALID_DOCUMENT and
 * {@code extensions.problems}; nothing is written.
 */
@GraphQLApi
@RolesAllowed(Roles.WRITER)
@CodedRefusals
public class ImportApi {
    /** At most this many problems are spelled out in an error message; {@code extensions.problems} has them all. */
    static final int PROBLEMS_IN_MESSAGE = 20;

    private final GraphImporter importer;
    private final ResourceEdits edits;
    private final SecurityIdentity identity;
    private final ImportMetrics metrics;

    public ImportApi(GraphImporter importer, ResourceEdits edits, SecurityIdentity identity, ImportMetrics metrics) {
        this.importer = importer;
        this.edits = edits;
        this.identity = identity;
        this.metrics = metrics;
    }

    /** Runs {@code write} attributed to the caller, as {@code operation} (the change record's). */
    private <T> T as(String operation, Optional<String> sha256, Supplier<T> write) {
        return Attributions.as(identity, operation, sha256, () -> call(write));
    }

    @Mutation("importResources")
    @Description(
            "Import Azure resource JSON (as az prints it) or a Service Tags file. All or nothing; dryRun validates only. "
                    + "Resources are upserted by id and replaced exactly (an NSG's rules, a route table's routes, a VNet's subnets and "
                    + "peerings); importing the same document twice changes nothing. Problems fail with INVALID_DOCUMENT and "
                    + "extensions.problems [{location, value, message, line, column}].")
    public @NonNull ImportResult importResources(
            @NonNull @Description("The JSON document, as text") String document,
            @DefaultValue("false") @Description("Validate and count without writing") Boolean dryRun) {
        return result(as(
                "importResources",
                Boolean.TRUE.equals(dryRun) ? Optional.empty() : Optional.of(Attributions.sha256(document)),
                () -> metrics.record(
                        "importResources", () -> importer.importDocument(document, Boolean.TRUE.equals(dryRun)))));
    }

    @Mutation("putSecurityRule")
    @Description(
            "Add a security rule to an NSG, or replace its rule of the same name. Validated like an import (problems at "
                    + "rule.<field>, INVALID_DOCUMENT). With etag, fails with CONFLICT unless it is the NSG's current etag. Every change "
                    + "gives the NSG a new etag.")
    public @NonNull NetworkSecurityGroup putSecurityRule(
            @NonNull @Description("The NSG's resource id") String nsg,
            @Description("The security rule to create or replace, in Azure's shape.") @NonNull SecurityRuleInput rule,
            @Description("The etag the change is based on (optimistic concurrency)") String etag) {
        return nsg(as(
                "putSecurityRule " + rule.name + " in " + nsg,
                Optional.empty(),
                () -> edits.putSecurityRule(nsg, rule.toAz(), Optional.ofNullable(etag))));
    }

    @Mutation("removeSecurityRule")
    @Description(
            "Remove a security rule of an NSG by name. With etag, fails with CONFLICT unless it is the NSG's current etag.")
    public @NonNull NetworkSecurityGroup removeSecurityRule(
            @NonNull @Description("The NSG's resource id") String nsg,
            @NonNull @Description("The rule's name") String name,
            @Description("The etag the change is based on (optimistic concurrency)") String etag) {
        return nsg(as(
                "removeSecurityRule " + name + " in " + nsg,
                Optional.empty(),
                () -> edits.removeSecurityRule(nsg, name, Optional.ofNullable(etag))));
    }

    @Mutation("putRoute")
    @Description(
            "Add a route to a route table, or replace its route of the same name. Validated like an import (problems at "
                    + "route.<field>, INVALID_DOCUMENT).")
    public @NonNull RouteTable putRoute(
            @NonNull @Description("The route table's resource id") String routeTable,
            @Description("The route to create or replace, in Azure's shape.") @NonNull RouteInput route) {
        return table(as(
                "putRoute " + route.name + " in " + routeTable,
                Optional.empty(),
                () -> edits.putRoute(routeTable, route.toAz())));
    }

    @Mutation("removeRoute")
    @Description("Remove a route of a route table by name.")
    public @NonNull RouteTable removeRoute(
            @NonNull @Description("The route table's resource id") String routeTable,
            @NonNull @Description("The route's name") String name) {
        return table(as(
                "removeRoute " + name + " in " + routeTable,
                Optional.empty(),
                () -> edits.removeRoute(routeTable, name)));
    }

    @Mutation("deleteResource")
    @Description(
            "Delete a resource by id with its own parts (a VNet's subnets and peerings, an NSG's rules, a route table's "
                    + "routes). Fails with REFERENCED, naming them, while other resources depend on it or refer to it, unless cascade: "
                    + "then dependents (ASEs and NICs in a deleted subnet, apps on a deleted ASE, gateways of a deleted VNet, peerings "
                    + "to it, connections) are deleted too and references to it (NSG, route table, NAT gateway, public IP, ASG, "
                    + "default site) are dropped.")
    public @NonNull DeleteResult deleteResource(
            @NonNull @Description("An Azure resource id") String id,
            @Description(
                            "Also delete what cannot exist without the resource (a VNet's subnets, an NSG's rules); default false: a referenced resource is refused with REFERENCED.")
                    @DefaultValue("false")
                    Boolean cascade) {
        ResourceEdits.Deletion d = as(
                "deleteResource " + id + (Boolean.TRUE.equals(cascade) ? " (cascade)" : ""),
                Optional.empty(),
                () -> edits.delete(id, Boolean.TRUE.equals(cascade)));
        return new DeleteResult(
                d.deleted().stream().map(ResourceId::value).toList(),
                d.detached().stream().map(ResourceId::value).toList());
    }

    // ---- types ------------------------------------------------------------------------------------------------

    @Type("DeleteResult")
    @Description("What deleteResource removed, and the resources that lost a reference to what was removed.")
    public record DeleteResult(
            @NonNull @Description("Ids of the resources deleted, the one asked for first")
                    List<@NonNull String> deleted,
            @NonNull @Description("Ids of the resources changed to drop a reference to a deleted one")
                    List<@NonNull String> detached) {}

    @Input("SecurityRuleInput")
    @Description(
            "One NSG security rule, as Azure has it. Prefixes are CIDR blocks, addresses, * or service tags; port ranges "
                    + "are *, 80 or 1000-2000.")
    public static class SecurityRuleInput {
        @NonNull
        @Description("The rule's name, unique within the NSG (Azure's `name`).")
        public String name;

        @NonNull
        @Description("100-4096, unique per direction within the NSG")
        public Integer priority;

        @NonNull
        @Description("Which traffic the rule applies to (Azure's `direction`).")
        public Direction direction;

        @NonNull
        @Description("Whether the rule allows or denies what it matches (Azure's `access`).")
        public Access access;

        @NonNull
        @Description("The protocol the rule matches (ANY is Azure's *).")
        public Protocol protocol;

        @Description("Source prefixes: CIDRs, addresses, service tags or *.")
        public List<String> sourceAddressPrefixes;

        @Description("Default [\"*\"]")
        public List<String> sourcePortRanges;

        @Description("Destination prefixes: CIDRs, addresses, service tags or *.")
        public List<String> destinationAddressPrefixes;

        @Description("Destination ports: numbers, ranges (8000-8999) or *.")
        public List<String> destinationPortRanges;

        @Description("Ids of application security groups")
        public List<String> sourceApplicationSecurityGroups;

        @Description("Ids of application security groups")
        public List<String> destinationApplicationSecurityGroups;

        @Description("A free-text description (optional).")
        public String description;

        /** The rule with az field names, flattened, as the import parser reads it. */
        Map<String, Object> toAz() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("priority", priority);
            m.put("direction", direction == Direction.INBOUND ? "Inbound" : "Outbound");
            m.put("access", access == Access.ALLOW ? "Allow" : "Deny");
            m.put("protocol", protocol(protocol));
            putIfSet(m, "sourceAddressPrefixes", sourceAddressPrefixes);
            m.put("sourcePortRanges", sourcePortRanges == null ? List.of("*") : sourcePortRanges);
            putIfSet(m, "destinationAddressPrefixes", destinationAddressPrefixes);
            putIfSet(m, "destinationPortRanges", destinationPortRanges);
            putIfSet(m, "sourceApplicationSecurityGroups", references(sourceApplicationSecurityGroups));
            putIfSet(m, "destinationApplicationSecurityGroups", references(destinationApplicationSecurityGroups));
            putIfSet(m, "description", description);
            return m;
        }
    }

    @Input("RouteInput")
    @Description(
            "One user-defined route. VNET_PEERING is not allowed in a user route; nextHopIpAddress only with VIRTUAL_APPLIANCE.")
    public static class RouteInput {
        @NonNull
        @Description("The route's name, unique within the route table (Azure's `name`).")
        public String name;

        @NonNull
        @Description("A CIDR block or a service tag")
        public String addressPrefix;

        @NonNull
        @Description("Where the route sends matching packets (Azure's `nextHopType`).")
        public NextHopType nextHopType;

        @Description("Required for VirtualAppliance (Azure's `nextHopIpAddress`); absent otherwise.")
        public String nextHopIpAddress;

        Map<String, Object> toAz() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("addressPrefix", addressPrefix);
            m.put(
                    "nextHopType",
                    switch (nextHopType) {
                        case INTERNET -> "Internet";
                        case VIRTUAL_APPLIANCE -> "VirtualAppliance";
                        case VIRTUAL_NETWORK_GATEWAY -> "VirtualNetworkGateway";
                        case VNET_LOCAL -> "VnetLocal";
                        case VNET_PEERING -> "VNetPeering";
                            // Not a next hop a user route may name: the import refuses it, at its location.
                        case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> "VirtualNetworkServiceEndpoint";
                        case NONE -> "None";
                    });
            putIfSet(m, "nextHopIpAddress", nextHopIpAddress);
            return m;
        }
    }

    // ---- mapping ----------------------------------------------------------------------------------------------

    /** The contract result of an outcome; an outcome with problems is an INVALID_DOCUMENT error. */
    static ImportResult result(ImportOutcome o) {
        if (!o.valid()) {
            throw invalid("the document cannot be imported", o.problems());
        }
        return new ImportResult(
                o.created(),
                o.updated(),
                o.unchanged(),
                o.warnings(),
                o.removed(),
                o.dryRun(),
                o.resourceChanges().map(ResourceChangeView::of).orElse(null));
    }

    /** {@code r} without its per-resource changes (a REST answer that did not ask for {@code diff}). */
    static ImportResult withoutChanges(ImportResult r) {
        return new ImportResult(r.created(), r.updated(), r.unchanged(), r.warnings(), r.removed(), r.dryRun());
    }

    public static InvalidDocumentException invalid(String what, List<ImportProblem> problems) {
        StringBuilder m = new StringBuilder(what)
                .append(" (nothing was written): ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (ImportProblem p : problems.subList(0, Math.min(problems.size(), PROBLEMS_IN_MESSAGE))) {
            m.append("\n- ").append(p);
        }
        if (problems.size() > PROBLEMS_IN_MESSAGE) {
            m.append("\n- … and ")
                    .append(problems.size() - PROBLEMS_IN_MESSAGE)
                    .append(" more (see extensions.problems)");
        }
        return new InvalidDocumentException(m.toString(), problems);
    }

    private static <T> T call(Supplier<T> edit) {
        try {
            return edit.get();
        } catch (TransactionTooLargeException e) {
            throw TooLargeException.of(e);
        } catch (EditException e) {
            throw switch (e.reason()) {
                case UNKNOWN -> new UnknownReferenceException(e.getMessage());
                case CONFLICT -> new ConflictException(e.getMessage());
                case REFERENCED -> new ReferencedException(e.getMessage());
                case INVALID -> invalid(e.getMessage(), e.problems());
            };
        }
    }

    private static NetworkSecurityGroup nsg(io.asegraph.policy.NetworkSecurityGroup n) {
        return new NetworkSecurityGroup(
                n.id().value(), n.name(), n.location().isEmpty() ? null : n.location(), n.etag(), n.id().key());
    }

    private static RouteTable table(io.asegraph.topology.RouteTable t) {
        return new RouteTable(
                t.id().value(),
                t.name(),
                t.location().isEmpty() ? null : t.location(),
                t.disableBgpRoutePropagation(),
                t.id().key());
    }

    private static String protocol(Protocol p) {
        return switch (p) {
            case TCP -> "Tcp";
            case UDP -> "Udp";
            case ICMP -> "Icmp";
            case ESP -> "Esp";
            case AH -> "Ah";
            case ANY -> "*";
        };
    }

    private static List<Map<String, String>> references(List<String> ids) {
        if (ids == null) {
            return null;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (String id : ids) {
            Map<String, String> ref = new LinkedHashMap<>();
            ref.put("id", id);
            out.add(ref);
        }
        return out;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
