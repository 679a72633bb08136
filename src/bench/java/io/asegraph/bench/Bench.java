package io.asegraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one benchmark command (issue 7): generates the estate (unless the same size and seed is already there), starts
 * the packaged service on a fresh data directory and times it to ready, imports the estate through
 * {@code POST /import} (resources/s), reads the service's resident memory, drives it from this process over loopback
 * at 1, 8 and 32 closed-loop clients ({@link LoadDriver}) through every scenario ({@link BenchScenarios}), stops it
 * with SIGTERM, restarts it on the same data and times it to ready again, then measures the baselines in fresh JVMs:
 * a bare embedded Neo4j start on a copy of the data ({@link BareNeo4jStart}) and a bare {@code UNWIND … CREATE} of as
 * many nodes and relationships ({@link BareUnwindImport}). Writes {@code results.md} and {@code results.json}, with
 * every figure's ratio to the floor and the targets marked PASS or MISS.
 *
 * <p>Bounded: every wait is bounded by a hard cap; the command always stops the service it started. With
 * {@code --url} it drives an already running service instead and skips what needs its process (start, restart,
 * memory, the bare baselines). It is a command-line tool, so it reports its progress on System.out.
 */
public final class Bench {
    private static final String MARKER = "estate.properties";

    private final BenchOptions options;
    /** The Authorization header of every request to the service (see {@link #authorization}). */
    private String authorization;
    /** The soak's writes: {@code bench-writer} when the bench made the users, else {@link #authorization}. */
    private String writerAuthorization;

    private final Deadline deadline;
    private final Consumer<String> progress;
    private final BenchResults results = new BenchResults();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final long started = System.nanoTime();
    /** The Bolt port of the service's store, fixed when the peer needs it (0: the service picks one). */
    private final int boltPort;

    private Bench(BenchOptions options, Consumer<String> progress) {
        this.options = options;
        this.deadline = Deadline.after(options.cap());
        this.progress = progress;
        this.boltPort = options.peer() ? freePort() : 0;
    }

    /** Runs the benchmark, writes the two result files into {@code options.out()} and returns what it measured. */
    static BenchResults run(BenchOptions options, Consumer<String> progress) {
        Bench bench = new Bench(options, progress);
        bench.execute();
        return bench.results;
    }

