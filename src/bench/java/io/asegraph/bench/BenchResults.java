package io.asegraph.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What one benchmark run measured, filled in step by step (a step that did not run keeps its reason), with the
 * issue's targets evaluated on it and both renderings: {@code results.md} and {@code results.json}.
 */
final class BenchResults {

    /** Whether a target was met. */
    enum Verdict {
        PASS,
        MISS,
        NOT_MEASURED
    }

    /**
     * One of the targets.
     *
     * @param measured what was measured, for people ({@code "0.42 ms = 2.1× the floor"})
     * @param value    the compared figure (a ratio, or MiB), NaN when not measured
     */
    record Target(String name, String limit, String measured, double value, Verdict verdict) {}

    /** What the import answered for one file, and how long it took. */
    record ImportStep(
            String file,
            long items,
            double seconds,
            long created,
            long updated,
            long unchanged,
            int warnings,
            List<String> firstWarnings) {
        ImportStep {
            firstWarnings = List.copyOf(firstWarnings);
        }

        double rate() {
            return seconds > 0 ? items / seconds : Double.NaN;
        }
    }

    /** One scenario's request as sent. */
    record ScenarioText(String name, String rootField, String body) {}

    String size;
    long seed;
    String startedAt;
    String mode;
    Map<String, Object> machine = new LinkedHashMap<>();
    /** What timed the queries (wrk, or the JDK client with its own cost in every figure). */
    String loadGenerator;

    Map<String, Object> settings = new LinkedHashMap<>();
    Map<String, Object> estate = new LinkedHashMap<>();
    Map<String, Object> references = new LinkedHashMap<>();
    /** {@code --restore-check}: export and restore times, bytes, peak memory, whether the exports matched. */
    Map<String, Object> restoreCheck;

    String loadAverageAtStart;
    String loadAverageAtEnd;

    Duration readyFresh;
    Duration readyRestart;
    Duration stopTime;
    Double firstFloorAfterRestartMs;
    Double firstFlowAfterRestartMs;
    /** The first flow after the import: it waits for the snapshot and analysis context the service builds after the write. */
    Double firstFlowAfterImportMs;

    String firstFlowAfterImportStatus;
    String firstFlowAfterRestartStatus;

    final List<ImportStep> imports = new ArrayList<>();
    String importStatus = "not run";

    Long residentKb;
    Long peakResidentKb;
    Long residentAfterQueriesKb;

    Duration bareStartWall;
    Double bareStartInsideMs;
    Long graphNodes;
    Long graphRelationships;
    Map<String, Long> graphLabels = new TreeMap<>();
    BareUnwindImport.Result bareUnwind;

    final List<ScenarioText> scenarios = new ArrayList<>();
    final List<LoadDriver.Measurement> measurements = new ArrayList<>();

    /** Steps not run, with the reason, by step. */
    final Map<String, String> skipped = new LinkedHashMap<>();

    final List<String> notes = new ArrayList<>();

    /** One listing of {@code --peer}: its scenarios, our rows and, when the peer's differ, how (then it is not timed). */
    record PeerListing(String name, String ours, String peer, long totalCount, long rows, String difference) {}

    /** {@code --peer}: the peer's versions, why it did not run (if so), the listings and their measurements. */
    String peerVersion;

    String peerNote;
    final List<PeerListing> peerListings = new ArrayList<>();
    final List<LoadDriver.Measurement> peerMeasurements = new ArrayList<>();

    /** {@code --soak}: what it ran with, and what it measured (null when not a soak). */
    Map<String, Object> soakSettings = new LinkedHashMap<>();

    SoakSummary soak;

    /** Why the run stopped early, if it did. */
    String error;

    boolean timeCapReached;
    double wallSeconds;

    // ---------------------------------------------------------------------------------------------------------------
    // Figures derived from the measurements.

    Optional<LoadDriver.Measurement> measurement(String scenario, int clients) {
        return measurements.stream()
                .filter(m -> m.scenario().equals(scenario) && m.clients() == clients)
                .findFirst();
    }

    private Optional<LoadDriver.Measurement> ok(String scenario, int clients) {
        return measurement(scenario, clients).filter(m -> m.status() == LoadDriver.Status.OK);
    }

