package io.asegraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --peer} part of the results: one row per listing with our p50 and throughput at 1 and 8 clients, the
 * peer's, and the throughput ratio (ours over the peer's), under a row with the floor's absolute figures.
 */
final class PeerTable {
    private PeerTable() {}

    private static Optional<LoadDriver.Measurement> ok(List<LoadDriver.Measurement> all, String scenario, int clients) {
        return all.stream()
                .filter(m -> m.scenario().equals(scenario) && m.clients() == clients)
                .filter(m -> m.status() == LoadDriver.Status.OK)
                .findFirst();
    }

    /** How a measurement that did not succeed ended, for the JSON. */
    private static String status(List<LoadDriver.Measurement> all, String scenario, int clients) {
        return all.stream()
                .filter(m -> m.scenario().equals(scenario) && m.clients() == clients)
                .findFirst()
                .map(m -> m.status() == LoadDriver.Status.OK ? "ok" : m.status() + " " + m.detail())
                .orElse("not run");
    }

    private static String p50(Optional<LoadDriver.Measurement> m) {
        return m.map(x -> BenchResults.num(x.p50Ms()) + " ms").orElse("—");
    }

    private static String rps(Optional<LoadDriver.Measurement> m) {
        return m.map(x -> BenchResults.num(x.throughput())).orElse("—");
    }

    /** Our throughput over the peer's, when both were measured. */
    static Optional<Double> ratio(Optional<LoadDriver.Measurement> ours, Optional<LoadDriver.Measurement> peer) {
        if (ours.isEmpty() || peer.isEmpty() || peer.get().throughput() <= 0) {
            return Optional.empty();
        }
        return Optional.of(ours.get().throughput() / peer.get().throughput());
    }

    /** The peer targets (issue 16): each listing at least 5× the peer's throughput, at 1 and at 8 clients. */
    static List<BenchResults.Target> targets(BenchResults r) {
        List<BenchResults.Target> out = new ArrayList<>();
        String limit = "≥ 5 × the peer's req/s";
        if (r.peerListings.isEmpty()) {
            out.add(new BenchResults.Target(
                    "listings vs the peer",
                    limit,
                    r.peerNote != null ? r.peerNote : "not measured (run with --peer)",
                    Double.NaN,
                    BenchResults.Verdict.NOT_MEASURED));
            return out;
        }
        for (BenchResults.PeerListing l : r.peerListings) {
            for (int clients : PeerRun.LEVELS) {
                String name = l.name() + " vs the peer, " + clients + (clients == 1 ? " client" : " clients");
                Optional<LoadDriver.Measurement> o = ok(r.peerMeasurements, l.ours(), clients);
                Optional<Double> x =
                        l.difference() != null ? Optional.empty() : ratio(o, ok(r.peerMeasurements, l.peer(), clients));
                out.add(
                        x.isPresent()
                                ? new BenchResults.Target(
                                        name,
                                        limit,
                                        BenchResults.num(o.get().throughput()) + " req/s = "
                                                + BenchResults.ratio(x.get()) + "×",
                                        x.get(),
                                        BenchResults.verdict(x.get() >= 5))
                                : new BenchResults.Target(
                                        name,
                                        limit,
                                        l.difference() != null
                                                ? "not timed: the peer's rows differ (" + l.difference() + ")"
                                                : "ours " + status(r.peerMeasurements, l.ours(), clients) + ", peer "
                                                        + status(r.peerMeasurements, l.peer(), clients),
                                        Double.NaN,
                                        BenchResults.Verdict.NOT_MEASURED));
            }
        }
        return out;
    }

