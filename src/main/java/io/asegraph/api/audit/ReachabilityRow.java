package io.asegraph.api.audit;

import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One caller's verdict toward a destination.")
public record ReachabilityRow(@NonNull @Description("The caller's id") String caller, @NonNull String callerName,
        @NonNull @Description("App, AppServiceEnvironment or NetworkInterface") String callerKind, @NonNull Verdict verdict,
        @NonNull SourceKind sourceKind, @Description("The address or range the destination sees") String source,
        @NonNull List<@NonNull String> allowedSourceRanges, @NonNull String reason) {
}
