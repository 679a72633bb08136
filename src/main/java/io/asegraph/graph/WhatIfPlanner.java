package io.asegraph.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asegraph.estate.Estate;
import io.asegraph.history.ResourceChange;
import io.asegraph.history.ResourceDiffer;
import io.asegraph.history.ResourceState;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ImportProblem;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proposed change evaluated without writing it: the document is validated against a snapshot exactly as an import
 * would validate it, compared with it ({@link ImportDiff}) and the batch an import would write is applied in memory
 * ({@link EstatePatch#overlay}). Nothing reaches the store. The document is either what {@code importResources} takes,
 * or a list of edits in the shape of the single-resource mutations ({@link WhatIfEdits}), applied one after another.
 */
@ApplicationScoped
public class WhatIfPlanner {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GraphImporter importer;

    public WhatIfPlanner(GraphImporter importer) {
        this.importer = importer;
    }

    /**
     * The snapshot, the estate after the proposal, the resources it changes, and the import's warnings; or, when the
     * document has problems, those problems (located as an import locates them) and nothing else.
     */
    public record Proposal(
            Estate before,
            Optional<Estate> after,
            List<ResourceChange> changes,
            List<String> warnings,
            List<ImportProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }

        static Proposal invalid(Estate before, List<ImportProblem> problems) {
            return new Proposal(before, Optional.empty(), List.of(), List.of(), List.copyOf(problems));
        }
    }

    /** A proposal the in-memory overlay cannot evaluate exactly (a placeholder involved, a reference left dangling). */
    public static final class NotEvaluable extends RuntimeException {
        NotEvaluable(String message) {
            super(message);
        }
    }

    /**
     * Evaluates {@code document} against {@code base}.
     *
     * @throws NotEvaluable when only a write and a reload could tell the estate after it
     */
    public Proposal propose(Estate base, String document) {
        Optional<JsonNode> edits = editsDocument(document);
        try {
            if (edits.isPresent()) {
                return new WhatIfEdits(base).apply(edits.get());
            }
            ParsedDocument doc =
                    ImportParser.parse(document, GraphImporter.known(base), importer.unresolvedReferences());
            if (!doc.isValid()) {
                return Proposal.invalid(base, doc.problems());
            }
            ImportDiff.Result diff = ImportDiff.of(doc, base);
            Estate after = EstatePatch.overlay(base, diff.batch());
            Touched touched = new Touched();
            touched.add(diff.batch());
            return new Proposal(
                    base,
                    Optional.of(after),
                    touched.changes(base, after),
                    GraphImporter.warnings(doc.warnings(), diff.notes()),
                    List.of());
        } catch (EstatePatch.NotExact e) {
            throw new NotEvaluable(e.getMessage());
        }
    }

    /** The document's {@code edits} when it is an object with that field and no resource's {@code id}/{@code type}. */
    private static Optional<JsonNode> editsDocument(String document) {
        if (document == null || !document.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(document);
            return root != null && root.isObject() && root.has("edits") && !root.has("id") && !root.has("type")
                    ? Optional.of(root)
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not JSON: the import parser says where, as for an import
        }
    }

    /** The resources written or removed by the batches of a proposal, in the order first touched. */
    static final class Touched {
        private final Map<String, ResourceKind> ids = new LinkedHashMap<>();

        void add(ImportBatch batch) {
            for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
                batch.of(type).forEach(r -> ids.putIfAbsent(r.id().key(), type.kind()));
            }
            batch.of(PolicyTypes.NETWORK_SECURITY_GROUP)
                    .forEach(r -> ids.putIfAbsent(r.id().key(), ResourceKind.NETWORK_SECURITY_GROUP));
            batch.of(PolicyTypes.APPLICATION_SECURITY_GROUP)
                    .forEach(r -> ids.putIfAbsent(r.id().key(), ResourceKind.APPLICATION_SECURITY_GROUP));
            batch.of(PolicyTypes.SERVICE_TAGS)
                    .forEach(t -> ids.putIfAbsent(tagKey(t.name()), ResourceKind.SERVICE_TAGS));
            batch.removals().forEach((kind, removed) -> removed.forEach(id -> ids.putIfAbsent(id.key(), kind)));
        }

        /** Each touched resource whose state differs between {@code before} and {@code after}, field by field. */
        List<ResourceChange> changes(Estate before, Estate after) {
            List<ResourceChange> out = new ArrayList<>();
            ids.forEach((key, kind) -> ResourceDiffer.diff(
                            lookup(before, kind, key).map(ResourceState::of),
                            lookup(after, kind, key).map(ResourceState::of))
                    .ifPresent(out::add));
            out.sort(ResourceDiffer.ORDER);
            return out;
        }
    }

    private static String tagKey(String name) {
        return "servicetag:" + name;
    }

    private static Optional<Object> lookup(Estate e, ResourceKind kind, String key) {
        if (kind == ResourceKind.SERVICE_TAGS) {
            return e.policies()
                    .serviceTag(key.substring("servicetag:".length()))
                    .map(Object.class::cast);
        }
        ResourceId id = ResourceId.of(key);
        if (kind == ResourceKind.NETWORK_SECURITY_GROUP) {
            return e.policies().nsg(id).map(Object.class::cast);
        }
        if (kind == ResourceKind.APPLICATION_SECURITY_GROUP) {
            return e.policies().asg(id).map(Object.class::cast);
        }
        for (ResourceType<? extends Resource> type : NetworkTypes.ALL) {
            if (type.kind() == kind) {
                return e.topology().find(type, id).map(Object.class::cast);
            }
        }
        return Optional.empty();
    }
}
