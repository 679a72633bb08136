package io.asegraph.api.audit;

import io.asegraph.api.path.Hop;
import io.asegraph.api.path.Verdict;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A network interface or ASE reachable from the Internet on a port: a public address, and NSGs that actually admit Internet sources (priority-aware).")
public record ExposureResult(@NonNull @Description("The resource id") String target, @NonNull String targetKind, @NonNull String targetName,
        @Description("The public address it is reached at") String publicAddress, @NonNull Integer port, @NonNull Verdict verdict,
        @NonNull @Description("The Internet sources admitted, as CIDR blocks") List<@NonNull String> exposedSources,
        @NonNull @Description("The rules that admit them") List<@NonNull String> admittedBy, @NonNull List<@NonNull String> causes,
        @NonNull @Description("The path from the Internet") List<@NonNull Hop> path) {
}
