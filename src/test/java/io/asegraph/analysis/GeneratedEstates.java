package io.asegraph.analysis;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Estates written by the bench generator (a deterministic az-style export) and read back through the importer's
 * parser into domain records, exactly as the service would hold them.
 */
public final class GeneratedEstates {
    private GeneratedEstates() {}

    /** The estate of {@code spec} and {@code seed}, with its Service Tags file imported. */
    public static Estate load(EstateSpec spec, long seed) {
        try {
            Path dir = Files.createTempDirectory("asegraph-flow-estate");
            try {
                EstateGenerator.generate(spec, seed, dir, false);
                ParsedDocument resources = parse(dir.resolve(EstateGenerator.RESOURCES_FILE));
                ParsedDocument tags = parse(dir.resolve(EstateGenerator.SERVICE_TAGS_FILE));
                Topology topology = Topology.of(resources.resources());
                PolicySet policies = new PolicySet(
                        resources.of(PolicyTypes.NETWORK_SECURITY_GROUP),
                        resources.of(PolicyTypes.APPLICATION_SECURITY_GROUP),
                        tags.of(PolicyTypes.SERVICE_TAGS));
                return new Estate(topology, policies, seed);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedDocument parse(Path file) throws IOException {
        ParsedDocument d = ImportParser.parse(Files.readString(file));
        if (!d.isValid()) {
            throw new IllegalStateException("the generated " + file.getFileName() + " does not import: "
                    + d.problems().get(0));
        }
        return d;
    }
}
