package io.asegraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.bench.LoadDriver.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run --soak DURATION}: after the import, every scenario of {@link BenchScenarios} (analysis questions,
 * the NSG listing, the audits) rotated by wrk at 16 closed-loop clients, in windows of one minute, while a writer
 * thread makes a write every few seconds (that long after the previous one ended), in turn: {@code putSecurityRule} of a rule of its own on a generated NSG, a
 * re-import through {@code POST /import} of a slice of the estate (a few generated NSGs, the first with a rule of its
 * own), {@code removeSecurityRule} of that rule, and the slice again without it. Every answer is checked (wrk's Lua
 * {@code response} hook): a non-2xx status, an answer without {@code data} or with {@code errors}, a socket error or
 * a timeout is an error. After each window the service's resident memory (VmRSS of the process the run started) and
 * its used heap ({@code jcmd GC.heap_info}) are read; after each write the store's latest version
 * ({@code estateVersions(limit: 1)}). {@link SoakSummary} makes the per-minute table and the verdict.
 */
final class Soak {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RESULT =
            Pattern.compile("ASEGRAPH requests=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+) bad=(\\d+)"
                    + " p50=([\\d.]+) p99=([\\d.]+)");
    static final String EDIT_RULE = "SOAK-EDIT";
    static final String IMPORT_RULE = "soak-import";
    /** The unjudged load before the writer starts and the minutes are counted: the JIT sees every request first. */
    static final int WARMUP_SECONDS = 10;

    /** NSGs in the re-imported slice. */
    static final int SLICE = 5;

    private final URI base;
    private final String authorization;
    /** The writer's: another principal than the readers' when the bench made the users (see Bench#createUsers). */
    private final String writerAuthorization;

    private final Path wrk;
    private final List<Request> scenarios;
    private final EstatePlan plan;
    private final ChildProcess service;
    private final BenchOptions options;
    private final Deadline deadline;
    private final java.util.function.Consumer<String> progress;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<SoakSummary.Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private long started;

    Soak(
            URI base,
            String authorization,
            String writerAuthorization,
            Path wrk,
            List<Request> scenarios,
            EstatePlan plan,
            ChildProcess service,
            BenchOptions options,
            Deadline deadline,
            java.util.function.Consumer<String> progress,
            Path work) {
        this.base = base;
        this.authorization = authorization;
        this.writerAuthorization = writerAuthorization;
        this.wrk = wrk;
        this.scenarios = List.copyOf(scenarios);
        this.plan = plan;
        this.service = service;
        this.options = options;
        this.deadline = deadline;
        this.progress = progress;
        this.work = work;
    }

