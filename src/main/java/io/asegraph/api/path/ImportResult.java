package io.asegraph.api.path;

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
        @Description("True when nothing was written (dryRun)") Boolean dryRun) {}
