package io.asegraph.topology;

import java.util.List;

/** An app hosted on an ASE, with its default host name and custom host names. */
public record App(ResourceId id, String name, ResourceId aseId, String defaultHostName, List<String> hostNames)
        implements Resource {
    public App {
        hostNames = List.copyOf(hostNames);
    }
}
