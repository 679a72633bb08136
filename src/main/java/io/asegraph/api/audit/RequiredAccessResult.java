package io.asegraph.api.audit;

import io.asegraph.api.path.FlowAnalysis;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("What a destination must admit for a caller, whether it does, and the rule to add when it does not.")
public record RequiredAccessResult(
        @NonNull
                @Description("What the destination must admit: the VIP or NAT address as /32, or the whole subnet CIDR"
                        + " (several blocks comma-separated). The word UNDETERMINED or UNREACHABLE when there"
                        + " is no range to admit; see reason.")
                String sourceRange,
        @Description("Which kind of address the destination sees.") @NonNull SourceKind sourceKind,
        @Description("True when the flow is already allowed end to end.") @NonNull Boolean satisfied,
        @Description("Today's verdict for the flow.") @NonNull Verdict verdict,
        @Description("Why, in one sentence.") @NonNull String reason,
        @NonNull
                @Description("The NSG rules to add (one per blocking NSG), in evaluation order: source side outbound,"
                        + " then destination side inbound. A firewall on the path sits between the two; its rules are"
                        + " in firewallFixes; reason gives every fix in path order")
                List<@NonNull RuleFixResult> fixes,
        @NonNull
                @Description("The network rule to add to each Azure Firewall on the path that denies (part of) the"
                        + " call, admitting exactly what it denies of the caller's private range; none for what a"
                        + " firewall cannot decide (reason says why)")
                List<@NonNull FirewallRuleFixResult> firewallFixes,
        @Description("True when the fixes (NSG and firewall) were checked by evaluating the flow again with them in"
                        + " place and it is then allowed")
                Boolean verified,
        @NonNull @Description("The same range as CIDR blocks; empty when there is none")
                List<@NonNull String> sourceRanges,
        @Description("The rule to add on the destination's NSG (or, when only the source side blocks, on the"
                        + " caller's); null when satisfied, when no NSG blocks, or when no rule would help")
                RuleFixResult rule,
        @NonNull @Description("The caller's private sources denied on the way, as CIDR blocks")
                List<@NonNull String> deniedSourceRanges,
        @NonNull @Description("The flow analysis it is computed from") FlowAnalysis flow) {}
