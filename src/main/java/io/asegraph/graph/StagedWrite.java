package io.asegraph.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.neo4j.driver.Record;

/**
 * Stage and swap: a write too large for one transaction, made atomic all the same. The statements {@link GraphWriter}
 * would run in its one transaction are recorded (never run), then:
 * <ol>
 * <li><b>Stage</b>: they are stored in the graph, in transactions of at most {@value #STAGE_BYTES} bytes, as
 * {@code AsegraphImportStep} nodes (the statement and its rows, gzipped JSON) under one {@code AsegraphImportStage}
 * node in state {@code staging}. Nothing a reader looks at changes: those labels are read by nobody else and carry no
 * {@code key}.</li>
 * <li><b>Commit</b>: one small transaction flips the stage to {@code committed} and marks the meta node
 * ({@code applying}). This is the import's commit point: before it, a failure or a crash leaves the graph as it was
 * (the staged nodes are deleted, at once or at the next start); after it, the import will be finished.</li>
 * <li><b>Swap</b>: the steps run in order, each in its own transaction together with moving the stage's pointer
 * (step, row) on — so each runs exactly once even when a crash interrupts and a restart, or another instance, takes
 * over (a transaction whose pointer moved meanwhile changes nothing). A step that does not fit runs in halves. The last
 * transaction bumps the store version, marks the stage {@code done} and clears {@code applying}. Readers of this
 * process wait while a swap runs ({@link GraphStore#excludingReaders}); when a swap of this process failed, the next
 * read finishes it first, and an estate reload that finds {@code applying} set (another process's swap) does too
 * ({@link #finishPending}). Then the staged nodes are deleted.</li>
 * </ol>
 * At start, {@link #recover} deletes stages that never committed and finishes those that did.
 */
final class StagedWrite {
    static final String STAGE = "AsegraphImportStage";
    static final String STEP = "AsegraphImportStep";
    /** At most this many bytes of staged (compressed) steps per staging transaction. */
    static final int STAGE_BYTES = 4 << 20;
    /**
     * The largest record (one row of one step, its strings counted in characters) a staged write takes. A swap
     * transaction that does not fit is retried in halves, down to one row; a row too large even alone would stop a
     * committed swap, so such a document is refused before the commit point. A record this large is far beyond any
     * Azure resource (a security rule's description is at most 140 characters).
     */
    static final long MAX_RECORD = 1 << 20;
    /** Staged nodes deleted per transaction when a stage is removed. */
    static final int DELETE_BATCH = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One statement of the write and the rows it runs over (as {@code $rows}). */
    record Step(String cypher, List<?> rows) {}

    private StagedWrite() {}

    /** The statements {@link GraphWriter#writeRecords} would run for {@code batch}, in order (the version bump not included). */
    static List<Step> plan(ImportBatch batch) {
        List<Step> steps = new ArrayList<>();
        new GraphWriter(new GraphStore.WriteTransaction() {
                    @Override
                    public void run(String cypher, Map<String, Object> parameters) {
                        if (parameters.size() != 1 || !(parameters.get("rows") instanceof List<?> rows)) {
                            throw new IllegalStateException("a staged statement takes only $rows: " + cypher);
                        }
                        steps.add(new Step(cypher, rows));
                    }

                    @Override
                    public long single(String cypher, Map<String, Object> parameters, String column) {
                        throw new IllegalStateException("a staged write reads nothing back: " + cypher);
                    }
                })
                .writeRecords(batch);
        return steps;
    }

    /**
     * Writes {@code steps} by stage and swap and returns the store version it bumped to. A failure before the commit
     * point deletes what was staged and throws (nothing written); a failure after it throws too, and leaves the stage
     * committed, to be finished by the next reload or start.
     */
    static long write(GraphStore store, List<Step> steps, ImportProgress progress, ChangeRecord.Pending change) {
        // One write for the shutdown: its grace covers staging and swap, not each transaction apart.
        return store.writing(() -> writeStaged(store, steps, progress, change));
    }

