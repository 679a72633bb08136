package io.asegraph.importing;

import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceSet;
import io.asegraph.topology.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ImportParser#parse} made of a document: the domain records per kind, in document order (read with
 * {@link #of} and a key of {@link NetworkTypes} or {@link PolicyTypes}), the header of a Service Tags file if it was
 * one, the warnings and the problems.
 *
 * <p>All or nothing: when {@link #problems()} is not empty the document must not be written; the resources then
 * are only those that parsed without a problem of their own and are for diagnostics only. NSGs carry their user
 * rules only (the input's {@code defaultSecurityRules} are ignored: they are {@code DefaultRules.ALL} everywhere).
 * Records compare with {@code equals}, so a writer can tell created, updated and unchanged resources apart.
 *
 * <p>Absent is not empty. {@code unstated} names, per resource, the parts of its state the document has no key for
 * (an NSG without {@code securityRules}, a VNet without {@code subnets}, an ASE without {@code addresses}, which is
 * what {@code az appservice ase show} prints): an import keeps what the graph holds for them. {@code listed} are the
 * resources given without any properties ({@code az resource list}): references that change nothing. Both were
 * checked to exist in the graph where keeping is needed (a new resource whose rules or routes are unknown is a
 * problem).
 *
 * <p>{@code placeholders} are the resources the document references that are neither in it nor in the graph, when
 * the import makes placeholders for them ({@link UnresolvedReferences#PLACEHOLDER}); each has a warning.
 */
public record ParsedDocument(
        ResourceSet resources,
        Optional<ServiceTagsFile> serviceTagsFile,
        Map<ResourceId, Set<StatePart>> unstated,
        List<ListedResource> listed,
        List<PlaceholderRef> placeholders,
        List<ImportWarning> warnings,
        List<ImportProblem> problems) {

    public ParsedDocument {
        Objects.requireNonNull(resources, "resources");
        serviceTagsFile = serviceTagsFile == null ? Optional.empty() : serviceTagsFile;
        unstated = Map.copyOf(unstated);
        listed = List.copyOf(listed);
        placeholders = placeholders == null ? List.of() : List.copyOf(placeholders);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    /** The records of {@code type}'s kind, in document order. */
    public <T> List<T> of(ResourceType<T> type) {
        return resources.of(type);
    }

    /** True when the document gives no key for {@code part} of resource {@code id}: the stored part is kept. */
    public boolean unstated(ResourceId id, StatePart part) {
        Set<StatePart> parts = unstated.get(id);
        return parts != null && parts.contains(part);
    }

    /** True when the document has no problem and may be written. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** How many records of each kind were parsed (kinds with none are left out). */
    public Map<ResourceKind, Integer> counts() {
        return resources.counts();
    }

    /** The number of records of every kind together (service tags included). */
    public int resourceCount() {
        return resources.size();
    }
}
