package io.asegraph.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.Bench;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark is not part of the service: its sources ({@code src/bench/java}) compile with the tests, so no bench
 * class is among the service's classes ({@code target/classes}, what the application jar is built from).
 */
class BenchOutsideTheServiceTest {
    @Test
    void benchClassesAreCompiledWithTheTestsNotIntoTheServiceClasses() throws IOException, URISyntaxException {
        Path from = Path.of(
                Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(from.endsWith("test-classes"), () -> "Bench was loaded from " + from);
        Path service = Path.of("target", "classes");
        assertTrue(Files.isDirectory(service.resolve("io/asegraph/api")), "the service's classes are in " + service);
        try (Stream<Path> files = Files.walk(service)) {
            List<String> bench = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> service.relativize(p).toString())
                    .filter(p -> p.startsWith("io/asegraph/bench/"))
                    .toList();
            assertEquals(List.of(), bench);
        }
    }
}
