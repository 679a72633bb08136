package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Whether an ASE's network lets it work: every check of its version (v1 by default; v2 and v3 where they differ).")
public record EnvironmentHealth(
        @NonNull @Description("The ASE's resource id.") String environment,
        @NonNull String name,
        @NonNull @Description("ASEV1, ASEV2 or ASEV3: which requirements apply.") String kind,
        @NonNull @Description("True only when every check passes (a WARN is not shown to be healthy).") Boolean healthy,
        @NonNull @Description("The worst check outcome.") CheckStatus status,
        @NonNull List<@NonNull HealthCheck> checks) {
}
