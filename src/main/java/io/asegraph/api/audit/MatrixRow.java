package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One caller's row of a reachability matrix.")
public record MatrixRow(@NonNull @Description("The caller's resource id.") String from, @NonNull String fromName,
        @NonNull @Description("App, AppServiceEnvironment or NetworkInterface, or Address for an address in a subnet.") String fromKind,
        @NonNull List<@NonNull MatrixCell> cells) {
}
