package io.asegraph.importing;

import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.Objects;

/**
 * A resource a document references that is neither in it nor in the graph, imported as an unresolved placeholder
 * ({@link UnresolvedReferences#PLACEHOLDER}): its id, the kind the reference expects, and a name from the id's last
 * segment.
 */
public record PlaceholderRef(ResourceId id, ResourceKind kind, String name) {
    public PlaceholderRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
