package io.asegraph.api.whatif;

import io.asegraph.api.path.FlowAnalysis;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("FlowChange")
@Description("One flow asked of the estate before and after a proposed change, by the same path engine.")
public record FlowChangeResult(
        @NonNull @Description("The caller, as asked") String from,
        @NonNull @Description("The destination, as asked") String to,
        @NonNull @Description("The destination port") Integer port,
        @NonNull @Description("The protocol") Protocol protocol,
        @NonNull @Description("The verdict before the change") Verdict before,
        @NonNull @Description("The verdict after the change") Verdict after,
        @NonNull
                @Description("True when the verdict, any source range (allowed, denied, undetermined, unreachable) or"
                        + " the call source (its kind or addresses) differs")
                Boolean changed,
        @NonNull @Description("Source addresses allowed end to end after the change and not before, as CIDR blocks")
                List<@NonNull String> gained,
        @NonNull @Description("Source addresses allowed before the change and no longer after it, as CIDR blocks")
                List<@NonNull String> lost,
        @NonNull @Description("Which source the destination sees before the change") SourceKind beforeSource,
        @NonNull @Description("Which source the destination sees after the change") SourceKind afterSource,
        @NonNull @Description("The whole walk before the change, as `flow` answers it") FlowAnalysis beforeFlow,
        @NonNull @Description("The whole walk after the change, as `flow` answers it") FlowAnalysis afterFlow) {}
