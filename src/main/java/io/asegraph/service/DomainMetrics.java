package io.asegraph.service;

import io.asegraph.analysis.audit.Audits;
import io.asegraph.analysis.audit.CheckStatus;
import io.asegraph.analysis.audit.EnvironmentHealth;
import io.asegraph.analysis.audit.Exposure;
import io.asegraph.analysis.audit.ExposureAudit;
import io.asegraph.estate.Estate;
import io.asegraph.estate.Unresolved;
import io.asegraph.graph.EstateCache;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The estate's figures as Prometheus gauges ({@code asegraph_*} at {@code /q/metrics}): resources by type, store
 * version, ASE health, Internet exposures, shadowed rules, unresolved references, and the snapshot's load time and age.
 *
 * <p>They come from the cached estate and its audits, computed once per store version (the audits cache their own
 * answers per snapshot): a scrape reads {@link Figures} made for the snapshot it finds, and only the first scrape after
 * a write computes them. Without a scrape nothing is computed.
 */
@ApplicationScoped
public class DomainMetrics {
    /** The figures of one estate snapshot. */
    record Figures(
            Estate estate,
            Map<ResourceKind, Integer> resources,
            int securityRules,
            Map<CheckStatus, Integer> environments,
            Map<Verdict, Integer> exposures,
            int shadowedRules) {
        static Figures of(Engines.Built built) {
            Estate estate = built.estate();
            Map<ResourceKind, Integer> resources = new EnumMap<>(ResourceKind.class);
            estate.topology().resources().counts().forEach((k, n) -> resources.merge(k, n, Integer::sum));
            estate.policies().resources().counts().forEach((k, n) -> resources.merge(k, n, Integer::sum));
            int rules = estate.policies().nsgs().stream()
                    .mapToInt(n -> n.rules().size())
                    .sum();
            Audits audits = built.audits();
            Map<CheckStatus, Integer> health = new EnumMap<>(CheckStatus.class);
            for (EnvironmentHealth h : audits.environmentsHealth()) {
                health.merge(h.status(), 1, Integer::sum);
            }
            Map<Verdict, Integer> exposures = new EnumMap<>(Verdict.class);
            for (Exposure e : audits.exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP)) {
                exposures.merge(e.verdict(), 1, Integer::sum);
            }
            int shadowed = audits.shadowedRules(false).size();
            // Resources held out of the snapshot (in a subnet never imported) count as the API lists them: among the
            // resources, a held-back ASE WARN in environmentsHealth, a held-back NIC or ASE UNDETERMINED on each port.
            int ports = (int) ExposureAudit.DEFAULT_PORTS.stream().distinct().count();
            for (Unresolved.Named n : estate.unresolved().heldBackResources()) {
                resources.merge(n.kind(), 1, Integer::sum);
                if (n.kind() == ResourceKind.APP_SERVICE_ENVIRONMENT) {
                    health.merge(CheckStatus.WARN, 1, Integer::sum);
                }
                if (n.kind() == ResourceKind.APP_SERVICE_ENVIRONMENT || n.kind() == ResourceKind.NETWORK_INTERFACE) {
                    exposures.merge(Verdict.UNDETERMINED, ports, Integer::sum);
                }
            }
            return new Figures(estate, resources, rules, health, exposures, shadowed);
        }
    }

    private final Engines engines;
    private final EstateCache estates;
    private volatile Figures figures;

    public DomainMetrics(Engines engines, EstateCache estates) {
        this.engines = engines;
        this.estates = estates;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (ResourceKind kind : ResourceKind.values()) {
            gauge("asegraph.resources", "Resources in the estate snapshot, by Azure type", f -> f.resources()
                            .getOrDefault(kind, 0))
                    .tag("type", kind.armType())
                    .register(registry);
        }
        gauge("asegraph.security.rules", "User security rules of every NSG", Figures::securityRules)
                .register(registry);
        gauge("asegraph.store.version", "The store version the figures are of", f -> f.estate()
                        .version())
                .register(registry);
        for (CheckStatus status : CheckStatus.values()) {
            gauge("asegraph.environments", "App Service Environments by environmentHealth status", f -> f.environments()
                            .getOrDefault(status, 0))
                    .tag("status", status.name())
                    .register(registry);
        }
        gauge(
                        "asegraph.environments.unhealthy",
                        "App Service Environments whose environmentHealth is not PASS",
                        f -> f.environments().getOrDefault(CheckStatus.WARN, 0)
                                + f.environments().getOrDefault(CheckStatus.FAIL, 0))
                .register(registry);
        for (Verdict verdict : Verdict.values()) {
            gauge(
                            "asegraph.exposures",
                            "Rows of exposures on the default ports (TCP 22, 3389, 1433, 3306, 5432, 6379, 9200, 27017),"
                                    + " by verdict",
                            f -> f.exposures().getOrDefault(verdict, 0))
                    .tag("verdict", verdict.name())
                    .register(registry);
        }
        gauge(
                        "asegraph.shadowed.rules",
                        "User rules that shadowedRules finds dead or redundant",
                        f -> f.shadowedRules())
                .register(registry);
        gauge(
                        "asegraph.unresolved.references",
                        "Placeholders: referenced resources not imported",
                        f -> f.estate().unresolved().placeholders().size())
                .register(registry);
        Gauge.builder("asegraph.snapshot.load", estates, EstateCache::lastLoadSeconds)
                .description("How long the last read of the estate snapshot from the store took")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("asegraph.snapshot.age", estates, DomainMetrics::ageSeconds)
                .description("Time since the snapshot served now was read or computed")
                .baseUnit("seconds")
                .register(registry);
    }

    private Gauge.Builder<DomainMetrics> gauge(String name, String description, ToDoubleFunction<Figures> value) {
        return Gauge.builder(name, this, m -> value.applyAsDouble(m.figures()))
                .description(description)
                .strongReference(true);
    }

    /** The figures of the current snapshot, computed at the first call after a write. */
    Figures figures() {
        Engines.Built built = engines.current();
        Figures f = figures;
        if (f != null && f.estate() == built.estate()) {
            return f;
        }
        synchronized (this) {
            if (figures == null || figures.estate() != built.estate()) {
                figures = Figures.of(built);
            }
            return figures;
        }
    }

    private static double ageSeconds(EstateCache estates) {
        long at = estates.snapshotAtMillis();
        return at < 0 ? Double.NaN : (System.currentTimeMillis() - at) / 1000.0;
    }
}
