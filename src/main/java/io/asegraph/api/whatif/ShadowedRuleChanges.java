package io.asegraph.api.whatif;

import io.asegraph.api.audit.ShadowedRuleResult;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ShadowedRuleChanges")
@Description("Shadowed user rules (as shadowedRules reports them) a proposed change adds or removes.")
public record ShadowedRuleChanges(
        @NonNull @Description("Rules shadowed after the change and not before it")
                List<@NonNull ShadowedRuleResult> added,
        @NonNull @Description("Rules shadowed before the change and no longer after it")
                List<@NonNull ShadowedRuleResult> removed) {}
