package io.asegraph.api.path;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description(
        "The whole walk of one call: route, source NAT, every NSG on the way, and the verdict over every source address.")
public record FlowAnalysis(
        @Description("The verdict over every source address the call may come from.") @NonNull Verdict verdict,
        @Description("The call source: which address or range the destination sees.") @NonNull CallSource source,
        @Description("The address or range the call is delivered to, after any destination translation.")
                String destination,
        @NonNull
                @Description(
                        "Every NSG evaluated, in evaluation order (source side outbound, then destination side inbound).")
                List<@NonNull NsgDecision> decisions,
        @NonNull
                @Description(
                        "The decisions that deny some or all of the source range (all of them, not only the first).")
                List<@NonNull NsgDecision> blockers,
        @Description("The walk hop by hop: route, source NAT, filters, delivery or drop, in the order decided.")
                @NonNull
                List<@NonNull Hop> trace,
        @NonNull @Description("The source addresses allowed end to end, as CIDR blocks.")
                List<@NonNull String> allowedSourceRanges,
        @NonNull @Description("The source addresses denied somewhere on the way, as CIDR blocks.")
                List<@NonNull String> deniedSourceRanges,
        @NonNull @Description("Warnings raised on the way.") List<@NonNull String> warnings,
        @NonNull @Description("The verdict in one sentence.") String reason,
        @NonNull @Description("The source addresses whose fate cannot be decided, as CIDR blocks.")
                List<@NonNull String> undeterminedSourceRanges,
        @NonNull
                @Description(
                        "What is unknown, when the verdict is UNDETERMINED (an unresolved tag, a forced tunnel ...).")
                List<@NonNull String> causes,
        @NonNull @Description("Every firewall on the path (an Azure Firewall's rule collections), in path order.")
                List<@NonNull FirewallDecision> firewallDecisions) {}
