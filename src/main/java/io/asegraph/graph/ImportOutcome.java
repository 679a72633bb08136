package io.asegraph.graph;

import io.asegraph.history.ResourceChange;
import io.asegraph.importing.ImportProblem;
import java.util.List;
import java.util.Optional;

/**
 * What an import did, or for a dry run would do. Counts are in resources: every VNet, subnet, peering, NSG (its rules
 * included), route table (its routes included), NIC, ASE, app, endpoint, gateway, connection, NAT gateway, public IP,
 * ASG and service tag of the document is exactly one of created, updated or unchanged; {@code removed} counts the
 * subnets and peerings a re-imported VNet no longer lists. When {@code problems} is not empty nothing was written
 * and the counts are zero. {@code resourceChanges} is, for a dry run of a valid document, what it would change resource by
 * resource (the drift between the document and the store); empty otherwise.
 */
public record ImportOutcome(
        int created,
        int updated,
        int unchanged,
        int removed,
        List<String> warnings,
        boolean dryRun,
        List<ImportProblem> problems,
        Optional<List<ResourceChange>> resourceChanges) {
    public ImportOutcome {
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
        resourceChanges = resourceChanges.map(List::copyOf);
    }

    public ImportOutcome(
            int created,
            int updated,
            int unchanged,
            int removed,
            List<String> warnings,
            boolean dryRun,
            List<ImportProblem> problems) {
        this(created, updated, unchanged, removed, warnings, dryRun, problems, Optional.empty());
    }

    /** This outcome with the per-resource changes of a dry run. */
    ImportOutcome withChanges(List<ResourceChange> c) {
        return new ImportOutcome(created, updated, unchanged, removed, warnings, dryRun, problems, Optional.of(c));
    }

    static ImportOutcome rejected(List<String> warnings, boolean dryRun, List<ImportProblem> problems) {
        return new ImportOutcome(0, 0, 0, 0, warnings, dryRun, problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** True when the graph was (or, for a dry run, would be) changed. */
    public boolean changes() {
        return created + updated + removed > 0;
    }
}
