package io.asegraph.api.audit;

import io.asegraph.api.path.Access;
import io.asegraph.api.path.Direction;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An NSG rule no packet can reach (priority-aware, exact over addresses, ports and protocols), or whose reachability depends on an unresolved tag.")
public record ShadowedRule(
        @NonNull @Description("The NSG's resource id.") String nsg,
        @NonNull String nsgName,
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME.") String rule,
        @NonNull Integer priority,
        @NonNull Direction direction,
        @NonNull Access access,
        @NonNull ShadowKind kind,
        @NonNull @Description("The higher-priority rules that take its match, highest priority first.") List<@NonNull String> coveredBy,
        @NonNull @Description("True when some covering rule has the other access.") Boolean differentAction,
        @NonNull @Description("What did not resolve, for UNDECIDABLE.") List<@NonNull String> causes,
        @NonNull @Description("The subnets and network interfaces where the NSG is attached and this holds (empty for an NSG attached nowhere).") List<@NonNull String> appliedTo,
        @NonNull @Description("True when it holds at some attachments only: the VirtualNetwork tag expands differently there.") Boolean dependsOnPlacement) {
}
