package io.asegraph.api.whatif;

import io.asegraph.api.history.ResourceChangeView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("WhatIf")
@Description("A proposed change evaluated against the current estate without writing it: the estate after it is the"
        + " current snapshot with the change applied in memory, and both are asked the same questions by the same"
        + " path engine and audit code.")
public record WhatIf(
        @NonNull @Description("The store version of the snapshot the change was evaluated against") Integer version,
        @NonNull
                @Description("The resources the change creates, updates or removes, field by field (an NSG that changes"
                        + " gets a new etag, as on a write)")
                List<@NonNull ResourceChangeView> resources,
        @NonNull @Description("The flows asked, before and after the change, in the order asked")
                List<@NonNull FlowChangeResult> flows,
        @Description("The ASE health checks whose status the change flips; null when audits is false")
                List<@NonNull HealthCheckFlip> health,
        @Description("Internet exposures (default ports, TCP) added or removed; null when audits is false")
                ExposureChanges exposures,
        @Description("Shadowed user rules added or removed; null when audits is false")
                ShadowedRuleChanges shadowedRules,
        @NonNull @Description("The import's warnings for the document, as importResources gives them")
                List<@NonNull String> warnings) {}
