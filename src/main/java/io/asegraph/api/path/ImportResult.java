package io.asegraph.api.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.asegraph.api.history.ResourceChangeView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What an import did (or, for a dry run, would do).")
public record ImportResult(
        @Description("Resources new to the graph.") @NonNull Integer created,
        @Description("Resources whose state changed.") @NonNull Integer updated,
        @Description("Resources already in the graph with the same state.") @NonNull Integer unchanged,
        @Description(
                        "What was accepted but deserves a look (placeholders created, resources listed without properties, unknown fields), one sentence each.")
                @NonNull
                List<@NonNull String> warnings,
        @Description("Resources removed because a re-imported parent no longer lists them") Integer removed,
        @Description("True when nothing was written (dryRun)") Boolean dryRun,
        @Description("For a dry run: what the import would change, resource by resource and field by field (the drift"
                        + " between the document and the store); unchanged resources are not listed, and a resource"
                        + " listed without properties is unchanged. Null for an import that wrote: its changes are"
                        + " estateDiff(from: its version - 1).")
                @JsonInclude(JsonInclude.Include.NON_NULL)
                List<@NonNull ResourceChangeView> changes) {
    public ImportResult(
            Integer created,
            Integer updated,
            Integer unchanged,
            List<String> warnings,
            Integer removed,
            Boolean dryRun) {
        this(created, updated, unchanged, warnings, removed, dryRun, null);
    }
}
