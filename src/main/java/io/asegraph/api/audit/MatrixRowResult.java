package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One row of a reachability matrix: a caller and its verdict toward each destination.")
public record MatrixRowResult(@NonNull String from, @NonNull List<@NonNull MatrixCell> cells) {
    @Description("One cell: the verdict and the source kind from `from` to `to`.")
    public record MatrixCell(@NonNull String to, @NonNull io.asegraph.api.path.Verdict verdict,
            @NonNull io.asegraph.api.path.SourceKind sourceKind, String source, @NonNull String reason) {
    }
}
