package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.net.Protocol;
import io.asegraph.topology.Subnet;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Timings on a generated estate of design.md "Scale to design for". Opt-in, since generating and parsing the large
 * estate takes a while: {@code -Dasegraph.scale=large} (or {@code medium}). Prints the timings to stderr; asserts only
 * generous bounds (the machine is shared) and that the batch agrees with single flows on a sample.
 */
class FlowScaleTest {
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void contextSingleFlowsAndBatchesStayFastAtScale() {
        String size = System.getProperty("asegraph.scale", "");
        Assumptions.assumeTrue(!size.isEmpty(), "set -Dasegraph.scale=medium|large to run");
        Estate estate = GeneratedEstates.load(EstateSpec.preset(size), 42);
        long loaded = cpu();
        AnalysisContext context = AnalysisContext.of(estate);
        long built = cpu();
        for (Subnet s : estate.topology().subnets()) {
            context.evaluator(s);
        }
        long allContexts = cpu();
        FlowAnalyzer analyzer = new FlowAnalyzer(context);
        List<Reference> ases = estate.topology().environments().stream()
                .map(a -> context.resolver().resolveCaller(a.id().value()))
                .toList();
        List<Reference> nics = estate.topology().nics().stream()
                .map(n -> context.resolver().resolveCaller(n.id().value()))
                .toList();
        List<Reference> callers = new ArrayList<>(ases);
        callers.addAll(nics);
        List<Reference> destinations = new ArrayList<>();
        estate.topology()
                .nics()
                .forEach(n -> destinations.add(context.resolver().resolveDestination(n.id().value())));
        estate.topology()
                .environments()
                .forEach(a -> destinations.add(context.resolver().resolveDestination(a.id().value())));
        estate.topology()
                .endpoints()
                .forEach(e -> destinations.add(context.resolver().resolveDestination(e.id().value())));

        Random random = new Random(7);
        int n = 500;
        double[] singles = new double[n];
        for (int i = 0; i < n; i++) {
            Reference from = callers.get(random.nextInt(callers.size()));
            Reference to = destinations.get(random.nextInt(destinations.size()));
            long s = cpu();
            analyzer.analyze(from, to, random.nextBoolean() ? 443 : 1433, Protocol.TCP);
            singles[i] = (cpu() - s) / 1e6;
        }
        double first = singles[0];
        Arrays.sort(singles);

        Reference nicTarget = destinations.get(0);
        Reference aseTarget = destinations.get(estate.topology().nics().size());
        long b0 = System.nanoTime();
        long c0 = cpu();
        List<FlowResult> toNic = analyzer.analyzeMany(callers, nicTarget, 1433, Protocol.TCP);
        long b1 = System.nanoTime();
        long c1 = cpu();
        List<FlowResult> toAse = analyzer.analyzeMany(callers, aseTarget, 443, Protocol.TCP);
        long b2 = System.nanoTime();
        long c2 = cpu();
        int sample = Math.min(300, callers.size());
        for (int i = 0; i < sample; i++) {
            int k = random.nextInt(callers.size());
            assertEquals(analyzer.analyze(callers.get(k), nicTarget, 1433, Protocol.TCP), toNic.get(k));
        }
        long singlesStart = cpu();
        for (int i = 0; i < sample; i++) {
            analyzer.analyze(callers.get(i), aseTarget, 443, Protocol.TCP);
        }
        double perSingle = (cpu() - singlesStart) / 1e6 / sample;

        System.err.printf(
                "%s estate: %d subnets, %d ASEs, %d NICs, %d NSGs%n",
                size,
                estate.topology().subnets().size(),
                ases.size(),
                nics.size(),
                estate.policies().nsgs().size());
        System.err.printf(
                "  AnalysisContext.of (CPU) %.1f ms; every subnet's evaluation context %.0f ms%n",
                (built - loaded) / 1e6, (allContexts - built) / 1e6);
        System.err.printf(
                "  single flow (CPU): first %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)%n",
                first, singles[n / 2], singles[(int) (n * 0.95)], singles[n - 1], n);
        System.err.printf(
                "  batch of %d callers → NIC:1433 %.0f ms (CPU %.0f ms); → ASE:443 %.0f ms (CPU %.0f ms; "
                        + "one by one: CPU ~%.0f ms)%n",
                callers.size(),
                (b1 - b0) / 1e6,
                (c1 - c0) / 1e6,
                (b2 - b1) / 1e6,
                (c2 - c1) / 1e6,
                perSingle * callers.size());
        assertEquals(callers.size(), toAse.size());
    }
}
