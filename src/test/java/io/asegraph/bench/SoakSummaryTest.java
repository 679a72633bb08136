package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.SoakSummary.Result;
import io.asegraph.bench.SoakSummary.Window;
import io.asegraph.bench.SoakSummary.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's per-minute table and verdict on synthetic samples: each rule passes, fails, or is not judged. */
class SoakSummaryTest {

    private static final long MIB = 1024;

    /** A full minute starting at {@code minute - 1} minutes, with the given figures. */
    private static Window minute(int minute, long requests, long errors, double p99, Long rssKb) {
        return new Window((minute - 1) * 60.0, 60, requests, errors, errors > 0 ? "1 bad" : "", 2, p99, rssKb, null);
    }

    private static List<Window> steady(int minutes, double p99, long rssMib) {
        List<Window> out = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            out.add(minute(m, 6000, 0, p99, rssMib * MIB));
        }
        return out;
    }

    private static Result check(SoakSummary s, String name) {
        return s.checks.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow()
                .result();
    }

    @Test
    void writesAndVersionsAreCountedInTheMinuteTheyWereSentIn() {
        List<Window> windows = steady(3, 20, 500);
        List<Write> writes = List.of(
                new Write(5, "putSecurityRule", true, 30, 11, ""),
                new Write(10, "import slice", true, 40, 12, ""),
                new Write(65, "removeSecurityRule", true, 30, 13, ""),
                new Write(70, "import slice", false, 40, 13, "HTTP 503"),
                new Write(75, "putSecurityRule", true, 30, -1, ""),
                new Write(179, "import slice", true, 40, 16, ""));
        SoakSummary s = new SoakSummary(windows, writes, 10);

        assertEquals(3, s.minutes.size());
        assertEquals(
                List.of(2, 3, 1),
                s.minutes.stream().map(SoakSummary.Minute::writes).toList());
        assertEquals(
                List.of(0, 1, 0),
                s.minutes.stream().map(SoakSummary.Minute::writeErrors).toList());
        // 10 -> 12 in the first minute, 12 -> 13 in the second (the unread version is not counted), 13 -> 16.
        assertEquals(
                List.of(2L, 1L, 3L),
                s.minutes.stream().map(SoakSummary.Minute::versions).toList());
        assertEquals(6, s.versionsWritten());
        assertEquals(16, s.endVersion);
        assertEquals(18000, s.requests());
        assertEquals(100, s.minutes.get(0).throughput(), 1e-9);
    }

    @Test
    void aWriteInTheGapBetweenTwoWindowsBelongsToTheEarlierOne() {
        List<Window> windows = List.of(
                new Window(0, 60, 100, 0, "", 1, 2, null, null), new Window(60.4, 60, 100, 0, "", 1, 2, null, null));
        SoakSummary s = new SoakSummary(windows, List.of(new Write(60.2, "import slice", true, 1, 2, "")), 1);
        assertEquals(
                List.of(1, 0),
                s.minutes.stream().map(SoakSummary.Minute::writes).toList());
    }

    @Test
    void aSteadySoakPassesEveryRule() {
        SoakSummary s = new SoakSummary(steady(5, 20, 800), List.of(new Write(1, "k", true, 1, 2, "")), 1);
        assertEquals(Result.PASS, check(s, "errors"));
        assertEquals(Result.PASS, check(s, "p99 drift"));
        assertEquals(Result.PASS, check(s, "memory"));
        assertEquals(Result.PASS, s.verdict());
        assertTrue(s.verdictLine().startsWith("soak verdict: PASS"), s.verdictLine());
    }

    @Test
    void oneFailedRequestFailsTheSoak() {
        List<Window> windows = steady(4, 20, 800);
        windows.set(2, minute(3, 6000, 1, 20, 800 * MIB));
        SoakSummary s = new SoakSummary(windows, List.of(), 1);
        assertEquals(Result.FAIL, check(s, "errors"));
        assertEquals(Result.FAIL, s.verdict());
        assertTrue(s.verdictLine().contains("1 of 24,000 requests failed"), s.verdictLine());
        assertTrue(s.verdictLine().contains("1 bad"), "the first error's detail: " + s.verdictLine());
    }

    @Test
    void oneFailedWriteFailsTheSoak() {
        SoakSummary s =
                new SoakSummary(steady(3, 20, 800), List.of(new Write(3, "import slice", false, 1, -1, "HTTP 500")), 1);
        assertEquals(Result.FAIL, check(s, "errors"));
        assertEquals(Result.FAIL, s.verdict());
    }

    @Test
    void aSoakWithoutAnyAnswerFails() {
        SoakSummary s = new SoakSummary(List.of(minute(1, 0, 0, 0, null)), List.of(), 1);
        assertEquals(Result.FAIL, check(s, "errors"));
    }

    @Test
    void p99DriftIsJudgedFromTheSecondMinuteToTheLastWithinTheStatedNoise() {
        // Minute 1 (warm-up) is slow and does not count; 20 ms in minute 2 allows 1.5 x 20 + 10 = 40 ms.
        List<Window> ok = steady(4, 20, 800);
        ok.set(0, minute(1, 6000, 0, 400, 800 * MIB));
        ok.set(3, minute(4, 6000, 0, 40, 800 * MIB));
        assertEquals(Result.PASS, check(new SoakSummary(ok, List.of(), 1), "p99 drift"));

        List<Window> drift = steady(4, 20, 800);
        drift.set(3, minute(4, 6000, 0, 40.5, 800 * MIB));
        SoakSummary s = new SoakSummary(drift, List.of(), 1);
        assertEquals(Result.FAIL, check(s, "p99 drift"));
        assertEquals(Result.FAIL, s.verdict());
    }

    @Test
    void aShortLastWindowIsNotTheLastFullMinute() {
        List<Window> windows = steady(3, 20, 800);
        // The soak's 20-second remainder, very slow: not judged against minute 2, the full minute 3 is.
        windows.add(new Window(180, 20, 2000, 0, "", 2, 500, 2000 * MIB, null));
        SoakSummary s = new SoakSummary(windows, List.of(), 1);
        assertEquals(Result.PASS, check(s, "p99 drift"));
        assertEquals(Result.PASS, check(s, "memory"));
    }

    @Test
    void residentMemoryMayGrowByTheLargerOf64MibAnd10PercentAfterTheSecondMinute() {
        // 800 MiB in minute 2: 10 % is 80 MiB, more than 64.
        List<Window> ok = steady(4, 20, 800);
        ok.set(0, minute(1, 6000, 0, 20, 300 * MIB));
        ok.set(3, minute(4, 6000, 0, 20, 880 * MIB));
        assertEquals(Result.PASS, check(new SoakSummary(ok, List.of(), 1), "memory"));

        List<Window> leak = steady(4, 20, 800);
        leak.set(3, minute(4, 6000, 0, 20, 880 * MIB + 1));
        SoakSummary s = new SoakSummary(leak, List.of(), 1);
        assertEquals(Result.FAIL, check(s, "memory"));
        assertEquals(Result.FAIL, s.verdict());

        // 300 MiB in minute 2: 10 % is 30 MiB, so 64 MiB is the limit.
        List<Window> small = steady(3, 20, 300);
        small.set(2, minute(3, 6000, 0, 20, 364 * MIB));
        assertEquals(Result.PASS, check(new SoakSummary(small, List.of(), 1), "memory"));
        small.set(2, minute(3, 6000, 0, 20, 365 * MIB));
        assertEquals(Result.FAIL, check(new SoakSummary(small, List.of(), 1), "memory"));
    }

    @Test
    void driftAndMemoryAreNotJudgedOnFewerThanThreeFullMinutesAndSaySo() {
        SoakSummary s = new SoakSummary(steady(2, 20, 800), List.of(), 1);
        assertEquals(Result.PASS, check(s, "errors"));
        assertEquals(Result.NOT_JUDGED, check(s, "p99 drift"));
        assertEquals(Result.NOT_JUDGED, check(s, "memory"));
        assertEquals(Result.PASS, s.verdict());
        assertTrue(s.verdictLine().contains("needs 3 full minutes, the soak had 2"), s.verdictLine());
    }

    @Test
    void memoryIsNotJudgedWithoutAServiceProcess() {
        SoakSummary s = new SoakSummary(
                steady(3, 20, 800).stream()
                        .map(w -> new Window(w.startSeconds(), w.seconds(), w.requests(), 0, "", 2, 20, null, null))
                        .toList(),
                List.of(),
                1);
        assertEquals(Result.PASS, check(s, "p99 drift"));
        assertEquals(Result.NOT_JUDGED, check(s, "memory"));
    }

    @Test
    void theTableAndTheJsonCarryEveryMinuteTheTotalsAndTheVerdict() {
        SoakSummary s = new SoakSummary(steady(3, 20, 800), List.of(new Write(1, "k", true, 1, 3, "")), 1);
        String md = s.markdown(Map.of("clients", 16));
        assertTrue(md.contains("## Soak"), md);
        assertTrue(md.contains("| 1 | 60.0 | 6,000 | 100 | 0 | 2.00 | 20.0 | 800 |"), md);
        assertTrue(md.contains("| **all** | 180 | 18,000 |"), md);
        assertTrue(md.contains("2 versions written by 1 writes"), md);
        assertTrue(md.contains(s.verdictLine()), md);
        Map<String, Object> json = s.json(Map.of());
        assertEquals(3, ((List<?>) json.get("minutes")).size());
        assertEquals(Result.PASS, json.get("verdict"));
        assertEquals(2L, ((Map<?, ?>) json.get("totals")).get("versionsWritten"));
    }

    @Test
    void readsWrksLineAndCountsEveryKindOfError() {
        String out = "Running 1m test @ http://127.0.0.1:1/graphql\n"
                + "ASEGRAPH requests=1000 connect=1 read=2 write=0 timeout=3 bad=4 p50=1500.0 p99=25000.5\n"
                + "FIRST_BAD HTTP 200 {\"errors\":[{\"message\":\"boom\"}]}\n";
        Window w = Soak.parse(out, 60, 59.9, 1000L, null);
        assertEquals(1000, w.requests());
        assertEquals(10, w.errors());
        assertEquals(1.5, w.p50Ms(), 1e-9);
        assertEquals(25.0005, w.p99Ms(), 1e-9);
        assertTrue(w.errorDetail().contains("4 bad answers"), w.errorDetail());
        assertTrue(w.errorDetail().contains("boom"), w.errorDetail());
        assertNull(w.heapUsedKb());
        assertThrows(BenchException.class, () -> Soak.parse("wrk: connection refused", 0, 1, null, null));
    }

    @Test
    void readsTheUsedHeapOfEveryCollectorsHeapInfo() {
        String g1 = "12345:\n garbage-first heap   total 262144K, used 112233K [0x0000, 0x0001)\n"
                + "  region size 1024K, 5 young (5120K), 1 survivors (1024K)\n"
                + " Metaspace       used 25000K, committed 25600K, reserved 1114112K\n";
        assertEquals(112233L, Soak.heapUsedKb(g1));
        String serial = "12345:\n def new generation   total 4928K, used 1000K [0x0, 0x1, 0x2)\n"
                + "  eden space 4416K,  22% used [0x0, 0x1, 0x2)\n"
                + " tenured generation   total 10944K, used 5000K [0x0, 0x1, 0x2)\n"
                + " Metaspace       used 25000K, committed 25600K, reserved 1114112K\n";
        assertEquals(6000L, Soak.heapUsedKb(serial));
        assertNull(Soak.heapUsedKb("12345:\ncom.sun.tools.attach.AttachNotSupportedException: no such process"));
    }
}
