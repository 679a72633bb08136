package io.asegraph.api.audit;

import io.asegraph.api.path.AseKind;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The network health of one App Service Environment: management access, outbound dependencies routed and"
        + " allowed, a subnet of its own.")
public record EnvironmentHealthResult(
        @NonNull @Description("The ASE's id") String environment,
        @Description("The resource name (Azure's `name`).") @NonNull String name,
        @Description("The ASE kind (ASEV1, ASEV2 or ASEV3; UNDETERMINED for an ASE held back), which decides the"
                        + " requirements.")
                @NonNull
                AseKind kind,
        @Description("True when every check passes.") @NonNull Boolean healthy,
        @Description("The worst status of the checks.") @NonNull CheckStatus status,
        @Description("Every check, in the order of Microsoft's requirements table.") @NonNull
                List<@NonNull HealthCheckResult> checks) {}
