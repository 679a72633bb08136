package io.asegraph.api.audit;

import io.asegraph.api.path.Access;
import io.asegraph.api.path.Direction;
import io.asegraph.api.path.ShadowKind;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A rule no packet can reach because higher-priority rules cover all it matches.")
public record ShadowedRuleResult(
        @NonNull @Description("The NSG's id") String nsg,
        @Description("The NSG's name.") @NonNull String nsgName,
        @NonNull @Description("securityRules/NAME or defaultSecurityRules/NAME") String rule,
        @Description("The shadowed rule's priority.") @NonNull Integer priority,
        @Description("INBOUND or OUTBOUND (Azure's `direction`: Inbound, Outbound).") @NonNull Direction direction,
        @NonNull
                @Description(
                        "DEAD (covered by rules of the other action: probably a mistake), REDUNDANT (same action) or"
                                + " UNDECIDABLE (an unresolved tag or ASG)")
                ShadowKind kind,
        @NonNull @Description("The higher-priority rules that cover it") List<@NonNull String> coveredBy,
        @NonNull @Description("True: covered by rules of the other action (dead); false: redundant")
                Boolean differentAction,
        @Description("For UNDECIDABLE: what could not be resolved (an unresolved service tag or ASG); empty otherwise.")
                @NonNull
                List<@NonNull String> causes,
        @NonNull
                @Description(
                        "True when the finding depends on which subnet the NSG is attached to (the VirtualNetwork tag)")
                Boolean dependsOnPlacement,
        @NonNull @Description("ALLOW or DENY (Azure's `access`: Allow, Deny).") Access access,
        @NonNull
                @Description(
                        "The subnets and network interfaces where the NSG is attached and this holds (empty for an NSG attached nowhere)")
                List<@NonNull String> appliedTo) {}
