package io.asegraph.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.io.ByteUnit;

/**
 * The baseline for the service's restart time: a bare embedded Neo4j 5.26 started on a data directory (a copy of the
 * service's), with nothing else — no Quarkus, no bolt connector, no driver — until {@code RETURN 1} answers. It then
 * counts what the store holds, which the bare {@code UNWIND} baseline ({@link BareUnwindImport}) recreates.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:target/quarkus-app/lib/main/* io.asegraph.bench.BareNeo4jStart DATA_DIR [PAGE_CACHE]
 * </pre>
 *
 * prints {@code READY ms=<from main> jvmMs=<from JVM start>}, then {@code COUNTS nodes=N relationships=M labels=...},
 * then shuts the store down and prints {@code DONE}. It is a command-line tool, so it reports on System.out.
 */
public final class BareNeo4jStart {
    private BareNeo4jStart() {}

    /**
     * What the store holds.
     *
     * @param readyMillis from the call to ready ({@code RETURN 1} answered)
     * @param labels      nodes per label (a node with two labels counts under each)
     */
    public record Result(double readyMillis, long nodes, long relationships, Map<String, Long> labels) {
        public Result {
            labels = Map.copyOf(labels);
        }
    }

    /** Starts the store in {@code home}, reports ready to {@code onReady} (ms), counts, shuts down. */
    public static Result measure(Path home, String pageCache, LongConsumer onReady) {
        if (!Files.isDirectory(home)) {
            throw new IllegalArgumentException("no data directory " + home);
        }
        long t0 = System.nanoTime();
        DatabaseManagementService dbms = open(home, pageCache);
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
            double ready = (System.nanoTime() - t0) / 1e6;
            onReady.accept(Math.round(ready));
            long nodes = db.executeTransactionally("MATCH (n) RETURN count(n) AS c", Map.of(), r ->
                    (Long) r.next().get("c"));
            long rels = db.executeTransactionally("MATCH ()-[r]->() RETURN count(r) AS c", Map.of(), r ->
                    (Long) r.next().get("c"));
            Map<String, Long> labels = db.executeTransactionally(
                    "MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l", Map.of(), r -> {
                        Map<String, Long> m = new LinkedHashMap<>();
                        while (r.hasNext()) {
                            Map<String, Object> row = r.next();
                            m.put((String) row.get("l"), (Long) row.get("c"));
                        }
                        return m;
                    });
            return new Result(ready, nodes, rels, labels);
        } finally {
            dbms.shutdown();
        }
    }

    /** An embedded DBMS configured as the service's store, minus the bolt connector. */
    static DatabaseManagementService open(Path home, String pageCache) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
    }

    static String line(Result r) {
        StringBuilder b = new StringBuilder("COUNTS nodes=")
                .append(r.nodes())
                .append(" relationships=")
                .append(r.relationships())
                .append(" labels=");
        new TreeMap<>(r.labels())
                .forEach((l, c) -> b.append(l).append(':').append(c).append(','));
        if (b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BareNeo4jStart DATA_DIR [PAGE_CACHE, default 512m]");
            System.exit(2);
        }
        long mainAt = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        try {
            Result r = measure(Path.of(args[0]), args.length > 1 ? args[1] : "512m", ms -> {
                System.out.println("READY ms=" + ms + " jvmMs=" + (System.currentTimeMillis() - jvmStart) + " mainMs="
                        + (mainAt - jvmStart));
                System.out.flush();
            });
            System.out.println(line(r));
            System.out.println("DONE");
        } catch (RuntimeException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}
