package io.asegraph.analysis.audit;

import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * The health of one ASE's network: every check of its version (see {@link EnvironmentHealthAudit}).
 *
 * @param environment the ASE's id
 * @param name        its name
 * @param kind        ASEV1, ASEV2 or ASEV3: which requirements apply
 * @param healthy     true only when every check PASSes (a WARN is "not shown to be healthy")
 * @param status      the worst check outcome
 * @param checks      the checks, in a fixed order per version
 */
public record EnvironmentHealth(
        ResourceId environment,
        String name,
        AseKind kind,
        boolean healthy,
        CheckStatus status,
        List<HealthCheck> checks) {
    public EnvironmentHealth {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        checks = List.copyOf(checks);
    }

    /** Builds the result from its checks: status is the worst, healthy when all pass. */
    public static EnvironmentHealth of(ResourceId environment, String name, AseKind kind, List<HealthCheck> checks) {
        CheckStatus worst = CheckStatus.PASS;
        for (HealthCheck c : checks) {
            worst = worst.worst(c.status());
        }
        return new EnvironmentHealth(environment, name, kind, worst == CheckStatus.PASS, worst, checks);
    }
}
