package io.asegraph.service;

import io.asegraph.analysis.FlowChange;
import io.asegraph.analysis.audit.AuditChanges;
import io.asegraph.analysis.audit.ExposureAudit;
import io.asegraph.estate.Estate;
import io.asegraph.graph.GraphImporter;
import io.asegraph.graph.WhatIfPlanner;
import io.asegraph.net.Protocol;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures a what-if of one NSG change on a generated estate, in process and without the store or HTTP:
 * {@code java -cp <test classpath> io.asegraph.service.WhatIfBench ESTATE_DIR [RUNS]} where ESTATE_DIR holds
 * {@code resources.json} and {@code servicetags.json} ({@code bench/run generate --size large}). The snapshot is the
 * documents overlaid on an empty estate (the import's own comparison); then, RUNS times, an edits document putting
 * one deny rule into the NSG of a network interface is proposed, the overlay's engine built, one flow (an ASE to that
 * interface, TCP 1433) asked of both estates, and the audits compared. The overlay's engine is derived from the
 * snapshot's ({@link Engines#derive}, as {@code WhatIfs} does); a third argument {@code full} builds it from scratch
 * instead ({@link Engines#build}) for the comparison, and {@code ase} puts the rule into the NSG of an ASE's subnet
 * (whose health is then checked again) rather than a network interface's. Prints each step's wall time, the bytes the
 * thread allocated for it, and the heap in use after a collection with the overlay alive (its retained cost). Not a
 * test; run by hand.
 */
public final class WhatIfBench {
    private WhatIfBench() {}

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // "full": the overlay's engine built from scratch (Engines.build), as before the derivation; by default it is
        // derived from the snapshot's (Engines.derive), as WhatIfs does.
        boolean full = List.of(args).contains("full");
        // "ase": the rule goes into the NSG of an ASE's subnet instead (its health is checked again).
        boolean atAse = List.of(args).contains("ase");
        WhatIfPlanner planner = new WhatIfPlanner(new GraphImporter(null, null));
        long t0 = System.nanoTime();
        Estate estate = planner.propose(Estate.empty(), Files.readString(dir.resolve("resources.json")))
                .after()
                .orElseThrow();
        estate = planner.propose(estate, Files.readString(dir.resolve("servicetags.json")))
                .after()
                .orElseThrow();
        System.out.printf(
                Locale.ROOT,
                "estate: %,d network records, %,d NSGs, loaded in %.1f s%n",
                estate.topology().resources().size(),
                estate.policies().nsgs().size(),
                (System.nanoTime() - t0) / 1e9);
        Engines.Built before = Engines.build(estate);
        long w0 = System.nanoTime();
        before.audits().warm();
        System.out.printf(Locale.ROOT, "snapshot audits warmed in %.1f s%n", (System.nanoTime() - w0) / 1e9);
        final Estate base = estate;
        NetworkInterface nic = base.topology().nics().stream()
                .filter(n -> n.nsgId().isPresent())
                .findFirst()
                .orElseThrow();
        NetworkSecurityGroup nsg = atAse
                ? base.topology().environments().stream()
                        .map(a -> base.topology().subnet(a.subnetId()).flatMap(Subnet::nsgId))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .flatMap(id -> base.policies().nsg(id))
                        .orElseThrow()
                : base.policies().nsg(nic.nsgId().get()).orElseThrow();
        AppServiceEnvironment ase = base.topology().environments().stream()
                .filter(a -> base.topology()
                        .subnet(a.subnetId())
                        .map(s -> s.vnetId())
                        .equals(base.topology().subnet(nic.subnetId()).map(s -> s.vnetId())))
                .findFirst()
                .orElse(base.topology().environments().iterator().next());
        String document =
                "{\"edits\": [{\"putSecurityRule\": {\"nsg\": \"" + nsg.id().value() + "\", \"rule\": {"
                        + "\"name\": \"whatif-deny-sql\", \"priority\": 4090, \"direction\": \"INBOUND\", \"access\": \"DENY\","
                        + " \"protocol\": \"TCP\", \"sourceAddressPrefixes\": [\"*\"], \"destinationAddressPrefixes\": [\"*\"],"
                        + " \"destinationPortRanges\": [\"1433\"]}}}]}";
        System.out.printf(
                Locale.ROOT,
                "change: a deny rule into %s (%d rules); flow %s -> %s TCP 1433%n",
                nsg.name(),
                nsg.rules().size(),
                ase.name(),
                nic.name());
        long baseline = usedAfterGc();
        System.out.printf(Locale.ROOT, "heap in use with the snapshot and its audits: %,d MiB%n", baseline >> 20);
        for (int run = 1; run <= runs; run++) {
            long a0 = allocated();
            long s0 = System.nanoTime();
            WhatIfPlanner.Proposal p = planner.propose(base, document);
            long s1 = System.nanoTime();
            long a1 = allocated();
            Engines.Built after = full
                    ? Engines.build(p.after().orElseThrow())
                    : Engines.derive(before, p.after().orElseThrow());
            FlowChange flow = FlowChange.ask(
                    () -> before.flows().analyze(ase.id().value(), nic.id().value(), 1433, Protocol.TCP),
                    () -> after.flows().analyze(ase.id().value(), nic.id().value(), 1433, Protocol.TCP));
            long s2 = System.nanoTime();
            long a2 = allocated();
            // The overlay's three estate-wide audits one by one, then the comparison (both sides then cached).
            long h0 = System.nanoTime();
            after.audits().environmentsHealth();
            long h1 = System.nanoTime();
            after.audits().shadowedRules(false);
            long h2 = System.nanoTime();
            after.audits().exposures(ExposureAudit.DEFAULT_PORTS, Protocol.TCP);
            long h3 = System.nanoTime();
            AuditChanges audits = AuditChanges.of(before.audits(), after.audits());
            System.out.printf(
                    Locale.ROOT,
                    "  audits: health %d ms, shadowed rules %d ms, exposures %d ms, comparison %d ms%n",
                    (h1 - h0) / 1_000_000,
                    (h2 - h1) / 1_000_000,
                    (h3 - h2) / 1_000_000,
                    (System.nanoTime() - h3) / 1_000_000);
            long s3 = System.nanoTime();
            long a3 = allocated();
            long retained = usedAfterGc() - baseline;
            System.out.printf(
                    Locale.ROOT,
                    "run %d (%s): plan+overlay %d ms (%,d MiB allocated), engine+flow %d ms (%,d MiB; %s -> %s),"
                            + " audits %d ms (%,d MiB; %d health flips, %d+%d exposures, %d+%d shadowed),"
                            + " total %d ms; overlay retained %,d MiB; %d resources changed%n",
                    run,
                    after.audits().derived() ? "derived" : "full build",
                    (s1 - s0) / 1_000_000,
                    (a1 - a0) >> 20,
                    (s2 - s1) / 1_000_000,
                    (a2 - a1) >> 20,
                    flow.before().verdict(),
                    flow.after().verdict(),
                    (s3 - s2) / 1_000_000,
                    (a3 - a2) >> 20,
                    audits.health().size(),
                    audits.exposuresAdded().size(),
                    audits.exposuresRemoved().size(),
                    audits.shadowedAdded().size(),
                    audits.shadowedRemoved().size(),
                    (s3 - s0) / 1_000_000,
                    retained >> 20,
                    p.changes().size());
            if (after.estate() == null) {
                throw new IllegalStateException("kept alive until measured");
            }
        }
    }
}
