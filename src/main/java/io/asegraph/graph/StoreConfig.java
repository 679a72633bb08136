package io.asegraph.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the graph lives: an embedded Neo4j under {@code dataDirectory}, or an existing server when {@code uri} is set. */
@ConfigMapping(prefix = "asegraph.store")
public interface StoreConfig {
    @WithDefault("./data")
    String dataDirectory();

    @WithDefault("0")
    int boltPort();

    @WithDefault("512m")
    String pageCache();

    /** bolt:// or neo4j:// URI of an existing server or cluster; when present no embedded store starts. */
    Optional<String> uri();

    @WithDefault("neo4j")
    String username();

    Optional<String> password();

    @WithDefault("neo4j")
    String database();
}
