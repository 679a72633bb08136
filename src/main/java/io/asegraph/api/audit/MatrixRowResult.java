package io.asegraph.api.audit;

import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One row of a reachability matrix: a caller and its verdict toward each destination.")
public record MatrixRowResult(
        @NonNull @Description("The caller as asked") String from,
        @NonNull List<@NonNull MatrixCell> cells,
        @NonNull @Description("The caller's resource id (or the address given)") String fromId,
        @NonNull String fromName,
        @NonNull @Description("App, AppServiceEnvironment or NetworkInterface, or Address for an address in a subnet")
                String fromKind) {
    @Description("One cell: the verdict and the source kind from `from` to `to`.")
    public record MatrixCell(
            @NonNull @Description("The destination as asked") String to,
            @NonNull Verdict verdict,
            @NonNull SourceKind sourceKind,
            @Description("The address or range the destination sees") String source,
            @NonNull String reason,
            @NonNull @Description("The destination's resource id (or the address given)") String toId,
            @NonNull @Description("The addresses the destination sees, as CIDR blocks")
                    List<@NonNull String> sourceRanges) {}
}
