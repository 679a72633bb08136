package io.asegraph.api.audit;

import io.asegraph.api.path.Hop;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A network interface or ASE that Internet sources reach on a port: a public address, and every NSG on the way in (subnet, then NIC) admitting them, priority-aware.")
public record Exposure(
        @NonNull @Description("The network interface's or ASE's resource id.") String target,
        @NonNull String targetName,
        @NonNull @Description("NetworkInterface or AppServiceEnvironment.") String targetKind,
        @Description("The public IP or VIP it is reached at; null when the public IP has no allocated address.") String publicAddress,
        @NonNull Integer port,
        @NonNull Protocol protocol,
        @NonNull @Description("ALLOWED (every Internet address), PARTIAL (some, see exposedSourceRanges) or UNDETERMINED (some may be, see causes).") Verdict verdict,
        @NonNull @Description("The admitted Internet sources in a few words ('every Internet source' or CIDR blocks).") String exposedSources,
        @NonNull @Description("The admitted Internet sources as CIDR blocks.") List<@NonNull String> exposedSourceRanges,
        @NonNull @Description("Internet sources that may be admitted, depending on something unresolved.") List<@NonNull String> undeterminedSourceRanges,
        @NonNull @Description("The rules that admit them, NSG-NAME securityRules/NAME, subnet NSG first.") List<@NonNull String> admittedBy,
        @NonNull List<@NonNull String> causes,
        @NonNull @Description("E.g. no NSG at either level, replies routed elsewhere than the Internet, an ILB ASE's VIP.") List<@NonNull String> warnings,
        @NonNull @Description("The way in: Internet, the public address, each NSG with what it admits, delivery.") List<@NonNull Hop> path) {
}
