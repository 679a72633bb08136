package io.asegraph.analysis;

import java.util.Objects;

/** One step of a hop: what happened there, in a sentence. */
public record Step(StepType type, String detail) {
    public Step {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }
}
