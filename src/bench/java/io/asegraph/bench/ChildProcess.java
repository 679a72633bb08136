package io.asegraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts (the packaged service, or a bare Neo4j measurement), timed from just before its start.
 * Its stderr (and, for the service, stdout) goes to a log file; a bare measurement's stdout lines are read as they
 * come. Every live child is also registered for a JVM shutdown hook that kills it, so none outlives the benchmark.
 */
final class ChildProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "bench-kill-children"));
    }

    private final String what;
    private final Process process;
    private final long startedAt;
    private final Path log;
    private final LinkedBlockingQueue<TimedLine> lines = new LinkedBlockingQueue<>();

    /** A line of the child's stdout and when it arrived (nanoTime). */
    record TimedLine(String text, long at) {}

    private ChildProcess(String what, Process process, long startedAt, Path log) {
        this.what = what;
        this.process = process;
        this.startedAt = startedAt;
        this.log = log;
    }

    /** The java launcher of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code command} in {@code workDir}, stdout and stderr to {@code log}. */
    static ChildProcess startLogged(String what, List<String> command, Path workDir, Path log) {
        return start(what, command, workDir, log, false);
    }

    /** Starts {@code command} in {@code workDir}, stderr to {@code log}, stdout read line by line. */
    static ChildProcess startReading(String what, List<String> command, Path workDir, Path log) {
        return start(what, command, workDir, log, true);
    }

    private static ChildProcess start(String what, List<String> command, Path workDir, Path log, boolean read) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.redirectOutput(read ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
            long t0 = System.nanoTime();
            Process p = pb.start();
            LIVE.add(p);
            p.onExit().thenRun(() -> LIVE.remove(p));
            ChildProcess child = new ChildProcess(what, p, t0, log);
            if (read) {
                Thread reader = new Thread(child::readLines, "bench-read-" + what);
                reader.setDaemon(true);
                reader.start();
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + what + ": " + e.getMessage(), e);
        }
    }

    private void readLines() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(new TimedLine(line, System.nanoTime()));
            }
        } catch (IOException e) {
            // The child went away; its exit is reported by whoever waits for it.
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /**
     * Polls {@code health} every 20 ms until it answers 200; returns the time from this child's start. Fails with the
     * log's tail when the child exits first, or when {@code timeout} (bounded by the deadline) passes.
     */
    Duration awaitReady(URI health, Duration timeout, Deadline deadline) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + deadline.bound(timeout).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new BenchException(what + " exited with code " + process.exitValue() + " before it was ready; "
                        + "log " + log + ":\n" + tail(log, 30));
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while waiting for " + what);
            }
            if (System.nanoTime() - until >= 0) {
                deadline.check("the start of " + what);
                throw new BenchException(what + " was not ready within " + timeout.toSeconds() + " s; log " + log
                        + ":\n" + tail(log, 30));
            }
            sleep(20);
        }
    }

    /** The next stdout line starting with {@code prefix}, with its arrival time; fails if the child ends first. */
    TimedLine awaitLine(String prefix, Duration timeout, Deadline deadline) {
        long until = System.nanoTime() + deadline.bound(timeout).toNanos();
        while (true) {
            TimedLine line;
            try {
                line = lines.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while waiting for " + what);
            }
            if (line != null) {
                if (line.text().startsWith(prefix)) {
                    return line;
                }
                continue;
            }
            if (!process.isAlive() && lines.isEmpty()) {
                throw new BenchException(what + " exited with code " + process.exitValue() + " before printing "
                        + prefix + "; log " + log + ":\n" + tail(log, 30));
            }
            if (System.nanoTime() - until >= 0) {
                deadline.check(what);
                throw new BenchException(what + " printed no " + prefix + " within " + timeout.toSeconds() + " s");
            }
        }
    }

    /** Time from this child's start to {@code nanoTime}. */
    Duration since(long nanoTime) {
        return Duration.ofNanos(nanoTime - startedAt);
    }

    /** VmRSS of the child from /proc (kB), when readable. */
    OptionalLong residentKb() {
        return procStatus("VmRSS:");
    }

    /** VmHWM (peak resident set) of the child from /proc (kB), when readable. */
    OptionalLong peakResidentKb() {
        return procStatus("VmHWM:");
    }

    private OptionalLong procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the child is gone.
        }
        return OptionalLong.empty();
    }

    /**
     * Asks the child to stop (SIGTERM on Linux) and waits up to {@code grace}; then kills it. Returns how long the
     * orderly stop took, or empty when it had to be killed.
     */
    Optional<Duration> stop(Duration grace) {
        if (!process.isAlive()) {
            return Optional.of(Duration.ZERO);
        }
        long t0 = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - t0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        return Optional.empty();
    }

    /** Waits up to {@code timeout} for the child to end by itself; its exit code, or empty if it had to be killed. */
    OptionalLong waitForExit(Duration timeout) {
        try {
            if (process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                return OptionalLong.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        return OptionalLong.empty();
    }

    /** Kills the child if it still runs, and waits for it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LIVE.remove(process);
    }

    static String tail(Path file, int count) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - count), all.size())));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }
}
