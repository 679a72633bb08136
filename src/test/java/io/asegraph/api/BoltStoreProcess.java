package io.asegraph.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external Neo4j for the service: a child JVM ({@link BoltStoreChild}) serving a store over bolt on a fixed port
 * and data directory, so a test can kill it ({@link #kill}) and start it again on the same data ({@link #restart}) as
 * an operator would restart a server. The service reaches it by {@code asegraph.store.uri}.
 */
public class BoltStoreProcess implements QuarkusTestResourceLifecycleManager {
    /** The one running for the profile that uses this resource (a handle for tests to kill and restart it). */
    private static volatile BoltStoreProcess running;

    private Path data;
    private int port;
    private Process process;

    static BoltStoreProcess running() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("asegraph-bolt-store");
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch();
        running = this;
        return Map.of("asegraph.store.uri", "bolt://127.0.0.1:" + port, "asegraph.store.password", "unused");
    }

    /** Starts the child on the data directory and port and waits until it serves bolt. */
    private void launch() {
        try {
            Path log = data.resolveSibling(data.getFileName() + ".log");
            process = io.asegraph.graph.ChildJvm.start(
                    BoltStoreChild.class, "512m", log, data.toString(), String.valueOf(port));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (out.contains(BoltStoreChild.READY)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the bolt store child ended before serving:\n" + out);
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the bolt store child did not serve within 3 minutes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the child at once (SIGKILL, as a crash or a pulled plug), and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** Starts the child again on the same data directory and port (if it is not running). */
    void restart() {
        if (!process.isAlive()) {
            launch();
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = null;
        if (data != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
