package io.asegraph.api.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ShadowKind")
@Description("Why a rule is reported by shadowedRules.")
public enum ShadowKind {
    @Description("Higher-priority rules take everything it matches, some with the other access: it looks like it does something and does nothing.")
    DEAD,
    @Description("Higher-priority rules with the same access take everything it matches: removing it changes nothing.")
    REDUNDANT,
    @Description("Whether it is reachable depends on a service tag or ASG that is not resolved (see causes).")
    UNDECIDABLE
}
