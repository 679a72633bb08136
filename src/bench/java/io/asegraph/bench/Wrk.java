package io.asegraph.bench;

import io.asegraph.bench.LoadDriver.Measurement;
import io.asegraph.bench.LoadDriver.Request;
import io.asegraph.bench.LoadDriver.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load from {@code wrk} (Debian's package, a C load generator on an event loop), so that the figures are
 * the service's and not a Java client's: the JDK driver ({@link LoadDriver}) adds over a millisecond to every request
 * on this machine. For each request and level: a warm-up run that checks every answer's body (HTTP 200, a
 * {@code data} member, no {@code errors} member, in wrk's Lua {@code response} hook), then a measured run that
 * does not read bodies (the hook costs the client time) and counts socket errors and non-2xx answers. Latency
 * percentiles, mean and maximum are wrk's own over every answer of the window (its histogram, to the microsecond);
 * throughput is answers over the window. wrk runs as many threads as clients, up to two (this machine's cores).
 */
final class Wrk implements LoadDriver.Measurer {
    /** The line the Lua {@code done} hook prints: counts, then latencies in microseconds. */
    private static final Pattern RESULT = Pattern.compile(
            "ASEGRAPH requests=(\\d+) duration_us=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) status=(\\d+)"
                    + " timeout=(\\d+) bad=(\\d+) p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) mean=([\\d.]+)"
                    + " max=([\\d.]+)");

    private final Path wrk;
    private final URI endpoint;
    private final LoadDriver.Settings settings;
    private final Deadline deadline;
    private final String authorization;
    private final Path work;

    Wrk(Path wrk, URI endpoint, LoadDriver.Settings settings, Deadline deadline, String authorization, Path work) {
        this.wrk = wrk;
        this.endpoint = endpoint;
        this.settings = settings;
        this.deadline = deadline;
        this.authorization = authorization;
        this.work = work;
    }

    /** wrk on the PATH, if installed. */
    static Optional<Path> find() {
        return onPath("wrk");
    }

    /** An executable {@code command} on the PATH, if there is one. */
    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The same wrk with the same settings, for another service (the peer), with its own work folder. */
    Wrk at(URI other, String otherAuthorization, Path otherWork) {
        return new Wrk(wrk, other, settings, deadline, otherAuthorization, otherWork);
    }

    /** wrk's own version line, for the results. */
    String version() {
        try {
            Process p = new ProcessBuilder(wrk.toString(), "-v")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("wrk").trim();
        } catch (IOException e) {
            return "wrk (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "wrk";
        }
    }

    /**
     * Runs {@code r} unmeasured for the warm-up length at two clients, so that the first request measured (the floor)
     * does not pay for the service's cold start: the JIT has seen every request before any is timed.
     */
    void warmUp(Request r) {
        try {
            Path body = bodyFile(r);
            run(script(r.name() + "-warm", body, false), 2, deadline.bound(settings.warmup()));
        } catch (IOException e) {
            // The measurement that follows reports it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Measurement measure(Request r, int clients) {
        try {
            Path body = bodyFile(r);
            Result warm = null;
            if (!settings.warmup().isZero()) {
                warm = run(script(r.name() + "-check", body, true), clients, deadline.bound(settings.warmup()));
            }
            if (warm != null && (warm.bad > 0 || warm.errors() > 0)) {
                return failed(r, clients, warm, "in the warm-up");
            }
            Result m = run(script(r.name(), body, false), clients, deadline.bound(settings.measure()));
            if (m.errors() > 0 || m.requests == 0) {
                return failed(r, clients, m, "in the measured window");
            }
            double seconds = m.durationUs / 1e6;
            return new Measurement(
                    r.name(),
                    clients,
                    Status.OK,
                    "",
                    m.requests,
                    0,
                    seconds,
                    m.requests / seconds,
                    m.p50 / 1000,
                    m.p95 / 1000,
                    m.p99 / 1000,
                    m.mean / 1000,
                    m.max / 1000);
        } catch (IOException e) {
            return Measurement.notRun(r.name(), clients, Status.FAILED, "wrk: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Measurement.notRun(r.name(), clients, Status.SKIPPED, "interrupted");
        }
    }

    private static Measurement failed(Request r, int clients, Result w, String where) {
        String detail = w.requests == 0
                ? "no answer " + where
                : (w.bad + w.errors()) + " failed answers " + where + " (" + w.bad + " without data or with errors, "
                        + w.status + " not 2xx, " + (w.connect + w.read + w.write) + " socket errors, " + w.timeout
                        + " timeouts)";
        return Measurement.notRun(r.name(), clients, Status.FAILED, detail);
    }

    /** {@code r}'s body in a file, for the script to read (a Lua string literal would need escaping). */
    private Path bodyFile(Request r) throws IOException {
        return bodyFile(work, r);
    }

    /** {@code r}'s body in a file of {@code work} (created when missing). */
    static Path bodyFile(Path work, Request r) throws IOException {
        Files.createDirectories(work);
        Path body = work.resolve(r.name() + ".body.json");
        Files.writeString(body, r.body());
        return body;
    }

    /** The lines every script starts with: a JSON POST, with the Authorization header when there is one. */
    static void luaRequestHeaders(StringBuilder lua, String authorization) {
        lua.append("wrk.method = \"POST\"\n");
        lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        if (authorization != null) {
            lua.append("wrk.headers[\"Authorization\"] = \"")
                    .append(authorization)
                    .append("\"\n");
        }
    }

    /** {@code file}'s absolute path as the inside of a Lua string literal. */
    static String luaPath(Path file) {
        return file.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The Lua script of one run: the request, and with {@code check} a hook that counts bad answers. */
    private Path script(String name, Path body, boolean check) throws IOException {
        StringBuilder lua = new StringBuilder();
        luaRequestHeaders(lua, authorization);
        lua.append("local f = assert(io.open(\"")
                .append(luaPath(body))
                .append("\", \"rb\"))\nwrk.body = f:read(\"*a\")\nf:close()\n");
        lua.append("bad = 0\nlocal threads = {}\nfunction setup(thread) table.insert(threads, thread) end\n");
        if (check) {
            lua.append(
                    """
                    function response(status, headers, body)
                      if status ~= 200 or not body:find('"data"', 1, true) or body:find('"errors"', 1, true) then
                        bad = bad + 1
                      end
                    end
                    """);
        }
        lua.append(
                """
                function done(summary, latency, requests)
                  local b = 0
                  for _, t in ipairs(threads) do b = b + (t:get("bad") or 0) end
                  local e = summary.errors
                  io.write(string.format("ASEGRAPH requests=%d duration_us=%d connect=%d read=%d write=%d status=%d"
                    .. " timeout=%d bad=%d p50=%.1f p95=%.1f p99=%.1f mean=%.1f max=%.1f\\n",
                    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, b,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
                end
                """);
        Path file = work.resolve(name + ".lua");
        Files.writeString(file, lua);
        return file;
    }

    private Result run(Path script, int clients, Duration length) throws IOException, InterruptedException {
        long seconds = Math.max(1, (length.toMillis() + 999) / 1000);
        long timeout = Math.max(1, settings.requestTimeout().toSeconds());
        List<String> command = new ArrayList<>(List.of(
                wrk.toString(),
                "-t",
                String.valueOf(Math.min(clients, 2)),
                "-c",
                String.valueOf(clients),
                "-d",
                seconds + "s",
                "--timeout",
                timeout + "s",
                "-s",
                script.toString(),
                endpoint.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        // wrk ends after its duration; a stuck one is killed one request timeout later.
        if (!p.waitFor(seconds + timeout + 10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not end within " + (seconds + timeout + 10) + " s");
        }
        out = p.getInputStream().readAllBytes();
        String text = new String(out, StandardCharsets.UTF_8);
        return Result.parse(text)
                .orElseThrow(() -> new IOException(
                        "wrk printed no result (exit " + p.exitValue() + "): " + LoadDriver.abbreviate(text)));
    }

    /** One wrk run's figures (latencies in microseconds). */
    record Result(
            long requests,
            long durationUs,
            long connect,
            long read,
            long write,
            long status,
            long timeout,
            long bad,
            double p50,
            double p95,
            double p99,
            double mean,
            double max) {
        long errors() {
            return connect + read + write + status + timeout;
        }

        static Optional<Result> parse(String output) {
            Matcher m = RESULT.matcher(output);
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(new Result(
                    Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)),
                    Long.parseLong(m.group(7)),
                    Long.parseLong(m.group(8)),
                    Double.parseDouble(m.group(9)),
                    Double.parseDouble(m.group(10)),
                    Double.parseDouble(m.group(11)),
                    Double.parseDouble(m.group(12)),
                    Double.parseDouble(m.group(13))));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wrk at %s", endpoint);
    }
}
