package io.asegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The baseline for the service's import rate: the same number of nodes and relationships written into a fresh
 * embedded store with the plainest Cypher there is — {@code UNWIND $rows AS r CREATE (n:X) SET n = r}, then
 * {@code UNWIND $rels AS r MATCH (a:X {key: r.a}) MATCH (b:X {key: r.b}) CREATE (a)-[:R]->(b)} — in transactions of
 * {@code batch} rows, under a uniqueness constraint on {@code X.key} (the service's schema has one on every label).
 * Each node gets eight properties shaped like a resource's (an ARM id of about 150 characters, its lower-case key, a
 * name, a lower-case name, a location, an access, a priority and a list of two prefixes); relationships join
 * pseudo-random pairs. Only the transactions are timed, not the building of the rows.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:target/quarkus-app/lib/main/* io.asegraph.bench.BareUnwindImport EMPTY_DIR NODES RELS
 * </pre>
 *
 * prints {@code CREATED nodes=N relationships=M seconds=S}. It is a command-line tool, so it reports on System.out.
 */
public final class BareUnwindImport {
    static final int DEFAULT_BATCH = 10_000;

    private BareUnwindImport() {}

    /** What was written and how long the transactions took. */
    public record Result(long nodes, long relationships, double seconds) {
        /** Nodes and relationships per second. */
        public double rate() {
            return seconds > 0 ? (nodes + relationships) / seconds : Double.NaN;
        }
    }

    /** Writes {@code nodes} nodes and {@code relationships} relationships into a fresh store in {@code home}. */
    public static Result run(Path home, long nodes, long relationships, int batch, String pageCache) {
        if (nodes < 0 || relationships < 0 || batch < 1) {
            throw new IllegalArgumentException("counts must be >= 0 and the batch >= 1");
        }
        if (relationships > 0 && nodes == 0) {
            throw new IllegalArgumentException("relationships need nodes to join");
        }
        if (Files.exists(home)) {
            try (Stream<Path> entries = Files.list(home)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(home + " is not empty: the bare import needs a fresh store");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + home + ": " + e.getMessage(), e);
            }
        }
        DatabaseManagementService dbms = BareNeo4jStart.open(home, pageCache);
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("CREATE CONSTRAINT x_key IF NOT EXISTS FOR (n:X) REQUIRE n.key IS UNIQUE");
            db.executeTransactionally("CALL db.awaitIndexes(300)");
            long nanos = 0;
            for (long from = 0; from < nodes; from += batch) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (long i = from; i < Math.min(nodes, from + batch); i++) {
                    rows.add(node(i));
                }
                long t0 = System.nanoTime();
                db.executeTransactionally("UNWIND $rows AS r CREATE (n:X) SET n = r", Map.of("rows", rows));
                nanos += System.nanoTime() - t0;
            }
            SplittableRandom random = new SplittableRandom(42);
            for (long from = 0; from < relationships; from += batch) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (long i = from; i < Math.min(relationships, from + batch); i++) {
                    rows.add(Map.of("a", key(random.nextLong(nodes)), "b", key(random.nextLong(nodes))));
                }
                long t0 = System.nanoTime();
                db.executeTransactionally(
                        "UNWIND $rels AS r MATCH (a:X {key: r.a}) MATCH (b:X {key: r.b}) CREATE (a)-[:R]->(b)",
                        Map.of("rels", rows));
                nanos += System.nanoTime() - t0;
            }
            return new Result(nodes, relationships, nanos / 1e9);
        } finally {
            dbms.shutdown();
        }
    }

    private static String id(long i) {
        return String.format(
                Locale.ROOT,
                "/subscriptions/9b2e9220-4262-4fed-a9cf-c30e75296aaa/resourceGroups/"
                        + "rg-bench-%03d/providers/Microsoft.Network/networkSecurityGroups/nsg-%07d/securityRules/Rule-%07d",
                i % 1000,
                i / 20,
                i);
    }

    private static String key(long i) {
        return id(i).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> node(long i) {
        String name = String.format(Locale.ROOT, "Rule-%07d", i);
        return Map.of(
                "id",
                id(i),
                "key",
                key(i),
                "name",
                name,
                "nameKey",
                name.toLowerCase(Locale.ROOT),
                "location",
                "westus",
                "access",
                i % 3 == 0 ? "Deny" : "Allow",
                "priority",
                100 + i % 3997,
                "addressPrefixes",
                List.of(String.format(Locale.ROOT, "10.%d.%d.0/24", (i >> 8) & 255, i & 255), "AzureLoadBalancer"));
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 5) {
            System.err.println("usage: BareUnwindImport EMPTY_DIR NODES RELATIONSHIPS [BATCH, default 10000]"
                    + " [PAGE_CACHE, default 512m]");
            System.exit(2);
        }
        try {
            Result r = run(
                    Path.of(args[0]),
                    Long.parseLong(args[1]),
                    Long.parseLong(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_BATCH,
                    args.length > 4 ? args[4] : "512m");
            System.out.println(String.format(
                    Locale.ROOT,
                    "CREATED nodes=%d relationships=%d seconds=%.3f",
                    r.nodes(),
                    r.relationships(),
                    r.seconds()));
        } catch (RuntimeException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}
