package io.asegraph.graph;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** Starts a child JVM on the tests' class path, as the crash, shutdown, start-up and outage tests need one. */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Runs {@code main} with {@code args} and a heap of {@code heap} (e.g. {@code 1g}); its output and errors go to
     * {@code log} (a file: no pipe to fill up, nothing to drain), its input is empty.
     */
    public static Process start(Class<?> main, String heap, Path log, String... args) throws IOException {
        String launcher =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                launcher, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }
}