    static String markdown(BenchResults r) {
        if (r.peerNote == null && r.peerListings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n## Listings side by side with the peer\n\n");
        if (r.peerVersion != null) {
            b.append("Peer: ")
                    .append(r.peerVersion)
                    .append(", on the service's own store through its Bolt port (loopback). Both timed by the same wrk")
                    .append(" in the same run; ratio = our req/s over the peer's.\n\n");
        }
        if (r.peerNote != null) {
            b.append("**Peer not measured: ").append(r.peerNote).append("**\n\n");
        }
        b.append("| listing | rows (total) | ours p50, 1 client | ours req/s, 1 | ours p50, 8 clients | ours req/s, 8 |"
                + " peer p50, 1 | peer req/s, 1 | peer p50, 8 | peer req/s, 8 | ratio req/s, 1 | ratio req/s, 8 |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Optional<LoadDriver.Measurement> f1 = ok(r.measurements, BenchScenarios.FLOOR, 1);
        Optional<LoadDriver.Measurement> f8 = ok(r.measurements, BenchScenarios.FLOOR, 8);
        BenchResults.row(b, "floor `{ __typename }`", "", p50(f1), rps(f1), p50(f8), rps(f8), "", "", "", "", "", "");
        for (BenchResults.PeerListing l : r.peerListings) {
            if (l.difference() != null) {
                BenchResults.row(
                        b,
                        l.name(),
                        l.rows() + " (" + l.totalCount() + ")",
                        "not timed: the peer's rows differ (" + l.difference() + ")",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "");
                continue;
            }
            Optional<LoadDriver.Measurement> o1 = ok(r.peerMeasurements, l.ours(), 1);
            Optional<LoadDriver.Measurement> o8 = ok(r.peerMeasurements, l.ours(), 8);
            Optional<LoadDriver.Measurement> p1 = ok(r.peerMeasurements, l.peer(), 1);
            Optional<LoadDriver.Measurement> p8 = ok(r.peerMeasurements, l.peer(), 8);
            BenchResults.row(
                    b,
                    l.name(),
                    l.rows() + " (" + l.totalCount() + ")",
                    p50(o1),
                    rps(o1),
                    p50(o8),
                    rps(o8),
                    p50(p1),
                    rps(p1),
                    p50(p8),
                    rps(p8),
                    ratio(o1, p1).map(x -> BenchResults.ratio(x)).orElse("—"),
                    ratio(o8, p8).map(x -> BenchResults.ratio(x)).orElse("—"));
        }
        return b.toString();
    }

    static Map<String, Object> json(BenchResults r) {
        List<Object> rows = new ArrayList<>();
        for (BenchResults.PeerListing l : r.peerListings) {
            List<Object> levels = new ArrayList<>();
            for (int clients : PeerRun.LEVELS) {
                Optional<LoadDriver.Measurement> o = ok(r.peerMeasurements, l.ours(), clients);
                Optional<LoadDriver.Measurement> p = ok(r.peerMeasurements, l.peer(), clients);
                levels.add(BenchResults.ordered(
                        "clients",
                        clients,
                        "oursP50Ms",
                        o.map(LoadDriver.Measurement::p50Ms).orElse(null),
                        "oursThroughput",
                        o.map(LoadDriver.Measurement::throughput).orElse(null),
                        "peerP50Ms",
                        p.map(LoadDriver.Measurement::p50Ms).orElse(null),
                        "peerThroughput",
                        p.map(LoadDriver.Measurement::throughput).orElse(null),
                        "throughputRatio",
                        ratio(o, p).orElse(null),
                        "oursStatus",
                        status(r.peerMeasurements, l.ours(), clients),
                        "peerStatus",
                        status(r.peerMeasurements, l.peer(), clients)));
            }
            rows.add(BenchResults.ordered(
                    "listing",
                    l.name(),
                    "ours",
                    l.ours(),
                    "peer",
                    l.peer(),
                    "totalCount",
                    l.totalCount(),
                    "rows",
                    l.rows(),
                    "difference",
                    l.difference(),
                    "levels",
                    levels));
        }
        return BenchResults.ordered("version", r.peerVersion, "note", r.peerNote, "listings", rows);
    }
}
