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

    /**
     * The least free space the data directory's file system must have for the embedded store to start; below it the
     * service stops at start-up with one line naming the directory (a store that runs out of disk mid-write fails
     * that write, all of it).
     */
    @WithDefault("64m")
    String minFreeSpace();

    /**
     * How long a write under way at shutdown (SIGTERM) may still take: it finishes within this, or is rolled back (its
     * caller gets {@code SHUTTING_DOWN}); new writes are refused meanwhile. Set {@code quarkus.shutdown.timeout} to
     * the same, so HTTP requests are waited for as long.
     */
    @WithDefault("30s")
    java.time.Duration shutdownGrace();

    /** bolt:// or neo4j:// URI of an existing server or cluster; when present no embedded store starts. */
    Optional<String> uri();

    @WithDefault("neo4j")
    String username();

    Optional<String> password();

    @WithDefault("neo4j")
    String database();
}
