package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.Resolution;
import io.asegraph.net.Port;
import io.asegraph.net.Protocol;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Resource;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reachability over many callers at once (Network Access Analyzer's "who can reach X"):
 * <ul>
 * <li>{@link #whoCanReach}: every ASE, app and network interface of the estate toward one destination, as one batch
 * ({@link ReachBatch}): one call-source walk per group of interfaces that route alike (not one per caller), every NSG
 * evaluated once per distinct (NSG, evaluation context, destination) over the union of the sources that reach it,
 * verdicts and source sets only. An app calls from its ASE (same subnet, same VIP), so apps share their ASE's answer.
 * The explanation of any row is {@link FlowAnalyzer#analyze} for its caller. The destination itself is never listed
 * as a caller.</li>
 * <li>{@link #matrix}: given callers × given destinations, full flows, one {@link FlowAnalyzer#analyzeMany} batch per
 * destination.</li>
 * </ul>
 */
public final class ReachabilityAudit {
    /** The largest matrix answered at once (callers × destinations). */
    public static final int MAX_CELLS = 10_000;

    private final AnalysisContext context;
    private final FlowAnalyzer flows;
    private final Topology topology;

    public ReachabilityAudit(AnalysisContext context, FlowAnalyzer flows) {
        this.context = Objects.requireNonNull(context, "context");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.topology = context.topology();
    }

    /**
     * Every ASE, app and network interface and its flow to {@code to}: ASEs by name, each followed by its apps by
     * name, then network interfaces by name.
     *
     * @throws io.asegraph.analysis.AnalysisException for an unknown or ambiguous destination, a port outside 0-65535
     */
    public List<Reachability> whoCanReach(String to, int port, Protocol protocol) {
        requirePort(port);
        return whoCanReach(context.resolver().resolveDestination(to), port, protocol);
    }

    /** The same for a resolved destination. */
    public List<Reachability> whoCanReach(Reference to, int port, Protocol protocol) {
        requirePort(port);
        List<AppServiceEnvironment> ases = topology.environments().stream()
                .sorted(Comparator.comparing(
                                (AppServiceEnvironment a) -> a.name().toLowerCase(Locale.ROOT))
                        .thenComparing(a -> a.id().key()))
                .toList();
        List<NetworkInterface> nics = topology.nics().stream()
                .sorted(Comparator.comparing((NetworkInterface n) -> n.name().toLowerCase(Locale.ROOT))
                        .thenComparing(n -> n.id().key()))
                .toList();
        List<ReachBatch.Outcome> results = new ReachBatch(context).run(ases, nics, to, port, protocol);
        List<Reachability> out =
                new ArrayList<>(results.size() + topology.apps().size());
        for (int i = 0; i < ases.size(); i++) {
            AppServiceEnvironment ase = ases.get(i);
            ReachBatch.Outcome o = results.get(i);
            if (!isDestination(to, ase)) {
                out.add(row(
                        Reference.of(ase.id().value(), ase, Resolution.RESOURCE_ID),
                        ase.name(),
                        ReferenceKind.APP_SERVICE_ENVIRONMENT,
                        o));
            }
            context.index().appsOn(ase.id()).stream()
                    .filter(app -> !isDestination(to, app))
                    .sorted(Comparator.comparing((App a) -> a.name().toLowerCase(Locale.ROOT))
                            .thenComparing(a -> a.id().key()))
                    .forEach(app -> out.add(row(
                            Reference.of(app.id().value(), app, Resolution.RESOURCE_ID),
                            app.name(),
                            ReferenceKind.APP,
                            o)));
        }
        for (int i = 0; i < nics.size(); i++) {
            NetworkInterface nic = nics.get(i);
            if (isDestination(to, nic)) {
                continue;
            }
            out.add(row(
                    Reference.of(nic.id().value(), nic, Resolution.RESOURCE_ID),
                    nic.name(),
                    ReferenceKind.NETWORK_INTERFACE,
                    results.get(ases.size() + i)));
        }
        return List.copyOf(out);
    }

    /**
     * True when {@code caller} is the destination itself, which is never listed as its own caller: the resource the
     * destination names, or, for an address, the network interface with that private address or the ASE reached at
     * it (its public VIP or ILB address).
     */
    private static boolean isDestination(Reference to, Resource caller) {
        if (to.resource().isPresent()) {
            return to.resource().get().id().equals(caller.id());
        }
        if (to.address().isEmpty()) {
            return false;
        }
        Optional<Long> at = to.address();
        if (caller instanceof NetworkInterface nic) {
            return at.get() == nic.privateIp();
        }
        if (caller instanceof AppServiceEnvironment ase) {
            return ase.publicVip().equals(at) || ase.internalAddress().equals(at);
        }
        return false;
    }

    private static Reachability row(Reference caller, String name, ReferenceKind kind, ReachBatch.Outcome o) {
        return new Reachability(
                caller,
                name,
                kind,
                o.verdict(),
                o.kind(),
                o.sources(),
                o.privateSources(),
                o.allowed(),
                o.denied(),
                o.undetermined());
    }

    /**
     * The flow from each of {@code from} to each of {@code to}: rows in the order of {@code from}, cells in the order of
     * {@code to}. Every reference is resolved before anything is analysed.
     *
     * @throws InvalidArgumentException for a port outside 0-65535 or more than {@link #MAX_CELLS} cells
     * @throws io.asegraph.analysis.AnalysisException for an unknown or ambiguous reference, or a caller that cannot call
     */
    public List<MatrixRow> matrix(List<String> from, List<String> to, int port, Protocol protocol) {
        requirePort(port);
        long cells = (long) from.size() * to.size();
        if (cells > MAX_CELLS) {
            throw new InvalidArgumentException("a matrix of " + from.size() + " callers by " + to.size()
                    + " destinations has " + cells + " cells; ask for at most " + MAX_CELLS + " at once");
        }
        List<Reference> callers =
                from.stream().map(context.resolver()::resolveCaller).toList();
        List<Reference> targets =
                to.stream().map(context.resolver()::resolveDestination).toList();
        List<List<MatrixRow.Cell>> byCaller = new ArrayList<>();
        callers.forEach(c -> byCaller.add(new ArrayList<>(targets.size())));
        for (Reference target : targets) {
            if (callers.isEmpty()) {
                break;
            }
            List<FlowResult> results = flows.analyzeMany(callers, target, port, protocol);
            for (int i = 0; i < callers.size(); i++) {
                byCaller.get(i).add(new MatrixRow.Cell(target, results.get(i)));
            }
        }
        List<MatrixRow> rows = new ArrayList<>(callers.size());
        for (int i = 0; i < callers.size(); i++) {
            rows.add(new MatrixRow(callers.get(i), byCaller.get(i)));
        }
        return List.copyOf(rows);
    }

    static void requirePort(int port) {
        if (!Port.isPort(port)) {
            throw new InvalidArgumentException(Port.problem("port", port));
        }
    }
}
