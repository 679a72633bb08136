package io.asegraph.api.audit;

import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One caller (an ASE, an app or a network interface) and the verdict of its call to the destination. An app calls from its ASE, so it shares the ASE's answer.")
public record Reachability(
        @NonNull @Description("The caller's resource id.") String caller,
        @NonNull String callerName,
        @NonNull CallerKind callerKind,
        @NonNull Verdict verdict,
        @NonNull @Description("How the destination sees the call's source.") SourceKind sourceKind,
        @NonNull @Description("The addresses the destination sees, as CIDR blocks (empty when undetermined or unreachable).") List<@NonNull String> sourceRanges,
        @NonNull @Description("The part of the caller's own range allowed end to end.") List<@NonNull String> allowedSourceRanges,
        @NonNull List<@NonNull String> deniedSourceRanges,
        @NonNull List<@NonNull String> undeterminedSourceRanges,
        @Ignore String to, @Ignore Integer port, @Ignore Protocol protocol) {
}
