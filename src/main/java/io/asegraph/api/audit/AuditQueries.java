package io.asegraph.api.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.ReferenceResolver;
import io.asegraph.analysis.audit.Audits;
import io.asegraph.analysis.audit.DnatPublication;
import io.asegraph.analysis.audit.EnvironmentHealth;
import io.asegraph.analysis.audit.Exposure;
import io.asegraph.analysis.audit.ExposureAudit;
import io.asegraph.analysis.audit.FirewallRuleFix;
import io.asegraph.analysis.audit.FirewallRuleFixFormats;
import io.asegraph.analysis.audit.Reachability;
import io.asegraph.analysis.audit.RequiredAccess;
import io.asegraph.analysis.audit.RuleFix;
import io.asegraph.analysis.audit.RuleFixFormats;
import io.asegraph.analysis.audit.ShadowedRule;
import io.asegraph.api.Errors;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.path.Access;
import io.asegraph.api.path.AseKind;
import io.asegraph.api.path.Direction;
import io.asegraph.api.path.FlowAnalysis;
import io.asegraph.api.path.NsgLevel;
import io.asegraph.api.path.PathMapping;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.ResourceType;
import io.asegraph.api.path.ShadowKind;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.estate.Unresolved;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Port;
import io.asegraph.service.Engines;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The audits auditors and dashboards ask, answered by the same path engine over the whole estate. Thin: every answer is
 * computed in {@code io.asegraph.analysis.audit}; estate-wide answers are cached there per store version.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class AuditQueries {
    static final List<Integer> DEFAULT_EXPOSURE_PORTS = ExposureAudit.DEFAULT_PORTS;

    private final Engines engines;

    public AuditQueries(Engines engines) {
        this.engines = engines;
    }

    private Audits audits() {
        return engines.current().audits();
    }

    /** The placeholders of the snapshot the audits answer over, and what they hold back. */
    private static Unresolved unresolved(Engines.Built built) {
        return built.context().estate().unresolved();
    }

    @Query("environmentHealth")
    @Description(
            "The network health of one ASE: inbound management 454-455 over the whole subnet, outbound dependencies"
                    + " (Storage, SQL, DNS) allowed and routed straight to the Internet, a subnet of its own; v2 and"
                    + " v3 requirements where they differ. Each check names the rule or route that decided.")
    public @NonNull EnvironmentHealthResult environmentHealth(
            @NonNull @Description("An ASE (id, name or VIP), or an app on it") String environment) {
        return Errors.guard(() -> health(audits().environmentHealth(environment)));
    }

    @Query("environmentsHealth")
    @Description("Every ASE's health at once (a dashboard grid), computed once per store version.")
    public @NonNull List<@NonNull EnvironmentHealthResult> environmentsHealth(
            @Description("Only healthy (true) or unhealthy (false) ASEs") Boolean healthy) {
        return Errors.guard(() -> {
            Engines.Built built = engines.current();
            List<EnvironmentHealthResult> out = new ArrayList<>();
            built.audits().environmentsHealth().stream()
                    .filter(h -> healthy == null || h.healthy() == healthy)
                    .map(AuditQueries::health)
                    .forEach(out::add);
            if (!Boolean.TRUE.equals(healthy)) {
                // An ASE in a subnet never imported is not shown to be healthy: listed, naming what is missing.
                HeldBackRows.callers(unresolved(built)).stream()
                        .filter(n -> n.kind() == ResourceKind.APP_SERVICE_ENVIRONMENT)
                        .map(HeldBackRows::health)
                        .forEach(out::add);
            }
            return out;
        });
    }

    @Query("requiredAccess")
    @Description("What `to` must admit for calls from `from` (the VIP/NAT address as /32 or the whole subnet CIDR, from"
            + " the call-source walk), whether every NSG and Azure Firewall on the way does, and when not the exact"
            + " rules to add at a free priority that wins over the blocker (ARM JSON, az command, Terraform): NSG rules"
            + " in fixes, firewall network rules in firewallFixes; verified by analysing the flow again with all of"
            + " them.")
    public @NonNull RequiredAccessResult requiredAccess(
            @NonNull
                    @Description(
                            "An app, ASE or network interface: id, host name, unique name, or an address in a subnet")
                    String from,
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort(port);
            RequiredAccess r = audits().requiredAccess(from, to, port, protocol(protocol));
            List<String> ranges = r.sources().toCidrStrings();
            return new RequiredAccessResult(
                    ranges.isEmpty() ? r.sourceKind().name() : String.join(", ", ranges),
                    SourceKind.valueOf(r.sourceKind().name()),
                    r.satisfied(),
                    Verdict.valueOf(r.flow().verdict().name()),
                    r.reason(),
                    r.fixes().stream().map(AuditQueries::fix).toList(),
                    r.firewallFixes().stream().map(AuditQueries::firewallFix).toList(),
                    r.verified().orElse(null),
                    ranges,
                    r.destinationFix().map(AuditQueries::fix).orElse(null),
                    r.flow().deniedSources().toCidrStrings(),
                    PathMapping.flow(r.flow()));
        });
    }

    @Query("whoCanReach")
    @Description(
            "One row per ASE, app and network interface with its verdict toward `to` on a port, computed as one batch"
                    + " over the estate (one walk per routing group, each NSG evaluated once per context over the"
                    + " union of the sources reaching it), not one walk per caller.")
    public @NonNull List<@NonNull ReachabilityRow> whoCanReach(
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol,
            @Description("Only rows with these verdicts") List<Verdict> verdicts) {
        return Errors.guard(() -> {
            checkPort(port);
            Protocol p = protocol == null ? Protocol.TCP : protocol;
            Engines.Built built = engines.current();
            List<ReachabilityRow> out = new ArrayList<>();
            built.audits().whoCanReach(to, port, protocol(p)).stream()
                    .map(r -> row(r, to, port, p))
                    .forEach(out::add);
            // Callers held out of the snapshot (in a subnet never imported) are listed UNDETERMINED, not left out.
            HeldBackRows.callers(unresolved(built)).forEach(n -> out.add(HeldBackRows.reach(n, to, port, p)));
            return out.stream()
                    .filter(r -> verdicts == null || verdicts.isEmpty() || verdicts.contains(r.verdict()))
                    .toList();
        });
    }

    @Description("Why: the flow's reason, computed on demand (one batch for the rows asked).")
    public List<@NonNull String> reason(@Source List<ReachabilityRow> rows) {
        return Errors.guard(() -> flows(rows).stream().map(FlowResult::reason).toList());
    }

    @Description(
            "The whole flow of this caller's call (decisions, blockers, trace), computed on demand (one batch for the rows asked).")
    public List<@NonNull FlowAnalysis> flow(@Source List<ReachabilityRow> rows) {
        return Errors.guard(() -> flows(rows).stream().map(PathMapping::flow).toList());
    }

    /** The full flows of whoCanReach rows, one {@code analyzeMany} batch per question. */
    private List<FlowResult> flows(List<ReachabilityRow> rows) {
        Engines.Built built = engines.current();
        ReferenceResolver resolver = built.context().resolver();
        Map<String, List<Integer>> byQuestion = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ReachabilityRow r = rows.get(i);
            byQuestion
                    .computeIfAbsent(r.to() + "|" + r.port() + "|" + r.protocol(), k -> new ArrayList<>())
                    .add(i);
        }
        List<FlowResult> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(null));
        Unresolved unresolved = unresolved(built);
        for (int i = 0; i < rows.size(); i++) {
            Optional<String> why = unresolved.explain(rows.get(i).caller());
            if (why.isPresent()) {
                out.set(i, FlowResult.undetermined(why.get()));
                for (List<Integer> indexes : byQuestion.values()) {
                    indexes.remove(Integer.valueOf(i));
                }
            }
        }
        byQuestion.values().removeIf(List::isEmpty);
        for (List<Integer> indexes : byQuestion.values()) {
            ReachabilityRow first = rows.get(indexes.get(0));
            Reference target = resolver.resolveDestination(first.to());
            List<Reference> callers = indexes.stream()
                    .map(i -> resolver.resolveCaller(rows.get(i).caller()))
                    .toList();
            List<FlowResult> flows =
                    built.flows().analyzeMany(callers, target, first.port(), protocol(first.protocol()));
            for (int k = 0; k < indexes.size(); k++) {
                out.set(indexes.get(k), flows.get(k));
            }
        }
        return out;
    }

    @Query("shadowedRules")
    @Description(
            "Rules no packet can ever reach because higher-priority rules cover all they match, exact over addresses,"
                    + " ports and protocols, per NSG and per placement where the VirtualNetwork tag matters;"
                    + " differentAction false = redundant, true = dead. All NSGs when `nsg` is omitted.")
    public @NonNull List<@NonNull ShadowedRuleResult> shadowedRules(
            @Description("One NSG (all when omitted)") String nsg,
            @DefaultValue("false") @Description("Also report default rules made unreachable")
                    Boolean includeDefaultRules) {
        return Errors.guard(() -> {
            boolean defaults = Boolean.TRUE.equals(includeDefaultRules);
            List<ShadowedRule> rows =
                    nsg == null ? audits().shadowedRules(defaults) : audits().shadowedRules(nsg, defaults);
            return rows.stream().map(AuditQueries::shadow).toList();
        });
    }

    @Query("exposures")
    @Description("Network interfaces and ASEs reachable from the Internet on the given ports (default 22, 3389, 1433,"
            + " 3306, 5432, 6379, 9200, 27017): a public address and NSGs at subnet and NIC level that actually admit"
            + " Internet sources, priority-aware (no finding where a higher-priority deny wins); an ASE only on the"
            + " ports its front end publishes for its kind (80, 443, FTP, remote debugging, Web Deploy; 454-455 on"
            + " v1/v2).")
    public @NonNull List<@NonNull ExposureResult> exposures(
            @Description("Ports to check (default 22, 3389, 1433, 3306, 5432, 6379, 9200, 27017)") List<Integer> ports,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            List<Integer> p = ports == null ? DEFAULT_EXPOSURE_PORTS : ports;
            p.forEach(AuditQueries::checkPort);
            Engines.Built built = engines.current();
            List<ExposureResult> out = new ArrayList<>();
            built.audits().exposures(p, protocol(protocol)).stream()
                    .map(AuditQueries::exposure)
                    .forEach(out::add);
            Protocol asked = protocol == null ? Protocol.TCP : protocol;
            HeldBackRows.exposed(unresolved(built)).forEach(n -> out.addAll(HeldBackRows.exposures(n, p, asked)));
            return out;
        });
    }

    @Query("reachabilityMatrix")
    @Description(
            "A grid of verdicts and source kinds from each of `from` to each of `to` on a port, for dashboards (at most 10,000 cells).")
    public @NonNull List<@NonNull MatrixRowResult> reachabilityMatrix(
            @NonNull @Description("The callers: apps, ASEs, network interfaces or addresses in a subnet")
                    List<@NonNull String> from,
            @NonNull
                    @Description("The destinations: apps, ASEs, network interfaces, endpoints, host names or addresses")
                    List<@NonNull String> to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort(port);
            // A caller or destination held out of the snapshot (or a placeholder) gets UNDETERMINED cells naming what
            // is missing; the rest of the grid is answered as usual.
            Engines.Built built = engines.current();
            Unresolved unresolved = unresolved(built);
            List<String> knownFrom =
                    from.stream().filter(f -> unresolved.named(f).isEmpty()).toList();
            List<String> knownTo =
                    to.stream().filter(t -> unresolved.named(t).isEmpty()).toList();
            Map<String, MatrixRowResult> answered = new LinkedHashMap<>();
            if (!knownFrom.isEmpty()) {
                for (var r : built.audits().reachabilityMatrix(knownFrom, knownTo, port, protocol(protocol))) {
                    answered.put(
                            r.from().text(),
                            new MatrixRowResult(
                                    r.from().text(),
                                    r.cells().stream()
                                            .map(c -> cell(c.to(), c.flow()))
                                            .toList(),
                                    id(r.from()),
                                    r.from()
                                            .resource()
                                            .map(x -> x.name())
                                            .orElse(r.from().text()),
                                    kind(r.from())));
                }
            }
            return HeldBackRows.matrix(
                    from,
                    to,
                    unresolved,
                    answered,
                    t -> id(built.context().resolver().resolveDestination(t)));
        });
    }

    private static EnvironmentHealthResult health(EnvironmentHealth h) {
        return new EnvironmentHealthResult(
                h.environment().value(),
                h.name(),
                AseKind.of(h.kind()),
                h.healthy(),
                CheckStatus.valueOf(h.status().name()),
                h.checks().stream()
                        .map(c -> new HealthCheckResult(
                                c.name(),
                                CheckStatus.valueOf(c.status().name()),
                                c.requirement(),
                                c.detail(),
                                c.decidedBy()))
                        .toList());
    }

    private static FirewallRuleFixResult firewallFix(FirewallRuleFix f) {
        return new FirewallRuleFixResult(
                f.firewall().value(),
                f.firewallName(),
                f.policy().map(ResourceId::value).orElse(null),
                f.ruleCollectionGroup().orElse(null),
                f.groupPriority().orElse(null),
                f.ruleCollection(),
                f.collectionPriority().orElse(null),
                f.name(),
                Protocol.of(f.protocol()),
                f.sourceAddresses(),
                f.destinationAddresses(),
                f.destinationPort(),
                f.overrides(),
                f.description(),
                FirewallRuleFixFormats.arm(f).orElse(null),
                FirewallRuleFixFormats.azCli(f).orElse(null),
                FirewallRuleFixFormats.terraform(f).orElse(null),
                f.problem().orElse(null));
    }

    private static RuleFixResult fix(RuleFix f) {
        return new RuleFixResult(
                f.nsg().value(),
                f.nsgName(),
                f.name(),
                f.priority().orElse(null),
                Direction.of(f.direction()),
                RuleFixFormats.arm(f).orElse(null),
                RuleFixFormats.azCli(f).orElse(null),
                RuleFixFormats.terraform(f).orElse(null),
                f.problem().orElse(null),
                f.appliedTo().value(),
                NsgLevel.valueOf(f.level().name()),
                Protocol.of(f.protocol()),
                f.sourcePrefixes(),
                f.destinationPrefixes(),
                f.destinationPorts(),
                f.overrides(),
                f.description());
    }

    public static ShadowedRuleResult shadow(ShadowedRule s) {
        return new ShadowedRuleResult(
                s.nsg().value(),
                s.nsgName(),
                s.rule().qualifiedName(),
                s.rule().priority(),
                Direction.of(s.rule().direction()),
                ShadowKind.of(s.kind()),
                s.coveredBy(),
                s.differentAction(),
                s.causes(),
                s.dependsOnPlacement(),
                Access.of(s.rule().access()),
                s.appliedTo().stream().map(id -> id.value()).toList());
    }

    public static ExposureResult exposure(Exposure e) {
        String summary = e.exposedSources().isEmpty()
                ? "none for certain"
                : e.verdict() == io.asegraph.policy.Verdict.ALLOWED
                        ? "every Internet source"
                        : blocks(e.exposedSources());
        return new ExposureResult(
                e.target().value(),
                ResourceType.ofGraphName(e.targetKind()),
                e.targetName(),
                e.publicAddress().map(Ipv4::format).orElse(null),
                e.port(),
                Verdict.valueOf(e.verdict().name()),
                e.exposedSources().toCidrStrings(),
                e.admittedBy(),
                e.causes(),
                PathMapping.hops(e.path()),
                Protocol.valueOf(e.protocol().name()),
                summary,
                e.undeterminedSources().toCidrStrings(),
                e.warnings(),
                e.dnat().map(AuditQueries::dnat).orElse(null));
    }

    private static DnatPublicationResult dnat(DnatPublication d) {
        return new DnatPublicationResult(
                d.firewall().value(),
                d.firewallName(),
                d.ruleCollection(),
                d.rule(),
                d.priority(),
                d.publicAddresses().stream().map(Ipv4::format).toList(),
                d.publicPorts(),
                Ipv4.format(d.translatedAddress()),
                d.translatedPort(),
                d.arrivesFrom().toCidrStrings());
    }

    private static String blocks(AddressSet set) {
        List<String> blocks = set.toCidrStrings();
        return blocks.size() <= 6
                ? String.join(", ", blocks)
                : String.join(", ", blocks.subList(0, 6)) + " and " + (blocks.size() - 6) + " more blocks";
    }

    private static ReachabilityRow row(Reachability r, String to, int port, Protocol protocol) {
        List<Cidr> seen = r.sources().toCidrs();
        String source = r.sources().size() == 1
                ? Ipv4.format(r.sources().first())
                : seen.size() == 1 ? seen.get(0).toString() : null;
        return new ReachabilityRow(
                r.callerId().value(),
                r.callerName(),
                kind(r.caller()),
                Verdict.valueOf(r.verdict().name()),
                SourceKind.valueOf(r.sourceKind().name()),
                source,
                r.allowedSources().toCidrStrings(),
                r.sources().toCidrStrings(),
                r.deniedSources().toCidrStrings(),
                r.undeterminedSources().toCidrStrings(),
                to,
                port,
                protocol);
    }

    private static MatrixRowResult.MatrixCell cell(Reference to, FlowResult f) {
        return new MatrixRowResult.MatrixCell(
                to.text(),
                Verdict.valueOf(f.verdict().name()),
                SourceKind.valueOf(f.callSource().kind().name()),
                source(f),
                f.reason(),
                id(to),
                f.callSource().sources().toCidrStrings());
    }

    private static String source(FlowResult f) {
        return f.callSource()
                .address()
                .map(Ipv4::format)
                .orElse(f.callSource().addressRange().map(Cidr::toString).orElse(null));
    }

    /** A resolved reference as the API shows it: the resource's id, or the address as given. */
    private static String id(Reference r) {
        if (r.kind() == ReferenceKind.ADDRESS || r.resource().isEmpty()) {
            return r.address().map(Ipv4::format).orElse(r.text());
        }
        return r.resource().get().id().value();
    }

    private static ResourceType kind(Reference r) {
        return switch (r.kind()) {
            case APP -> ResourceType.APP;
            case APP_SERVICE_ENVIRONMENT -> ResourceType.APP_SERVICE_ENVIRONMENT;
            case NETWORK_INTERFACE -> ResourceType.NETWORK_INTERFACE;
            default -> ResourceType.ADDRESS;
        };
    }

    private static void checkPort(Integer port) {
        if (!Port.isPort(port)) {
            throw new InvalidArgumentException(Port.problem("port", port));
        }
    }

    private static io.asegraph.net.Protocol protocol(Protocol p) {
        return io.asegraph.net.Protocol.valueOf((p == null ? Protocol.TCP : p).name());
    }
}
