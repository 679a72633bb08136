package io.asegraph.graph;

import java.nio.file.Path;
import java.util.Optional;

/** Builds a {@link GraphStore} outside CDI for store-level tests. */
final class TestStores {
    private TestStores() {}

    /**
     * The whole graph as sorted lines: every node (labels and properties) and every relationship (type, the keys it
     * joins, properties). Two stores holding the same graph give equal dumps; left out are the seed's directory and the
     * NSGs' etags (a fresh one is drawn at each write of an NSG whose document has none).
     */
    static java.util.List<String> dump(GraphStore store) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        store.read(tx -> {
            tx.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").forEachRemaining(r -> {
                java.util.Map<String, Object> p =
                        new java.util.TreeMap<>(r.get("p").asMap());
                p.remove("seededFrom");
                p.remove("etag");
                if (r.get("l").asList().contains("Change")) {
                    p.remove("at"); // the store's clock at the commit
                }
                lines.add("node " + r.get("l").asList() + " " + p);
            });
            tx.run("MATCH (a)-[x]->(b) RETURN type(x) AS t, a.key AS a, b.key AS b, properties(x) AS p")
                    .forEachRemaining(
                            r -> lines.add("rel " + r.get("t").asString() + " " + r.get("a") + " -> " + r.get("b") + " "
                                    + new java.util.TreeMap<>(r.get("p").asMap())));
            return null;
        });
        java.util.Collections.sort(lines);
        return lines;
    }

    static GraphStore embedded(Path data, Path seedDir, boolean seed) {
        return embedded(data, seedDir, seed, "512m");
    }

    /** With {@code transactionMemory} as the most all transactions together may hold. */
    static GraphStore embedded(Path data, Path seedDir, boolean seed, String transactionMemory) {
        return new GraphStore(config(data, transactionMemory, Optional.empty()), seeder(seedDir, seed));
    }

    /** A store reached over bolt at {@code uri} (an external server), seeded from {@code seedDir} when empty. */
    static GraphStore external(String uri, Path seedDir) {
        return new GraphStore(config(Path.of("unused"), "512m", Optional.of(uri)), seeder(seedDir, true));
    }

    /** Commits a write that only bumps the store version (as any write does) and returns the new version. */
    static long bumpVersion(GraphStore store) {
        return store.write(tx -> tx.run("MERGE (m:AsegraphMeta {key: 'meta'})"
                        + " SET m.version = coalesce(m.version, 0) + 1 RETURN m.version AS v")
                .single()
                .get("v")
                .asLong());
    }

    /** The store's settings: embedded under {@code data} unless {@code uri} is given. */
    static StoreConfig config(Path data, String transactionMemory, Optional<String> uri) {
        return config(data, transactionMemory, uri, "64m");
    }

    /** As above, with {@code minFreeSpace} as the least free space the data directory's disk must have. */
    static StoreConfig config(Path data, String transactionMemory, Optional<String> uri, String minFreeSpace) {
        return config(data, transactionMemory, uri, minFreeSpace, java.time.Duration.ofSeconds(30));
    }

    /** As above, with {@code shutdownGrace} as the time a write under way at shutdown may still take. */
    static StoreConfig config(
            Path data,
            String transactionMemory,
            Optional<String> uri,
            String minFreeSpace,
            java.time.Duration shutdownGrace) {
        return new StoreConfig() {
            public String minFreeSpace() {
                return minFreeSpace;
            }

            public java.time.Duration shutdownGrace() {
                return shutdownGrace;
            }

            public String dataDirectory() {
                return data.toString();
            }

            public int boltPort() {
                return 0;
            }

            public String pageCache() {
                return "64m";
            }

            public String transactionState() {
                return "off-heap";
            }

            public String transactionMemory() {
                return transactionMemory;
            }

            public Optional<String> uri() {
                return uri;
            }

            public String username() {
                return "neo4j";
            }

            public Optional<String> password() {
                return Optional.empty();
            }

            public String database() {
                return "neo4j";
            }
        };
    }

    static Seeder seeder(Path seedDir, boolean seed) {
        return new Seeder(new SeedConfig() {
            public boolean enabled() {
                return seed;
            }

            public String directory() {
                return seedDir.toString();
            }
        });
    }
}
