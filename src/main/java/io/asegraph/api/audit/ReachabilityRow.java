package io.asegraph.api.audit;

import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.ResourceType;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One caller's verdict toward a destination. An app calls from its ASE, so it shares the ASE's answer."
        + " `reason` and `flow` are computed on demand, as one batch for the rows that ask for them.")
public record ReachabilityRow(
        @NonNull @Description("The caller's id") String caller,
        @Description("The caller's name.") @NonNull String callerName,
        @NonNull @Description("APP, APP_SERVICE_ENVIRONMENT or NETWORK_INTERFACE") ResourceType callerKind,
        @Description("The verdict for this caller over all its source addresses.") @NonNull Verdict verdict,
        @Description("Which kind of address the destination sees from this caller.") @NonNull SourceKind sourceKind,
        @Description("The address or range the destination sees") String source,
        @Description("The caller's source sub-ranges admitted end to end, as CIDR blocks.") @NonNull
                List<@NonNull String> allowedSourceRanges,
        @NonNull
                @Description(
                        "The addresses the destination sees, as CIDR blocks (empty when undetermined or unreachable)")
                List<@NonNull String> sourceRanges,
        @NonNull @Description("The part of the caller's own range denied by some NSG")
                List<@NonNull String> deniedSourceRanges,
        @NonNull @Description("The part of the caller's own range whose fate the model cannot tell")
                List<@NonNull String> undeterminedSourceRanges,
        @Ignore String to,
        @Ignore Integer port,
        @Ignore Protocol protocol) {}
