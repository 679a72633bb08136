package io.asegraph.graph;

import java.nio.file.Path;
import java.util.Optional;

/** Builds a {@link GraphStore} outside CDI for store-level tests. */
final class TestStores {
    private TestStores() {
    }

    static GraphStore embedded(Path data, Path seedDir, boolean seed) {
        return embedded(data, seedDir, seed, "512m");
    }

    /** With {@code transactionMemory} as the most all transactions together may hold. */
    static GraphStore embedded(Path data, Path seedDir, boolean seed, String transactionMemory) {
        StoreConfig store = new StoreConfig() {
            public String dataDirectory() { return data.toString(); }
            public int boltPort() { return 0; }
            public String pageCache() { return "64m"; }
            public String transactionState() { return "off-heap"; }
            public String transactionMemory() { return transactionMemory; }
            public Optional<String> uri() { return Optional.empty(); }
            public String username() { return "neo4j"; }
            public Optional<String> password() { return Optional.empty(); }
            public String database() { return "neo4j"; }
        };
        SeedConfig seedConfig = new SeedConfig() {
            public boolean enabled() { return seed; }
            public String directory() { return seedDir.toString(); }
        };
        return new GraphStore(store, new Seeder(seedConfig));
    }
}
