package io.asegraph.api.history;

import io.asegraph.api.whatif.FlowChangeResult;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The resources that differ between two versions of the estate. */
@Type("EstateDiff")
@Description("The resources that differ between two versions of the estate, field by field.")
public record EstateDiff(
        @NonNull @Description("The earlier version") Long from,
        @NonNull @Description("The later version") Long to,
        @NonNull
                @Description("Each resource whose state at `to` differs from its state at `from`, ordered by type then"
                        + " name; a resource created and removed in between is not listed")
                List<@NonNull ResourceChangeView> resources,
        @NonNull
                @Description("The flows asked (estateDiff's `flows`), each at `from` (before) and at `to` (after), both"
                        + " versions asked by the same path engine; empty when none were asked")
                List<@NonNull FlowChangeResult> flows) {}
