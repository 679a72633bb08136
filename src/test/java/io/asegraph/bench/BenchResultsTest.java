package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The targets (issues 7 and 16) evaluated on measured figures, and both renderings. */
class BenchResultsTest {

    private static LoadDriver.Measurement ok(String scenario, int clients, double p50, double throughput) {
        return new LoadDriver.Measurement(
                scenario,
                clients,
                LoadDriver.Status.OK,
                "",
                100,
                0,
                1,
                throughput,
                p50,
                p50 * 2,
                p50 * 3,
                p50,
                p50 * 4);
    }

    private static BenchResults.Target target(BenchResults r, String name) {
        return r.targets().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static BenchResults withFloor() {
        BenchResults r = new BenchResults();
        r.size = "large";
        r.measurements.add(ok(BenchScenarios.FLOOR, 1, 0.2, 5000));
        r.measurements.add(ok(BenchScenarios.FLOOR, 8, 0.5, 12000));
        return r;
    }

    @ParameterizedTest(name = "{0} at {1} ms over a 0.2 ms floor: {2}")
    @CsvSource({
        "callSource,   0.5,   PASS",
        "callSource,   0.51,  MISS",
        "nextHop,      0.3,   PASS",
        "ipFlowVerify, 0.61,  MISS",
        "flow,         0.6,   PASS",
        "flow,         0.61,  MISS",
    })
    void comparesOneClientP50WithTheFloors(String scenario, double p50, BenchResults.Verdict expected) {
        BenchResults r = withFloor();
        r.measurements.add(ok(scenario, 1, p50, 100));
        BenchResults.Target t = target(r, scenario + " p50");
        assertEquals(expected, t.verdict(), t.measured());
        assertEquals(p50 / 0.2, t.value(), 1e-9);
    }

    @ParameterizedTest(name = "flow at {0} req/s over the floor's 12000 at 8 clients: {1}")
    @CsvSource({"3600, PASS", "3599, MISS"})
    void comparesFlowThroughputAtEightClientsWithThreeTenthsOfTheFloors(double throughput, BenchResults.Verdict v) {
        BenchResults r = withFloor();
        r.measurements.add(ok("flow", 8, 3, throughput));
        assertEquals(v, target(r, "flow throughput at 8 clients").verdict());
    }

    @Test
    void aScenarioThatDidNotAnswerIsNotMeasuredWithItsReason() {
        BenchResults r = withFloor();
        r.measurements.add(LoadDriver.Measurement.notRun(
                "flow", 1, LoadDriver.Status.NOT_AVAILABLE, "the service defines no query field flow"));
        BenchResults.Target t = target(r, "flow p50");
        assertEquals(BenchResults.Verdict.NOT_MEASURED, t.verdict());
        assertTrue(t.measured().contains("no query field flow"), t.measured());
        assertTrue(r.failed().isEmpty(), "not available is not a failure");
    }

    @ParameterizedTest(name = "RSS {0} kB: {1}")
    @CsvSource({"2097152, PASS", "2097153, MISS"})
    void residentMemoryIsAtMostTwoGibibytesAfterTheImportAndAfterTheQueries(long kb, BenchResults.Verdict v) {
        BenchResults r = withFloor();
        r.residentKb = kb;
        r.residentAfterQueriesKb = kb;
        assertEquals(v, target(r, "resident memory after import").verdict());
        assertEquals(
                v,
                target(r, "resident memory after the queries (up to 32 clients)")
                        .verdict());
    }

    @ParameterizedTest(name = "a repeated audit at {0} ms: {1}")
    @CsvSource({"4.99, PASS", "5.0, MISS"})
    void aRepeatedAuditAnswersInUnderFiveMilliseconds(double p50, BenchResults.Verdict v) {
        BenchResults r = withFloor();
        for (String audit : BenchResults.REPEATED_AUDITS) {
            r.measurements.add(ok(audit, 1, p50, 100));
            assertEquals(v, target(r, audit + " repeated").verdict());
        }
    }

    @ParameterizedTest(name = "ours {0} req/s vs the peer's 100: {1}")
    @CsvSource({"500, PASS", "499, MISS"})
    void aListingIsAtLeastFiveTimesThePeersThroughputAtOneAndEightClients(double ours, BenchResults.Verdict v) {
        BenchResults r = withFloor();
        r.peerListings.add(new BenchResults.PeerListing("NSGs with rules", "nsgs", "peer-nsgs", 10, 10, null));
        for (int clients : PeerRun.LEVELS) {
            r.peerMeasurements.add(ok("nsgs", clients, 1, ours));
            r.peerMeasurements.add(ok("peer-nsgs", clients, 1, 100));
        }
        assertEquals(v, target(r, "NSGs with rules vs the peer, 1 client").verdict());
        assertEquals(v, target(r, "NSGs with rules vs the peer, 8 clients").verdict());
    }

    @Test
    void withoutThePeerTheListingTargetIsNotMeasured() {
        assertEquals(
                BenchResults.Verdict.NOT_MEASURED,
                target(withFloor(), "listings vs the peer").verdict());
    }

    @ParameterizedTest(name = "restart {0} s vs bare {1} s: {2}")
    @CsvSource({"10, 5, PASS", "10.1, 5, MISS"})
    void restartIsAtMostTwiceTheBareNeo4jStart(double restart, double bare, BenchResults.Verdict v) {
        BenchResults r = withFloor();
        r.readyRestart = Duration.ofMillis(Math.round(restart * 1000));
        r.bareStartWall = Duration.ofMillis(Math.round(bare * 1000));
        assertEquals(v, target(r, "restart to ready").verdict());
    }

    @ParameterizedTest(name = "import {0} s vs bare {1} s: {2}")
    @CsvSource({"20, 10, PASS", "21, 10, MISS"})
    void importIsAtLeastHalfTheBareUnwindRate(double importSeconds, double bareSeconds, BenchResults.Verdict v) {
        BenchResults r = withFloor();
        r.imports.add(
                new BenchResults.ImportStep("resources.json", 1000, importSeconds * 0.75, 10, 0, 0, 0, List.of()));
        r.imports.add(new BenchResults.ImportStep("servicetags.json", 50, importSeconds * 0.25, 5, 0, 0, 0, List.of()));
        r.importStatus = "ok";
        r.bareUnwind = new BareUnwindImport.Result(1000, 2000, bareSeconds);
        BenchResults.Target t = target(r, "import rate");
        assertEquals(v, t.verdict(), t.measured());
        assertEquals(bareSeconds / importSeconds, t.value(), 1e-9);
    }

    @Test
    void rendersEveryMeasurementAndTargetInMarkdownAndJson() {
        BenchResults r = withFloor();
        r.seed = 42;
        r.mode = "test";
        r.measurements.add(ok("flow", 1, 0.5, 2000));
        r.measurements.add(new LoadDriver.Measurement(
                "nextHop", 1, LoadDriver.Status.FAILED, "3 failed | answers", 10, 3, 1, 10, 1, 2, 3, 1, 4));
        String md = r.markdown();
        assertTrue(md.contains("| flow | 1 | 0.500 | 1.00 | 1.50 | 2,000 | 2.50 | 0.40 | ok |"), md);
        assertTrue(md.contains("**FAILED**: 3 failed \\| answers"), "pipes are escaped in cells");
        assertTrue(
                md.contains("| flow p50 | p50 ≤ 3.00 × the floor's (1 client) | 0.500 ms = 2.50× the floor's 0.200 ms"
                        + " | PASS |"),
                md);
        JsonNode json = BenchJson.parseObject(BenchJson.writePretty(r.json()));
        assertEquals(4, json.path("measurements").size());
        assertEquals(r.targets().size(), json.path("targets").size());
        JsonNode flow = json.path("measurements").path(2);
        assertEquals("flow", flow.path("scenario").asText());
        assertEquals(2.5, flow.path("p50RatioToFloor").doubleValue(), 1e-9);
        assertEquals(1, r.failed().size());
    }
}
