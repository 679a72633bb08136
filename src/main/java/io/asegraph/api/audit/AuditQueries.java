package io.asegraph.api.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceResolver;
import io.asegraph.analysis.audit.Audits;
import io.asegraph.analysis.audit.ExposureAudit;
import io.asegraph.analysis.audit.MatrixRow;
import io.asegraph.api.Engines;
import io.asegraph.api.Errors;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.path.FlowAnalysis;
import io.asegraph.api.path.PathMapping;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The questions auditors and dashboards ask, over the whole estate, answered by the same path engine as {@code flow}:
 * ASE health, what a destination must admit (and the rule to add), who can reach a destination, shadowed rules,
 * Internet exposure, and reachability grids. Thin: every answer is computed in {@code io.asegraph.analysis.audit}.
 */
@GraphQLApi
public class AuditQueries {
    private final AuditEngine engine;

    public AuditQueries(AuditEngine engine) {
        this.engine = engine;
    }

    @Query("environmentHealth")
    @Description("Whether an ASE's network lets it work: its version's inbound management, outbound dependencies (allowed by NSGs and routed straight to the Internet) and an exclusive subnet, each check with the rule or route that decided.")
    public @NonNull EnvironmentHealth environmentHealth(
            @NonNull @Description("An App Service Environment (id, name or address), or an app on it") String environment) {
        return Errors.guard(() -> AuditMapping.health(engine.audits().environmentHealth(environment)));
    }

    @Query("environmentsHealth")
    @Description("environmentHealth for every ASE at once (a dashboard grid), computed as one batch per estate version.")
    public @NonNull List<@NonNull EnvironmentHealth> environmentsHealth(
            @DefaultValue("false") @Description("Only the ASEs that are not healthy") Boolean onlyUnhealthy) {
        return Errors.guard(() -> engine.audits().environmentsHealth().stream()
                .filter(h -> !Boolean.TRUE.equals(onlyUnhealthy) || !h.healthy()).map(AuditMapping::health).toList());
    }

