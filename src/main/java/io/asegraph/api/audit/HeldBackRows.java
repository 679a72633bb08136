package io.asegraph.api.audit;

import io.asegraph.api.path.AseKind;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.ResourceType;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import io.asegraph.estate.Unresolved;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows audits add for resources held out of the snapshot because they lie in a subnet never imported (a
 * placeholder): a network interface, ASE or app is not left out of an audit that lists network interfaces or ASEs, it is
 * listed UNDETERMINED (or, for health, WARN and not healthy), naming the missing subnet and how to import it.
 */
final class HeldBackRows {
    private HeldBackRows() {}

    /**
     * The network interfaces, ASEs and apps held back (in a subnet never imported, on an ASE never imported or held
     * back), with why: the callers audits list.
     */
    static List<Unresolved.Named> callers(Unresolved unresolved) {
        return unresolved.heldBackResources().stream()
                .filter(n -> n.kind() == ResourceKind.NETWORK_INTERFACE
                        || n.kind() == ResourceKind.APP_SERVICE_ENVIRONMENT
                        || n.kind() == ResourceKind.APP)
                .toList();
    }

    /** The network interfaces and ASEs held back, with why: what exposures list (an app is exposed through its ASE). */
    static List<Unresolved.Named> exposed(Unresolved unresolved) {
        // The network interfaces and ASEs held back, and the Azure Firewalls held back (whether their DNAT rules
        // publish
        // anything is not known): listed UNDETERMINED, never silently left out.
        return unresolved.heldBackResources().stream()
                .filter(n -> n.kind() == ResourceKind.NETWORK_INTERFACE
                        || n.kind() == ResourceKind.APP_SERVICE_ENVIRONMENT
                        || n.kind() == ResourceKind.AZURE_FIREWALL)
                .toList();
    }

    static ReachabilityRow reach(Unresolved.Named n, String to, int port, Protocol protocol) {
        return new ReachabilityRow(
                n.id().value(),
                n.name(),
                ResourceType.of(n.kind()),
                Verdict.UNDETERMINED,
                SourceKind.UNDETERMINED,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                to,
                port,
                protocol);
    }

    /** One UNDETERMINED row per port: whether a resource that cannot be placed is exposed is not known. */
    static List<ExposureResult> exposures(Unresolved.Named n, List<Integer> ports, Protocol protocol) {
        List<ExposureResult> out = new ArrayList<>();
        for (Integer port : ports.stream().distinct().sorted().toList()) {
            out.add(new ExposureResult(
                    n.id().value(),
                    ResourceType.of(n.kind()),
                    n.name(),
                    null,
                    port,
                    Verdict.UNDETERMINED,
                    List.of(),
                    List.of(),
                    List.of(n.why()),
                    List.of(),
                    protocol,
                    "not known: it cannot be placed in the network",
                    PrefixResolver.INTERNET.toCidrStrings(),
                    List.of(),
                    null));
        }
        return out;
    }

    static EnvironmentHealthResult health(Unresolved.Named n) {
        return new EnvironmentHealthResult(
                n.id().value(),
                n.name(),
                AseKind.UNDETERMINED,
                false,
                CheckStatus.WARN,
                List.of(new HealthCheckResult(
                        "placement",
                        CheckStatus.WARN,
                        "The ASE's subnet is imported, so that its routes and NSGs can be checked",
                        n.why(),
                        List.of())));
    }

    static MatrixRowResult.MatrixCell cell(String to, String toId, String why) {
        return new MatrixRowResult.MatrixCell(
                to, Verdict.UNDETERMINED, SourceKind.UNDETERMINED, null, why, toId, List.of());
    }

    /**
     * The reachability matrix with the held-back rows and columns filled in: {@code answered} has the rows the audit
     * computed for the callers in the snapshot (over the destinations in it, in order); a caller or destination held out
     * of the snapshot, or a placeholder, gets UNDETERMINED cells naming what is missing. {@code destinationId} gives the
     * id of a destination in the snapshot.
     */
    static List<MatrixRowResult> matrix(
            List<String> from,
            List<String> to,
            Unresolved unresolved,
            Map<String, MatrixRowResult> answered,
            Function<String, String> destinationId) {
        List<MatrixRowResult> out = new ArrayList<>(from.size());
        for (String f : from) {
            Optional<Unresolved.Named> missing = unresolved.named(f);
            List<MatrixRowResult.MatrixCell> cells = new ArrayList<>(to.size());
            Iterator<MatrixRowResult.MatrixCell> known =
                    missing.isPresent() ? null : answered.get(f).cells().iterator();
            for (String t : to) {
                Optional<Unresolved.Named> target = unresolved.named(t);
                if (missing.isPresent() || target.isPresent()) {
                    String why = missing.or(() -> target).orElseThrow().why();
                    String toId = target.map(x -> x.id().value()).orElseGet(() -> destinationId.apply(t));
                    cells.add(cell(t, toId, why));
                } else {
                    cells.add(known.next());
                }
            }
            out.add(missing.map(m -> new MatrixRowResult(f, cells, m.id().value(), m.name(), ResourceType.of(m.kind())))
                    .orElseGet(() -> {
                        MatrixRowResult r = answered.get(f);
                        return new MatrixRowResult(f, cells, r.fromId(), r.fromName(), r.fromKind());
                    }));
        }
        return out;
    }
}
