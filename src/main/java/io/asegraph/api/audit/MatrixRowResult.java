package io.asegraph.api.audit;

import io.asegraph.api.path.ResourceType;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One row of a reachability matrix: a caller and its verdict toward each destination.")
public record MatrixRowResult(
        @NonNull @Description("The caller as asked") String from,
        @Description("One cell per destination, in the order asked.") @NonNull List<@NonNull MatrixCell> cells,
        @NonNull @Description("The caller's resource id (or the address given)") String fromId,
        @Description("The source's name.") @NonNull String fromName,
        @NonNull
                @Description("APP, APP_SERVICE_ENVIRONMENT or NETWORK_INTERFACE, or ADDRESS for an address in a subnet")
                ResourceType fromKind) {
    @Description("One cell: the verdict and the source kind from `from` to `to`.")
    public record MatrixCell(
            @NonNull @Description("The destination as asked") String to,
            @Description("The verdict for this source and destination.") @NonNull Verdict verdict,
            @Description("Which kind of address the destination sees.") @NonNull SourceKind sourceKind,
            @Description("The address or range the destination sees") String source,
            @Description("Why, in one sentence.") @NonNull String reason,
            @NonNull @Description("The destination's resource id (or the address given)") String toId,
            @NonNull @Description("The addresses the destination sees, as CIDR blocks")
                    List<@NonNull String> sourceRanges) {}
}
