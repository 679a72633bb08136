package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.policy.NsgEvaluator;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.Subnet;
import java.util.Optional;

/**
 * One ASE under a health check, with what the checks read of its subnet: the NSG evaluator of its evaluation context,
 * the subnet's NSG (if any) and its effective routes.
 */
record HealthSubject(
        AppServiceEnvironment ase,
        Subnet subnet,
        NsgEvaluator evaluator,
        Optional<Attached> nsg,
        EffectiveRoutes routes) {}