    /**
     * Asks every scenario once, one after the other, as the readers do, before the load starts: the soak measures the
     * service under a steady load with writes, not the first computation of the estate's audits after its import
     * (tens of seconds on the large estate: the dashboard's first questions, which the benchmark's own timings
     * report). The time it took is in the settings.
     */
    private void prime() {
        long t0 = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Request s : scenarios) {
            try {
                HttpResponse<String> resp = http.send(
                        HttpRequest.newBuilder(base.resolve("/graphql"))
                                .timeout(Duration.ofMinutes(5))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofString(s.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                LoadDriver.Probe probe = LoadDriver.classify(s.rootField(), resp.statusCode(), resp.body());
                if (probe.status() != LoadDriver.Status.OK) {
                    failed.add(s.name() + ": " + probe.detail());
                }
            } catch (IOException e) {
                failed.add(s.name() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while asking every scenario once before the soak");
            }
        }
        String took = BenchResults.num((System.nanoTime() - t0) / 1e9) + " s";
        settings.put(
                "primed",
                "every scenario asked once before the load, one after the other, in " + took
                        + (failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed)));
        progress.accept("soak: every scenario asked once in " + took);
    }

    /** What the soak ran with, for the results (the warm-up's figures are added when it has run). */
    Map<String, Object> settings() {
        Map<String, Object> s = settings;
        s.put("duration", BenchResults.num(BenchResults.seconds(options.soak())) + " s");
        s.put("clients", options.soakClients());
        s.put(
                "load",
                "wrk, closed loop, " + Math.min(options.soakClients(), 2) + " threads, the "
                        + scenarios.size() + " scenarios rotated per request ("
                        + String.join(
                                ", ", scenarios.stream().map(Request::name).toList())
                        + "), every answer checked, request timeout 10 s");
        s.put(
                "writer",
                BenchResults.num(BenchResults.seconds(options.soakWriteEvery())) + " s after the previous write"
                        + " ended, in turn:"
                        + " putSecurityRule " + EDIT_RULE + ", POST /import of " + SLICE + " NSGs (the first with"
                        + " rule " + IMPORT_RULE + "), removeSecurityRule " + EDIT_RULE + ", the slice without it");
        s.put(
                "memory",
                service == null
                        ? "not measured: the service is not a process this run started"
                        : "VmRSS of pid " + service.pid() + " and jcmd GC.heap_info at the end of each minute");
        s.put(
                "principals",
                writerAuthorization.equals(authorization)
                        ? "readers and writer with the same credentials (each read waits for every write: read your writes)"
                        : "readers as admin, the writer as " + Bench.WRITER
                                + " (readers may be answered from the previous version, marked, while a write's is built)");
        return s;
    }

    SoakSummary run() throws IOException {
        if (plan.nsgs.size() < SLICE + 1) {
            throw new BenchException(
                    "the soak needs at least " + (SLICE + 1) + " NSGs in the estate, it has " + plan.nsgs.size());
        }
        Files.createDirectories(work);
        Path script = script();
        Writer writer = new Writer();
        long startVersion = writer.latestVersion();
        if (startVersion < 0) {
            throw new BenchException("cannot read the store version (estateVersions) before the soak");
        }
        progress.accept(String.format(
                Locale.ROOT,
                "soak: %s s at %d clients, a write every %s s, store version %d",
                BenchResults.num(BenchResults.seconds(options.soak())),
                options.soakClients(),
                BenchResults.num(BenchResults.seconds(options.soakWriteEvery())),
                startVersion));
        prime();
        started = System.nanoTime();
        SoakSummary.Window warm = window(script, 0, WARMUP_SECONDS);
        settings.put(
                "warm-up",
                String.format(
                        Locale.ROOT,
                        "%d s before the writer starts, not in the minutes: %,d requests, %d errors%s, p50 %s ms,"
                                + " p99 %s ms",
                        WARMUP_SECONDS,
                        warm.requests(),
                        warm.errors(),
                        warm.errors() > 0 ? " (" + warm.errorDetail() + ")" : "",
                        BenchResults.num(warm.p50Ms()),
                        BenchResults.num(warm.p99Ms())));
        progress.accept("soak warm-up: " + settings.get("warm-up"));
        List<SoakSummary.Window> windows = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-writer");
            t.setDaemon(true);
            return t;
        });
        started = System.nanoTime();
        // Windows of a minute (the last one the remainder), whole seconds as wrk takes them; the few milliseconds
        // between two wrk runs are not counted against the soak's length.
        long total = Math.max(1, (options.soak().toMillis() + 999) / 1000);
        try {
            long every = options.soakWriteEvery().toMillis();
            scheduler.scheduleWithFixedDelay(writer::next, every, every, TimeUnit.MILLISECONDS);
            for (long done = 0; done < total; ) {
                deadline.check("the soak");
                long seconds = Math.min(60, total - done);
                done += seconds;
                double at = since();
                SoakSummary.Window w = window(script, at, seconds);
                windows.add(w);
                progress.accept(String.format(
                        Locale.ROOT,
                        "soak minute %d: %,d requests, %d errors, p50 %s ms, p99 %s ms, RSS %s MiB, %d writes",
                        windows.size(),
                        w.requests(),
                        w.errors(),
                        BenchResults.num(w.p50Ms()),
                        BenchResults.num(w.p99Ms()),
                        w.rssKb() == null ? "-" : BenchResults.mib(w.rssKb()),
                        writesSince(at)));
            }
        } finally {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<SoakSummary.Write> done;
        synchronized (writes) {
            done = List.copyOf(writes);
        }
        return new SoakSummary(windows, done, startVersion);
    }

    private long writesSince(double at) {
        synchronized (writes) {
            return writes.stream().filter(w -> w.atSeconds() >= at).count();
        }
    }

