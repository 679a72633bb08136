package io.asegraph.analysis;

import io.asegraph.analysis.audit.Audits;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.net.Protocol;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a tool for refactoring the path engine. Writes every flow, whoCanReach and exposure answer (all fields)
 * of the reference topology and of generated estates to a file, so that the answers before and after a change can be
 * compared with diff. {@code java -cp <test classpath> io.asegraph.analysis.PathAnswersDump OUT}.
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
        for (String to : targets) {
            for (int port : ports) {
                for (Protocol p : List.of(Protocol.TCP, Protocol.ICMP)) {
                    for (String from : callers) {
                        out.println(label + " flow " + from + " -> " + to + " " + port + " " + p + ": "
                                + answer(() -> flows.analyze(from, to, port, p)));
                    }
                    out.println(label + " whoCanReach " + to + " " + port + " " + p + ": "
                            + answer(() -> audits.whoCanReach(to, port, p)));
                }
            }
        }
        out.println(
                label + " exposures: " + answer(() -> audits.exposures(List.of(22, 443, 1433, 3389), Protocol.TCP)));
        out.println(label + " exposures any: " + answer(() -> audits.exposures(List.of(22, 443), Protocol.ANY)));
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
