package io.asegraph.api.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.audit.Audits;
import io.asegraph.analysis.audit.EnvironmentHealth;
import io.asegraph.analysis.audit.Exposure;
import io.asegraph.analysis.audit.RequiredAccess;
import io.asegraph.analysis.audit.RuleFix;
import io.asegraph.analysis.audit.RuleFixFormats;
import io.asegraph.analysis.audit.ShadowedRule;
import io.asegraph.api.Engines;
import io.asegraph.api.Errors;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.path.PathMapping;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The audits auditors and dashboards ask, answered by the same path engine over the whole estate. */
@GraphQLApi
public class AuditQueries {
    static final List<Integer> DEFAULT_EXPOSURE_PORTS = List.of(22, 3389, 1433, 3306, 5432, 6379, 9200, 27017);

    private final Engines engines;

    public AuditQueries(Engines engines) {
        this.engines = engines;
    }

    private Audits audits() {
        return engines.current().audits();
    }

    @Query("environmentHealth")
    @Description("The network health of one ASE: inbound management 454-455 over the whole subnet, outbound dependencies (Storage, SQL, DNS) allowed and routed straight to the Internet, a subnet of its own.")
    public @NonNull EnvironmentHealthResult environmentHealth(@NonNull @Description("An ASE: id, name or VIP") String environment) {
        return Errors.guard(() -> health(audits().environmentHealth(environment)));
    }

    @Query("environmentsHealth")
    @Description("Every ASE's health at once (a dashboard grid), computed once per store version.")
    public @NonNull List<@NonNull EnvironmentHealthResult> environmentsHealth(@Description("Only healthy (true) or unhealthy (false) ASEs") Boolean healthy) {
        return Errors.guard(() -> audits().environmentsHealth().stream()
                .filter(h -> healthy == null || h.healthy() == healthy).map(AuditQueries::health).toList());
    }

