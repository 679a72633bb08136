package io.asegraph.topology;

/** Marker for every resource kind in the model: it has an id and a name. */
public interface Resource {
    ResourceId id();

    String name();

    /** The Azure region, empty where the resource has none of its own. */
    default String location() {
        return "";
    }
}
