package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What an import did (or, for a dry run, would do).")
public record ImportResult(
        @NonNull Integer created,
        @NonNull Integer updated,
        @NonNull Integer unchanged,
        @NonNull List<@NonNull String> warnings,
        @Description("Resources removed because a re-imported parent no longer lists them") Integer removed,
        @Description("True when nothing was written (dryRun)") Boolean dryRun) {}
