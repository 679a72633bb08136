package io.asegraph.importing;

import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.Objects;

/**
 * A resource the document lists without any of its properties: {@code properties} missing or {@code null} and no
 * property beside the listing fields, as {@code az resource list} prints every resource. It is a reference, not a
 * replacement: an import changes nothing of what the graph holds for it. {@code location} is its JSONPath.
 */
public record ListedResource(ResourceId id, ResourceKind kind, String name, String location) {
    public ListedResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }
}
