package io.asegraph.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The domain core is plain Java: no Neo4j, Quarkus, CDI, GraphQL or Jackson imports, and no imports of outer layers. */
class LayeringTest {
    static final List<String> FORBIDDEN = List.of(
            "org.neo4j",
            "io.quarkus",
            "jakarta.",
            "org.eclipse.microprofile",
            "io.smallrye",
            "com.fasterxml",
            "io.asegraph.api",
            "io.asegraph.graph",
            "io.asegraph.importing");

    @ParameterizedTest
    @ValueSource(strings = {"net", "topology", "policy", "estate", "analysis", "history"})
    void domainPackageImportsNothingFromOuterLayersOrFrameworks(String pkg) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/asegraph", pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ")
                            && FORBIDDEN.stream()
                                    .anyMatch(x -> line.contains(" " + x) || line.contains("static " + x))) {
                        offenders.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @ParameterizedTest
    @ValueSource(strings = {"net"})
    void netDependsOnNoOtherAsegraphPackage(String pkg) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/asegraph", pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import io.asegraph.") && !line.startsWith("import io.asegraph.net.")) {
                        offenders.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
