package io.asegraph.api.audit;

import io.asegraph.api.path.FlowAnalysis;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What a destination must admit for a call, whether it does, and if not the exact rule to add.")
public record RequiredAccess(
        @NonNull @Description("The caller's resource id (or the address given).") String from,
        @NonNull @Description("The destination's resource id (or the address given).") String to,
        @NonNull Integer port,
        @NonNull Protocol protocol,
        @NonNull SourceKind sourceKind,
        @NonNull @Description("What the destination must admit, as CIDR: the VIP or NAT address as /32, or the whole ASE subnet. UNDETERMINED or UNREACHABLE (the words) when there is no range to admit; see reason.") String sourceRange,
        @NonNull @Description("The same as CIDR blocks (several when the ASE has several outbound addresses); empty when there is no range.") List<@NonNull String> sourceRanges,
        @NonNull @Description("True when every source address is allowed by every NSG on the way.") Boolean satisfied,
        @NonNull Verdict verdict,
        @NonNull String reason,
        @NonNull @Description("The caller's private sources denied on the way, as CIDR blocks.") List<@NonNull String> deniedSourceRanges,
        @Description("The rule to add on the destination's NSG (or, when only the source side blocks, on the caller's); null when satisfied or when no rule would help.") RuleFix rule,
        @NonNull @Description("Every rule to add, one per NSG that blocks, in evaluation order (source side outbound, then destination side inbound).") List<@NonNull RuleFix> fixes,
        @Description("When there are fixes: whether the flow, analysed again with all of them applied, is allowed.") Boolean verified,
        @NonNull @Description("The flow analysis it is computed from.") FlowAnalysis flow) {
}
