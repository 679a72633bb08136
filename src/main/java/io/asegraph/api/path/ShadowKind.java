package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ShadowKind")
@Description("What the shadow analysis finds of a rule no packet can reach.")
public enum ShadowKind {
    @Description("Covered by higher-priority rules of the other action: the rule never decides, probably a mistake.")
    DEAD,
    @Description("Covered by higher-priority rules of the same action: removing it changes nothing.")
    REDUNDANT,
    @Description("Whether it is covered depends on something unresolved (a service tag or ASG); see causes.")
    UNDECIDABLE;

    /** The API's value of the model's finding. */
    public static ShadowKind of(io.asegraph.policy.ShadowFinding.Kind k) {
        return valueOf(k.name());
    }
}
