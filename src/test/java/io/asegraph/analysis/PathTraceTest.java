package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Path;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trace as the path engine's steps write it: the walk's parts in order, with the filters' steps between them. */
class PathTraceTest {
    private static final Topology SEED = ReferenceTopology.topology();
    private static final Question SQL = Question.of(1433, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS);

    private final AnalysisContext context = AnalysisContext.of(new Estate(SEED, ReferenceTopology.policy(), 1));

    private Walk walk(String from, String to) {
        ReferenceResolver r = context.resolver();
        return context.walker().walk(r.resolveCaller(from), r.resolveDestination(to));
    }

    private Path run(Path p, String to, Explain explain) {
        new PathEngine(context).run(List.of(p), context.resolver().resolveDestination(to), SQL, explain);
        return p;
    }

    private static Subnet sourceSubnet(Walk w) {
        return SEED.subnet(w.sourceSubnet().orElseThrow()).orElseThrow();
    }

    @Test
    void aVerdictsRunDecidesTheVerdictAndWritesNoTrace() {
        Walk w = walk("app1", "db-vm-nic");
        Path p = run(Path.of(w, sourceSubnet(w), Optional.empty(), SEED), "db-vm-nic", Explain.VERDICTS);
        assertNotNull(p.result());
        assertNull(p.trace);
    }

    private static NetworkInterface dbNic() {
        return SEED.nics().stream()
                .filter(n -> n.name().equals("db-vm-nic"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theSourceSidesFiltersGoBetweenTheWalksRouteAndItsSourceTranslation() {
        NetworkInterface db = dbNic();
        Walk w = walk(db.id().value(), "8.8.8.8");
        Path p = run(Path.of(w, sourceSubnet(w), Optional.of(db), SEED), "8.8.8.8", Explain.DECISIONS);
        WalkTrace walked = w.trace();
        assertFalse(p.out.decisions().isEmpty(), "the caller's interface has an NSG");
        assertFalse(p.out.allowed().isEmpty(), "and it lets the call out");
        assertFalse(walked.origin().exit().isEmpty(), "the walk says how the source is translated");

        Hop origin = p.trace.hops().get(0);
        List<StepType> expected = new ArrayList<>();
        walked.origin().entry().forEach(s -> expected.add(s.type()));
        p.out.decisions().forEach(d -> expected.add(StepType.FILTER));
        walked.origin().exit().forEach(s -> expected.add(s.type()));
        assertEquals(expected, origin.stepTypes());
        int entry = walked.origin().entry().size();
        assertEquals(walked.origin().entry(), origin.steps().subList(0, entry));
        assertEquals(
                walked.origin().exit(),
                origin.steps()
                        .subList(
                                entry + p.out.decisions().size(), origin.steps().size()));
    }

    @Test
    void theDestinationsHopHasTheInboundFiltersThenDeliversWithTheWalksArrivalSentence() {
        Walk w = walk("app1", "db-vm-nic");
        Path p = run(Path.of(w, sourceSubnet(w), Optional.empty(), SEED), "db-vm-nic", Explain.DECISIONS);
        List<Hop> hops = p.trace.hops();
        Hop destination = hops.get(hops.size() - 1);
        assertEquals(walk("app1", "db-vm-nic").trace().arrival().orElseThrow().node(), destination.node());
        assertFalse(p.in.decisions().isEmpty(), "the database has an NSG");
        List<StepType> expected = new ArrayList<>();
        p.in.decisions().forEach(d -> expected.add(StepType.FILTER));
        StepType last = p.result().allowed().isEmpty() ? StepType.DROP : StepType.DELIVER;
        expected.add(last);
        assertEquals(expected, destination.stepTypes());
        if (last == StepType.DELIVER) {
            String said = destination.steps().get(expected.size() - 1).detail();
            assertTrue(said.startsWith(w.trace().arrival().get().sentence()), said);
        }
    }

    @Test
    void theCallSourcesTraceIsTheWalkAloneWithoutTheEnginesSteps() {
        Walk w = walk("app1", "db-vm-nic");
        assertEquals(w.trace().hops(), w.callSource().trace());
        assertTrue(w.callSource().trace().stream()
                .flatMap(h -> h.stepTypes().stream())
                .noneMatch(t -> t == StepType.FILTER));
    }

    @Test
    void aWalkTakenOverFromAnotherInterfaceIsRunForVerdictsButNeverExplained() {
        NetworkInterface db = dbNic();
        Walk w = walk(db.id().value(), "8.8.8.8");
        Subnet subnet = sourceSubnet(w);
        AddressSet sources = w.callSource().sources();
        Path verdicts = run(Path.takenOver(w, db, subnet, sources, SEED), "8.8.8.8", Explain.VERDICTS);
        assertNotNull(verdicts.result());
        assertThrows(
                IllegalArgumentException.class,
                () -> run(Path.takenOver(w, db, subnet, sources, SEED), "8.8.8.8", Explain.DECISIONS));
    }

    @Test
    void aTraceBuilderAppendsStepsToTheOpenHopUntilTheNextOneOpens() {
        TraceBuilder t = new TraceBuilder();
        assertThrows(IllegalStateException.class, () -> t.step(new Step(StepType.ROUTE, "no hop yet")));
        t.hop("a", HopKind.ADDRESS);
        t.step(new Step(StepType.ROUTE, "r"));
        t.step(new Step(StepType.FILTER, "f"));
        t.hop("b", HopKind.INTERNET);
        t.step(new Step(StepType.DELIVER, "d"));
        List<Hop> hops = t.hops();
        assertEquals(List.of("a", "b"), hops.stream().map(Hop::node).toList());
        assertEquals(List.of(StepType.ROUTE, StepType.FILTER), hops.get(0).stepTypes());
        assertEquals(List.of(StepType.DELIVER), hops.get(1).stepTypes());
    }
}
