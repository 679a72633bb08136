package io.asegraph.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.audit.Audits;
import io.asegraph.api.path.Access;
import io.asegraph.api.read.filter.AccessFilter;
import io.asegraph.api.read.filter.IntFilter;
import io.asegraph.api.read.filter.RuleRow;
import io.asegraph.api.read.filter.RuleSearch;
import io.asegraph.api.read.filter.Scope;
import io.asegraph.api.read.filter.SecurityRuleWhere;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Timings of the securityRules filters over a generated estate (the large one has 100,000 rules), in process: the
 * per-snapshot resolution of every rule once, then the search a request pays ({@link RuleSearch}, as securityRules runs it). Opt-in:
 * {@code -Dasegraph.scale=large} (or {@code medium}). Prints to stderr; asserts only a generous bound.
 */
class SecurityRuleFilterScaleTest {
    @Test
    void filteringEveryRuleOfTheEstateStaysFast() {
        String size = System.getProperty("asegraph.scale", "");
        Assumptions.assumeTrue(!size.isEmpty(), "set -Dasegraph.scale=medium|large to run");
        Estate estate = GeneratedEstates.load(EstateSpec.preset(size), 42);
        AnalysisContext context = AnalysisContext.of(estate);
        Scope scope = new Scope(context, new Audits(context, new FlowAnalyzer(context)));
        long t0 = System.nanoTime();
        List<RuleRow> rows = scope.rules(false);
        long t1 = System.nanoTime();
        System.err.printf("rules: %d resolved in %d ms%n", rows.size(), (t1 - t0) / 1_000_000);

        SecurityRuleWhere ssh = SmallEstateRuleSearchTest.sshFromInternet();
        SecurityRuleWhere deny = new SecurityRuleWhere();
        deny.priority = new IntFilter();
        deny.priority.gte = 4000;
        deny.access = new AccessFilter();
        deny.access.eq = Access.DENY;
        for (var where : List.of(ssh, deny)) {
            int n = 200;
            double[] ms = new double[n];
            int matched = 0;
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                matched = RuleSearch.run(scope, where, false).matched().size();
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            System.err.printf(
                    "filter over %d rules: %d matched, p50 %.2f ms, p90 %.2f ms%n",
                    rows.size(), matched, ms[n / 2], ms[n * 9 / 10]);
            assertTrue(ms[n / 2] < 200, "p50 " + ms[n / 2] + " ms");
        }
    }
}
