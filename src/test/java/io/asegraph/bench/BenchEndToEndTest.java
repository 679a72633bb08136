package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command end to end on the small estate, against the service this test starts (its own store, not
 * seeded, so nothing but the estate is in it): generate, import through POST /import, every scenario at 1, 8 and 32
 * clients, both result files. Correctness only: no timing is asserted. What needs the service's own process (start
 * and restart times, memory, the bare Neo4j baselines) is skipped in this mode and covered by
 * {@link BareBaselinesTest}; {@code bench/run} runs all of it against the packaged service.
 */
@QuarkusTest
@TestProfile(BenchEndToEndTest.OwnStore.class)
class BenchEndToEndTest {

    /** A fresh, unseeded store for this test alone (the schema statements still run). */
    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "%test.asegraph.store.data-directory",
                    "target/test-data/bench-" + UUID.randomUUID(), "asegraph.seed.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @TempDir
    Path out;

    @Test
    void runsEveryScenarioOnTheSmallEstateAndWritesBothResultFiles() throws IOException {
        BenchOptions options = BenchOptions.parse(
                "--size",
                "small",
                "--url",
                root.toString(),
                "--out",
                out.toString(),
                "--duration-seconds",
                "0.3",
                "--warmup-seconds",
                "0.1",
                "--max-minutes",
                "4",
                "--user",
                io.asegraph.api.Gql.USER + ":" + io.asegraph.api.Gql.PASSWORD,
                // Sub-second windows (wrk's are whole seconds: WrkTest covers it).
                "--driver",
                "jdk");
        BenchResults r = Bench.run(options, line -> {});

        assertNull(r.error, "the run stopped early");
        assertTrue(Files.isRegularFile(out.resolve("results.md")));
        JsonNode json = BenchJson.parseObject(Files.readString(out.resolve("results.json")));
        assertTrue(json.path("complete").booleanValue(), "complete: " + json.path("complete"));

        JsonNode imported = json.path("import");
        assertEquals("ok", imported.path("status").asText());
        JsonNode files = imported.path("files");
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.path("file").asText()));
        assertEquals(List.of("resources.json", "servicetags.json"), names);
        assertTrue(files.path(0).path("created").asLong() > 0, "the import created resources");

        BenchScenarios.References refs = BenchScenarios.pick(new EstatePlan(EstateSpec.SMALL, 42));
        Set<String> expected = new HashSet<>();
        for (LoadDriver.Request s : BenchScenarios.all(refs)) {
            for (int clients : List.of(1, 8, 32)) {
                expected.add(s.name() + "@" + clients);
            }
        }
        Set<String> present = new HashSet<>();
        for (JsonNode row : json.path("measurements")) {
            String status = row.path("status").asText();
            present.add(
                    row.path("scenario").asText() + "@" + row.path("clients").asInt());
            assertTrue(
                    !status.equals("FAILED") && !status.equals("SKIPPED"),
                    row.path("scenario").asText() + " at " + row.path("clients").asInt() + ": " + status + " "
                            + row.path("detail").asText());
        }
        assertEquals(expected, present, "every scenario at every level");
        for (String contract :
                List.of(BenchScenarios.FLOOR, "callSource", "flow", "ipFlowVerify", "nextHop", "nsgListing")) {
            for (int clients : List.of(1, 8, 32)) {
                assertEquals(
                        LoadDriver.Status.OK,
                        r.measurement(contract, clients).orElseThrow().status(),
                        contract + " at " + clients + " clients");
            }
        }
        String md = Files.readString(out.resolve("results.md"));
        for (String s : expected) {
            String name = s.substring(0, s.indexOf('@'));
            assertTrue(md.contains("| " + name + " | " + s.substring(s.indexOf('@') + 1) + " |"), s + " in results.md");
        }
        assertEquals("skipped: external service", r.skipped.get("restart"));
    }

    /**
     * {@code --soak 30s} on the small estate: the mixed load through wrk (after its 10 s warm-up) with the writer
     * every 5 s; every request and
     * every write succeeded, the writes became versions, and the table and verdict are in both result files. Drift and
     * memory need three minutes (and memory a service process), so they are reported as not judged. Needs wrk, like
     * {@link WrkTest}.
     */
    @Test
    void soaksTheSmallEstateForThirtySecondsWithAWriterAndReportsTheMinuteAndTheVerdict() throws IOException {
        assumeTrue(Wrk.find().isPresent(), "wrk is not installed (apt-get install wrk; .ci/run installs it)");
        BenchOptions options = BenchOptions.parse(
                "--size",
                "small",
                "--url",
                root.toString(),
                "--out",
                out.toString(),
                "--soak",
                "30s",
                // Four clients: the suite's machine runs other tests meanwhile; bench/run measures at 16.
                "--soak-clients",
                "4",
                "--max-minutes",
                "3",
                "--user",
                io.asegraph.api.Gql.USER + ":" + io.asegraph.api.Gql.PASSWORD);
        BenchResults r = Bench.run(options, line -> {});

        assertNull(r.error, "the run stopped early");
        SoakSummary soak = r.soak;
        assertEquals(1, soak.minutes.size(), "one window of 30 s");
        SoakSummary.Minute m = soak.minutes.get(0);
        assertTrue(m.seconds() >= 29 && m.seconds() < 40, "the window: " + m.seconds());
        assertTrue(m.requests() > 100, "requests: " + m.requests());
        assertEquals(0, m.errors(), soak.verdictLine());
        assertTrue(m.p50Ms() > 0 && m.p99Ms() >= m.p50Ms(), m.toString());
        // 5 s after each write for 30 s: up to six, in turn edit, slice import, edit, slice import.
        assertTrue(soak.writeCount() >= 3, "writes: " + soak.writes);
        assertEquals(0, soak.writeErrors(), String.valueOf(soak.writes));
        assertEquals(
                List.of("putSecurityRule", "import slice", "removeSecurityRule"),
                soak.writes.subList(0, 3).stream().map(SoakSummary.Write::kind).toList());
        assertEquals(soak.writeCount(), soak.versionsWritten(), "every write is a version: " + soak.writes);
        assertEquals(SoakSummary.Result.PASS, soak.verdict(), soak.verdictLine());
        assertTrue(soak.verdictLine().contains("needs 3 full minutes, the soak had 0"), soak.verdictLine());

        JsonNode json = BenchJson.parseObject(Files.readString(out.resolve("results.json")));
        assertEquals("PASS", json.path("soak").path("verdict").asText());
        assertEquals(
                m.requests(),
                json.path("soak").path("minutes").path(0).path("requests").asLong());
        assertEquals(
                soak.versionsWritten(),
                json.path("soak").path("totals").path("versionsWritten").asLong());
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("## Soak"), md);
        assertTrue(md.contains(soak.verdictLine()), md);
        assertEquals("skipped: a soak run (--soak)", r.skipped.get("scenario timings"));
    }
}