    /** p50 of {@code scenario} over the floor's p50 at the same concurrency. */
    OptionalDouble p50Ratio(String scenario, int clients) {
        Optional<LoadDriver.Measurement> m = ok(scenario, clients);
        Optional<LoadDriver.Measurement> f = ok(BenchScenarios.FLOOR, clients);
        return m.isPresent() && f.isPresent() && f.get().p50Ms() > 0
                ? OptionalDouble.of(m.get().p50Ms() / f.get().p50Ms())
                : OptionalDouble.empty();
    }

    /** Throughput of {@code scenario} over the floor's at the same concurrency. */
    OptionalDouble throughputRatio(String scenario, int clients) {
        Optional<LoadDriver.Measurement> m = ok(scenario, clients);
        Optional<LoadDriver.Measurement> f = ok(BenchScenarios.FLOOR, clients);
        return m.isPresent() && f.isPresent() && f.get().throughput() > 0
                ? OptionalDouble.of(m.get().throughput() / f.get().throughput())
                : OptionalDouble.empty();
    }

    /** Seconds the whole import took (every file). */
    OptionalDouble importSeconds() {
        return imports.isEmpty() || !importStatus.equals("ok")
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        imports.stream().mapToDouble(ImportStep::seconds).sum());
    }

    /** The import's rate over the bare UNWIND's for the same nodes and relationships (= bare seconds / import seconds). */
    OptionalDouble importRatio() {
        OptionalDouble s = importSeconds();
        return s.isPresent() && bareUnwind != null && bareUnwind.seconds() > 0 && s.getAsDouble() > 0
                ? OptionalDouble.of(bareUnwind.seconds() / s.getAsDouble())
                : OptionalDouble.empty();
    }

    OptionalDouble restartRatio() {
        return readyRestart != null && bareStartWall != null && !bareStartWall.isZero()
                ? OptionalDouble.of(seconds(readyRestart) / seconds(bareStartWall))
                : OptionalDouble.empty();
    }

    /** Every scenario and level that failed (not: not available, skipped). */
    List<LoadDriver.Measurement> failed() {
        return measurements.stream()
                .filter(m -> m.status() == LoadDriver.Status.FAILED)
                .toList();
    }

    /** The targets, evaluated on this run. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        out.add(p50Target("callSource", 2.5));
        for (String s : List.of("nextHop", "ipFlowVerify", "flow", "flowTrace")) {
            out.add(p50Target(s, 3));
        }
        for (String flow : List.of("flow", "flowTrace")) {
            OptionalDouble tr = throughputRatio(flow, 8);
            out.add(new Target(
                    flow + " throughput at 8 clients",
                    "≥ 0.30 × the floor's",
                    tr.isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "%s req/s = %s× the floor's",
                                    num(ok(flow, 8).get().throughput()),
                                    ratio(tr.getAsDouble()))
                            : why(flow, 8),
                    tr.orElse(Double.NaN),
                    tr.isPresent() ? verdict(tr.getAsDouble() >= 0.3) : Verdict.NOT_MEASURED));
        }
        for (String audit : REPEATED_AUDITS) {
            out.add(repeatTarget(audit));
        }
        out.addAll(PeerTable.targets(this));
        out.add(memoryTarget("resident memory after import", residentKb, "memory"));
        out.add(memoryTarget("resident memory after the queries (up to 32 clients)", residentAfterQueriesKb, "memory"));
        OptionalDouble rr = restartRatio();
        out.add(new Target(
                "restart to ready",
                "≤ 2 × a bare embedded Neo4j start",
                rr.isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "%s s vs %s s = %s×",
                                num(seconds(readyRestart)),
                                num(seconds(bareStartWall)),
                                ratio(rr.getAsDouble()))
                        : firstReason("restart", "bare Neo4j start"),
                rr.orElse(Double.NaN),
                rr.isPresent() ? verdict(rr.getAsDouble() <= 2) : Verdict.NOT_MEASURED));
        OptionalDouble ir = importRatio();
        out.add(new Target(
                "import rate",
                "≥ 0.5 × a bare UNWIND … CREATE",
                ir.isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "%s s vs %s s for %d nodes + %d relationships = %s×",
                                num(importSeconds().getAsDouble()),
                                num(bareUnwind.seconds()),
                                bareUnwind.nodes(),
                                bareUnwind.relationships(),
                                ratio(ir.getAsDouble()))
                        : firstReason("import", "bare UNWIND"),
                ir.orElse(Double.NaN),
                ir.isPresent() ? verdict(ir.getAsDouble() >= 0.5) : Verdict.NOT_MEASURED));
        return out;
    }

    /** The audits a dashboard repeats, answered from memory after the first time (issue 16: under 5 ms p50). */
    static final List<String> REPEATED_AUDITS = List.of("environmentsHealth", "exposures", "shadowedRules");

    private Target repeatTarget(String scenario) {
        String limit = "p50 < 5 ms (1 client, the same request repeated)";
        Optional<LoadDriver.Measurement> m = ok(scenario, 1);
        if (m.isEmpty()) {
            return new Target(scenario + " repeated", limit, why(scenario, 1), Double.NaN, Verdict.NOT_MEASURED);
        }
        double p50 = m.get().p50Ms();
        return new Target(scenario + " repeated", limit, num(p50) + " ms", p50, verdict(p50 < 5));
    }

    private Target memoryTarget(String name, Long kb, String skippedKey) {
        if (kb == null) {
            return new Target(
                    name,
                    "≤ 2048 MiB",
                    skipped.getOrDefault(skippedKey, "not measured"),
                    Double.NaN,
                    Verdict.NOT_MEASURED);
        }
        return new Target(name, "≤ 2048 MiB", mib(kb) + " MiB", kb / 1024.0, verdict(kb <= 2L * 1024 * 1024));
    }

    private Target p50Target(String scenario, double limit) {
        OptionalDouble r = p50Ratio(scenario, 1);
        String limitText = "p50 ≤ " + num(limit) + " × the floor's (1 client)";
        if (r.isEmpty()) {
            return new Target(scenario + " p50", limitText, why(scenario, 1), Double.NaN, Verdict.NOT_MEASURED);
        }
        return new Target(
                scenario + " p50",
                limitText,
                String.format(
                        Locale.ROOT,
                        "%s ms = %s× the floor's %s ms",
                        num(ok(scenario, 1).get().p50Ms()),
                        ratio(r.getAsDouble()),
                        num(ok(BenchScenarios.FLOOR, 1).get().p50Ms())),
                r.getAsDouble(),
                verdict(r.getAsDouble() <= limit));
    }

    private String why(String scenario, int clients) {
        Optional<LoadDriver.Measurement> m = measurement(scenario, clients);
        if (m.isEmpty()) {
            return "not measured";
        }
        if (m.get().status() != LoadDriver.Status.OK) {
            return m.get().status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + m.get().detail();
        }
        return "floor "
                + measurement(BenchScenarios.FLOOR, clients)
                        .map(f -> f.status() + ": " + f.detail())
                        .orElse("not measured");
    }

    private String firstReason(String... steps) {
        for (String s : steps) {
            if (skipped.containsKey(s)) {
                return s + " " + skipped.get(s);
            }
        }
        return "not measured";
    }

    static Verdict verdict(boolean pass) {
        return pass ? Verdict.PASS : Verdict.MISS;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    static String mib(long kb) {
        return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }

    /** Three significant figures, plain. */
    static String num(double d) {
        if (Double.isNaN(d)) {
            return "–";
        }
        if (d >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (d >= 100) {
            return String.format(Locale.ROOT, "%.0f", d);
        }
        if (d >= 10) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (d >= 1) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String ratio(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, d >= 10 ? "%.1f" : "%.2f", d);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Markdown.

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# asegraph benchmark — ")
                .append(size)
                .append(" estate, seed ")
                .append(seed)
                .append("\n\n");
        b.append("Run ")
                .append(startedAt)
                .append(", ")
                .append(mode)
                .append(", ")
                .append(num(wallSeconds))
                .append(" s in all.");
        if (error != null) {
            b.append(" **Stopped early: ")
                    .append(error.lines().findFirst().orElse(error))
                    .append("**");
        }
        b.append("\n\n");
        b.append("Machine: ")
                .append(machine.get("cpus"))
                .append(" CPUs (")
                .append(machine.get("cpuModel"))
                .append("), ")
                .append(machine.get("memoryMiB"))
                .append(" MiB, ")
                .append(machine.get("java"))
                .append(". Load average at start ")
                .append(loadAverageAtStart)
                .append(", at end ")
                .append(loadAverageAtEnd)
                .append(".\n\n");
        if (loadGenerator != null) {
            b.append("Load generator: ").append(loadGenerator).append(".\n\n");
        }
        if (!"large".equals(size)) {
            b.append("The targets are set for the large estate; on the ")
                    .append(size)
                    .append(" estate they are indicative only.\n\n");
        }

        b.append("## Start, import, memory\n\n| measure | value | compared with | ratio |\n|---|---:|---|---:|\n");
        row(
                b,
                "ready on a fresh data directory",
                readyFresh == null ? skipped.getOrDefault("start", "not measured") : num(seconds(readyFresh)) + " s",
                "",
                "");
        for (ImportStep s : imports) {
            row(
                    b,
                    "import " + s.file(),
                    String.format(
                            Locale.ROOT,
                            "%,d items in %s s = %s /s (created %d, " + "updated %d, unchanged %d, %d warnings)",
                            s.items(),
                            num(s.seconds()),
                            num(s.rate()),
                            s.created(),
                            s.updated(),
                            s.unchanged(),
                            s.warnings()),
                    "",
                    "");
        }
        if (!importStatus.equals("ok")) {
            row(b, "import", importStatus, "", "");
        }
        if (graphNodes != null) {
            row(
                    b,
                    importStatus.equals("ok") ? "graph after import" : "graph on disk",
                    String.format(Locale.ROOT, "%,d nodes, %,d relationships", graphNodes, graphRelationships),
                    "",
                    "");
        }
        OptionalDouble ir = importRatio();
        row(
                b,
                "bare UNWIND … CREATE of as many nodes and relationships",
                bareUnwind == null
                        ? skipped.getOrDefault("bare UNWIND", "not measured")
                        : String.format(Locale.ROOT, "%s s (%s /s)", num(bareUnwind.seconds()), num(bareUnwind.rate())),
                importSeconds().isPresent() ? "import " + num(importSeconds().getAsDouble()) + " s" : "",
                ir.isPresent() ? ratio(ir.getAsDouble()) + " (import rate / bare rate)" : "");
        if (firstFlowAfterImportMs != null) {
            row(
                    b,
                    "first flow after the import (waits for the snapshot and analysis context after the write)",
                    num(firstFlowAfterImportMs) + " ms (" + firstFlowAfterImportStatus + ")",
                    "",
                    "");
        }
        row(
                b,
                "resident memory (VmRSS) after import, snapshot loaded",
                residentKb == null
                        ? skipped.getOrDefault("memory", "not measured")
                        : mib(residentKb) + " MiB (peak " + (peakResidentKb == null ? "–" : mib(peakResidentKb))
                                + " MiB)",
                "",
                "");
        if (residentAfterQueriesKb != null) {
            row(b, "resident memory after the queries", mib(residentAfterQueriesKb) + " MiB", "", "");
        }
        OptionalDouble rr = restartRatio();
        row(
                b,
                "restart to ready, estate on disk",
                readyRestart == null
                        ? skipped.getOrDefault("restart", "not measured")
                        : num(seconds(readyRestart)) + " s",
                bareStartWall == null
                        ? "bare Neo4j start: " + skipped.getOrDefault("bare Neo4j start", "not measured")
                        : "bare embedded Neo4j start "
                                + num(seconds(bareStartWall)) + " s"
                                + (bareStartInsideMs == null
                                        ? ""
                                        : " (" + num(bareStartInsideMs / 1000) + " s of it in Neo4j)"),
                rr.isPresent() ? ratio(rr.getAsDouble()) : "");
        if (firstFloorAfterRestartMs != null) {
            row(
                    b,
                    "first answers after restart",
                    "floor " + num(firstFloorAfterRestartMs) + " ms, flow "
                            + (firstFlowAfterRestartMs == null ? "–" : num(firstFlowAfterRestartMs) + " ms") + " ("
                            + firstFlowAfterRestartStatus + ")",
                    "",
                    "");
        }
        if (stopTime != null) {
            row(b, "orderly stop (SIGTERM)", num(seconds(stopTime)) + " s", "", "");
        }

        b.append(
                        "\n## Queries\n\nClosed loop over loopback; latencies in ms; ratios to the floor (`{ __typename }`) at")
                .append(" the same concurrency.\n\n")
                .append("| scenario | clients | p50 | p95 | p99 | req/s | p50 / floor | req/s / floor | status |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LoadDriver.Measurement m : measurements) {
            boolean measured = m.status() == LoadDriver.Status.OK || m.requests() > 0;
            b.append("| ")
                    .append(m.scenario())
                    .append(" | ")
                    .append(m.clients())
                    .append(" | ")
                    .append(measured ? num(m.p50Ms()) : "")
                    .append(" | ")
                    .append(measured ? num(m.p95Ms()) : "")
                    .append(" | ")
                    .append(measured ? num(m.p99Ms()) : "")
                    .append(" | ")
                    .append(measured ? num(m.throughput()) : "")
                    .append(" | ")
                    .append(
                            p50Ratio(m.scenario(), m.clients()).isPresent()
                                    ? ratio(p50Ratio(m.scenario(), m.clients()).getAsDouble())
                                    : "")
                    .append(" | ")
                    .append(
                            throughputRatio(m.scenario(), m.clients()).isPresent()
                                    ? ratio(throughputRatio(m.scenario(), m.clients())
                                            .getAsDouble())
                                    : "")
                    .append(" | ")
                    .append(status(m))
                    .append(" |\n");
        }

        b.append("\n## Targets\n\n| target | limit | measured | result |\n|---|---|---|---|\n");
        for (Target t : targets()) {
            row(
                    b,
                    t.name(),
                    t.limit(),
                    t.measured(),
                    t.verdict() == Verdict.NOT_MEASURED
                            ? "not measured"
                            : t.verdict().name());
        }
        if (!skipped.isEmpty() || !notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            skipped.forEach((step, why) ->
                    b.append("- ").append(step).append(": ").append(why).append('\n'));
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        b.append(PeerTable.markdown(this));
        if (soak != null) {
            b.append(soak.markdown(soakSettings));
        }
        b.append("\n## Scenarios\n\nReferences from the generated estate: ");
        references.forEach(
                (k, v) -> b.append('`').append(k).append("` = `").append(v).append("`, "));
        b.setLength(b.length() - 2);
        b.append(".\n\n");
        for (ScenarioText s : scenarios) {
            b.append("- **")
                    .append(s.name())
                    .append("**: `")
                    .append(cell(s.body()))
                    .append("`\n");
        }
        return b.toString();
    }

    private static String status(LoadDriver.Measurement m) {
        return switch (m.status()) {
            case OK -> "ok";
            case FAILED -> "**FAILED**: " + cell(m.detail());
            case NOT_AVAILABLE -> "not available: " + cell(m.detail());
            case SKIPPED -> "skipped: " + cell(m.detail());
        };
    }

    static void row(StringBuilder b, String... cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(cell(c)).append(" |");
        }
        b.append('\n');
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("\\s+", " ").trim();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JSON.

    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("size", size);
        j.put("seed", seed);
        j.put("startedAt", startedAt);
        j.put("mode", mode);
        j.put("wallSeconds", wallSeconds);
        j.put("complete", error == null);
        j.put("error", error);
        j.put("timeCapReached", timeCapReached);
        j.put("machine", machine);
        j.put("loadGenerator", loadGenerator);
        j.put("loadAverage", ordered("start", loadAverageAtStart, "end", loadAverageAtEnd));
        j.put("settings", settings);
        j.put("estate", estate);
        j.put("references", references);
        j.put("restoreCheck", restoreCheck);

        Map<String, Object> start = new LinkedHashMap<>();
        start.put("readyFreshSeconds", readyFresh == null ? null : seconds(readyFresh));
        start.put("readyRestartSeconds", readyRestart == null ? null : seconds(readyRestart));
        start.put("bareNeo4jStartSeconds", bareStartWall == null ? null : seconds(bareStartWall));
        start.put("bareNeo4jStartInsideSeconds", bareStartInsideMs == null ? null : bareStartInsideMs / 1000);
        start.put("restartRatio", restartRatio().isPresent() ? restartRatio().getAsDouble() : null);
        start.put("stopSeconds", stopTime == null ? null : seconds(stopTime));
        start.put("firstFloorAfterRestartMs", firstFloorAfterRestartMs);
        start.put("firstFlowAfterRestartMs", firstFlowAfterRestartMs);
        start.put("firstFlowAfterRestartStatus", firstFlowAfterRestartStatus);
        j.put("startup", start);

        Map<String, Object> imp = new LinkedHashMap<>();
        imp.put("status", importStatus);
        List<Object> files = new ArrayList<>();
        for (ImportStep s : imports) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", s.file());
            f.put("items", s.items());
            f.put("seconds", s.seconds());
            f.put("itemsPerSecond", s.rate());
            f.put("created", s.created());
            f.put("updated", s.updated());
            f.put("unchanged", s.unchanged());
            f.put("warnings", s.warnings());
            f.put("firstWarnings", s.firstWarnings());
            files.add(f);
        }
        imp.put("files", files);
        imp.put("totalSeconds", importSeconds().isPresent() ? importSeconds().getAsDouble() : null);
        imp.put("graphNodes", graphNodes);
        imp.put("graphRelationships", graphRelationships);
        imp.put("graphLabels", graphLabels);
        if (bareUnwind != null) {
            imp.put(
                    "bareUnwind",
                    ordered(
                            "nodes",
                            bareUnwind.nodes(),
                            "relationships",
                            bareUnwind.relationships(),
                            "seconds",
                            bareUnwind.seconds(),
                            "perSecond",
                            bareUnwind.rate()));
        }
        imp.put("ratioToBare", importRatio().isPresent() ? importRatio().getAsDouble() : null);
        imp.put("firstFlowAfterImportMs", firstFlowAfterImportMs);
        imp.put("firstFlowAfterImportStatus", firstFlowAfterImportStatus);
        j.put("import", imp);
        j.put(
                "memory",
                ordered(
                        "residentKbAfterImport",
                        residentKb,
                        "peakResidentKb",
                        peakResidentKb,
                        "residentKbAfterQueries",
                        residentAfterQueriesKb));

        List<Object> rows = new ArrayList<>();
        for (LoadDriver.Measurement m : measurements) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("scenario", m.scenario());
            r.put("clients", m.clients());
            r.put("status", m.status());
            r.put("detail", m.detail());
            r.put("requests", m.requests());
            r.put("failures", m.failures());
            r.put("seconds", m.seconds());
            r.put("throughput", m.throughput());
            r.put("p50Ms", m.p50Ms());
            r.put("p95Ms", m.p95Ms());
            r.put("p99Ms", m.p99Ms());
            r.put("meanMs", m.meanMs());
            r.put("maxMs", m.maxMs());
            OptionalDouble pr = p50Ratio(m.scenario(), m.clients());
            OptionalDouble tr = throughputRatio(m.scenario(), m.clients());
            r.put("p50RatioToFloor", pr.isPresent() ? pr.getAsDouble() : null);
            r.put("throughputRatioToFloor", tr.isPresent() ? tr.getAsDouble() : null);
            rows.add(r);
        }
        j.put("measurements", rows);
        List<Object> targets = new ArrayList<>();
        for (Target t : targets()) {
            targets.add(ordered(
                    "name",
                    t.name(),
                    "limit",
                    t.limit(),
                    "measured",
                    t.measured(),
                    "value",
                    t.value(),
                    "result",
                    t.verdict()));
        }
        j.put("targets", targets);
        List<Object> sc = new ArrayList<>();
        for (ScenarioText s : scenarios) {
            sc.add(ordered("name", s.name(), "rootField", s.rootField(), "body", s.body()));
        }
        j.put("scenarios", sc);
        j.put("peer", PeerTable.json(this));
        j.put("soak", soak == null ? null : soak.json(soakSettings));
        j.put("skipped", skipped);
        j.put("notes", notes);
        return j;
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
