package io.asegraph.analysis;

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

/**
 * An estate read from an import document and a Service Tags file through the importer's parser into records, as the
 * service would hold them, without the service: for the tests of the analysis and audit classes.
 */
public final class JsonEstates {
    private JsonEstates() {}

    /** The estate of {@code resources} (an import document) and {@code serviceTags} (a Service Tags file), as JSON. */
    public static Estate of(String resources, String serviceTags) {
        ParsedDocument r = parse(resources);
        ParsedDocument tags = parse(serviceTags);
        return new Estate(
                Topology.of(r.resources()),
                new PolicySet(
                        r.of(PolicyTypes.NETWORK_SECURITY_GROUP),
                        r.of(PolicyTypes.APPLICATION_SECURITY_GROUP),
                        tags.of(PolicyTypes.SERVICE_TAGS)),
                1);
    }

    /** The file's text. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedDocument parse(String json) {
        ParsedDocument d = ImportParser.parse(json);
        if (!d.isValid()) {
            throw new IllegalStateException("the test document does not import: " + d.problems());
        }
        return d;
    }
}
