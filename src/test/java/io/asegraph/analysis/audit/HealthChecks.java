package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import java.util.List;

/** Finds one check of one ASE in the health audit's answer, for the health tests. */
final class HealthChecks {
    private HealthChecks() {}

    /** The check {@code check} of the ASE named {@code ase} in {@code all}. */
    static HealthCheck of(List<EnvironmentHealth> all, String ase, String check) {
        EnvironmentHealth h = all.stream()
                .filter(e -> e.name().equals(ase))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ASE " + ase));
        return h.checks().stream()
                .filter(c -> c.name().equals(check))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " in " + h.checks()));
    }

    /** The check {@code check} of the ASE named {@code ase}, every ASE of {@code context} audited. */
    static HealthCheck of(AnalysisContext context, String ase, String check) {
        return of(new EnvironmentHealthAudit(context).all(), ase, check);
    }
}
