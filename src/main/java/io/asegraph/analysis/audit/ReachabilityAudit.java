package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.InvalidArgumentException;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.ReferenceKind;
import io.asegraph.analysis.Resolution;
import io.asegraph.net.Protocol;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reachability over many callers at once, on {@link FlowAnalyzer#analyzeMany}: each caller's call-source walk, then
 * every NSG evaluated once per distinct (NSG, evaluation context, destination) over the union of the sources that reach
 * it, and the result split per caller — exact, because an NSG's verdict for one source address does not depend on the
 * others (Network Access Analyzer's "who can reach X", done as one batch, not one walk per caller).
 * <ul>
 * <li>{@link #whoCanReach}: every ASE, app and network interface of the estate toward one destination. An app calls
 * from its ASE (same subnet, same VIP), so apps share their ASE's flow: the batch holds ASEs and NICs only.</li>
 * <li>{@link #matrix}: given callers × given destinations, one batch per destination.</li>
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
        List<AppServiceEnvironment> ases = topology.environments().stream().sorted(Comparator
                .comparing((AppServiceEnvironment a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(a -> a.id().key()))
                .toList();
        List<NetworkInterface> nics = topology.nics().stream().sorted(Comparator
                .comparing((NetworkInterface n) -> n.name().toLowerCase(Locale.ROOT)).thenComparing(n -> n.id().key()))
                .toList();
        List<Reference> callers = new ArrayList<>(ases.size() + nics.size());
        ases.forEach(a -> callers.add(Reference.of(a.id().value(), a, Resolution.RESOURCE_ID)));
        nics.forEach(n -> callers.add(Reference.of(n.id().value(), n, Resolution.RESOURCE_ID)));
        List<FlowResult> results = flows.analyzeMany(callers, to, port, protocol);
        List<Reachability> out = new ArrayList<>(results.size() + topology.apps().size());
        for (int i = 0; i < ases.size(); i++) {
            AppServiceEnvironment ase = ases.get(i);
            FlowResult flow = results.get(i);
            out.add(new Reachability(ase.id(), ase.name(), ReferenceKind.APP_SERVICE_ENVIRONMENT, flow));
            context.index().appsOn(ase.id()).stream()
                    .sorted(Comparator.comparing((App a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(a -> a.id().key()))
                    .forEach(app -> out.add(new Reachability(app.id(), app.name(), ReferenceKind.APP, flow)));
        }
        for (int i = 0; i < nics.size(); i++) {
            NetworkInterface nic = nics.get(i);
            out.add(new Reachability(nic.id(), nic.name(), ReferenceKind.NETWORK_INTERFACE, results.get(ases.size() + i)));
        }
        return List.copyOf(out);
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
        List<Reference> callers = from.stream().map(context.resolver()::resolveCaller).toList();
        List<Reference> targets = to.stream().map(context.resolver()::resolveDestination).toList();
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
        if (port < 0 || port > 65535) {
            throw new InvalidArgumentException("port " + port + " is not a port (0-65535)");
        }
    }
}
