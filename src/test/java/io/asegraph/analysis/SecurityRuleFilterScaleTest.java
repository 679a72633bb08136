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
        Scope scope = scope(estate());
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
            time("filter over rules", rows.size(), () -> RuleSearch.run(scope, where, false)
                    .matched()
                    .size());
        }
    }

    /** The listing filters of the other resources, compiled and evaluated as a listing request does. */
    @Test
    void filteringTheOtherListingsStaysFast() {
        Estate estate = estate();
        Scope scope = scope(estate);
        io.asegraph.topology.Topology t = estate.topology();

        io.asegraph.api.read.filter.VirtualNetworkWhere unpeered =
                new io.asegraph.api.read.filter.VirtualNetworkWhere();
        unpeered.addressPrefixes = new io.asegraph.api.read.filter.AddressFilter();
        unpeered.addressPrefixes.overlaps = "10.0.0.0/8";
        unpeered.peerings = new io.asegraph.api.read.filter.PeeringListWhere();
        unpeered.peerings.none = new io.asegraph.api.read.filter.PeeringWhere();
        time(
                "virtualNetworks overlapping 10.0.0.0/8 without a peering",
                t.vnets(),
                () -> io.asegraph.api.read.filter.VirtualNetworkWhere.compile(unpeered, "where", scope));

        io.asegraph.api.read.filter.PublicIpAddressWhere idle = new io.asegraph.api.read.filter.PublicIpAddressWhere();
        idle.networkInterfaces = new io.asegraph.api.read.filter.NetworkInterfaceListWhere();
        idle.networkInterfaces.none = new io.asegraph.api.read.filter.NetworkInterfaceWhere();
        idle.natGateway = new io.asegraph.api.read.filter.NatGatewayWhere();
        idle.natGateway.exists = false;
        time(
                "publicIpAddresses used by nothing",
                t.publicIps(),
                () -> io.asegraph.api.read.filter.PublicIpAddressWhere.compile(idle, "where", scope));

        io.asegraph.api.read.filter.SubnetWhere natNoNsg = new io.asegraph.api.read.filter.SubnetWhere();
        natNoNsg.networkSecurityGroup = new io.asegraph.api.read.filter.NetworkSecurityGroupWhere();
        natNoNsg.networkSecurityGroup.exists = false;
        natNoNsg.addressPrefix = new io.asegraph.api.read.filter.AddressFilter();
        natNoNsg.addressPrefix.within = "10.0.0.0/8";
        time(
                "subnets without an NSG within 10.0.0.0/8",
                t.subnets(),
                () -> io.asegraph.api.read.filter.SubnetWhere.compile(natNoNsg, "where", scope));
    }

    /** The generated estate of -Dasegraph.scale (the test is skipped without it). */
    private static Estate estate() {
        String size = System.getProperty("asegraph.scale", "");
        Assumptions.assumeTrue(!size.isEmpty(), "set -Dasegraph.scale=medium|large to run");
        return GeneratedEstates.load(EstateSpec.preset(size), 42);
    }

    private static Scope scope(Estate estate) {
        AnalysisContext context = AnalysisContext.of(estate);
        return new Scope(context, new Audits(context, new FlowAnalyzer(context)));
    }

    /** A listing question: its where compiled and every row tested, as a request does before sorting and paging. */
    private static <D> void time(
            String question,
            java.util.Collection<D> rows,
            java.util.function.Supplier<io.asegraph.api.read.filter.Pred<D>> compile) {
        time(question, rows.size(), () -> {
            io.asegraph.api.read.filter.Pred<D> p = compile.get();
            return (int) rows.stream()
                    .filter(r -> p.test(r) == io.asegraph.api.read.filter.Tri.TRUE)
                    .count();
        });
    }

    /** Runs {@code search} 200 times; prints how many of {@code total} rows it matched, p50 and p90. */
    private static void time(String question, int total, java.util.function.IntSupplier search) {
        int n = 200;
        double[] ms = new double[n];
        int matched = 0;
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            matched = search.getAsInt();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.err.printf(
                "%s: %d of %d rows, p50 %.3f ms, p90 %.3f ms%n", question, matched, total, ms[n / 2], ms[n * 9 / 10]);
        assertTrue(ms[n / 2] < 200, "p50 " + ms[n / 2] + " ms");
    }
}
