package io.asegraph.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a soak ({@link Soak}) measured, per minute and in all, and its verdict: pure arithmetic on the samples, so that
 * the rules can be tested on synthetic samples ({@code SoakSummaryTest}).
 *
 * <p>The rules of the verdict:
 *
 * <ul>
 *   <li><b>errors</b>: no failed request (a non-2xx answer, an answer without {@code data} or with {@code errors}, a
 *       socket error or a timeout) and no failed write, in the whole soak;
 *   <li><b>p99 drift</b>: the last full minute's p99 is at most {@value #DRIFT_FACTOR} × the second minute's plus
 *       {@value #DRIFT_SLACK_MS} ms (the first minute is the warm-up: JIT, caches). On two shared cores p99 moves by
 *       tens of percent from one minute to the next without any trend, so less would judge the neighbours;
 *   <li><b>memory</b>: the service's resident memory at the end of the last full minute exceeds that at the end of
 *       the second minute by at most the larger of {@value #RSS_SLACK_MIB} MiB and {@value #RSS_SLACK_PERCENT} %
 *       (the JVM's heap settles in the first minutes; what grows after that, minute after minute, is a leak).
 * </ul>
 *
 * Drift and memory need three full minutes; a shorter soak is judged on errors alone and says so.
 */
final class SoakSummary {
    static final double DRIFT_FACTOR = 1.5;
    static final double DRIFT_SLACK_MS = 10;
    static final long RSS_SLACK_MIB = 64;
    static final long RSS_SLACK_PERCENT = 10;

    /** A window shorter than this fraction of a minute (the soak's remainder) is not a full minute. */
    static final double FULL = 0.9;

    /**
     * One window of load (a minute, or the soak's remainder), as wrk measured it, with the service's memory read at
     * its end.
     *
     * @param startSeconds when it began, from the soak's start
     * @param seconds      its length
     * @param errors       failed requests of every kind
     * @param errorDetail  what they were (empty when none)
     * @param rssKb        the service's VmRSS at its end (null: not measured)
     * @param heapUsedKb   the service's used heap at its end (null: not measured)
     */
    record Window(
            double startSeconds,
            double seconds,
            long requests,
            long errors,
            String errorDetail,
            double p50Ms,
            double p99Ms,
            Long rssKb,
            Long heapUsedKb) {}

    /**
     * One write of the soak's writer.
     *
     * @param atSeconds when it was sent, from the soak's start
     * @param kind      what it was ({@code putSecurityRule}, {@code import slice}, …)
     * @param ok        whether the service accepted it
     * @param millis    how long it took
     * @param version   the store's latest version read after it (-1: not read)
     * @param detail    why it failed (empty when it did not)
     */
    record Write(double atSeconds, String kind, boolean ok, double millis, long version, String detail) {}

    /** One row of the per-minute table. */
    record Minute(
            int minute,
            double seconds,
            long requests,
            long errors,
            double p50Ms,
            double p99Ms,
            Long rssKb,
            Long heapUsedKb,
            int writes,
            int writeErrors,
            double writeMaxMs,
            long versions) {
        double throughput() {
            return seconds > 0 ? requests / seconds : 0;
        }
    }

    enum Result {
        PASS,
        FAIL,
        NOT_JUDGED
    }

    /** One rule of the verdict: what it says, what was measured, and the result. */
    record Check(String name, String rule, String measured, Result result) {}

    final List<Minute> minutes;
    final List<Check> checks;
    final long startVersion;
    final long endVersion;
    final List<Write> writes;

    SoakSummary(List<Window> windows, List<Write> writes, long startVersion) {
        this.writes = List.copyOf(writes);
        this.startVersion = startVersion;
        this.minutes = minutes(windows, writes, startVersion);
        long end = startVersion;
        for (Write w : writes) {
            end = Math.max(end, w.version());
        }
        this.endVersion = end;
        this.checks = checks(minutes, windows);
    }

    /**
     * The per-minute rows: each window with the writes sent while it ran (a write belongs to the last window that
     * began at or before it) and the versions written in it (the newest version read after its writes, less the
     * newest before).
     */
    static List<Minute> minutes(List<Window> windows, List<Write> writes, long startVersion) {
        List<Minute> out = new ArrayList<>();
        long lastVersion = startVersion;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            double from = i == 0 ? Double.NEGATIVE_INFINITY : w.startSeconds();
            double to = i + 1 < windows.size() ? windows.get(i + 1).startSeconds() : Double.POSITIVE_INFINITY;
            int count = 0;
            int failed = 0;
            double slowest = 0;
            long newest = lastVersion;
            for (Write x : writes) {
                if (x.atSeconds() >= from && x.atSeconds() < to) {
                    count++;
                    slowest = Math.max(slowest, x.millis());
                    if (!x.ok()) {
                        failed++;
                    }
                    newest = Math.max(newest, x.version());
                }
            }
            out.add(new Minute(
                    i + 1,
                    w.seconds(),
                    w.requests(),
                    w.errors(),
                    w.p50Ms(),
                    w.p99Ms(),
                    w.rssKb(),
                    w.heapUsedKb(),
                    count,
                    failed,
                    count == 0 ? Double.NaN : slowest,
                    newest - lastVersion));
            lastVersion = newest;
        }
        return out;
    }

    long requests() {
        return minutes.stream().mapToLong(Minute::requests).sum();
    }

    long errors() {
        return minutes.stream().mapToLong(Minute::errors).sum();
    }

    int writeCount() {
        return writes.size();
    }

    long writeErrors() {
        return writes.stream().filter(w -> !w.ok()).count();
    }

    long versionsWritten() {
        return endVersion - startVersion;
    }

    double seconds() {
        return minutes.stream().mapToDouble(Minute::seconds).sum();
    }

    /** The worst minute's p99 (wrk's percentiles of different windows cannot be merged exactly). */
    double worstP99Ms() {
        return minutes.stream().mapToDouble(Minute::p99Ms).max().orElse(Double.NaN);
    }

    /** PASS when every rule judged passed, FAIL when one failed; NOT_JUDGED only when nothing could be judged. */
    Result verdict() {
        if (checks.stream().anyMatch(c -> c.result() == Result.FAIL)) {
            return Result.FAIL;
        }
        return checks.stream().anyMatch(c -> c.result() == Result.PASS) ? Result.PASS : Result.NOT_JUDGED;
    }

    /** The verdict in one line: the result, then each rule's measure and result. */
    String verdictLine() {
        StringBuilder b = new StringBuilder("soak verdict: ").append(verdict());
        for (Check c : checks) {
            b.append("; ")
                    .append(c.name())
                    .append(' ')
                    .append(c.result())
                    .append(" (")
                    .append(c.measured());
            b.append(')');
        }
        return b.toString();
    }

    private static List<Check> checks(List<Minute> minutes, List<Window> windows) {
        List<Check> out = new ArrayList<>();
        long errors = minutes.stream().mapToLong(Minute::errors).sum();
        long writeErrors = minutes.stream().mapToLong(Minute::writeErrors).sum();
        long requests = minutes.stream().mapToLong(Minute::requests).sum();
        String errorDetail = "";
        for (int i = 0; i < windows.size(); i++) {
            String d = windows.get(i).errorDetail();
            if (d != null && !d.isEmpty()) {
                errorDetail = "; first in minute " + (i + 1) + ": " + d;
                break;
            }
        }
        out.add(new Check(
                "errors",
                "no failed request (non-2xx, GraphQL errors, socket error, timeout) and no failed write",
                requests == 0
                        ? "no request answered"
                        : String.format(
                                Locale.ROOT,
                                "%d of %,d requests failed, %d writes failed%s",
                                errors,
                                requests,
                                writeErrors,
                                errorDetail),
                requests > 0 && errors == 0 && writeErrors == 0 ? Result.PASS : Result.FAIL));

        List<Minute> full =
                minutes.stream().filter(m -> m.seconds() >= 60 * FULL).toList();
        String driftRule = String.format(
                Locale.ROOT,
                "last full minute's p99 <= %s x second minute's + %s ms",
                plain(DRIFT_FACTOR),
                plain(DRIFT_SLACK_MS));
        String rssRule = String.format(
                Locale.ROOT,
                "RSS at the end of the last full minute <= RSS at the end of the second + max(%d MiB, %d %%)",
                RSS_SLACK_MIB,
                RSS_SLACK_PERCENT);
        if (full.size() < 3) {
            String why = "needs 3 full minutes, the soak had " + full.size();
            out.add(new Check("p99 drift", driftRule, why, Result.NOT_JUDGED));
            out.add(new Check("memory", rssRule, why, Result.NOT_JUDGED));
            return out;
        }
        Minute second = full.get(1);
        Minute last = full.get(full.size() - 1);
        double limit = second.p99Ms() * DRIFT_FACTOR + DRIFT_SLACK_MS;
        out.add(new Check(
                "p99 drift",
                driftRule,
                String.format(
                        Locale.ROOT,
                        "minute %d %s ms vs minute %d %s ms, limit %s ms",
                        last.minute(),
                        BenchResults.num(last.p99Ms()),
                        second.minute(),
                        BenchResults.num(second.p99Ms()),
                        BenchResults.num(limit)),
                last.p99Ms() <= limit ? Result.PASS : Result.FAIL));
        if (second.rssKb() == null || last.rssKb() == null) {
            out.add(new Check("memory", rssRule, "not measured: no service process", Result.NOT_JUDGED));
        } else {
            long slackKb = Math.max(RSS_SLACK_MIB * 1024, second.rssKb() * RSS_SLACK_PERCENT / 100);
            long growthKb = last.rssKb() - second.rssKb();
            out.add(new Check(
                    "memory",
                    rssRule,
                    String.format(
                            Locale.ROOT,
                            "minute %d %s MiB vs minute %d %s MiB: %s%s MiB, limit +%s MiB",
                            last.minute(),
                            BenchResults.mib(last.rssKb()),
                            second.minute(),
                            BenchResults.mib(second.rssKb()),
                            growthKb >= 0 ? "+" : "-",
                            BenchResults.mib(Math.abs(growthKb)),
                            BenchResults.mib(slackKb)),
                    growthKb <= slackKb ? Result.PASS : Result.FAIL));
        }
        return out;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Output.

    /** The per-minute table, the totals and the verdict, in Markdown (console and results.md). */
    String markdown(Map<String, Object> settings) {
        StringBuilder b = new StringBuilder("\n## Soak\n\n");
        settings.forEach(
                (k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append("\n| minute | seconds | requests | req/s | errors | p50 ms | p99 ms | RSS MiB | heap used MiB"
                + " | writes | write errors | slowest write ms | versions |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Minute m : minutes) {
            BenchResults.row(
                    b,
                    String.valueOf(m.minute()),
                    BenchResults.num(m.seconds()),
                    String.format(Locale.ROOT, "%,d", m.requests()),
                    BenchResults.num(m.throughput()),
                    String.valueOf(m.errors()),
                    BenchResults.num(m.p50Ms()),
                    BenchResults.num(m.p99Ms()),
                    m.rssKb() == null ? "" : BenchResults.mib(m.rssKb()),
                    m.heapUsedKb() == null ? "" : BenchResults.mib(m.heapUsedKb()),
                    String.valueOf(m.writes()),
                    String.valueOf(m.writeErrors()),
                    BenchResults.num(m.writeMaxMs()),
                    String.valueOf(m.versions()));
        }
        BenchResults.row(
                b,
                "**all**",
                BenchResults.num(seconds()),
                String.format(Locale.ROOT, "%,d", requests()),
                BenchResults.num(seconds() > 0 ? requests() / seconds() : 0),
                String.valueOf(errors()),
                "",
                "worst " + BenchResults.num(worstP99Ms()),
                "",
                "",
                String.valueOf(writeCount()),
                String.valueOf(writeErrors()),
                BenchResults.num(
                        writes.stream().mapToDouble(Write::millis).max().orElse(Double.NaN)),
                String.valueOf(versionsWritten()));
        b.append("\nStore version ")
                .append(startVersion)
                .append(" at the start, ")
                .append(endVersion)
                .append(" at the end: ")
                .append(versionsWritten())
                .append(" versions written by ")
                .append(writeCount())
                .append(" writes.\n\n");
        for (Check c : checks) {
            b.append("- **").append(c.name()).append("** ").append(c.result()).append(": ");
            b.append(c.measured()).append(" (rule: ").append(c.rule()).append(")\n");
        }
        b.append("\n**").append(verdictLine()).append("**\n");
        return b.toString();
    }

    /** The same as JSON: settings, minutes, totals, checks and the verdict. */
    Map<String, Object> json(Map<String, Object> settings) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("settings", settings);
        List<Object> rows = new ArrayList<>();
        for (Minute m : minutes) {
            rows.add(BenchResults.ordered(
                    "minute", m.minute(),
                    "seconds", m.seconds(),
                    "requests", m.requests(),
                    "throughput", m.throughput(),
                    "errors", m.errors(),
                    "p50Ms", m.p50Ms(),
                    "p99Ms", m.p99Ms(),
                    "residentKb", m.rssKb(),
                    "heapUsedKb", m.heapUsedKb(),
                    "writes", m.writes(),
                    "writeErrors", m.writeErrors(),
                    "slowestWriteMs", Double.isNaN(m.writeMaxMs()) ? null : m.writeMaxMs(),
                    "versions", m.versions()));
        }
        j.put("minutes", rows);
        j.put(
                "totals",
                BenchResults.ordered(
                        "seconds", seconds(),
                        "requests", requests(),
                        "errors", errors(),
                        "worstP99Ms", worstP99Ms(),
                        "writes", writeCount(),
                        "writeErrors", writeErrors(),
                        "startVersion", startVersion,
                        "endVersion", endVersion,
                        "versionsWritten", versionsWritten()));
        List<Object> cs = new ArrayList<>();
        for (Check c : checks) {
            cs.add(BenchResults.ordered(
                    "name", c.name(), "rule", c.rule(), "measured", c.measured(), "result", c.result()));
        }
        j.put("checks", cs);
        j.put("verdict", verdict());
        j.put("verdictLine", verdictLine());
        List<Object> failedWrites = new ArrayList<>();
        writes.stream()
                .filter(w -> !w.ok())
                .limit(10)
                .forEach(w -> failedWrites.add(
                        BenchResults.ordered("atSeconds", w.atSeconds(), "kind", w.kind(), "detail", w.detail())));
        j.put("firstFailedWrites", failedWrites);
        return j;
    }
}
