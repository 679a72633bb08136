package io.asegraph.api.audit;

import io.asegraph.api.path.Hop;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.ResourceType;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description(
        "A network interface or ASE reachable from the Internet on a port at its own public address, or whatever an Azure"
                + " Firewall DNAT rule publishes (a network interface, private endpoint, ILB ASE or subnet address), and the"
                + " NSGs that actually admit the call (priority-aware, subnet then NIC).")
public record ExposureResult(
        @NonNull @Description("The resource id") String target,
        @Description("The type of the exposed resource: APP_SERVICE_ENVIRONMENT or NETWORK_INTERFACE; for a DNAT"
                        + " publication also PRIVATE_ENDPOINT or SUBNET, and AZURE_FIREWALL for a firewall held back.")
                @NonNull
                ResourceType targetKind,
        @Description("The exposed resource's name.") @NonNull String targetName,
        @Description("The public address it is reached at") String publicAddress,
        @Description("The destination port checked.") @NonNull Integer port,
        @NonNull
                @Description(
                        "ALLOWED (every Internet source), PARTIAL (some) or UNDETERMINED (some may be, see causes)")
                Verdict verdict,
        @NonNull @Description("The Internet sources admitted, as CIDR blocks") List<@NonNull String> exposedSources,
        @NonNull @Description("The rules that admit them") List<@NonNull String> admittedBy,
        @Description(
                        "What could not be resolved, when the verdict is UNDETERMINED or PARTIAL for that reason (an unresolved service tag or ASG, a missing NSG).")
                @NonNull
                List<@NonNull String> causes,
        @NonNull @Description("The path from the Internet") List<@NonNull Hop> path,
        @Description("The protocol checked.") @NonNull Protocol protocol,
        @NonNull @Description("The admitted sources in a few words: 'every Internet source' or the first CIDR blocks")
                String exposedSummary,
        @NonNull @Description("Internet sources that may be admitted, depending on something unresolved")
                List<@NonNull String> undeterminedSources,
        @NonNull
                @Description(
                        "E.g. no NSG at either level, replies routed elsewhere than the Internet, an ILB ASE's VIP")
                List<@NonNull String> warnings,
        @Description("For a target published by an Azure Firewall DNAT rule: the firewall, rule collection, rule,"
                        + " public address and port; null for a target reached at its own public address")
                DnatPublicationResult dnat) {}
