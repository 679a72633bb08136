package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.estate.Unresolved;
import io.asegraph.graph.EditException.Reason;
import io.asegraph.importing.AzJson;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.RouteTable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Single-resource edits for people at the playground: put or remove one security rule of an NSG, put or remove one
 * route of a route table, delete one resource. Each edit builds the whole modified NSG or route table as az JSON
 * ({@link AzJson}) and runs it through the import path: the same validation ({@link ImportParser} against the current
 * snapshot), the same comparison and the same writer, in one transaction, under the writers' lock of
 * {@link GraphImporter}. An NSG gets a new etag whenever it changes; an edit that states an etag other than the
 * current one is refused ({@link Reason#CONFLICT}), as Azure refuses an {@code If-Match} that no longer matches.
 */
@ApplicationScoped
public class ResourceEdits {
    private final GraphImporter importer;

    public ResourceEdits(GraphImporter importer) {
        this.importer = importer;
    }

    /** What a delete removed and which remaining resources lost a reference to it. */
    public record Deletion(List<ResourceId> deleted, List<ResourceId> detached) {
        public Deletion {
            deleted = List.copyOf(deleted);
            detached = List.copyOf(detached);
        }
    }

    /**
     * Adds {@code rule} to the NSG, or replaces its rule of the same name (case-insensitive). {@code rule} holds az
     * field names ({@code name}, {@code priority}, {@code direction}, {@code sourceAddressPrefixes} ...). Problems are
     * reported at {@code rule.<field>}. Returns the NSG as stored afterwards.
     */
    public NetworkSecurityGroup putSecurityRule(String nsgId, Map<String, Object> rule, Optional<String> etag) {
        return importer.exclusive(() -> {
            Estate estate = importer.snapshot();
            NetworkSecurityGroup nsg = nsg(estate, nsgId, etag);
            return writeNsg(estate, nsg, AzJson.nsgWithRule(nsg, rule), "rule");
        });
    }

    /** Removes the NSG's rule {@code name} (case-insensitive). Returns the NSG as stored afterwards. */
    public NetworkSecurityGroup removeSecurityRule(String nsgId, String name, Optional<String> etag) {
        return importer.exclusive(() -> {
            Estate estate = importer.snapshot();
            NetworkSecurityGroup nsg = nsg(estate, nsgId, etag);
            AzJson.Edit edit = AzJson.nsgWithoutRule(nsg, name)
                    .orElseThrow(() -> new EditException(
                            Reason.UNKNOWN,
                            "network security group '" + nsg.name() + "' has no security rule named '" + name + "'"));
            return writeNsg(estate, nsg, edit, "rule");
        });
    }

    /** Adds {@code route} to the route table, or replaces its route of the same name. Problems at {@code route.<field>}. */
    public RouteTable putRoute(String tableId, Map<String, Object> route) {
        return importer.exclusive(() -> {
            Estate estate = importer.snapshot();
            RouteTable table = table(estate, tableId);
            return writeTable(estate, table, AzJson.routeTableWithRoute(table, route));
        });
    }

    /** Removes the route table's route {@code name} (case-insensitive). */
    public RouteTable removeRoute(String tableId, String name) {
        return importer.exclusive(() -> {
            Estate estate = importer.snapshot();
            RouteTable table = table(estate, tableId);
            AzJson.Edit edit = AzJson.routeTableWithoutRoute(table, name)
                    .orElseThrow(() -> new EditException(
                            Reason.UNKNOWN, "route table '" + table.name() + "' has no route named '" + name + "'"));
            return writeTable(estate, table, edit);
        });
    }

    /**
     * Deletes the resource {@code id} with its own parts (see {@link DeletePlan}). While other resources depend on it
     * or refer to it the delete is refused ({@link Reason#REFERENCED}, naming them) unless {@code cascade}: then its
     * dependents are deleted too and the references to it are dropped.
     */
    public Deletion delete(String id, boolean cascade) {
        return importer.exclusive(() -> {
            Estate estate = importer.snapshot();
            ResourceId rid = parseId(id);
            ResourceKind kind = kindOf(estate, id, rid);
            Optional<Unresolved.Placeholder> placeholder = estate.unresolved().placeholder(rid);
            if (placeholder.isPresent()) {
                return deletePlaceholder(estate, placeholder.get(), cascade);
            }
            DeletePlan.Result plan = DeletePlan.of(estate, rid, kind, ImportDiff::newEtag);
            if (!cascade && !plan.references().isEmpty()) {
                throw new EditException(Reason.REFERENCED, stillReferenced(kind, rid, plan));
            }
            importer.write(estate, plan.batch(), ImportProgress.NONE);
            Log.infof(
                    "deleted %s %s%s: %d resources deleted, %d detached",
                    kind.noun(),
                    rid.value(),
                    cascade ? " (cascade)" : "",
                    plan.deleted().size(),
                    plan.detached().size());
            return new Deletion(plan.deleted(), plan.detached());
        });
    }

    /**
     * Deletes a placeholder (a resource referenced, never imported). While something refers to it that is refused
     * ({@link Reason#REFERENCED}, naming them); with {@code cascade} the resources placed in it (held out of the
     * snapshot for it) go too, and the references to it are dropped with it.
     */
    private Deletion deletePlaceholder(Estate estate, Unresolved.Placeholder p, boolean cascade) {
        if (!cascade && !p.referencedBy().isEmpty()) {
            throw new EditException(
                    Reason.REFERENCED,
                    p.kind().noun() + " '" + p.name() + "' is a placeholder (referenced, never imported) still"
                            + " referenced: "
                            + p.referencedBy().stream()
                                    .map(r -> r.kind().noun() + " '" + r.name() + "' (" + r.id().value() + ") through "
                                            + r.field())
                                    .collect(java.util.stream.Collectors.joining("; "))
                            + ". Import it (" + p.howToImport() + "), change or delete those first, or pass cascade:"
                            + " true to delete what is placed in it and drop the references to it");
        }
        ImportBatch.Builder b = new ImportBatch.Builder().remove(p.kind(), p.id());
        List<ResourceId> deleted = new java.util.ArrayList<>(List.of(p.id()));
        List<ResourceId> detached = new java.util.ArrayList<>();
        for (Unresolved.Referrer r : p.referencedBy()) {
            if (r.heldBack()) {
                b.remove(r.kind(), r.id());
                deleted.add(r.id());
            } else {
                detached.add(r.id());
            }
        }
        importer.write(estate, b.build(), ImportProgress.NONE);
        Log.infof(
                "deleted placeholder %s (cascade): %d deleted, %d detached",
                p.id().value(), deleted.size(), detached.size());
        return new Deletion(deleted, detached);
    }

    /** The kind of the resource {@code id} in {@code estate}, or UNKNOWN naming it. */
    static ResourceKind kindOf(Estate estate, String id, ResourceId rid) {
        return GraphImporter.known(estate)
                .kindOf(rid)
                .orElseThrow(() -> new EditException(
                        Reason.UNKNOWN,
                        "no resource has the id '" + id + "'"
                                + (id.toLowerCase(Locale.ROOT).contains("/securityrules/")
                                        ? " (remove a security rule with removeSecurityRule)"
                                        : id.toLowerCase(Locale.ROOT).contains("/routes/")
                                                ? " (remove a route with removeRoute)"
                                                : "")));
    }

    /** Why a delete without cascade is refused: the references that hold the resource, the first 20 named. */
    static String stillReferenced(ResourceKind kind, ResourceId rid, DeletePlan.Result plan) {
        int n = plan.references().size();
        return kind.noun() + " '" + rid.name() + "' is still referenced: "
                + String.join("; ", plan.references().subList(0, Math.min(n, 20)))
                + (n > 20 ? "; and " + (n - 20) + " more" : "")
                + ". Change or delete those first, or pass cascade: true to delete what depends on it and drop the"
                + " references to it";
    }

    private NetworkSecurityGroup writeNsg(Estate estate, NetworkSecurityGroup nsg, AzJson.Edit edit, String as) {
        ParsedDocument doc = validated(estate, edit, as);
        GraphImporter.Applied applied = importer.apply(doc, estate, false, ImportProgress.NONE);
        return applied.written().of(PolicyTypes.NETWORK_SECURITY_GROUP).stream()
                .filter(n -> n.id().equals(nsg.id()))
                .findFirst()
                .orElse(nsg);
    }

    private RouteTable writeTable(Estate estate, RouteTable table, AzJson.Edit edit) {
        ParsedDocument doc = validated(estate, edit, "route");
        GraphImporter.Applied applied = importer.apply(doc, estate, false, ImportProgress.NONE);
        return applied.written().of(NetworkTypes.ROUTE_TABLE).stream()
                .filter(t -> t.id().equals(table.id()))
                .findFirst()
                .orElse(table);
    }

    private static ParsedDocument validated(Estate estate, AzJson.Edit edit, String as) {
        ParsedDocument doc = ImportParser.parse(edit.json(), GraphImporter.known(estate));
        if (!doc.isValid()) {
            throw new EditException(Reason.INVALID, "the edit is invalid", edit.relocate(doc.problems(), as));
        }
        return doc;
    }

    static NetworkSecurityGroup nsg(Estate estate, String id, Optional<String> etag) {
        NetworkSecurityGroup nsg = estate.policies()
                .nsg(parseId(id))
                .orElseThrow(
                        () -> new EditException(Reason.UNKNOWN, "no network security group has the id '" + id + "'"));
        if (etag.isPresent() && !etag.get().equals(nsg.etag())) {
            throw new EditException(
                    Reason.CONFLICT,
                    "etag " + etag.get() + " of network security group '" + nsg.name() + "' is stale: it is now "
                            + nsg.etag() + " (someone changed it since); read it again and retry");
        }
        return nsg;
    }

    static RouteTable table(Estate estate, String id) {
        return estate.topology()
                .routeTable(parseId(id))
                .orElseThrow(() -> new EditException(Reason.UNKNOWN, "no route table has the id '" + id + "'"));
    }

    static ResourceId parseId(String id) {
        try {
            return ResourceId.of(id);
        } catch (IllegalArgumentException e) {
            throw new EditException(Reason.UNKNOWN, "no resource has the id '" + id + "'");
        }
    }
}