    @Query("requiredAccess")
    @Description("What the destination must admit for a call (the VIP or NAT address as /32, or the whole ASE subnet, from the call-source walk), whether every NSG on the way does, and if not the exact rule to add as ARM JSON, an az command and a Terraform block.")
    public @NonNull RequiredAccess requiredAccess(
            @NonNull @Description("An app, ASE or network interface: id, host name, unique name, or an address in a subnet") String from,
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort(port);
            ReferenceResolver resolver = engine.built().context().resolver();
            Reference caller = resolver.resolveCaller(from);
            Reference target = resolver.resolveDestination(to);
            io.asegraph.net.Protocol p = protocol(protocol);
            return AuditMapping.access(engine.audits().requiredAccess(caller, target, port, p), caller, target, port, p);
        });
    }

    @Query("whoCanReach")
    @Description("Every ASE, app and network interface of the estate with the verdict of its call to `to`, computed as one batch over the estate (not one walk per caller); filterable by verdict and caller kind.")
    public @NonNull List<@NonNull Reachability> whoCanReach(
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol,
            @Description("Only rows with one of these verdicts (all when omitted)") List<Verdict> verdicts,
            @Description("Only callers of these kinds (all when omitted)") List<CallerKind> callerKinds) {
        return Errors.guard(() -> {
            checkPort(port);
            Protocol p = protocol == null ? Protocol.TCP : protocol;
            Set<String> wanted = verdicts == null ? null : verdicts.stream().map(Enum::name).collect(Collectors.toSet());
            Set<String> kinds = callerKinds == null ? null : callerKinds.stream().map(Enum::name).collect(Collectors.toSet());
            return engine.audits().whoCanReach(to, port, protocol(p)).stream()
                    .filter(r -> wanted == null || wanted.contains(r.verdict().name()))
                    .filter(r -> kinds == null || kinds.contains(r.callerKind().name()))
                    .map(r -> AuditMapping.reach(r, to, port, p)).toList();
        });
    }

    @Description("The whole flow of this caller's call (reason, decisions, trace), computed on demand for the rows asked, as one batch.")
    public List<@NonNull FlowAnalysis> flow(@Source List<Reachability> rows) {
        return Errors.guard(() -> {
            Engines.Built built = engine.built();
            ReferenceResolver resolver = built.context().resolver();
            Map<String, List<Integer>> byQuestion = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Reachability r = rows.get(i);
                byQuestion.computeIfAbsent(r.to() + "|" + r.port() + "|" + r.protocol(), k -> new ArrayList<>()).add(i);
            }
            List<FlowAnalysis> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(null));
            for (List<Integer> indexes : byQuestion.values()) {
                Reachability first = rows.get(indexes.get(0));
                Reference target = resolver.resolveDestination(first.to());
                List<Reference> callers = indexes.stream().map(i -> resolver.resolveCaller(rows.get(i).caller())).toList();
                List<FlowResult> flows = built.flows().analyzeMany(callers, target, first.port(), protocol(first.protocol()));
                for (int k = 0; k < indexes.size(); k++) {
                    out.set(indexes.get(k), PathMapping.flow(flows.get(k)));
                }
            }
            return out;
        });
    }

    @Query("shadowedRules")
    @Description("NSG rules no packet can reach — priority-aware and exact over addresses, ports and protocols, with the covering rules and whether they have the other access — per NSG and per placement where the VirtualNetwork tag matters. All NSGs when `nsg` is omitted.")
    public @NonNull List<@NonNull ShadowedRule> shadowedRules(
            @Description("One NSG (id or name); all NSGs when omitted") String nsg,
            @DefaultValue("false") @Description("Also report default rules made unreachable by user rules") Boolean includeDefaultRules,
            @Description("Only findings of these kinds (all when omitted)") List<ShadowKind> kinds) {
        return Errors.guard(() -> {
            boolean defaults = Boolean.TRUE.equals(includeDefaultRules);
            Audits audits = engine.audits();
            List<io.asegraph.analysis.audit.ShadowedRule> found = nsg == null ? audits.shadowedRules(defaults)
                    : audits.shadowedRules(nsg, defaults);
            Set<String> wanted = kinds == null ? null : kinds.stream().map(Enum::name).collect(Collectors.toSet());
            return found.stream().filter(r -> wanted == null || wanted.contains(r.kind().name()))
                    .map(AuditMapping::shadowed).toList();
        });
    }

    @Query("exposures")
    @Description("Network interfaces and ASEs reachable from the Internet on the given ports: a public address, and NSGs at subnet and NIC level that actually admit Internet sources, priority-aware (no finding where a higher-priority deny wins).")
    public @NonNull List<@NonNull Exposure> exposures(
            @Description("The ports to audit (default 22, 3389, 1433, 3306, 5432, 6379, 9200, 27017)") List<Integer> ports,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            List<Integer> asked = ports == null ? ExposureAudit.DEFAULT_PORTS : ports;
            asked.forEach(AuditQueries::checkPort);
            return engine.audits().exposures(asked, protocol(protocol)).stream().map(AuditMapping::exposure).toList();
        });
    }

    @Query("reachabilityMatrix")
    @Description("A grid of verdicts with source kinds, callers by destinations, for dashboards (at most 10,000 cells).")
    public @NonNull ReachabilityMatrix reachabilityMatrix(
            @NonNull @Description("The callers: apps, ASEs, network interfaces or addresses in a subnet") List<@NonNull String> from,
            @NonNull @Description("The destinations: apps, ASEs, network interfaces, endpoints, host names or addresses") List<@NonNull String> to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort(port);
            Protocol p = protocol == null ? Protocol.TCP : protocol;
            List<MatrixRow> rows = engine.audits().reachabilityMatrix(from, to, port, protocol(p));
            ReferenceResolver resolver = engine.built().context().resolver();
            List<Reference> callers = rows.stream().map(MatrixRow::from).toList();
            List<Reference> targets = to.stream().map(resolver::resolveDestination).toList();
            return AuditMapping.matrix(rows, callers, targets, port, p);
        });
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
