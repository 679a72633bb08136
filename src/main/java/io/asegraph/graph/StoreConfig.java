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

    /**
     * Where the embedded store keeps a transaction's uncommitted changes: {@code off-heap} (native memory, given back
     * when the transaction ends, so one large import does not grow the JVM heap for good) or {@code on-heap}.
     */
    @WithDefault("off-heap")
    String transactionState();

    /**
     * The most memory all transactions of the embedded store may hold at once ({@code dbms.memory.transaction.total.max});
     * an import larger than this fails with nothing written. Neo4j's own default is 70% of the heap.
     */
    @WithDefault("2g")
    String transactionMemory();

    /** bolt:// or neo4j:// URI of an existing server or cluster; when present no embedded store starts. */
    Optional<String> uri();

    @WithDefault("neo4j")
    String username();

    Optional<String> password();

    @WithDefault("neo4j")
    String database();
}