    private double since() {
        return (System.nanoTime() - started) / 1e9;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The load.

    /** One wrk run of {@code seconds}, then the memory. */
    private SoakSummary.Window window(Path script, double at, long seconds) throws IOException {
        List<String> command = List.of(
                wrk.toString(),
                "-t",
                String.valueOf(Math.min(options.soakClients(), 2)),
                "-c",
                String.valueOf(options.soakClients()),
                "-d",
                seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                base.resolve("/graphql").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text;
        try {
            if (!p.waitFor(seconds + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchException("wrk did not end within " + (seconds + 30) + " s");
            }
            text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during the soak");
        }
        double length = since() - at;
        Long rss = null;
        Long heap = null;
        if (service != null) {
            OptionalLong kb = service.residentKb();
            rss = kb.isPresent() ? kb.getAsLong() : null;
            heap = heapUsedKb(service.pid());
        }
        return parse(text, at, length, rss, heap);
    }

    /** The window from wrk's output (the line of the script's {@code done} hook). */
    static SoakSummary.Window parse(String wrkOutput, double at, double seconds, Long rssKb, Long heapKb) {
        Matcher m = RESULT.matcher(wrkOutput);
        if (!m.find()) {
            throw new BenchException("wrk printed no result: " + LoadDriver.abbreviate(wrkOutput));
        }
        long requests = Long.parseLong(m.group(1));
        long connect = Long.parseLong(m.group(2));
        long read = Long.parseLong(m.group(3));
        long write = Long.parseLong(m.group(4));
        long timeout = Long.parseLong(m.group(5));
        long bad = Long.parseLong(m.group(6));
        long errors = connect + read + write + timeout + bad;
        String detail = "";
        if (errors > 0) {
            int first = wrkOutput.indexOf("FIRST_BAD ");
            detail = String.format(
                    Locale.ROOT,
                    "%d bad answers (non-2xx, no data or errors), %d socket errors, %d timeouts%s",
                    bad,
                    connect + read + write,
                    timeout,
                    first < 0
                            ? ""
                            : "; first: "
                                    + LoadDriver.abbreviate(wrkOutput
                                            .substring(first + 10)
                                            .lines()
                                            .findFirst()
                                            .orElse("")));
        }
        return new SoakSummary.Window(
                at,
                seconds,
                requests,
                errors,
                detail,
                Double.parseDouble(m.group(7)) / 1000,
                Double.parseDouble(m.group(8)) / 1000,
                rssKb,
                heapKb);
    }

    /** The Lua script: every scenario's body, one per request in turn (each thread from its own place). */
    private Path script() throws IOException {
        StringBuilder lua = new StringBuilder();
        Wrk.luaRequestHeaders(lua, authorization);
        lua.append("local bodies = {}\n");
        for (Request r : scenarios) {
            lua.append("do local f = assert(io.open(\"")
                    .append(Wrk.luaPath(Wrk.bodyFile(work, r)))
                    .append("\", \"rb\")) table.insert(bodies, f:read(\"*a\")) f:close() end\n");
        }
        lua.append(
                """
                bad = 0
                first_bad = nil
                local n = 0
                local threads = {}
                local counter = 0
                function setup(thread)
                  counter = counter + 1
                  thread:set("offset", counter * 5)
                  table.insert(threads, thread)
                end
                function init(args) n = offset or 0 end
                function request()
                  n = n + 1
                  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
                end
                function response(status, headers, body)
                  if status ~= 200 or not body:find('"data"', 1, true) or body:find('"errors"', 1, true) then
                    bad = bad + 1
                    if first_bad == nil then first_bad = "HTTP " .. status .. " " .. body:sub(1, 300):gsub("%s+", " ") end
                  end
                end
                function done(summary, latency, requests)
                  local b = 0
                  local first = nil
                  for _, t in ipairs(threads) do
                    b = b + (t:get("bad") or 0)
                    first = first or t:get("first_bad")
                  end
                  local e = summary.errors
                  io.write(string.format("ASEGRAPH requests=%d connect=%d read=%d write=%d timeout=%d bad=%d"
                    .. " p50=%.1f p99=%.1f\\n", summary.requests, e.connect, e.read, e.write, e.timeout, b,
                    latency:percentile(50), latency:percentile(99)))
                  if first then io.write("FIRST_BAD " .. first .. "\\n") end
                end
                """);
        Path file = work.resolve("soak.lua");
        Files.writeString(file, lua);
        return file;
    }

    /** The used heap of {@code pid} from {@code jcmd PID GC.heap_info} (kB), or null when it cannot be read. */
    static Long heapUsedKb(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return heapUsedKb(out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The used heap in {@code GC.heap_info}'s output: the sum of its generations' {@code used …K} before the
     * Metaspace lines (one line for G1, young and old for the serial and parallel collectors); null if none.
     */
    static Long heapUsedKb(String heapInfo) {
        int metaspace = heapInfo.indexOf("Metaspace");
        Matcher m = HEAP_USED.matcher(metaspace < 0 ? heapInfo : heapInfo.substring(0, metaspace));
        long sum = 0;
        boolean any = false;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
            any = true;
        }
        return any ? sum : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The writer.

    /** The soak's writes, in turn; each recorded with the store version read after it. */
    private final class Writer {
        private final EstatePlan.Nsg edited = plan.nsgs.get(plan.nsgs.size() - 1);
        private final List<EstatePlan.Nsg> slice =
                plan.nsgs.subList(plan.nsgs.size() - 1 - SLICE, plan.nsgs.size() - 1);
        private final int editPriority = freeInboundPriority(plan, edited);
        private final int importPriority = freeInboundPriority(plan, slice.get(0));
        private int step;

        void next() {
            double at = since();
            long t0 = System.nanoTime();
            String kind;
            String failure;
            try {
                switch (step++ % 4) {
                    case 0 -> {
                        kind = "putSecurityRule";
                        failure = graphqlFailure(
                                "putSecurityRule",
                                """
                                mutation($nsg: String!, $priority: Int!) { putSecurityRule(nsg: $nsg, rule: {
                                  name: "%s", priority: $priority, direction: INBOUND, access: ALLOW, protocol: TCP,
                                  sourceAddressPrefixes: ["198.51.100.0/24"], destinationAddressPrefixes: ["*"],
                                  destinationPortRanges: ["8443"]}) { etag } }"""
                                        .formatted(EDIT_RULE),
                                Map.of("nsg", edited.id, "priority", editPriority));
                    }
                    case 1 -> {
                        kind = "import slice";
                        failure = importFailure(slice(true));
                    }
                    case 2 -> {
                        kind = "removeSecurityRule";
                        failure = graphqlFailure(
                                "removeSecurityRule",
                                "mutation($nsg: String!, $name: String!) {"
                                        + " removeSecurityRule(nsg: $nsg, name: $name) { etag } }",
                                Map.of("nsg", edited.id, "name", EDIT_RULE));
                    }
                    default -> {
                        kind = "import slice";
                        failure = importFailure(slice(false));
                    }
                }
            } catch (IOException | RuntimeException e) {
                kind = "write";
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            long version = latestVersion();
            writes.add(
                    new SoakSummary.Write(at, kind, failure == null, millis, version, failure == null ? "" : failure));
        }

        /** The store's latest version, or -1 when it cannot be read. */
        long latestVersion() {
            try {
                HttpResponse<String> resp = post(
                        base.resolve("/graphql"),
                        LoadDriver.Request.graphql(
                                        "version",
                                        "estateVersions",
                                        "{ estateVersions(limit: 1) { version } }",
                                        Map.of())
                                .body());
                JsonNode v = BenchJson.parseObject(resp.body())
                        .path("data")
                        .path("estateVersions")
                        .path(0)
                        .path("version");
                return v.isNumber() ? v.longValue() : -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Null when the mutation answered data for {@code field} and no errors, else what it answered. */
        private String graphqlFailure(String field, String query, Map<String, Object> variables)
                throws IOException, InterruptedException {
            HttpResponse<String> resp = post(
                    base.resolve("/graphql"),
                    LoadDriver.Request.graphql(field, field, query, variables).body());
            LoadDriver.Probe p = LoadDriver.classify(field, resp.statusCode(), resp.body());
            return p.status() == LoadDriver.Status.OK ? null : field + ": " + p.detail();
        }

        private String importFailure(String document) throws IOException, InterruptedException {
            HttpResponse<String> resp = post(base.resolve(options.importPath()), document);
            if (resp.statusCode() / 100 != 2) {
                return "POST " + options.importPath() + ": HTTP " + resp.statusCode() + ": "
                        + LoadDriver.abbreviate(resp.body());
            }
            return null;
        }

        /** The slice as az prints it, the first NSG with the soak's own rule when {@code withRule}. */
        private String slice(boolean withRule) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (com.fasterxml.jackson.core.JsonGenerator json = BenchJson.generator(out, false)) {
                new ResourceWriter(plan, json).writeNsgs(slice);
            }
            ObjectNode wrapped = BenchJson.parseObject("{\"value\":" + out.toString(StandardCharsets.UTF_8) + "}");
            if (withRule) {
                EstatePlan.Nsg first = slice.get(0);
                ArrayNode rules = (ArrayNode)
                        wrapped.path("value").path(0).path("properties").path("securityRules");
                ObjectNode rule = rules.addObject();
                rule.put("name", IMPORT_RULE);
                rule.put("id", first.id + "/securityRules/" + IMPORT_RULE);
                ObjectNode p = rule.putObject("properties");
                p.put("protocol", "Tcp");
                p.put("sourcePortRange", "*");
                p.put("destinationPortRange", "9443");
                p.put("sourceAddressPrefix", "198.51.100.0/24");
                p.put("destinationAddressPrefix", "*");
                p.put("access", "Allow");
                p.put("priority", importPriority);
                p.put("direction", "Inbound");
                p.putArray("sourcePortRanges");
                p.putArray("destinationPortRanges");
                p.putArray("sourceAddressPrefixes");
                p.putArray("destinationAddressPrefixes");
            }
            return BenchJson.write(wrapped);
        }

        private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Authorization", writerAuthorization)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The highest inbound priority (user rules: 100-4096) that none of the generated rules of {@code nsg} uses. */
    static int freeInboundPriority(EstatePlan plan, EstatePlan.Nsg nsg) {
        Set<Integer> used = new HashSet<>();
        for (RuleFactory.Rule r : new RuleFactory(plan).rules(nsg)) {
            if ("Inbound".equals(r.direction)) {
                used.add(r.priority);
            }
        }
        for (int p = 4096; p >= 100; p--) {
            if (!used.contains(p)) {
                return p;
            }
        }
        throw new BenchException("NSG " + nsg.name + " has no free inbound priority");
    }
}
