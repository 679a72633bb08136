package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The load driver against a small JDK HTTP server that answers as told. */
class LoadDriverTest {
    private static final LoadDriver.Request ROOT_X = LoadDriver.Request.graphql("x", "x", "{ x }", Map.of());
    private static final LoadDriver.Settings QUICK =
            new LoadDriver.Settings(Duration.ofMillis(50), Duration.ofMillis(300), 0, Duration.ofSeconds(10));

    private HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    /** Serves /graphql: answer n (from 1) is {@code answers.apply(n)} = "status body", after {@code delayMs}. */
    private URI serve(long delayMs, IntFunction<String> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/graphql", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = served.incrementAndGet();
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String answer = answers.apply(n);
            int space = answer.indexOf(' ');
            byte[] body = answer.substring(space + 1).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, space)), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void timesEveryCorrectAnswerAndReportsOrderedPercentilesAndThroughput() throws IOException {
        URI uri = serve(2, n -> "200 {\"data\":{\"x\":" + n + "}}");
        List<LoadDriver.Measurement> ms =
                new LoadDriver(uri, QUICK, Duration.ofMinutes(1)).run(List.of(ROOT_X), List.of(1, 4));
        assertEquals(2, ms.size());
        for (LoadDriver.Measurement m : ms) {
            assertEquals(LoadDriver.Status.OK, m.status(), m.detail());
            assertEquals(0, m.failures());
            assertTrue(m.requests() > 0);
            assertTrue(m.p50Ms() >= 2, "the server waits 2 ms: " + m.p50Ms());
            assertTrue(m.p50Ms() <= m.p95Ms() && m.p95Ms() <= m.p99Ms() && m.p99Ms() <= m.maxMs(), m.toString());
            assertEquals(m.requests() / m.seconds(), m.throughput(), 1e-9);
        }
        assertEquals(4, ms.get(1).clients());
        assertTrue(served.get() >= ms.get(0).requests() + ms.get(1).requests() + 1, "probe + warm-up + window");
    }

    @Test
    void reportsAScenarioWhoseAnswersCarryErrorsAsFailedAtEveryLevel() throws IOException {
        URI uri = serve(
                0,
                n -> "200 {\"errors\":[{\"message\":\"boom\",\"extensions\":{\"code\":\"INTERNAL\"}}],"
                        + "\"data\":null}");
        List<LoadDriver.Measurement> ms =
                new LoadDriver(uri, QUICK, Duration.ofMinutes(1)).run(List.of(ROOT_X), List.of(1, 8));
        assertEquals(
                List.of(LoadDriver.Status.FAILED, LoadDriver.Status.FAILED),
                ms.stream().map(LoadDriver.Measurement::status).toList());
        assertTrue(ms.get(0).detail().contains("[INTERNAL] boom"), ms.get(0).detail());
        assertEquals(1, served.get(), "a failed probe is not put under load");
    }

    @Test
    void countsErrorsThatAppearUnderLoadAndFailTheScenario() throws IOException {
        URI uri = serve(1, n -> n % 10 == 0 ? "500 oops" : "200 {\"data\":{\"x\":1}}");
        LoadDriver.Measurement m = new LoadDriver(uri, QUICK, Duration.ofMinutes(1)).measure(ROOT_X, 2);
        assertEquals(LoadDriver.Status.FAILED, m.status());
        assertTrue(m.failures() > 0);
        assertTrue(m.detail().contains("HTTP 500"), m.detail());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "undefined root field    | 200 {\"errors\":[{\"message\":\"Validation error (FieldUndefined@[x])\",\"extensions\":{\"validationErrorType\":\"FieldUndefined\",\"queryPath\":[\"x\"],\"classification\":\"ValidationError\"}}]} | NOT_AVAILABLE",
                "undefined nested field  | 200 {\"errors\":[{\"message\":\"Validation error (FieldUndefined@[x/y])\",\"extensions\":{\"validationErrorType\":\"FieldUndefined\",\"queryPath\":[\"x\",\"y\"],\"classification\":\"ValidationError\"}}]} | FAILED",
                "unknown argument        | 200 {\"errors\":[{\"message\":\"Validation error (UnknownArgument@[x])\",\"extensions\":{\"validationErrorType\":\"UnknownArgument\",\"queryPath\":[\"x\"]}}]} | FAILED",
                "HTTP 400                | 400 {\"errors\":[]}                 | FAILED",
                "no data for the field   | 200 {\"data\":{\"other\":1}}        | FAILED",
                "null data for the field | 200 {\"data\":{\"x\":null}}         | FAILED",
                "not JSON                | 200 <html>                          | FAILED",
                "a correct answer        | 200 {\"data\":{\"x\":[]}}           | OK",
            })
    void classifiesAnswers(String what, String answer, LoadDriver.Status expected) {
        int space = answer.indexOf(' ');
        LoadDriver.Probe p =
                LoadDriver.classify("x", Integer.parseInt(answer.substring(0, space)), answer.substring(space + 1));
        assertEquals(expected, p.status(), what + ": " + p.detail());
    }

    @Test
    void endsTheWindowAtTheRequestBudget() throws IOException {
        URI uri = serve(0, n -> "200 {\"data\":{\"x\":1}}");
        LoadDriver.Settings budget =
                new LoadDriver.Settings(Duration.ZERO, Duration.ofSeconds(30), 20, Duration.ofSeconds(10));
        LoadDriver.Measurement m = new LoadDriver(uri, budget, Duration.ofMinutes(1)).measure(ROOT_X, 3);
        assertEquals(LoadDriver.Status.OK, m.status(), m.detail());
        // The server answers at once: had the 30 s window run on, three clients would have sent thousands.
        assertTrue(m.requests() >= 20 && m.requests() <= 22, "20, or up to one more per other client: " + m.requests());
    }

    @Test
    void stretchesAWindowShorterThanOneAnswerUntilEveryClientHasAnswered() throws IOException {
        URI uri = serve(300, n -> "200 {\"data\":{\"x\":1}}");
        LoadDriver.Settings tiny =
                new LoadDriver.Settings(Duration.ZERO, Duration.ofMillis(20), 0, Duration.ofSeconds(10));
        LoadDriver.Measurement m = new LoadDriver(uri, tiny, Duration.ofMinutes(1)).measure(ROOT_X, 2);
        assertEquals(LoadDriver.Status.OK, m.status(), m.detail());
        assertTrue(m.requests() >= 2, "one answer per client: " + m.requests());
        assertTrue(m.p50Ms() >= 300, "timed the whole answer: " + m.p50Ms());
    }

    @Test
    void stopsAtTheHardCapAndSkipsWhatIsLeft() throws IOException {
        URI uri = serve(5_000, n -> "200 {\"data\":{\"x\":1}}");
        LoadDriver.Request second = LoadDriver.Request.graphql("y", "y", "{ y }", Map.of());
        List<LoadDriver.Measurement> ms =
                new LoadDriver(uri, QUICK, Duration.ofSeconds(1)).run(List.of(ROOT_X, second), List.of(1, 8));
        // The server answers after 5 s: the first measurement ends at the 1 s cap with no answer, and what was left
        // is skipped, not run (what the cap does, asserted without a clock).
        assertEquals(4, ms.size());
        assertEquals(LoadDriver.Status.FAILED, ms.get(0).status(), "no answer before the cap");
        assertEquals(0, ms.get(0).requests() - ms.get(0).failures(), "no request was answered: " + ms.get(0));
        assertEquals(
                List.of(LoadDriver.Status.SKIPPED, LoadDriver.Status.SKIPPED),
                ms.subList(2, 4).stream().map(LoadDriver.Measurement::status).toList());
    }

    @ParameterizedTest(name = "p{0} of 1..100 ms = {1} ms")
    @CsvSource({"0.50, 50", "0.95, 95", "0.99, 99", "1.0, 100", "0.001, 1"})
    void takesNearestRankPercentiles(double q, double expected) {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(expected, LoadDriver.percentileMillis(nanos, q), 1e-9);
    }

    @Test
    void hasNoPercentileWithoutSamples() {
        assertTrue(Double.isNaN(LoadDriver.percentileMillis(new long[0], 0.5)));
        assertEquals(7.0, LoadDriver.percentileMillis(new long[] {7_000_000L}, 0.99), 1e-9);
    }
}
