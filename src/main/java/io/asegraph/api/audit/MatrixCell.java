package io.asegraph.api.audit;

import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The verdict of one caller's call to one destination, with how its source is seen there.")
public record MatrixCell(@NonNull @Description("The destination's resource id or address.") String to, @NonNull Verdict verdict,
        @NonNull SourceKind sourceKind,
        @Description("What the destination sees, as one CIDR block when there is one.") String sourceRange,
        @NonNull List<@NonNull String> sourceRanges,
        @NonNull String reason) {
}
