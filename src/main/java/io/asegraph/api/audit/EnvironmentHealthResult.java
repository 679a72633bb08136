package io.asegraph.api.audit;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The network health of one App Service Environment: management access, outbound dependencies routed and"
        + " allowed, a subnet of its own.")
public record EnvironmentHealthResult(
        @NonNull @Description("The ASE's id") String environment,
        @NonNull String name,
        @NonNull String kind,
        @NonNull Boolean healthy,
        @NonNull CheckStatus status,
        @NonNull List<@NonNull HealthCheckResult> checks) {}
