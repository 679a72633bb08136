package io.asegraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code --peer} step of {@link Bench}: installs the peer with npm when its {@code node_modules} is missing or
 * older than its lock file, starts it on the service's Bolt port, checks that each listing of {@link Peer#listings}
 * returns the same rows from both, and times both with wrk at 1 and 8 clients. A step that cannot run says why in the
 * results; it never fails the service's own figures.
 */
final class PeerRun {
    static final Path DIR = Path.of("bench", "peer");
    static final List<Integer> LEVELS = List.of(1, 8);

    private final Deadline deadline;
    private final Consumer<String> progress;
    private final BenchResults results;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    PeerRun(Deadline deadline, Consumer<String> progress, BenchResults results) {
        this.deadline = deadline;
        this.progress = progress;
        this.results = results;
    }

    /**
     * Runs the comparison against our service at {@code graphql} (its store's Bolt port {@code boltPort}), timing ours
     * with {@code ours} and the peer with a wrk of the same settings.
     */
    void run(URI graphql, String authorization, int boltPort, Wrk ours, Path runDir) {
        Optional<String> missing = Peer.missingTools(c -> Wrk.onPath(c).isPresent());
        if (missing.isPresent()) {
            results.peerNote = missing.get();
            progress.accept("peer: " + missing.get());
            return;
        }
        try {
            install(runDir.resolve("peer-npm.log"));
            results.peerVersion = "@neo4j/graphql " + version("@neo4j/graphql") + ", @apollo/server "
                    + version("@apollo/server") + ", graphql " + version("graphql") + ", neo4j-driver "
                    + version("neo4j-driver") + ", Node.js " + command("node", "--version");
            int port = Bench.freePort();
            progress.accept("peer: starting " + results.peerVersion + " on Bolt port " + boltPort);
            try (ChildProcess peer = ChildProcess.startReading(
                    "the peer",
                    List.of(
                            "node",
                            "server.mjs",
                            "bolt://127.0.0.1:" + boltPort,
                            String.valueOf(port),
                            "typeDefs.graphql"),
                    DIR.toAbsolutePath(),
                    runDir.resolve("peer.log"))) {
                peer.awaitLine("PEER READY", Duration.ofSeconds(120), deadline);
                URI peerUri = URI.create("http://127.0.0.1:" + port + "/");
                Wrk theirs = ours.at(peerUri, null, runDir.resolve("wrk-peer"));
                for (Peer.Listing l : Peer.listings()) {
                    deadline.check("the peer's listings");
                    compareAndTime(l, graphql, authorization, peerUri, ours, theirs);
                }
                peer.stop(Duration.ofSeconds(10));
            }
        } catch (BenchException e) {
            results.peerNote = e.getMessage();
            progress.accept("peer: " + e.getMessage());
        }
    }

    private void compareAndTime(Peer.Listing l, URI graphql, String authorization, URI peerUri, Wrk ours, Wrk theirs) {
        Peer.Rows mine = Peer.Rows.of(ask(graphql, authorization, l.ours()), l.ourField());
        Peer.Rows peers = Peer.Rows.of(ask(peerUri, null, l.peer()), l.peerField());
        Optional<String> differs = mine.differsFrom(peers);
        BenchResults.PeerListing row = new BenchResults.PeerListing(
                l.name(),
                l.ours().name(),
                l.peer().name(),
                mine.total(),
                mine.ids().size(),
                differs.orElse(null));
        results.peerListings.add(row);
        if (differs.isPresent()) {
            progress.accept("peer: " + l.name() + ": not timed, the answers differ: " + differs.get());
            return;
        }
        ours.warmUp(l.ours());
        theirs.warmUp(l.peer());
        for (int clients : LEVELS) {
            LoadDriver.Measurement a = ours.measure(l.ours(), clients);
            LoadDriver.Measurement b = theirs.measure(l.peer(), clients);
            results.peerMeasurements.add(a);
            results.peerMeasurements.add(b);
            progress.accept(
                    "peer: " + l.name() + ", " + clients + " clients: ours " + figures(a) + ", peer " + figures(b));
        }
    }

    private static String figures(LoadDriver.Measurement m) {
        return m.status() == LoadDriver.Status.OK
                ? "p50 " + BenchResults.num(m.p50Ms()) + " ms, " + BenchResults.num(m.throughput()) + " req/s"
                : m.status() + " " + m.detail();
    }

    private String ask(URI uri, String authorization, LoadDriver.Request r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(r.body()));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchException(
                        r.name() + ": HTTP " + response.statusCode() + " " + LoadDriver.abbreviate(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new BenchException(r.name() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** {@code npm ci} from the committed lock file, unless node_modules already holds what it pins. */
    private void install(Path log) {
        Path installed = DIR.resolve("node_modules").resolve(".package-lock.json");
        try {
            if (Files.isRegularFile(installed)
                    && Files.getLastModifiedTime(installed)
                                    .compareTo(Files.getLastModifiedTime(DIR.resolve("package-lock.json")))
                            >= 0) {
                return;
            }
            progress.accept("peer: npm ci in " + DIR + " (log " + log + ")");
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(DIR.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Duration limit = deadline.bound(Duration.ofMinutes(10));
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new BenchException("npm ci did not end within " + limit.toSeconds() + " s; log " + log);
            }
            if (p.exitValue() != 0) {
                throw new BenchException(
                        "npm ci failed (exit " + p.exitValue() + "); log " + log + ":\n" + ChildProcess.tail(log, 15));
            }
        } catch (IOException e) {
            throw new BenchException("npm ci: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private static String version(String pkg) {
        try {
            return BenchJson.parseObject(Files.readString(
                            DIR.resolve("node_modules").resolve(pkg).resolve("package.json")))
                    .path("version")
                    .asText("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.trim();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
