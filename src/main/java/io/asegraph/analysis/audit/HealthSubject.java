package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.Subnet;
import java.util.Optional;

/** One ASE under a health check, with what the checks read of its subnet: its NSG (if any) and its effective routes. */
record HealthSubject(AppServiceEnvironment ase, Subnet subnet, Optional<Attached> nsg, EffectiveRoutes routes) {}
