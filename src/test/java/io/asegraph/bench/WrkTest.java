package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.asegraph.api.Gql;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's load generator, wrk, against the service this test starts: figures come from wrk's own summary
 * (counts, window, latency percentiles), and an answer that is not a GraphQL success — a GraphQL error, a refused
 * credential — fails the measurement rather than being timed. Needs wrk on the PATH ({@code .ci/run} installs it).
 */
@QuarkusTest
class WrkTest {
    private static final LoadDriver.Settings ONE_SECOND =
            new LoadDriver.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(10));

    @TestHTTPResource("/graphql")
    URL graphql;

    @TempDir
    Path work;

    private Path wrk;

    @BeforeEach
    void needsWrk() {
        wrk = Wrk.find().orElse(null);
        assumeTrue(wrk != null, "wrk is not installed (apt-get install wrk; .ci/run installs it)");
        // A cold service may take longer than wrk's one-second window for its first answers; the bench probes every
        // request once before timing it, and so does this.
        Gql.post("{ environments { name } }");
        Gql.post("{ noSuchField }");
    }

    private Wrk timer(String authorization) throws Exception {
        return new Wrk(wrk, graphql.toURI(), ONE_SECOND, Deadline.after(Duration.ofMinutes(2)), authorization, work);
    }

    private static LoadDriver.Request request(String name, String query) {
        return LoadDriver.Request.graphql(name, "environments", query, Map.of());
    }

    @Test
    void measuresASuccessfulQueryFromWrksOwnFigures() throws Exception {
        for (int clients : new int[] {1, 4}) {
            LoadDriver.Measurement m = timer(Gql.basic(Gql.USER, Gql.PASSWORD))
                    .measure(request("environments", "{ environments { name } }"), clients);
            assertEquals(LoadDriver.Status.OK, m.status(), m.detail());
            assertEquals(clients, m.clients());
            assertTrue(m.requests() > 10, "answers in a one-second window: " + m.requests());
            assertTrue(m.seconds() >= 0.9 && m.seconds() < 1.5, "the window is wrk's second: " + m.seconds());
            assertEquals(m.requests() / m.seconds(), m.throughput(), 1e-6);
            assertTrue(
                    m.p50Ms() > 0 && m.p50Ms() <= m.p95Ms() && m.p95Ms() <= m.p99Ms() && m.p99Ms() <= m.maxMs(),
                    m::toString);
        }
    }

    @Test
    void aGraphqlErrorFailsTheMeasurementInsteadOfBeingTimed() throws Exception {
        LoadDriver.Measurement m =
                timer(Gql.basic(Gql.USER, Gql.PASSWORD)).measure(request("undefined", "{ noSuchField }"), 1);
        assertEquals(LoadDriver.Status.FAILED, m.status());
        assertTrue(m.detail().contains("without data or with errors"), m.detail());
    }

    @Test
    void aRefusedCredentialFailsTheMeasurement() throws Exception {
        LoadDriver.Measurement m =
                timer(Gql.basic(Gql.USER, "wrong")).measure(request("environments", "{ environments { name } }"), 1);
        assertEquals(LoadDriver.Status.FAILED, m.status());
        assertTrue(m.detail().contains("not 2xx") || m.detail().contains("without data"), m.detail());
    }

    @Test
    void wrksSummaryLineIsReadBack() {
        Wrk.Result r = Wrk.Result.parse("Running 1s test\nASEGRAPH requests=120 duration_us=1000500 connect=0 read=1"
                        + " write=0 status=2 timeout=0 bad=3 p50=150.0 p95=300.5 p99=420.0 mean=170.2 max=900.0\n")
                .orElseThrow();
        assertEquals(120, r.requests());
        assertEquals(3, r.errors());
        assertEquals(3, r.bad());
        assertEquals(300.5, r.p95());
        assertTrue(Wrk.Result.parse("no summary").isEmpty());
    }
}