    @Query("requiredAccess")
    @Description("What `to` must admit for calls from `from` (the VIP/NAT address as /32 or the whole subnet CIDR), whether it does, and when not the exact rule to add (ARM JSON, az command, Terraform).")
    public @NonNull RequiredAccessResult requiredAccess(@NonNull String from, @NonNull String to, @NonNull Integer port,
            @DefaultValue("TCP") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort(port);
            RequiredAccess r = audits().requiredAccess(from, to, port, protocol(protocol));
            return new RequiredAccessResult(r.sources().isEmpty() ? "" : String.join(", ", r.sources().toCidrStrings()),
                    SourceKind.valueOf(r.sourceKind().name()), r.satisfied(), Verdict.valueOf(r.flow().verdict().name()), r.reason(),
                    r.fixes().stream().map(AuditQueries::fix).toList(), r.verified().orElse(null));
        });
    }

    @Query("whoCanReach")
    @Description("One row per ASE, app and network interface with its verdict toward `to` on a port, computed as one batch over the estate.")
    public @NonNull List<@NonNull ReachabilityRow> whoCanReach(@NonNull String to, @NonNull Integer port, @DefaultValue("TCP") Protocol protocol,
            @Description("Only rows with these verdicts") List<Verdict> verdicts) {
        return Errors.guard(() -> {
            checkPort(port);
            return audits().whoCanReach(to, port, protocol(protocol)).stream()
                    .filter(r -> verdicts == null || verdicts.isEmpty() || verdicts.contains(Verdict.valueOf(r.flow().verdict().name())))
                    .map(r -> row(r.caller().value(), r.callerName(), r.callerKind().label(), r.flow())).toList();
        });
    }

    @Query("shadowedRules")
    @Description("Rules no packet can ever reach because higher-priority rules (default rules included) cover all they match; differentAction false = redundant, true = dead.")
    public @NonNull List<@NonNull ShadowedRuleResult> shadowedRules(@Description("One NSG (all when omitted)") String nsg,
            @DefaultValue("false") @Description("Also report default rules made unreachable") Boolean includeDefaultRules) {
        return Errors.guard(() -> {
            boolean defaults = Boolean.TRUE.equals(includeDefaultRules);
            List<ShadowedRule> rows = nsg == null ? audits().shadowedRules(defaults) : audits().shadowedRules(nsg, defaults);
            return rows.stream().map(AuditQueries::shadow).toList();
        });
    }

    @Query("exposures")
    @Description("Network interfaces and ASEs reachable from the Internet on the given ports (default 22, 3389, 1433, 3306, 5432, 6379, 9200, 27017): a public address and NSGs that actually admit Internet sources, priority-aware.")
    public @NonNull List<@NonNull ExposureResult> exposures(@Description("Ports to check (default 22, 3389, 1433, 3306, 5432, 6379, 9200, 27017)") List<Integer> ports, @DefaultValue("TCP") Protocol protocol) {
        return Errors.guard(() -> {
            List<Integer> p = ports == null ? DEFAULT_EXPOSURE_PORTS : ports;
            p.forEach(AuditQueries::checkPort);
            return audits().exposures(p, protocol(protocol)).stream().map(AuditQueries::exposure).toList();
        });
    }

    @Query("reachabilityMatrix")
    @Description("A grid of verdicts and source kinds from each of `from` to each of `to` on a port, for dashboards.")
    public @NonNull List<@NonNull MatrixRowResult> reachabilityMatrix(@NonNull List<@NonNull String> from, @NonNull List<@NonNull String> to,
            @NonNull Integer port, @DefaultValue("TCP") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort(port);
            return audits().reachabilityMatrix(from, to, port, protocol(protocol)).stream()
                    .map(r -> new MatrixRowResult(r.from().text(), r.cells().stream().map(c -> cell(c.to(), c.flow())).toList())).toList();
        });
    }

    private static EnvironmentHealthResult health(EnvironmentHealth h) {
        return new EnvironmentHealthResult(h.environment().value(), h.name(), h.kind().name(), h.healthy(),
                CheckStatus.valueOf(h.status().name()), h.checks().stream().map(c -> new HealthCheckResult(c.name(),
                        CheckStatus.valueOf(c.status().name()), c.requirement(), c.detail(), c.decidedBy())).toList());
    }

    private static RuleFixResult fix(RuleFix f) {
        return new RuleFixResult(f.nsg().value(), f.nsgName(), f.name(), f.priority().orElse(null), f.direction().azureName(),
                RuleFixFormats.arm(f).orElse(null), RuleFixFormats.azCli(f).orElse(null), RuleFixFormats.terraform(f).orElse(null),
                f.problem().orElse(null));
    }

    private static ShadowedRuleResult shadow(ShadowedRule s) {
        return new ShadowedRuleResult(s.nsg().value(), s.nsgName(), s.rule().qualifiedName(), s.rule().priority(),
                s.rule().direction().azureName(), s.kind().name(), s.coveredBy(), s.differentAction(), s.causes(), s.dependsOnPlacement());
    }

    private static ExposureResult exposure(Exposure e) {
        return new ExposureResult(e.target().value(), e.targetKind(), e.targetName(), e.publicAddress().map(Ipv4::format).orElse(null),
                e.port(), Verdict.valueOf(e.verdict().name()), e.exposedSources().toCidrStrings(), e.admittedBy(), e.causes(),
                PathMapping.hops(e.path()));
    }

    private static ReachabilityRow row(String id, String name, String kind, FlowResult f) {
        return new ReachabilityRow(id, name, kind, Verdict.valueOf(f.verdict().name()), SourceKind.valueOf(f.callSource().kind().name()),
                source(f), f.allowedSources().toCidrStrings(), f.reason());
    }

    private static MatrixRowResult.MatrixCell cell(Reference to, FlowResult f) {
        return new MatrixRowResult.MatrixCell(to.text(), Verdict.valueOf(f.verdict().name()),
                SourceKind.valueOf(f.callSource().kind().name()), source(f), f.reason());
    }

    private static String source(FlowResult f) {
        return f.callSource().address().map(Ipv4::format).orElse(f.callSource().addressRange().map(Cidr::toString).orElse(null));
    }

    private static void checkPort(Integer port) {
        if (port == null || port < 0 || port > 65535) {
            throw new InvalidArgumentException("port " + port + " is outside 0-65535");
        }
    }

    private static io.asegraph.net.Protocol protocol(Protocol p) {
        return io.asegraph.net.Protocol.valueOf((p == null ? Protocol.TCP : p).name());
    }
}