    private static long writeStaged(
            GraphStore store, List<Step> steps, ImportProgress progress, ChangeRecord.Pending change) {
        checkRecords(steps);
        Map<String, Object> changeOnStage = new java.util.HashMap<>();
        change.properties().forEach((k, v) -> changeOnStage.put("change_" + k, v));
        String id = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        try {
            store.writeInBulk(tx -> {
                tx.run(
                        "CREATE (s:" + STAGE
                                + " {id: $id, state: 'staging', steps: $n, step: 0, row: 0, created: datetime()})"
                                + " SET s += $change",
                        Map.of("id", id, "n", steps.size(), "change", changeOnStage));
                return null;
            });
            stage(store, id, steps, progress);
            // Committed only whole: with every step there (another process's start may have removed the stage).
            long committed = store.writeInBulk(tx -> tx.single(
                    "MATCH (s:" + STAGE + " {id: $id}) SET s.locked = true WITH s"
                            + " WHERE s.state = 'staging' AND COUNT { (x:" + STEP + " {stage: $id}) } = s.steps"
                            + " SET s.state = 'committed' WITH s MERGE " + Labels.META_NODE
                            + " SET m.applying = s.id RETURN count(*) AS n",
                    Map.of("id", id),
                    "n"));
            if (committed != 1) {
                throw new IllegalStateException(
                        "staged import " + id + " lost staged steps before its commit (removed by another"
                                + " process's start?); nothing written");
            }
        } catch (RuntimeException e) {
            abandon(store, id, e);
            throw e;
        }
        long staged = millis(t0);
        long version;
        try {
            version = store.excludingReaders(
                    () -> unfinishedOnFailure(store, () -> swap(store, id, steps, 0, 0, progress)));
        } catch (RuntimeException e) {
            if (store.stopping()) {
                throw new ShutdownInterruptedException(
                        "the service stopped during this import's swap, after its commit point: the import is"
                                + " committed, and the next start of the service finishes it (the store then holds"
                                + " all of it)",
                        e,
                        true);
            }
            throw e;
        }
        Log.infof("import: staged %d steps in %d ms, swapped in %d ms", steps.size(), staged, millis(t0) - staged);
        try {
            delete(store, id);
        } catch (RuntimeException e) { // the import is whole; what is left of its stage goes at the next start
            Log.warnf(
                    "import: could not remove the finished stage %s (%s); it goes at the next start",
                    id, e.getMessage());
        }
        return version;
    }

    /**
     * Runs a swap (call it holding the swap lock); when it fails the import is committed but unfinished, so the flag
     * that makes every read finish it first is set before readers get in.
     */
    private static long unfinishedOnFailure(GraphStore store, LongSupplier swap) {
        try {
            return swap.getAsLong();
        } catch (RuntimeException e) {
            store.unfinishedSwap(true);
            throw e;
        }
    }

    /** Refuses (nothing written) a write with a record larger than {@link #MAX_RECORD}, naming its resource. */
    static void checkRecords(List<Step> steps) {
        for (Step step : steps) {
            for (Object row : step.rows()) {
                long size = weight(row);
                if (size > MAX_RECORD) {
                    throw new TransactionTooLargeException(
                            String.format(
                                    "%s holds a record of %,d characters, more than a staged"
                                            + " write takes (%,d): nothing written",
                                    resource(row), size, MAX_RECORD),
                            null);
                }
            }
        }
    }

