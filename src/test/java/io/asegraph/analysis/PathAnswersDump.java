package io.asegraph.analysis;

import io.asegraph.analysis.audit.Audits;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.IpFlowResult;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Not a test: a tool for refactoring the path engine. Writes every flow, whoCanReach and exposure answer (all fields)
 * of the reference topology and of generated estates to a file, with every ASE's health, the required access of each
 * caller toward the first targets, and IP flow verify from every network interface, so that the answers before and
 * after a change can be compared with diff. {@code java -cp <test classpath> io.asegraph.analysis.PathAnswersDump OUT}.
 *
 * <p>A flow's call source is written with where its walk goes (the {@link Walk}'s source subnet, destination subnet
 * and network interface, route and firewall, which {@code CallSource} itself carried until issue 17), in the form it
 * had then, so that dumps compare across that change and still cover those parts.
 */
public final class PathAnswersDump {
    private PathAnswersDump() {}

    public static void main(String[] args) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            dump(out, "reference", new Estate(ReferenceTopology.topology(), ReferenceTopology.policy(), 1));
            dump(out, "small-42", GeneratedEstates.load(EstateSpec.SMALL, 42));
            dump(out, "small-7", GeneratedEstates.load(EstateSpec.SMALL, 7));
        }
    }

    static void dump(PrintWriter out, String label, Estate estate) {
        AnalysisContext context = AnalysisContext.of(estate);
        FlowAnalyzer flows = new FlowAnalyzer(context);
        Audits audits = new Audits(context, flows);
        List<String> callers = new ArrayList<>();
        estate.topology().environments().forEach(e -> callers.add(e.id().value()));
        estate.topology().nics().forEach(n -> callers.add(n.id().value()));
        callers.sort(null);
        List<String> targets = new ArrayList<>(callers);
        estate.topology().endpoints().forEach(e -> targets.add(e.id().value()));
        estate.topology().publicIps().forEach(p -> targets.add(p.id().value()));
        estate.topology().apps().forEach(a -> targets.add(a.id().value()));
        targets.sort(null);
        targets.addAll(List.of("10.0.2.4", "8.8.8.8", "10.0.1.70", "192.168.10.5", "13.66.0.1"));
        int[] ports = {443, 1433, 22};
        Map<String, Optional<Walk>> walks = new HashMap<>();
        Function<String, Function<String, Optional<Walk>>> walk =
                from -> to -> walks.computeIfAbsent(from + " -> " + to, k -> walkOf(context, from, to));
        for (String to : targets) {
            for (int port : ports) {
                for (Protocol p : List.of(Protocol.TCP, Protocol.ICMP)) {
                    for (String from : callers) {
                        out.println(label + " flow " + from + " -> " + to + " " + port + " " + p + ": "
                                + withWalk(
                                        answer(() -> flows.analyze(from, to, port, p)),
                                        walk.apply(from).apply(to)));
                    }
                    out.println(label + " whoCanReach " + to + " " + port + " " + p + ": "
                            + answer(() -> audits.whoCanReach(to, port, p)));
                }
            }
        }
        out.println(
                label + " exposures: " + answer(() -> audits.exposures(List.of(22, 443, 1433, 3389), Protocol.TCP)));
        out.println(label + " exposures any: " + answer(() -> audits.exposures(List.of(22, 443), Protocol.ANY)));
        out.println(label + " environmentsHealth: " + answer(audits::environmentsHealth));
        for (String to : targets.subList(0, Math.min(6, targets.size()))) {
            for (String from : callers) {
                out.println(label + " requiredAccess " + from + " -> " + to + " 1433: "
                        + withWalk(
                                answer(() -> audits.requiredAccess(from, to, 1433, Protocol.TCP)),
                                walk.apply(from).apply(to)));
            }
        }
        List<String> remotes = List.of("10.0.1.5", "10.0.2.4", "8.8.8.8", "192.168.10.5", "168.63.129.16");
        for (NetworkInterface nic : estate.topology().nics()) {
            Subnet subnet = estate.topology().subnet(nic.subnetId()).orElse(null);
            if (subnet == null) {
                continue;
            }
            for (Direction d : Direction.values()) {
                for (Protocol p : List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP)) {
                    for (String remote : remotes) {
                        for (int port : new int[] {22, 443, 1433, 3389}) {
                            out.println(label + " ipFlowVerify " + nic.id().value() + " " + d + " " + p + " "
                                    + remote + " " + port + ": "
                                    + answer(() -> said(ipFlowVerify(
                                            context,
                                            subnet,
                                            nic,
                                            d,
                                            p,
                                            nic.privateIp(),
                                            50000,
                                            Ipv4.parse(remote),
                                            port))));
                        }
                    }
                }
            }
        }
    }

    private static String said(IpFlowResult r) {
        return r.verdict() + " " + r.access() + " " + r.ruleName() + " "
                + r.nsg().map(a -> a.nsg().id().value() + " at " + a.appliedTo().value() + " " + a.level()) + " "
                + r.undeterminedCause() + " " + r.warnings();
    }

    /** IP flow verify of one 5-tuple at a network interface, as the ipFlowVerify query asks it. */
    private static IpFlowResult ipFlowVerify(
            AnalysisContext c,
            Subnet subnet,
            NetworkInterface nic,
            Direction d,
            Protocol protocol,
            long local,
            int localPort,
            long remote,
            int remotePort) {
        return IpFlowVerifier.verify(c, subnet, Optional.of(nic), d, protocol, local, localPort, remote, remotePort);
    }

    private static Optional<Walk> walkOf(AnalysisContext context, String from, String to) {
        try {
            ReferenceResolver resolver = context.resolver();
            return Optional.of(context.walker().walk(resolver.resolveCaller(from), resolver.resolveDestination(to)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The answer with its call source written with where the walk goes (see the class comment). */
    static String withWalk(String answer, Optional<Walk> walk) {
        if (walk.isEmpty()) {
            return answer;
        }
        Walk w = walk.get();
        String cs = w.callSource().toString();
        int at = cs.lastIndexOf(", destination=");
        String full = cs.substring(0, at) + ", sourceSubnet=" + w.sourceSubnet()
                + cs.substring(at, cs.length() - 1) + ", destinationSubnet=" + w.destinationSubnet()
                + ", destinationNic=" + w.destinationNic() + ", nextHop=" + w.nextHop() + ", firewall=" + w.firewall()
                + "]";
        return answer.replace(cs, full);
    }

    interface Answer {
        Object get();
    }

    static String answer(Answer a) {
        try {
            return String.valueOf(a.get());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
