package io.asegraph.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Cypher seed: schema every start, the reference topology into an empty store. */
@ConfigMapping(prefix = "asegraph.seed")
public interface SeedConfig {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("graph-seed")
    String directory();
}