    /** About the size of a row: its strings' characters, 8 per other value. */
    static long weight(Object value) {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof Map<?, ?> m) {
            long w = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                w += weight(e.getKey()) + weight(e.getValue());
            }
            return w;
        }
        if (value instanceof List<?> l) {
            long w = 0;
            for (Object o : l) {
                w += weight(o);
            }
            return w;
        }
        return 8;
    }

    /** The key of the resource a row writes, as far as it says. */
    private static String resource(Object row) {
        if (row instanceof Map<?, ?> m) {
            if (m.get("props") instanceof Map<?, ?> p && p.get("id") != null) {
                return String.valueOf(p.get("id"));
            }
            if (m.get("id") != null) {
                return String.valueOf(m.get("id"));
            }
            if (m.get("key") != null) {
                return String.valueOf(m.get("key"));
            }
        }
        return "a resource";
    }

    private static void stage(GraphStore store, String id, List<Step> steps, ImportProgress progress) {
        int next = 0;
        while (next < steps.size()) {
            List<Map<String, Object>> group = new ArrayList<>();
            long bytes = 0;
            while (next < steps.size() && (group.isEmpty() || bytes < STAGE_BYTES)) {
                byte[] rows = encode(steps.get(next).rows());
                bytes += rows.length;
                group.add(Map.of("seq", next, "cypher", steps.get(next).cypher(), "rows", rows));
                next++;
            }
            store.writeInBulk(tx -> {
                // MERGE: a staging transaction retried after a lost connection may have committed the first time.
                tx.run(
                        "UNWIND $steps AS x MERGE (st:" + STEP
                                + " {stage: $id, seq: x.seq}) SET st.cypher = x.cypher, st.rows = x.rows",
                        Map.of("id", id, "steps", group));
                return null;
            });
            progress.staged(next, steps.size());
        }
    }

    /** A failure before (or at) the commit point: the stage goes, unless the commit did happen — then it is finished. */
    private static void abandon(GraphStore store, String id, RuntimeException cause) {
        try {
            Map<String, Object> at = pointer(store, id);
            if (at != null && "committed".equals(at.get("state"))) {
                Log.warnf(
                        "import: staged import %s committed although the commit reported %s; finishing it",
                        id, cause.toString());
                store.excludingReaders(() -> unfinishedOnFailure(store, () -> finish(store, id, ImportProgress.NONE)));
            }
            delete(store, id);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            Log.warnf("import: could not remove staged import %s (%s); it goes at the next start", id, e.getMessage());
        }
    }

    /**
     * Runs the steps from pointer ({@code step}, {@code row}) to the end, then bumps the version, marks the stage done
     * and clears {@code applying}; returns the version. When another process moved the pointer meanwhile, goes on from
     * where it is (the steps are the same); when the stage is done already, returns the store's version.
     */
    private static long swap(
            GraphStore store, String id, List<Step> steps, int step, int row, ImportProgress progress) {
        long total = steps.stream().mapToLong(s -> s.rows().size()).sum();
        long done = 0;
        for (int s = 0; s < step; s++) {
            done += steps.get(s).rows().size();
        }
        done += row;
        int batch = GraphWriter.CHUNK;
        while (step < steps.size()) {
            Step current = steps.get(step);
            if (row >= current.rows().size()) {
                step++;
                row = 0;
                continue;
            }
            int end = Math.min(current.rows().size(), row + batch);
            int nextStep = end == current.rows().size() ? step + 1 : step;
            int nextRow = end == current.rows().size() ? 0 : end;
            List<?> rows = current.rows().subList(row, end);
            Map<String, Object> pointer =
                    Map.of("id", id, "step", step, "row", row, "nextStep", nextStep, "nextRow", nextRow);
            long moved;
            try {
                moved = store.writeInBulk(tx -> {
                    // The stage node is locked (by a write) before its pointer is tested: under read committed a
                    // test before the lock could pass in two finishers at once.
                    long n = tx.single(
                            "MATCH (s:" + STAGE + " {id: $id}) SET s.locked = true WITH s"
                                    + " WHERE s.state = 'committed' AND s.step = $step AND s.row = $row"
                                    + " SET s.step = $nextStep, s.row = $nextRow RETURN count(s) AS n",
                            pointer,
                            "n");
                    if (n == 1) {
                        tx.run(current.cypher(), Map.of("rows", rows));
                    }
                    return n;
                });
            } catch (TransactionTooLargeException e) {
                if (end - row <= 1) {
                    throw new TransactionTooLargeException(
                            "staged import " + id + " is committed but row " + row + " of step " + step
                                    + " does not fit in one transaction: raise the transaction memory; until then reads and starts"
                                    + " that must finish it fail",
                            e);
                }
                batch = Math.max(1, (end - row) / 2);
                continue;
            }
            if (moved == 1) {
                done += end - row;
                step = nextStep;
                row = nextRow;
                progress.written(done, total);
            } else {
                Map<String, Object> at = pointer(store, id);
                if (at == null || !"committed".equals(at.get("state"))) {
                    return version(store); // finished by another process
                }
                step = ((Number) at.get("step")).intValue();
                row = ((Number) at.get("row")).intValue();
            }
        }
        return store.writeInBulk(tx -> {
            long n = tx.single(
                    "MATCH (s:" + STAGE + " {id: $id}) SET s.locked = true WITH s WHERE s.state = 'committed'"
                            + " SET s.state = 'done' RETURN count(s) AS n",
                    Map.of("id", id),
                    "n");
            if (n == 0) {
                return tx.single("MATCH " + Labels.META_NODE + " RETURN m.version AS v", Map.of(), "v");
            }
            tx.run("MATCH " + Labels.META_NODE + " WHERE m.applying = $id REMOVE m.applying", Map.of("id", id));
            // The change this import records was kept on its stage (the finisher may be another process).
            long version = tx.single(
                    "MATCH (s:" + STAGE + " {id: $id}) MERGE " + Labels.META_NODE
                            + " SET m.version = coalesce(m.version, 0) + 1 WITH m, s CREATE (c:" + Labels.CHANGE
                            + ") SET c.principal = coalesce(s.change_principal, 'system'),"
                            + " c.operation = coalesce(s.change_operation, 'internal'),"
                            + " c.documentSha256 = s.change_documentSha256, c.created = coalesce(s.change_created, 0),"
                            + " c.updated = coalesce(s.change_updated, 0), c.unchanged = coalesce(s.change_unchanged, 0),"
                            + " c.removed = coalesce(s.change_removed, 0), c.version = m.version, c.at = datetime()"
                            + " RETURN m.version AS v",
                    Map.of("id", id),
                    "v");
            ResourceHistory.recordStaged(tx, version, id);
            return version;
        });
    }

    /** Stage {@code id}'s state, pointer ({@code step}, {@code row}) and number of steps; null when it is gone. */
    private static Map<String, Object> pointer(GraphStore store, String id) {
        return store.readDuringSwap(tx -> {
            List<Record> r = tx.run(
                            "MATCH (s:" + STAGE + " {id: $id}) RETURN s {.state, .step, .row, .steps} AS p",
                            Map.of("id", id))
                    .list();
            return r.isEmpty() ? null : r.get(0).get("p").asMap();
        });
    }

    private static long version(GraphStore store) {
        return store.readDuringSwap(EstateLoader::version);
    }

    /** Finishes committed stage {@code id} from the steps stored in the graph; returns the version. */
    private static long finish(GraphStore store, String id, ImportProgress progress) {
        Map<String, Object> at = pointer(store, id);
        if (at == null || !"committed".equals(at.get("state"))) {
            return version(store);
        }
        List<Step> steps = store.readDuringSwap(tx -> {
            List<Step> out = new ArrayList<>();
            tx.run(
                            "MATCH (x:" + STEP
                                    + " {stage: $id}) RETURN x.seq AS seq, x.cypher AS cypher, x.rows AS rows ORDER BY seq",
                            Map.of("id", id))
                    .forEachRemaining(r -> {
                        if (r.get("seq").asInt() != out.size()) {
                            throw new IllegalStateException("staged import " + id + " lacks step " + out.size());
                        }
                        out.add(new Step(
                                r.get("cypher").asString(), decode(r.get("rows").asByteArray())));
                    });
            return out;
        });
        long expected = ((Number) at.get("steps")).longValue();
        if (steps.size() != expected) {
            throw new IllegalStateException(
                    "staged import " + id + " has " + steps.size() + " of its " + expected + " steps");
        }
        return swap(
                store, id, steps, ((Number) at.get("step")).intValue(), ((Number) at.get("row")).intValue(), progress);
    }

    /** Whether a committed stage is being swapped in (by this or another process, or left by a crash). */
    static boolean pending(org.neo4j.driver.SimpleQueryRunner tx) {
        return tx.run("OPTIONAL MATCH " + Labels.META_NODE + " RETURN m.applying IS NOT NULL AS a")
                .single()
                .get("a")
                .asBoolean();
    }

    /** Finishes every committed stage (left by a crash, or being swapped by another process); returns how many. */
    static int finishPending(GraphStore store) {
        List<String> ids = ids(store, "committed");
        for (String id : ids) {
            Log.infof("import: finishing staged import %s, committed before its swap ended", id);
            long t0 = System.nanoTime();
            store.excludingReaders(() -> unfinishedOnFailure(store, () -> finish(store, id, ImportProgress.NONE)));
            delete(store, id);
            Log.infof("import: staged import %s finished in %d ms", id, millis(t0));
        }
        store.excludingReaders(() -> {
            if (ids(store, "committed").isEmpty()) {
                store.unfinishedSwap(false);
            }
            return null;
        });
        store.writeInBulk(tx -> {
            tx.run(
                    "MATCH " + Labels.META_NODE + " WHERE m.applying IS NOT NULL AND NOT EXISTS { MATCH (s:" + STAGE
                            + " {id: m.applying}) WHERE s.state = 'committed' } REMOVE m.applying",
                    Map.of());
            return null;
        });
        return ids.size();
    }

    /**
     * At start: stages that never reached their commit point are deleted (the graph is as before them), committed ones
     * are finished, finished ones cleaned away.
     */
    static void recover(GraphStore store) {
        finishPending(store);
        for (String id : ids(store, null)) {
            Log.infof("import: removing staged import %s, never committed (or already swapped in)", id);
            delete(store, id);
        }
        long orphans;
        do { // steps whose stage was removed while their process was still staging
            orphans = store.writeInBulk(tx -> tx.single(
                    "MATCH (x:" + STEP + ") WHERE NOT EXISTS { MATCH (s:" + STAGE
                            + " {id: x.stage}) } WITH x LIMIT $batch DELETE x RETURN count(*) AS n",
                    Map.of("batch", DELETE_BATCH),
                    "n"));
        } while (orphans > 0);
    }

    private static List<String> ids(GraphStore store, String state) {
        return store.readDuringSwap(tx -> tx.run(
                        "MATCH (s:" + STAGE
                                + ") WHERE $state IS NULL OR s.state = $state RETURN s.id AS id ORDER BY s.created",
                        Collections.singletonMap("state", state))
                .list(r -> r.get("id").asString()));
    }

    /** Deletes stage {@code id} and its steps, a few at a time (unless it is committed: that one must be finished). */
    static void delete(GraphStore store, String id) {
        long n;
        do {
            n = store.writeInBulk(tx -> tx.single(
                    "MATCH (s:" + STAGE + " {id: $id}) WHERE s.state <> 'committed'" + " MATCH (x:" + STEP
                            + " {stage: $id}) WITH x LIMIT $batch DELETE x RETURN count(*) AS n",
                    Map.of("id", id, "batch", DELETE_BATCH),
                    "n"));
        } while (n > 0);
        store.writeInBulk(tx -> {
            tx.run(
                    "MATCH (s:" + STAGE + " {id: $id}) WHERE s.state <> 'committed' AND NOT EXISTS { MATCH (x:" + STEP
                            + " {stage: $id}) } DELETE s",
                    Map.of("id", id));
            return null;
        });
    }

    static byte[] encode(List<?> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            JSON.writeValue(gz, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<?> decode(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
            return JSON.readValue(in, List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
