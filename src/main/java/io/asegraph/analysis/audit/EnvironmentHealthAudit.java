package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an ASE's network lets it work: each row of its version in the requirements table ({@link HealthRequirements}:
 * ports, directions, service tags, why and the documentation page), checked in table order — NSG rows by
 * {@link NsgRequirementCheck} with the path engine's NSG evaluation, route rows by {@link RouteRequirementCheck} with
 * its routing, the exclusive subnet by {@link ExclusiveSubnetCheck}; the sentences are {@link HealthSentences}'.
 *
 * <p><b>Outcomes.</b> PASS: the requirement holds for every address and port it names. FAIL: some part is denied or
 * misrouted for certain (the check names the rules or routes). WARN: it cannot be told — a rule with an unresolved
 * tag, an NSG missing from the snapshot, or a destination set the model only knows a superset of (Storage or SQL
 * without a Service Tags file: the whole Internet, which holds them, is checked; allowed there is PASS, nothing
 * allowed there on some required port, or over some required protocol of a port, is FAIL, anything between is
 * WARN). Source ports are the client's ephemeral ports (1024-65535). An ASE
 * whose subnet is not in the snapshot has one check, {@code subnet}, a WARN.
 *
 * <p><b>Batch.</b> {@link #all()} checks every ASE; evaluation contexts and route decisions are shared per (VNet,
 * route table), so 1,000 ASEs cost 1,000 small sets of NSG evaluations, not 1,000 flow walks.
 */
public final class EnvironmentHealthAudit {
    private final AnalysisContext context;
    private final Topology topology;
    private final NsgRequirementCheck nsgCheck;
    private final RouteRequirementCheck routeCheck;
    private final ExclusiveSubnetCheck subnetCheck;

    public EnvironmentHealthAudit(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
        Parties parties = new Parties(context.policies());
        this.nsgCheck = new NsgRequirementCheck(parties, context);
        this.routeCheck = new RouteRequirementCheck(
                parties, new FirewallEvaluator(context.policies(), topology), context.index());
        this.subnetCheck = new ExclusiveSubnetCheck(context.index());
    }

    /** Every ASE's health, by name; ASEs are independent and checked in parallel. */
    public List<EnvironmentHealth> all() {
        return topology.environments().parallelStream()
                .sorted(Comparator.comparing(
                                (AppServiceEnvironment a) -> a.name().toLowerCase(Locale.ROOT))
                        .thenComparing(a -> a.id().key()))
                .map(this::health)
                .toList();
    }

    /**
     * Every ASE's health, given {@code before}, that of an estate that differs from this one in the NSGs
     * {@code changed} only ({@link AnalysisContext#nsgChangesSince}): the ASEs whose subnet has one of them attached are
     * checked again, the others' health is taken from {@code before} (an ASE's checks read its subnet's NSG, routes,
     * and service tags, and nothing else such a change touches). Equal to {@link #all} on this estate.
     */
    public List<EnvironmentHealth> derive(List<EnvironmentHealth> before, Set<ResourceId> changed) {
        return before.stream()
                .map(h -> topology.environment(h.environment())
                        .filter(ase -> topology.subnet(ase.subnetId())
                                .flatMap(Subnet::nsgId)
                                .filter(changed::contains)
                                .isPresent())
                        .map(this::health)
                        .orElse(h))
                .toList();
    }

    /** One ASE's health. */
    public EnvironmentHealth health(AppServiceEnvironment ase) {
        Optional<Subnet> found = topology.subnet(ase.subnetId());
        if (found.isEmpty()) {
            HealthCheck missing = new HealthCheck(
                    "subnet",
                    CheckStatus.WARN,
                    HealthSentences.SUBNET_IN_SNAPSHOT,
                    HealthSentences.subnetMissing(ase),
                    List.of());
            return EnvironmentHealth.of(ase.id(), ase.name(), ase.kind(), List.of(missing));
        }
        Subnet subnet = found.get();
        HealthSubject subject = new HealthSubject(
                ase, subnet, context.subnetNsg(subnet), context.routing().effectiveRoutes(subnet));
        List<HealthCheck> checks = HealthRequirements.forKind(ase.kind()).stream()
                .map(r -> check(r, subject))
                .toList();
        return EnvironmentHealth.of(ase.id(), ase.name(), ase.kind(), checks);
    }

    private HealthCheck check(HealthRequirement requirement, HealthSubject subject) {
        if (requirement instanceof HealthRequirement.Nsg nsg) {
            return nsgCheck.check(nsg, subject);
        }
        if (requirement instanceof HealthRequirement.Route route) {
            return routeCheck.check(route, subject);
        }
        return subnetCheck.check((HealthRequirement.ExclusiveSubnet) requirement, subject);
    }
}
