package io.asegraph.analysis;

import static io.asegraph.analysis.ReferenceTopology.APP1;
import static io.asegraph.analysis.ReferenceTopology.ASE_ONE_ROUTES;
import static io.asegraph.topology.TopologyBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.PathEngine.Composition;
import io.asegraph.analysis.PathEngine.Explain;
import io.asegraph.analysis.PathEngine.Path;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.estate.Estate;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small parts of a path: a {@link Path}'s accessors before a run, the composition of a call that cannot be
 * routed, a walk whose destination the routes split into parts with different outcomes (every part's hops, in order),
 * and the labels hops print with.
 */
class PathPartsTest {
    private static final Topology SEED = ReferenceTopology.topology();
    private final AnalysisContext context = AnalysisContext.of(new Estate(SEED, ReferenceTopology.policy(), 1));

    private Walk walk(String from, String to) {
        ReferenceResolver r = context.resolver();
        return context.walker().walk(r.resolveCaller(from), r.resolveDestination(to));
    }

    @Test
    void aPathCarriesItsWalksKindAndSourcesAndNoResultBeforeARun() {
        Walk w = walk("app1", "13.107.21.200");
        Path p = Path.of(w, SEED.subnet(w.sourceSubnet().orElseThrow()).orElseThrow(), Optional.empty(), SEED);
        assertEquals(SourceKind.PUBLIC_VIP, p.kind());
        assertEquals(AddressSet.parse("192.23.1.2/32"), p.sources(), "as the destination sees it");
        assertEquals(AddressSet.parse("10.0.1.0/26"), p.privateSources(), "every worker");
        assertNull(p.result());
        assertEquals(Optional.empty(), p.firewallDecision());
    }

    @Test
    void aCallThatCannotBeRoutedComposesToUnreachableWithNothingDecided() {
        Walk w = walk("app1", "10.0.1.10");
        assertEquals(SourceKind.UNREACHABLE, w.kind(), w.callSource().reason());
        Path p = Path.of(w, SEED.subnet(w.sourceSubnet().orElseThrow()).orElseThrow(), Optional.empty(), SEED);
        List<Path> ran = new PathEngine(context)
                .run(
                        List.of(p),
                        context.resolver().resolveDestination("10.0.1.10"),
                        Question.of(443, Protocol.TCP, FlowAnalyzer.EPHEMERAL_PORTS),
                        Explain.DECISIONS);
        assertEquals(List.of(p), ran, "the run answers the paths it was given");
        Composition c = p.result();
        assertEquals(Verdict.UNREACHABLE, c.verdict());
        for (AddressSet part : List.of(c.allowed(), c.denied(), c.undetermined(), c.natDenied(), c.natUndetermined())) {
            assertTrue(part.isEmpty(), c.toString());
        }
    }

    @Test
    void aDestinationSplitByRoutesWithDifferentOutcomesKeepsEveryPartsHopsInOrder() {
        // 40.112.255.0/24 of azure-sql-westus (40.112.240.0/20) is dropped; the rest leaves by the VIP.
        Topology t = ReferenceTopology.builder()
                .routeTable(
                        ASE_ONE_ROUTES,
                        false,
                        route("direct-internet", "0.0.0.0/0", "Internet"),
                        route("drop-last", "40.112.255.0/24", "None"))
                .build();
        Walk w = CallSourceScenarioTest.walk(t, "app1", "azure-sql-westus");
        assertEquals(SourceKind.UNDETERMINED, w.kind(), w.callSource().reason());
        assertTrue(w.callSource().reason().startsWith("The addresses of azure-sql-westus take different paths"));
        List<Hop> hops = w.trace().hops();
        assertEquals(APP1, hops.get(0).node());
        assertEquals(HopKind.ENDPOINT, hops.get(1).kind(), "the first part arrives before the next part starts");
        assertEquals(List.of(StepType.DELIVER), hops.get(1).stepTypes());
        assertEquals(APP1, hops.get(2).node(), "the next part leaves from the caller again");
        Hop lastHop = hops.get(hops.size() - 1);
        assertEquals(APP1, lastHop.node(), "the dropped part ends at the caller");
        assertEquals(StepType.DROP, lastHop.stepTypes().get(lastHop.stepTypes().size() - 1));
    }

    @Test
    void hopKindsPrintAsTheirLabels() {
        assertEquals("App", HopKind.APP.toString());
        assertEquals("AppServiceEnvironment", HopKind.APP_SERVICE_ENVIRONMENT.toString());
        assertEquals("AzureFirewall", HopKind.AZURE_FIREWALL.label());
        assertEquals("Internet", String.valueOf(HopKind.INTERNET));
    }
}
