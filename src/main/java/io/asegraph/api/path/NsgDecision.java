package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One NSG evaluated on the way.")
public record NsgDecision(
        @NonNull @Description("The NSG's resource id.") String nsg,
        @NonNull @Description("The subnet or network interface it is attached to.") String appliedTo,
        @Description("Whether the NSG is attached to the subnet or the network interface.") @NonNull NsgLevel level,
        @Description("The direction evaluated (OUTBOUND on the source side, INBOUND on the destination side).") @NonNull
                Direction direction,
        @Description("What this NSG decides over the source range.") @NonNull Verdict verdict,
        @NonNull @Description("One entry per rule that decided some part of the source range, highest priority first.")
                List<@NonNull RuleMatch> matches,
        @NonNull @Description("Warnings, e.g. the VirtualNetwork tag widened to everything by a 0.0.0.0/0 user route.")
                List<@NonNull String> warnings) {}
