package io.asegraph.api.audit;

import io.asegraph.api.path.Protocol;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A grid of verdicts, callers by destinations, for dashboards.")
public record ReachabilityMatrix(
        @NonNull @Description("The callers' resource ids, in the order asked.") List<@NonNull String> from,
        @NonNull @Description("The destinations' resource ids (or addresses), in the order asked.") List<@NonNull String> to,
        @NonNull Integer port,
        @NonNull Protocol protocol,
        @NonNull @Description("One row per caller, one cell per destination.") List<@NonNull MatrixRow> rows) {

}
