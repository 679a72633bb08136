package io.asegraph.graph;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Applies {@code graph-seed/*.cypher} in name order. Schema statements (idempotent, {@code IF NOT EXISTS}) run on
 * every start, each in its own transaction; all data statements run in one write transaction, only into an empty
 * store, which is then marked seeded so a restart never seeds twice. A failing statement stops startup with the
 * file and the statement named.
 */
@ApplicationScoped
public class Seeder {
    private final SeedConfig config;

    public Seeder(SeedConfig config) {
        this.config = config;
    }

    record Statement(Path file, int index, String cypher) {
        String where() {
            String first = cypher.lines().findFirst().orElse("");
            return file.getFileName() + " statement " + index + " ("
                    + (first.length() > 100 ? first.substring(0, 100) + "…" : first) + ")";
        }
    }

    void apply(GraphStore store) {
        Path dir = Path.of(config.directory());
        List<Statement> statements =
                config.enabled() || Files.isDirectory(dir) ? read(dir, config.enabled()) : List.of();
        for (Statement s : statements) {
            if (CypherScript.isSchema(s.cypher())) {
                try {
                    store.runAutoCommit(s.cypher());
                } catch (RuntimeException e) {
                    throw new SeedException("seed failed at " + s.where() + ": " + e.getMessage(), e);
                }
            }
        }
        store.runAutoCommit("CALL db.awaitIndexes(300)");
        if (!config.enabled()) {
            Log.info("asegraph seed: off (asegraph.seed.enabled=false)");
            return;
        }
        boolean seeded = store.read(tx -> tx.run("MATCH " + Labels.META_NODE + " RETURN m.seeded AS s").list().stream()
                .anyMatch(r -> !r.get("s").isNull() && r.get("s").asBoolean()));
        boolean empty = store.read(tx -> !tx.run("MATCH (n) WHERE NOT n:" + Labels.META + " AND NOT n:" + Labels.CHANGE
                        + " AND NOT n:" + Labels.RESOURCE_VERSION
                        + " AND NOT n:" + StagedWrite.STAGE + " AND NOT n:" + StagedWrite.STEP + " RETURN n LIMIT 1")
                .hasNext());
        if (seeded || !empty) {
            Log.infof("asegraph seed: skipped, the store already holds data%s", seeded ? " (seeded before)" : "");
            return;
        }
        List<Statement> data = statements.stream()
                .filter(s -> !CypherScript.isSchema(s.cypher()))
                .toList();
        store.write(tx -> {
            for (Statement s : data) {
                try {
                    tx.run(s.cypher()).consume();
                } catch (RuntimeException e) {
                    throw new SeedException("seed failed at " + s.where() + ": " + e.getMessage(), e);
                }
            }
            long resources = tx.run(
                            "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n",
                            Map.of("labels", Labels.RESOURCES))
                    .single()
                    .get("n")
                    .asLong();
            String from = dir.toAbsolutePath().normalize().toString();
            // The seed is a write like any other: recorded, by the service itself, in its own transaction.
            Map<String, Object> change = new ChangeRecord.Pending(
                            new Attribution(Attribution.SYSTEM.principal(), "seed " + from, Optional.empty()),
                            resources,
                            0,
                            0,
                            0)
                    .properties();
            tx.run(
                            "MERGE " + Labels.META_NODE
                                    + " SET m.seeded = true, m.seededFrom = $dir, m.version = coalesce(m.version, 0) + 1"
                                    + " WITH m " + GraphWriter.RECORD_CHANGE,
                            Map.of("dir", from, "change", change))
                    .consume();
            return null;
        });
        Log.infof(
                "asegraph seed: applied %d data statements from %s",
                data.size(), dir.toAbsolutePath().normalize());
    }

    private static List<Statement> read(Path dir, boolean required) {
        if (!Files.isDirectory(dir)) {
            throw new SeedException(
                    "seed directory " + dir.toAbsolutePath().normalize()
                            + " not found: set asegraph.seed.directory, or asegraph.seed.enabled=false",
                    null);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".cypher"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SeedException("cannot list seed directory " + dir + ": " + e.getMessage(), e);
        }
        List<Statement> out = new ArrayList<>();
        for (Path f : files) {
            try {
                List<String> statements = CypherScript.statements(Files.readString(f));
                for (int i = 0; i < statements.size(); i++) {
                    out.add(new Statement(f, i + 1, statements.get(i)));
                }
            } catch (IOException e) {
                throw new SeedException("cannot read seed file " + f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