    private void execute() {
        BenchResults r = results;
        r.size = options.size();
        r.seed = options.seed();
        r.startedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        r.mode = options.spawns()
                ? "service started from " + options.jar()
                : "external service at " + options.url().get();
        r.machine = machine();
        r.loadAverageAtStart = loadAverage();
        r.settings.put("levels", options.levels());
        r.settings.put("measureSeconds", BenchResults.seconds(options.measure()));
        r.settings.put("warmupSeconds", BenchResults.seconds(options.warmup()));
        r.settings.put("maxRequests", options.maxRequests());
        r.settings.put("capSeconds", options.cap().toSeconds());
        r.settings.put("serviceJvmArgs", options.serviceJvmArgs());
        r.settings.put("importPath", options.importPath());
        if (options.soaks()) {
            r.settings.put("soakSeconds", BenchResults.seconds(options.soak()));
            r.settings.put("soakWriteEverySeconds", BenchResults.seconds(options.soakWriteEvery()));
            r.settings.put("soakClients", options.soakClients());
        }
        ChildProcess service = null;
        try {
            Files.createDirectories(options.out());
            Path estateDir = options.out().resolve("estate-" + options.size() + "-seed" + options.seed());
            Properties estate = ensureEstate(estateDir);
            estate.stringPropertyNames().stream()
                    .sorted()
                    .forEach(k -> r.estate.put(k, numberOrText(estate.getProperty(k))));
            r.estate.put("directory", estateDir.toString());
            EstatePlan plan = new EstatePlan(EstateSpec.preset(options.size()), options.seed());
            BenchScenarios.References refs = BenchScenarios.pick(plan);
            r.references.putAll(refs.asMap());
            List<LoadDriver.Request> scenarios = BenchScenarios.all(refs);
            scenarios.forEach(s -> r.scenarios.add(new BenchResults.ScenarioText(s.name(), s.rootField(), s.body())));

            Path runDir = options.out().resolve("run");
            Path data = runDir.resolve("data");
            URI base;
            if (options.spawns()) {
                deleteTree(runDir);
                Files.createDirectories(runDir);
                int port = freePort();
                base = URI.create("http://127.0.0.1:" + port);
                progress.accept("starting the service on a fresh data directory " + data + " (port " + port + ")");
                createUsers(data);
                service = startService(data, port, runDir.resolve("service-1.log"));
                r.readyFresh = service.awaitReady(base.resolve("/q/health/ready"), options.readyTimeout(), deadline);
                progress.accept("ready in " + BenchResults.num(BenchResults.seconds(r.readyFresh)) + " s");
            } else {
                base = options.url().get();
                awaitExternalReady(base);
                for (String step : List.of("start", "restart", "memory", "bare Neo4j start", "bare UNWIND")) {
                    r.skipped.put(step, "skipped: external service");
                }
            }

            authorization = authorization(data);
            writerAuthorization = options.spawns() && Files.exists(data.resolve(WRITER_PASSWORD))
                    ? basic(WRITER + ":"
                            + Files.readString(data.resolve(WRITER_PASSWORD)).trim())
                    : authorization;
            importEstate(base, estateDir, estate);
            // The service builds its snapshot and analysis context in the background after a write. One flow waits for
            // that, so the
            // measurements below do not share the CPU with it, and the memory is read with the snapshot loaded.
            LoadDriver settle = new LoadDriver(
                            base.resolve("/graphql"),
                            new LoadDriver.Settings(Duration.ZERO, Duration.ofMillis(1), 1, Duration.ofSeconds(300)),
                            deadline)
                    .authorized(authorization);
            LoadDriver.Probe firstAfterImport = settle.probe(scenarios.stream()
                    .filter(s -> s.name().equals("flow"))
                    .findFirst()
                    .orElseThrow());
            r.firstFlowAfterImportMs = firstAfterImport.millis();
            r.firstFlowAfterImportStatus = firstAfterImport.status() == LoadDriver.Status.OK
                    ? "ok"
                    : firstAfterImport.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            progress.accept("first flow after the import (the snapshot and analysis context after the write): "
                    + BenchResults.num(r.firstFlowAfterImportMs) + " ms (" + r.firstFlowAfterImportStatus + ")");
            if (service != null) {
                OptionalLong rss = service.residentKb();
                OptionalLong hwm = service.peakResidentKb();
                if (rss.isPresent()) {
                    r.residentKb = rss.getAsLong();
                    r.peakResidentKb = hwm.isPresent() ? hwm.getAsLong() : null;
                    progress.accept("resident memory " + BenchResults.mib(r.residentKb) + " MiB");
                } else {
                    r.skipped.put("memory", "not measured: no /proc/" + service.pid() + "/status");
                }
            }

            if (options.restoreCheck() && service != null) {
                restoreCheck(base, service, runDir);
                deadline.check("the restore check");
            }

            deadline.check("the import");
            if (options.soaks()) {
                soak(base, plan, scenarios, service);
                if (service != null) {
                    progress.accept("stopping the service (SIGTERM)");
                    if (service.stop(Duration.ofSeconds(60)).isEmpty()) {
                        r.notes.add("the service did not stop within 60 s of SIGTERM and was killed");
                    }
                    service = null;
                }
                return;
            }
            LoadDriver driver = new LoadDriver(
                            base.resolve("/graphql"),
                            new LoadDriver.Settings(
                                    options.warmup(), options.measure(), options.maxRequests(), Duration.ofSeconds(60)),
                            deadline)
                    .authorized(authorization);
            Wrk timer = null;
            if (options.driver().equals("wrk")) {
                Path wrk = Wrk.find()
                        .orElseThrow(() -> new BenchException(
                                "wrk is not installed: bench/run installs it (apt-get install wrk, as root), or run"
                                        + " with --driver jdk for figures that include the JDK client's own cost"));
                timer = new Wrk(
                        wrk,
                        base.resolve("/graphql"),
                        new LoadDriver.Settings(
                                options.warmup(), options.measure(), options.maxRequests(), Duration.ofSeconds(60)),
                        deadline,
                        authorization,
                        options.out().resolve("run").resolve("wrk"));
                driver.measuredBy(timer);
                progress.accept("warming the service up: every scenario, unmeasured, before any is timed");
                scenarios.forEach(timer::warmUp);
                r.loadGenerator = timer.version() + " (closed loop, threads = clients up to 2; answers checked in the"
                        + " warm-up; first-answer probes by the JDK client)";
            } else {
                r.loadGenerator = "the JDK HttpClient in the bench process (platform threads, one per client): its"
                        + " own cost is in every figure";
            }
            progress.accept("load generator: " + r.loadGenerator);
            for (LoadDriver.Request s : scenarios) {
                List<LoadDriver.Measurement> ms = driver.run(List.of(s), options.levels());
                r.measurements.addAll(ms);
                ms.forEach(m -> progress.accept(String.format(
                        Locale.ROOT,
                        "%-20s %2d clients: %s",
                        m.scenario(),
                        m.clients(),
                        m.status() == LoadDriver.Status.OK
                                ? "p50 " + BenchResults.num(m.p50Ms()) + " ms, " + BenchResults.num(m.throughput())
                                        + " req/s"
                                : m.status() + " " + m.detail())));
            }
            deadline.check("the queries");
            if (options.peer() && timer != null) {
                new PeerRun(deadline, progress, r)
                        .run(base.resolve("/graphql"), authorization, boltPort, timer, runDir);
                deadline.check("the peer");
            }

            if (service != null) {
                OptionalLong after = service.residentKb();
                r.residentAfterQueriesKb = after.isPresent() ? after.getAsLong() : null;
                progress.accept("stopping the service (SIGTERM)");
                Optional<Duration> stopped = service.stop(Duration.ofSeconds(60));
                if (stopped.isPresent()) {
                    r.stopTime = stopped.get();
                } else {
                    r.notes.add("the service did not stop within 60 s of SIGTERM and was killed");
                }
                service = null;
                deadline.check("the stop");
                int port = freePort();
                base = URI.create("http://127.0.0.1:" + port);
                progress.accept("restarting it on the same data directory (port " + port + ")");
                service = startService(data, port, runDir.resolve("service-2.log"));
                r.readyRestart = service.awaitReady(base.resolve("/q/health/ready"), options.readyTimeout(), deadline);
                progress.accept("ready in " + BenchResults.num(BenchResults.seconds(r.readyRestart)) + " s");
                LoadDriver once = new LoadDriver(
                                base.resolve("/graphql"),
                                new LoadDriver.Settings(
                                        Duration.ZERO, Duration.ofMillis(1), 1, Duration.ofSeconds(120)),
                                deadline)
                        .authorized(authorization);
                LoadDriver.Probe floor = once.probe(scenarios.get(0));
                r.firstFloorAfterRestartMs = floor.millis();
                LoadDriver.Request flow = scenarios.stream()
                        .filter(s -> s.name().equals("flow"))
                        .findFirst()
                        .get();
                LoadDriver.Probe first = once.probe(flow);
                r.firstFlowAfterRestartMs = first.millis();
                r.firstFlowAfterRestartStatus = first.status() == LoadDriver.Status.OK
                        ? "ok"
                        : first.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                service.stop(Duration.ofSeconds(60));
                service = null;
                deadline.check("the restart");
                bareBaselines(runDir, data);
            }
        } catch (Deadline.TimeCapException e) {
            r.timeCapReached = true;
            r.error = e.getMessage();
        } catch (BenchException | IllegalArgumentException | UncheckedIOException e) {
            r.error = e.getMessage();
        } catch (IOException e) {
            r.error = "I/O: " + e.getMessage();
        } finally {
            if (service != null) {
                service.close();
            }
            r.loadAverageAtEnd = loadAverage();
            r.wallSeconds = (System.nanoTime() - started) / 1e9;
            if (deadline.passed()) {
                r.timeCapReached = true;
            }
            write();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The soak.

    /** {@code --soak}: the mixed load with a writer for the soak's length ({@link Soak}), instead of the timings. */
    private void soak(URI base, EstatePlan plan, List<LoadDriver.Request> scenarios, ChildProcess service)
            throws IOException {
        BenchResults r = results;
        for (String step : List.of("scenario timings", "restart", "bare Neo4j start", "bare UNWIND")) {
            r.skipped.putIfAbsent(step, "skipped: a soak run (--soak)");
        }
        Path wrk = Wrk.find()
                .orElseThrow(
                        () -> new BenchException(
                                "wrk is not installed: bench/run installs it (apt-get install wrk, as root); the soak needs it"));
        r.loadGenerator = new Wrk(wrk, base, null, deadline, authorization, options.out()).version()
                + " (closed loop, the scenarios rotated per request, every answer checked)";
        Soak soak = new Soak(
                base,
                authorization,
                writerAuthorization,
                wrk,
                scenarios,
                plan,
                service,
                options,
                deadline,
                progress,
                options.out().resolve("run").resolve("soak"));
        r.soakSettings = soak.settings();
        r.soak = soak.run();
        progress.accept(r.soak.verdictLine());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // --restore-check.

    /**
     * {@code GET /export} of the service, then a second service on an empty data directory imports that export and is
     * exported in turn; the two exports are compared ({@link RestoreCheck}). Records the export's time and bytes, the
     * import's time, each service's peak resident memory, and whether the exports matched.
     */
    private void restoreCheck(URI base, ChildProcess service, Path runDir) throws IOException {
        Map<String, Object> rc = new LinkedHashMap<>();
        results.restoreCheck = rc;
        Path first = runDir.resolve("export-1.json");
        progress.accept("restore check: GET /export to " + first);
        long t0 = System.nanoTime();
        long bytes = download(base.resolve("/export"), authorization, first);
        rc.put("exportSeconds", (System.nanoTime() - t0) / 1e9);
        rc.put("exportBytes", bytes);
        OptionalLong hwm = service.peakResidentKb();
        rc.put("servicePeakResidentKbAfterExport", hwm.isPresent() ? hwm.getAsLong() : null);
        progress.accept("exported " + bytes + " bytes in " + BenchResults.num((double) rc.get("exportSeconds")) + " s");

        Path data = runDir.resolve("restore-data");
        int port = freePort();
        URI restored = URI.create("http://127.0.0.1:" + port);
        progress.accept("restore check: a second service on the empty data directory " + data + " (port " + port + ")");
        ChildProcess second = startService(data, port, runDir.resolve("service-restore.log"));
        try {
            second.awaitReady(restored.resolve("/q/health/ready"), options.readyTimeout(), deadline);
            String admin = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString(("admin:"
                                            + Files.readString(data.resolve("initial-admin-password"))
                                                    .trim())
                                    .getBytes(StandardCharsets.UTF_8));
            t0 = System.nanoTime();
            HttpResponse<String> resp;
            try {
                resp = http.send(
                        HttpRequest.newBuilder(restored.resolve(options.importPath()))
                                .timeout(deadline.bound(options.cap()))
                                .header("Content-Type", "application/json")
                                .header("Authorization", admin)
                                .POST(HttpRequest.BodyPublishers.ofFile(first))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted during the restore");
            }
            rc.put("importSeconds", (System.nanoTime() - t0) / 1e9);
            if (resp.statusCode() / 100 != 2) {
                throw new BenchException(
                        "the restore (POST " + options.importPath() + " of the export) was refused: HTTP "
                                + resp.statusCode() + ": " + LoadDriver.abbreviate(resp.body()));
            }
            OptionalLong restoredHwm = second.peakResidentKb();
            rc.put("restoredServicePeakResidentKb", restoredHwm.isPresent() ? restoredHwm.getAsLong() : null);
            progress.accept("imported the export into the empty service in "
                    + BenchResults.num((double) rc.get("importSeconds")) + " s");
            Path again = runDir.resolve("export-2.json");
            download(restored.resolve("/export"), admin, again);
            List<String> differences = RestoreCheck.differences(first, again, 10);
            rc.put("matched", differences.isEmpty());
            rc.put("differences", differences);
            progress.accept(
                    differences.isEmpty()
                            ? "restore check: the restored service exports the same estate"
                            : "restore check: the exports differ: " + differences);
        } finally {
            second.stop(Duration.ofSeconds(60));
        }
    }

    /** GETs {@code uri} into {@code file}; returns its size. A non-2xx answer fails the run. */
    private long download(URI uri, String auth, Path file) throws IOException {
        HttpResponse<Path> resp;
        try {
            resp = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(deadline.bound(options.cap()))
                            .header("Authorization", auth)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofFile(file));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during GET " + uri);
        }
        if (resp.statusCode() / 100 != 2) {
            throw new BenchException("GET " + uri + " answered HTTP " + resp.statusCode() + ": "
                    + LoadDriver.abbreviate(Files.readString(file)));
        }
        return Files.size(file);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The estate.

    /** Generates the estate into {@code dir} unless the marker says it holds this size and seed already. */
    private Properties ensureEstate(Path dir) throws IOException {
        EstateSpec spec = EstateSpec.preset(options.size());
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(marker)
                && Files.isRegularFile(dir.resolve(EstateGenerator.RESOURCES_FILE))
                && Files.isRegularFile(dir.resolve(EstateGenerator.SERVICE_TAGS_FILE))) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            if (spec.toString().equals(p.getProperty("spec"))
                    && String.valueOf(options.seed()).equals(p.getProperty("seed"))
                    && Files.size(dir.resolve(EstateGenerator.RESOURCES_FILE))
                            == Long.parseLong(p.getProperty("resourcesBytes", "-1"))) {
                progress.accept("estate: reusing " + dir);
                p.setProperty("reused", "true");
                return p;
            }
        }
        Files.deleteIfExists(marker);
        progress.accept("estate: generating " + options.size() + " with seed " + options.seed() + " into " + dir);
        EstateGenerator.Summary s = EstateGenerator.generate(spec, options.seed(), dir, false);
        progress.accept("estate: " + s.line());
        Properties p = new Properties();
        p.setProperty("size", options.size());
        p.setProperty("seed", String.valueOf(options.seed()));
        p.setProperty("spec", spec.toString());
        p.setProperty(
                "resources",
                String.valueOf(
                        s.resourcesByType().values().stream().mapToLong(i -> i).sum()));
        p.setProperty("subnets", String.valueOf(s.subnets()));
        p.setProperty("peerings", String.valueOf(s.peerings()));
        p.setProperty("securityRules", String.valueOf(s.securityRules()));
        p.setProperty("serviceTags", String.valueOf(s.serviceTags()));
        p.setProperty("resourcesBytes", String.valueOf(s.resourcesBytes()));
        p.setProperty("serviceTagsBytes", String.valueOf(s.serviceTagsBytes()));
        s.resourcesByType().forEach((type, n) -> p.setProperty("type." + type, String.valueOf(n)));
        try (var w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            p.store(w, "what bench generated here; delete to regenerate");
        }
        p.setProperty("reused", "false");
        return p;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The service.

    /**
     * The {@code Authorization} header of every request: basic auth with {@code --user} (or ASEGRAPH_BENCH_USER), else
     * the admin a service started here created, with the password from {@code data/initial-admin-password}.
     */
    private String authorization(Path data) throws IOException {
        String credentials;
        if (options.credentials().isPresent()) {
            credentials = options.credentials().get();
        } else if (options.spawns()) {
            credentials = "admin:"
                    + Files.readString(data.resolve("initial-admin-password")).trim();
        } else {
            throw new BenchException("the service at " + options.url().get()
                    + " needs credentials: --user NAME:PASSWORD or ASEGRAPH_BENCH_USER (a writer, for the import)");
        }
        return basic(credentials);
    }

    private static String basic(String credentials) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static final String WRITER = "bench-writer";
    static final String WRITER_PASSWORD = "bench-writer-password";

    /**
     * The users of a service started here on a fresh data directory, made before its first start (the service then
     * keeps them instead of creating its admin): {@code admin} (reader, writer; its password in
     * {@code initial-admin-password}, as the service would write it) for every request, and {@code bench-writer}
     * (reader, writer; {@code bench-writer-password}) for the soak's writes, so that the soak's readers are other
     * callers than its writer — a dashboard and a pipeline — and the service may answer them from the previous version
     * while a write's is being built (its questions after its own writes always wait for them: read your writes).
     */
    static void createUsers(Path data) throws IOException {
        Files.createDirectories(data);
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder users =
                new StringBuilder("# asegraph users: name=<bcrypt hash>;role,role (made by the benchmark)\n");
        for (String[] user : new String[][] {{"admin", "initial-admin-password"}, {WRITER, WRITER_PASSWORD}}) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(data.resolve(user[1]), password + "\n", StandardCharsets.UTF_8);
            users.append(user[0])
                    .append('=')
                    .append(io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password))
                    .append(";reader,writer\n");
        }
        Files.writeString(data.resolve("users.properties"), users, StandardCharsets.UTF_8);
    }

    private ChildProcess startService(Path data, int port, Path log) {
        if (!Files.isRegularFile(options.jar())) {
            throw new BenchException("no packaged service at " + options.jar()
                    + ": run bench/run (it packages the service when needed) or mvn package -DskipTests");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildProcess.java());
        cmd.addAll(options.serviceJvmArgs());
        cmd.add("-Dasegraph.store.data-directory=" + data.toAbsolutePath());
        cmd.add("-Dasegraph.seed.enabled=false");
        cmd.add("-Dasegraph.seed.directory=" + options.seedDirectory().toAbsolutePath());
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        cmd.add("-Dquarkus.http.port=" + port);
        if (boltPort > 0) {
            cmd.add("-Dasegraph.store.bolt-port=" + boltPort);
        }
        cmd.add("-jar");
        cmd.add(options.jar().toAbsolutePath().toString());
        return ChildProcess.startLogged("the service", cmd, Path.of("").toAbsolutePath(), log);
    }

    private void awaitExternalReady(URI base) {
        long until = System.nanoTime() + deadline.bound(options.readyTimeout()).toNanos();
        String last = "";
        while (System.nanoTime() - until < 0) {
            try {
                HttpResponse<String> resp = http.send(
                        HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + resp.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted");
            }
            sleep(100);
        }
        throw new BenchException("the service at " + base + " is not ready: " + last);
    }

    /** POSTs resources.json, then servicetags.json; a refusal fails the run with the service's answer. */
    private void importEstate(URI base, Path estateDir, Properties estate) {
        if (options.skipImport()) {
            results.importStatus = "skipped (--no-import)";
            results.skipped.put("import", "skipped: --no-import");
            return;
        }
        results.importStatus = "failed";
        importFile(
                base,
                estateDir.resolve(EstateGenerator.RESOURCES_FILE),
                Long.parseLong(estate.getProperty("resources")),
                "resources");
        importFile(
                base,
                estateDir.resolve(EstateGenerator.SERVICE_TAGS_FILE),
                Long.parseLong(estate.getProperty("serviceTags")),
                "service tags");
        results.importStatus = "ok";
    }

    private void importFile(URI base, Path file, long items, String what) {
        URI uri = base.resolve(options.importPath());
        progress.accept("importing " + file.getFileName() + " (" + items + " " + what + ") to " + uri);
        HttpResponse<String> resp;
        long t0 = System.nanoTime();
        try {
            resp = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(deadline.bound(options.cap()))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofFile(file))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            deadline.check("the import of " + file.getFileName());
            throw new BenchException("import of " + file.getFileName() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during the import");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (resp.statusCode() / 100 != 2) {
            String hint =
                    switch (resp.statusCode()) {
                        case 404, 405 -> " (the service offers no POST " + options.importPath() + ")";
                        case 413 -> " (the body is larger than the service accepts: raise quarkus.http.limits.max-body-size)";
                        default -> resp.statusCode() / 100 == 4 ? " (the service found the document invalid)" : "";
                    };
            throw new BenchException("import of " + file.getFileName() + " refused: HTTP " + resp.statusCode() + hint
                    + ": " + LoadDriver.abbreviate(resp.body()));
        }
        ObjectNode answer;
        try {
            answer = BenchJson.parseObject(resp.body());
        } catch (IllegalArgumentException e) {
            throw new BenchException("import of " + file.getFileName() + " answered what is not an import result ("
                    + e.getMessage() + "): " + LoadDriver.abbreviate(resp.body()));
        }
        JsonNode warnings = answer.path("warnings");
        int warningCount = warnings.isArray() ? warnings.size() : 0;
        List<String> firstWarnings = new ArrayList<>();
        for (int i = 0; i < Math.min(5, warningCount); i++) {
            JsonNode w = warnings.get(i);
            firstWarnings.add(w.isTextual() ? w.asText() : w.toString());
        }
        BenchResults.ImportStep step = new BenchResults.ImportStep(
                file.getFileName().toString(),
                items,
                seconds,
                count(answer, "created"),
                count(answer, "updated"),
                count(answer, "unchanged"),
                warningCount,
                firstWarnings);
        results.imports.add(step);
        progress.accept(String.format(
                Locale.ROOT,
                "imported in %s s: %s %s/s (created %d, updated %d, unchanged %d, " + "%d warnings)",
                BenchResults.num(seconds),
                BenchResults.num(step.rate()),
                what,
                step.created(),
                step.updated(),
                step.unchanged(),
                step.warnings()));
    }

    private static long count(ObjectNode answer, String key) {
        JsonNode v = answer.path(key);
        if (!v.isNumber()) {
            throw new BenchException("the import result has no number " + key + ": " + answer);
        }
        return v.longValue();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bare Neo4j baselines, each in a fresh JVM like the service.

    private void bareBaselines(Path runDir, Path data) throws IOException {
        BenchResults r = results;
        try {
            Class.forName("org.neo4j.dbms.api.DatabaseManagementServiceBuilder", false, Bench.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            r.skipped.put("bare Neo4j start", "not measured: Neo4j is not on this classpath (see bench/run)");
            r.skipped.put("bare UNWIND", "not measured: Neo4j is not on this classpath (see bench/run)");
            return;
        }
        String classpath = System.getProperty("java.class.path");
        Path copy = runDir.resolve("data-copy");
        progress.accept("copying the data directory for the bare Neo4j start");
        copyTree(data, copy);
        try (ChildProcess bare = ChildProcess.startReading(
                "the bare Neo4j start",
                List.of(
                        ChildProcess.java(),
                        "-cp",
                        classpath,
                        BareNeo4jStart.class.getName(),
                        copy.toAbsolutePath().toString(),
                        options.pageCache()),
                Path.of("").toAbsolutePath(),
                runDir.resolve("bare-neo4j-start.log"))) {
            ChildProcess.TimedLine ready = bare.awaitLine("READY", options.readyTimeout(), deadline);
            r.bareStartWall = bare.since(ready.at());
            r.bareStartInsideMs = (double) field(ready.text(), "ms");
            ChildProcess.TimedLine counts = bare.awaitLine("COUNTS", options.readyTimeout(), deadline);
            r.graphNodes = field(counts.text(), "nodes");
            r.graphRelationships = field(counts.text(), "relationships");
            String labels = counts.text().replaceFirst(".*labels=", "");
            for (String part : labels.split(",")) {
                int colon = part.lastIndexOf(':');
                if (colon > 0) {
                    r.graphLabels.put(part.substring(0, colon), Long.parseLong(part.substring(colon + 1)));
                }
            }
            bare.awaitLine("DONE", Duration.ofSeconds(120), deadline);
            bare.waitForExit(deadline.bound(Duration.ofSeconds(30)));
        }
        progress.accept("bare Neo4j start: ready in " + BenchResults.num(BenchResults.seconds(r.bareStartWall))
                + " s; the store holds " + r.graphNodes + " nodes, " + r.graphRelationships + " relationships");
        deleteTree(copy);
        deadline.check("the bare Neo4j start");
        if (r.graphNodes == 0) {
            r.skipped.put("bare UNWIND", "not measured: the store holds no nodes to match");
            return;
        }
        Path fresh = runDir.resolve("bare-unwind");
        deleteTree(fresh);
        progress.accept("bare UNWIND … CREATE of " + r.graphNodes + " nodes and " + r.graphRelationships
                + " relationships into a fresh store");
        try (ChildProcess bare = ChildProcess.startReading(
                "the bare UNWIND import",
                List.of(
                        ChildProcess.java(),
                        "-cp",
                        classpath,
                        BareUnwindImport.class.getName(),
                        fresh.toAbsolutePath().toString(),
                        String.valueOf(r.graphNodes),
                        String.valueOf(r.graphRelationships),
                        String.valueOf(BareUnwindImport.DEFAULT_BATCH),
                        options.pageCache()),
                Path.of("").toAbsolutePath(),
                runDir.resolve("bare-unwind.log"))) {
            ChildProcess.TimedLine created = bare.awaitLine("CREATED", deadline.remaining(), deadline);
            double seconds = Double.parseDouble(
                    created.text().replaceFirst(".*seconds=", "").trim());
            r.bareUnwind = new BareUnwindImport.Result(
                    field(created.text(), "nodes"), field(created.text(), "relationships"), seconds);
            bare.waitForExit(deadline.bound(Duration.ofSeconds(60)));
        }
        progress.accept("bare UNWIND: " + BenchResults.num(r.bareUnwind.seconds()) + " s");
        deleteTree(fresh);
    }

    /** The whole number after {@code name=} in a line of a bare measurement. */
    static long field(String line, String name) {
        for (String part : line.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new BenchException("no " + name + "= in '" + line + "'");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Output.

    private void write() {
        try {
            Files.createDirectories(options.out());
            Files.writeString(options.out().resolve("results.md"), results.markdown(), StandardCharsets.UTF_8);
            Files.writeString(
                    options.out().resolve("results.json"),
                    BenchJson.writePretty(results.json()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results into " + options.out(), e);
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", procValue("/proc/cpuinfo", "model name").orElse("unknown"));
        m.put(
                "memoryMiB",
                procValue("/proc/meminfo", "MemTotal")
                        .map(v -> Long.parseLong(v.replaceAll("\\D", "")) / 1024)
                        .orElse(null));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        return m;
    }

    private static Optional<String> procValue(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1)
                    .trim());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Small helpers.

    private static Object numberOrText(String s) {
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /**
     * The command. Exit code 0 when every step ran and no scenario failed, 1 when a step or a scenario failed, 2 on a
     * bad command line, 3 when the hard cap stopped the run. A watchdog ends the JVM one minute after the cap if a
     * step does not give up by itself, killing the service first.
     */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(options.cap().plusMinutes(1).toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("bench: the hard cap passed a minute ago and a step still runs: stopping");
                    System.exit(3);
                },
                "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        BenchResults r = run(options, line -> System.out.println("[bench] " + line));
        System.out.println();
        System.out.print(r.markdown());
        System.out.println();
        System.out.println("[bench] results: " + options.out().resolve("results.md") + ", "
                + options.out().resolve("results.json"));
        int code = r.timeCapReached
                ? 3
                : r.error != null
                                || !r.failed().isEmpty()
                                || (r.soak != null && r.soak.verdict() == SoakSummary.Result.FAIL)
                        ? 1
                        : 0;
        if (r.error != null) {
            System.err.println("error: " + r.error);
        }
        System.exit(code);
    }
}
