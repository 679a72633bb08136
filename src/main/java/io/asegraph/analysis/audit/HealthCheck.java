package io.asegraph.analysis.audit;

import java.util.List;
import java.util.Objects;

/**
 * One requirement of an ASE checked against its network (see {@link EnvironmentHealthAudit}).
 *
 * @param name        a stable identifier, e.g. {@code inbound-management}, {@code outbound-route}
 * @param status      PASS, WARN or FAIL
 * @param requirement what Azure requires, in one sentence
 * @param detail      what the model found, in one sentence a network engineer can act on
 * @param decidedBy   the rules ({@code NSG-NAME securityRules/NAME}) or routes that decided, in evaluation order;
 *                    empty when nothing filters or nothing is in the way
 */
public record HealthCheck(String name, CheckStatus status, String requirement, String detail, List<String> decidedBy) {
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(detail, "detail");
        decidedBy = List.copyOf(decidedBy);
    }
}
