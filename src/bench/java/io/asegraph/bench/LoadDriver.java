package io.asegraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load on a GraphQL endpoint over HTTP/1.1 (the JDK's {@link HttpClient}, platform threads): for each
 * request and each concurrency level, that many clients each send the request, wait for the answer and send it again,
 * first for a warm-up (not measured), then for a measured window bounded by a duration and optionally by a request
 * budget. Every answer is checked: HTTP 200, a {@code data} member and no {@code errors} member (a streaming scan of
 * the top-level members, {@link BenchJson#topLevelKeys}; a failed answer is then parsed for its reason). A request
 * with any failed answer is reported {@link Status#FAILED}, never silently timed; one whose root query field the
 * service does not define (GraphQL validation error {@code FieldUndefined} at the root) is
 * {@link Status#NOT_AVAILABLE}.
 *
 * <p>Latency percentiles are nearest-rank over the exact sorted samples of the measured window (answers that arrived
 * inside it); throughput is the number of those answers over the window's length. A window is stretched, by at most one
 * request timeout, until every client has answered once, so that a request slower than the window is timed rather than
 * lost. Every wait is bounded by the run's {@link Deadline}.
 */
public final class LoadDriver {

    /** A named GraphQL request: the HTTP body ({@code {"query": ..., "variables": ...}}) and its root query field. */
    public record Request(String name, String rootField, String body) {
        public Request {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rootField, "rootField");
            Objects.requireNonNull(body, "body");
        }

        /** A request for {@code query} with {@code variables}, its body encoded as JSON. */
        public static Request graphql(String name, String rootField, String query, Map<String, Object> variables) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", query);
            body.put("variables", new TreeMap<>(variables));
            return new Request(name, rootField, BenchJson.write(body));
        }
    }

    /** How a request fared. */
    public enum Status {
        /** Every answer was HTTP 200 with data and no errors. */
        OK,
        /** Some answer was not: an HTTP error, a GraphQL error, a timeout, or a broken connection. */
        FAILED,
        /** The service does not define the request's root query field (yet). */
        NOT_AVAILABLE,
        /** Not run (the time cap was reached, or an earlier level failed). */
        SKIPPED
    }

    /**
     * @param warmup         unmeasured load before each measured window
     * @param measure        the measured window's length
     * @param maxRequests    the measured window also ends after this many answers (0: no budget)
     * @param requestTimeout the longest one answer may take (then it counts as a failure)
     */
    public record Settings(Duration warmup, Duration measure, long maxRequests, Duration requestTimeout) {
        public Settings {
            if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
                throw new IllegalArgumentException("warm-up must be >= 0 and the measured window > 0");
            }
            if (maxRequests < 0 || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("the request budget must be >= 0 and the timeout > 0");
            }
        }
    }

    /** What times one request at one concurrency level: this driver's own closed loop, or {@link Wrk}. */
    interface Measurer {
        Measurement measure(Request r, int clients);
    }

    /** The first answer to a request, checked. */
    public record Probe(Status status, String detail, int httpStatus, double millis) {}

    /**
     * One request at one concurrency level. Latencies in milliseconds; NaN when nothing was measured.
     *
     * @param failures answers that failed the check, warm-up included
     */
    public record Measurement(
            String scenario,
            int clients,
            Status status,
            String detail,
            long requests,
            long failures,
            double seconds,
            double throughput,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double meanMs,
            double maxMs) {

        static Measurement notRun(String scenario, int clients, Status status, String detail) {
            return new Measurement(
                    scenario,
                    clients,
                    status,
                    detail,
                    0,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN);
        }
    }

    private final URI endpoint;
    private final Settings settings;
    private final Deadline deadline;
    private final HttpClient client;
    private String authorization;
    private Measurer measurer = this::measure;

    /**
     * A driver for the GraphQL endpoint {@code endpoint} (e.g. {@code http://127.0.0.1:8080/graphql}) whose every wait
     * ends within {@code hardCap} from now.
     */
    public LoadDriver(URI endpoint, Settings settings, Duration hardCap) {
        this(endpoint, settings, Deadline.after(hardCap));
    }

    LoadDriver(URI endpoint, Settings settings, Deadline deadline) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Sends {@code header} as the {@code Authorization} of every request (e.g. {@code Basic ...}); null: none. */
    public LoadDriver authorized(String header) {
        this.authorization = header;
        return this;
    }

    /** Has {@code m} time the requests this driver has probed (the probes stay this driver's). */
    LoadDriver measuredBy(Measurer m) {
        this.measurer = m;
        return this;
    }

    /**
     * Probes every request once and measures each that answers correctly at every level in turn. A request that fails
     * the probe, or fails at one level, is not run at the higher levels; when the deadline passes the rest is
     * {@link Status#SKIPPED}.
     */
    public List<Measurement> run(List<Request> requests, List<Integer> levels) {
        List<Measurement> out = new ArrayList<>();
        for (Request r : requests) {
            if (deadline.passed()) {
                levels.forEach(l -> out.add(Measurement.notRun(r.name(), l, Status.SKIPPED, "time cap reached")));
                continue;
            }
            Probe probe = probe(r);
            if (probe.status() != Status.OK) {
                levels.forEach(l -> out.add(Measurement.notRun(r.name(), l, probe.status(), probe.detail())));
                continue;
            }
            String stop = null;
            for (int level : levels) {
                if (stop != null) {
                    out.add(Measurement.notRun(r.name(), level, Status.SKIPPED, stop));
                    continue;
                }
                if (deadline.passed()) {
                    stop = "time cap reached";
                    out.add(Measurement.notRun(r.name(), level, Status.SKIPPED, stop));
                    continue;
                }
                Measurement m = measurer.measure(r, level);
                out.add(m);
                if (m.status() == Status.FAILED) {
                    stop = "failed at " + level + " client" + (level == 1 ? "" : "s");
                }
            }
        }
        return out;
    }

    /** Sends {@code r} once and checks the answer, reading the errors in full. */
    public Probe probe(Request r) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(httpRequest(r), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            Probe checked = classify(r.rootField(), response.statusCode(), response.body());
            return new Probe(checked.status(), checked.detail(), response.statusCode(), ms);
        } catch (IOException e) {
            return new Probe(Status.FAILED, describe(e), 0, (System.nanoTime() - t0) / 1e6);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(Status.FAILED, "interrupted", 0, (System.nanoTime() - t0) / 1e6);
        }
    }

    private HttpRequest httpRequest(Request r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(deadline.bound(settings.requestTimeout()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(r.body())).build();
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within the request timeout";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Checks one answer. Not 200, unparsable, with {@code errors}, or without {@code data.<rootField>}: failed, with
     * the first error's message and code; a {@code FieldUndefined} validation error at the root field: not available.
     */
    static Probe classify(String rootField, int httpStatus, String body) {
        if (httpStatus != 200) {
            return new Probe(Status.FAILED, "HTTP " + httpStatus + ": " + abbreviate(body), httpStatus, Double.NaN);
        }
        ObjectNode answer;
        try {
            answer = BenchJson.parseObject(body);
        } catch (IllegalArgumentException e) {
            return new Probe(
                    Status.FAILED,
                    "not a GraphQL answer (" + e.getMessage() + "): " + abbreviate(body),
                    httpStatus,
                    Double.NaN);
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            JsonNode ext = first.path("extensions");
            JsonNode path = ext.path("queryPath");
            if (ext.path("validationErrorType").asText().equals("FieldUndefined")
                    && path.isArray()
                    && path.size() == 1
                    && rootField.equals(path.get(0).asText())) {
                return new Probe(
                        Status.NOT_AVAILABLE,
                        "the service defines no query field " + rootField,
                        httpStatus,
                        Double.NaN);
            }
            JsonNode code = ext.has("code") ? ext.get("code") : ext.path("classification");
            return new Probe(
                    Status.FAILED,
                    errors.size() + " error" + (errors.size() == 1 ? "" : "s") + ": "
                            + (code.isMissingNode() || code.isNull() ? "" : "[" + text(code) + "] ")
                            + abbreviate(text(first.path("message"))),
                    httpStatus,
                    Double.NaN);
        }
        if (!errors.isMissingNode() && !errors.isNull() && !errors.isArray()) {
            return new Probe(Status.FAILED, "malformed errors member: " + abbreviate(body), httpStatus, Double.NaN);
        }
        JsonNode data = answer.path("data").path(rootField);
        if (data.isMissingNode() || data.isNull()) {
            return new Probe(
                    Status.FAILED,
                    "no data." + rootField + " in the answer: " + abbreviate(body),
                    httpStatus,
                    Double.NaN);
        }
        return new Probe(Status.OK, "", httpStatus, Double.NaN);
    }

    /** A string's text, anything else as JSON ({@code null} when missing). */
    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.isMissingNode() ? "null" : node.toString();
    }

    /** The cheap check of a measured answer: 200, a data member, no errors member. */
    static boolean looksOk(int httpStatus, String body) {
        if (httpStatus != 200) {
            return false;
        }
        Set<String> keys = BenchJson.topLevelKeys(body);
        return keys.contains("data") && !keys.contains("errors");
    }

    static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }

    /** Runs {@code clients} closed-loop clients on {@code r}: warm-up, then the measured window. */
    public Measurement measure(Request r, int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1");
        }
        HttpRequest request = httpRequest(r);
        AtomicInteger phase = new AtomicInteger(WARMUP);
        AtomicLong measured = new AtomicLong();
        AtomicLong budgetReachedAt = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Samples[] samples = new Samples[clients];
        Thread[] threads = new Thread[clients];
        long budget = settings.maxRequests();
        for (int i = 0; i < clients; i++) {
            Samples mine = new Samples();
            samples[i] = mine;
            threads[i] = new Thread(
                    () -> {
                        while (true) {
                            int before = phase.get();
                            if (before == STOP) {
                                return;
                            }
                            long t0 = System.nanoTime();
                            String failure;
                            try {
                                HttpResponse<String> response =
                                        client.send(request, HttpResponse.BodyHandlers.ofString());
                                failure = looksOk(response.statusCode(), response.body())
                                        ? null
                                        : classify(r.rootField(), response.statusCode(), response.body())
                                                .detail();
                                if (failure != null && failure.isEmpty()) {
                                    failure = "unexpected answer: " + abbreviate(response.body());
                                }
                            } catch (IOException e) {
                                failure = describe(e);
                            } catch (InterruptedException e) {
                                return;
                            }
                            long t1 = System.nanoTime();
                            if (failure != null) {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, failure);
                            } else if (before == MEASURE && phase.get() == MEASURE) {
                                mine.add(t1 - t0);
                                if (measured.incrementAndGet() >= budget
                                        && budget > 0
                                        && phase.compareAndSet(MEASURE, STOP)) {
                                    budgetReachedAt.set(t1);
                                }
                            }
                        }
                    },
                    "load-" + r.name() + "-" + i);
            threads[i].setDaemon(true);
        }
        for (Thread t : threads) {
            t.start();
        }
        long windowStart = 0;
        long windowEnd = 0;
        try {
            sleepUntil(System.nanoTime() + deadline.bound(settings.warmup()).toNanos(), phase, WARMUP);
            phase.compareAndSet(WARMUP, MEASURE);
            windowStart = System.nanoTime();
            sleepUntil(windowStart + deadline.bound(settings.measure()).toNanos(), phase, MEASURE);
            // A window shorter than one answer measures nothing: wait until each client has answered once (at most
            // one request timeout more), so slow requests at high concurrency are timed rather than lost.
            long extendUntil = System.nanoTime()
                    + deadline.bound(settings.requestTimeout()).toNanos();
            while (phase.get() == MEASURE && measured.get() < clients && System.nanoTime() - extendUntil < 0) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            phase.set(STOP);
            windowEnd = budgetReachedAt.get() != 0 ? budgetReachedAt.get() : System.nanoTime();
        }
        long joinBy = System.nanoTime()
                + deadline.bound(settings.requestTimeout().plusSeconds(2)).toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                t.interrupt();
                try {
                    t.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        long[] all = Samples.merge(samples);
        Arrays.sort(all);
        double seconds = windowStart == 0 ? 0 : (windowEnd - windowStart) / 1e9;
        long failed = failures.get();
        Status status = failed > 0 ? Status.FAILED : all.length == 0 ? Status.FAILED : Status.OK;
        String detail = failed > 0
                ? failed + " failed answer" + (failed == 1 ? "" : "s") + "; first: " + firstFailure.get()
                : all.length == 0 ? "no answer arrived inside the measured window" : "";
        return new Measurement(
                r.name(),
                clients,
                status,
                detail,
                all.length,
                failed,
                seconds,
                seconds > 0 ? all.length / seconds : Double.NaN,
                percentileMillis(all, 0.50),
                percentileMillis(all, 0.95),
                percentileMillis(all, 0.99),
                meanMillis(all),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
    }

    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    /** Sleeps until {@code until} (nanoTime) or until the phase leaves {@code while}, whichever comes first. */
    private static void sleepUntil(long until, AtomicInteger phase, int whilePhase) throws InterruptedException {
        while (phase.get() == whilePhase) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(10, Math.max(1, left / 1_000_000)));
        }
    }

    /** Nearest-rank percentile of sorted nanosecond samples, in milliseconds; NaN when there are none. */
    static double percentileMillis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static double meanMillis(long[] nanos) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return sum / nanos.length / 1e6;
    }

    /** One client's latency samples, in nanoseconds (grown by doubling; read only after the client has stopped). */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        static long[] merge(Samples[] all) {
            int total = 0;
            for (Samples s : all) {
                total += s.size;
            }
            long[] out = new long[total];
            int at = 0;
            for (Samples s : all) {
                System.arraycopy(s.values, 0, out, at, s.size);
                at += s.size;
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "LoadDriver[%s, warm-up %s, window %s]", endpoint, settings.warmup(), settings.measure());
    }
}
