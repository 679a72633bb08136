package io.asegraph.graph;

import io.asegraph.estate.Estate;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ImportWarning;
import io.asegraph.importing.KnownResources;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.importing.UnresolvedReferences;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports a document (az JSON or a Service Tags file) into the graph: validates it against the current snapshot
 * ({@link ImportParser} with {@link KnownResources#of}), compares it with the snapshot ({@link ImportDiff}) and writes
 * only what changed, all in <em>one</em> write transaction ({@link GraphStore#writeInBulk}): a failure or a crash part-way
 * leaves the graph as it was. A write too large for one transaction is staged and swapped ({@link StagedWrite}), with
 * the same guarantee. A document with any problem writes nothing; a document that changes nothing opens no
 * transaction at all (not even the version bump).
 *
 * <p>Writers are serialised in this process (a fair lock, shared with {@link ResourceEdits}), so the snapshot an
 * import is compared with is the graph it writes to, and two imports never interleave; transactions make each one
 * atomic. Dry runs take no lock. A long import logs its progress every {@value #PROGRESS_LOG_MILLIS} ms.
 */
@ApplicationScoped
public class GraphImporter {
    /** At most this many warnings are returned; the rest are summed up in one last line. */
    static final int MAX_WARNINGS = 1_000;

    static final long PROGRESS_LOG_MILLIS = 2_000;
    /** An import that wrote at least this many records is followed by a full collection ({@link #releaseMemory}). */
    static final long RELEASE_AFTER_RECORDS = 20_000;

    private final GraphStore store;
    private final EstateCache estates;
    private final Staging staging;
    private final UnresolvedReferences unresolved;
    private final ResourceHistory.Retention retention;
    private final ReentrantLock lock = new ReentrantLock(true);

    /**
     * When a write is staged and swapped ({@link StagedWrite}) rather than run in one transaction: always above
     * {@code aboveRecords} records, and after one transaction ran out of memory when {@code whenTooLarge}.
     */
    public record Staging(long aboveRecords, boolean whenTooLarge) {
        public static final Staging DEFAULT = new Staging(200_000, true);
        /** One transaction only: a write larger than the transaction memory is refused ({@link TransactionTooLargeException}). */
        public static final Staging NEVER = new Staging(Long.MAX_VALUE, false);

        public static final Staging ALWAYS = new Staging(0, true);
    }

    public GraphImporter(GraphStore store, EstateCache estates) {
        this(store, estates, Staging.DEFAULT);
    }

    public GraphImporter(GraphStore store, EstateCache estates, Staging staging) {
        this(store, estates, staging, UnresolvedReferences.PLACEHOLDER);
    }

    public GraphImporter(GraphStore store, EstateCache estates, Staging staging, UnresolvedReferences unresolved) {
        this(store, estates, staging, unresolved, ResourceHistory.Retention.DEFAULT);
    }

    public GraphImporter(
            GraphStore store,
            EstateCache estates,
            Staging staging,
            UnresolvedReferences unresolved,
            ResourceHistory.Retention retention) {
        this.store = store;
        this.estates = estates;
        this.staging = staging;
        this.unresolved = unresolved;
        this.retention = retention;
    }

    @Inject
    public GraphImporter(
            GraphStore store,
            EstateCache estates,
            @ConfigProperty(name = "asegraph.import.stage-above-records", defaultValue = "200000")
                    long stageAboveRecords,
            @ConfigProperty(name = "asegraph.import.stage-when-too-large", defaultValue = "true")
                    boolean stageWhenTooLarge,
            @ConfigProperty(name = "asegraph.import.unresolved-references", defaultValue = "placeholder")
                    String unresolvedReferences,
            @ConfigProperty(name = "asegraph.history.keep-versions", defaultValue = "100") int keepVersions,
            @ConfigProperty(name = "asegraph.history.keep-days", defaultValue = "90") int keepDays) {
        this(
                store,
                estates,
                new Staging(stageAboveRecords, stageWhenTooLarge),
                UnresolvedReferences.parse(unresolvedReferences),
                new ResourceHistory.Retention(keepVersions, keepDays));
    }

    /** Imports {@code json}; with {@code dryRun} validates and counts without writing. */
    public ImportOutcome importDocument(String json, boolean dryRun) {
        return importDocument(json, dryRun, ImportProgress.NONE);
    }

    /** As {@link #importDocument(String, boolean)}, also telling {@code progress} after every chunk written. */
    public ImportOutcome importDocument(String json, boolean dryRun, ImportProgress progress) {
        return importDocument(
                known -> ImportParser.parse(json, known, unresolved),
                String.format("%,d characters", json == null ? 0 : json.length()),
                dryRun,
                progress);
    }

    /**
     * As {@link #importDocument(String, boolean)} for UTF-8 bytes (a plain HTTP body), never copied into a string. The
     * holder is emptied once the document is parsed, so the bytes can be collected before the write; callers should
     * keep no other reference to them.
     */
    public ImportOutcome importDocument(AtomicReference<byte[]> utf8, boolean dryRun) {
        String size = String.format("%,d bytes", utf8.get() == null ? 0 : utf8.get().length);
        return importDocument(
                known -> ImportParser.parse(utf8.getAndSet(null), known, unresolved),
                size,
                dryRun,
                ImportProgress.NONE);
    }

    private ImportOutcome importDocument(
            Function<KnownResources, ParsedDocument> parser, String size, boolean dryRun, ImportProgress progress) {
        if (dryRun) {
            return parseAndApply(parser, size, true, progress);
        }
        return exclusive(() -> parseAndApply(parser, size, false, progress));
    }

    /** Runs {@code work} holding the writers' lock. */
    <T> T exclusive(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** How the parser treats a reference to a resource neither the document nor the snapshot holds. */
    UnresolvedReferences unresolvedReferences() {
        return unresolved;
    }

    /** The snapshot writers compare with; call it holding the lock. */
    Estate snapshot() {
        return estates.current();
    }

    private ImportOutcome parseAndApply(
            Function<KnownResources, ParsedDocument> parser, String size, boolean dryRun, ImportProgress progress) {
        long t0 = System.nanoTime();
        Estate estate = estates.current();
        ParsedDocument doc = parser.apply(known(estate));
        Log.infof(
                "import: parsed %s into %,d resources in %d ms (%d problems, %d warnings)",
                size,
                doc.resourceCount(),
                millis(t0),
                doc.problems().size(),
                doc.warnings().size());
        if (!doc.isValid()) {
            return ImportOutcome.rejected(warnings(doc.warnings(), List.of()), dryRun, doc.problems());
        }
        return apply(doc, estate, dryRun, progress).outcome();
    }

    /** What {@code estate} holds, for the parser: its resources, its placeholders and what they hold back. */
    static KnownResources known(Estate estate) {
        return KnownResources.of(
                estate.topology(),
                estate.policies(),
                estate.unresolved().kinds(),
                estate.unresolved().heldBack());
    }

    /** What {@link #apply} did: the outcome and the batch it wrote (empty when it wrote nothing). */
    record Applied(ImportOutcome outcome, ImportBatch written) {}

    /**
     * Writes the changes of a valid document relative to {@code estate} in one transaction (none when nothing
     * changed or for a dry run). Call it holding the lock, with {@code estate} read under it.
     */
    Applied apply(ParsedDocument doc, Estate estate, boolean dryRun, ImportProgress progress) {
        long t0 = System.nanoTime();
        HeldBackRecords heldBack = HeldBackRecords.read(store, estate, doc);
        ImportDiff.Result diff = ImportDiff.of(doc, estate, heldBack);
        List<String> warnings = warnings(doc.warnings(), diff.notes());
        ImportOutcome outcome = new ImportOutcome(
                diff.created(), diff.updated(), diff.unchanged(), diff.removed(), warnings, dryRun, List.of());
        if (dryRun) {
            outcome = outcome.withChanges(ResourceHistory.changes(estate, diff.batch(), heldBack));
        }
        if (dryRun || diff.batch().isEmpty()) {
            Log.infof(
                    "import%s: %d created, %d updated, %d unchanged, %d removed; nothing written",
                    dryRun ? " (dry run)" : "", diff.created(), diff.updated(), diff.unchanged(), diff.removed());
            return new Applied(outcome, new ImportBatch.Builder().build());
        }
        long records = GraphWriter.records(diff.batch());
        long w0 = System.nanoTime();
        write(
                estate,
                diff.batch(),
                progress,
                new ChangeRecord.Pending(
                        Attribution.current(), diff.created(), diff.updated(), diff.unchanged(), diff.removed()),
                heldBack);
        long writeMillis = millis(w0);
        if (records >= RELEASE_AFTER_RECORDS) {
            releaseMemory();
        }
        Log.infof(
                "import: %d created, %d updated, %d unchanged, %d removed; %,d records written in %d ms"
                        + " (%,.0f records/s, %,.0f resources/s), %d ms in all",
                diff.created(),
                diff.updated(),
                diff.unchanged(),
                diff.removed(),
                records,
                writeMillis,
                records * 1000.0 / Math.max(1, writeMillis),
                (diff.batch().size() + diff.removed()) * 1000.0 / Math.max(1, writeMillis),
                millis(t0));
        return new Applied(outcome, diff.batch());
    }

    /**
     * Writes {@code batch}, planned against {@code base}, in one transaction — or, when it is too large for one, by
     * stage and swap ({@link StagedWrite}, as atomic); call it holding the lock. Then the snapshot moves on: to
     * {@code base} with the batch applied in memory when {@link EstatePatch} can say exactly what a reload would read,
     * otherwise it is dropped and reloaded from the store.
     */
    void write(Estate base, ImportBatch batch, ImportProgress progress) {
        int created = batch.created().size();
        write(
                base,
                batch,
                progress,
                new ChangeRecord.Pending(
                        Attribution.current(), created, batch.size() - created, 0, batch.removalCount()));
    }

    /** {@link #write(Estate, ImportBatch, ImportProgress)}, recording {@code change} in the same transaction. */
    void write(Estate base, ImportBatch batch, ImportProgress progress, ChangeRecord.Pending change) {
        write(base, batch, progress, change, HeldBackRecords.NONE);
    }

    /** As above, the held-back resources the batch writes recorded with their stored states before. */
    private void write(
            Estate base,
            ImportBatch batch,
            ImportProgress progress,
            ChangeRecord.Pending change,
            HeldBackRecords heldBack) {
        ProgressLog log = new ProgressLog(progress);
        long records = GraphWriter.records(batch);
        List<Map<String, Object>> states = ResourceHistory.rows(ResourceHistory.entries(base, batch, heldBack));
        long version;
        try {
            if (records > staging.aboveRecords()) {
                Log.infof("import: %,d records, more than %,d: staged and swapped", records, staging.aboveRecords());
                version = staged(batch, log, change, states);
            } else {
                try {
                    version = store.writeInBulk(tx -> {
                        log.start();
                        long v = new GraphWriter(tx, log).write(batch, change);
                        ResourceHistory.record(tx, v, states);
                        return v;
                    });
                } catch (TransactionTooLargeException e) {
                    if (!staging.whenTooLarge()) {
                        throw e;
                    }
                    Log.infof(
                            "import: %,d records do not fit in one transaction (%s): staged and swapped instead",
                            records, e.getMessage());
                    try {
                        version = staged(batch, log, change, states);
                    } catch (RuntimeException staging) {
                        staging.addSuppressed(e);
                        throw staging;
                    }
                }
            }
        } catch (RuntimeException e) {
            estates.invalidate(); // rolled back, or (with a remote store, or a swap that failed) perhaps not: read the
            // store again
            throw e;
        }
        estates.advance(EstatePatch.apply(base, batch, version));
        estates.committed(version);
        try {
            ResourceHistory.prune(store, retention);
        } catch (RuntimeException e) { // the write is whole; the next one prunes
            Log.warnf("history: could not prune old resource states (%s)", e.getMessage());
        }
    }

    /** Stage and swap; the resource states go as one more step, marked, and get their version when it finishes. */
    private long staged(
            ImportBatch batch, ProgressLog log, ChangeRecord.Pending change, List<Map<String, Object>> states) {
        log.start();
        List<StagedWrite.Step> steps = new ArrayList<>(StagedWrite.plan(batch));
        String marker = UUID.randomUUID().toString();
        List<Map<String, Object>> rows = new ArrayList<>(states.size());
        for (Map<String, Object> r : states) {
            Map<String, Object> row = new HashMap<>(r);
            row.put("stage", marker);
            rows.add(row);
        }
        steps.add(new StagedWrite.Step(ResourceHistory.CREATE, rows));
        return StagedWrite.write(store, steps, log, change.withStates(marker));
    }

    static List<String> warnings(List<ImportWarning> parsed, List<String> notes) {
        List<String> all = new ArrayList<>();
        for (ImportWarning w : parsed) {
            all.add(w.toString());
        }
        all.addAll(notes);
        if (all.size() <= MAX_WARNINGS) {
            return all;
        }
        List<String> capped = new ArrayList<>(all.subList(0, MAX_WARNINGS));
        capped.add("… and " + (all.size() - MAX_WARNINGS) + " more warnings");
        return capped;
    }

    /**
     * After a large import the parsed document, the batch and the store's commit buffers are garbage, but the JVM
     * keeps the heap it grew for them. A full collection lets G1 give that memory back to the operating system, so
     * the resident size after an import reflects what the service holds, not what the import once needed.
     */
    private static void releaseMemory() {
        long t0 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory();
        System.gc();
        Log.infof(
                "import: released memory after a large import in %d ms: heap %,d MiB -> %,d MiB committed, %,d MiB used",
                millis(t0), before >> 20, rt.totalMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Logs progress at most every {@link #PROGRESS_LOG_MILLIS} and passes every report on. */
    private static final class ProgressLog implements ImportProgress {
        private final ImportProgress next;
        private long started;
        private long lastLog;

        ProgressLog(ImportProgress next) {
            this.next = next;
        }

        void start() {
            started = System.nanoTime();
            lastLog = started;
        }

        @Override
        public void written(long done, long total) {
            long now = System.nanoTime();
            if (now - lastLog >= PROGRESS_LOG_MILLIS * 1_000_000 && done < total) {
                lastLog = now;
                double seconds = (now - started) / 1e9;
                Log.infof(
                        "import: %,d of %,d records written (%.0f%%), %,.0f records/s",
                        done, total, 100.0 * done / total, done / Math.max(seconds, 1e-3));
            }
            next.written(done, total);
        }

        @Override
        public void staged(long done, long total) {
            long now = System.nanoTime();
            if (now - lastLog >= PROGRESS_LOG_MILLIS * 1_000_000 && done < total) {
                lastLog = now;
                Log.infof("import: %,d of %,d steps staged (%.0f%%)", done, total, 100.0 * done / total);
            }
            next.staged(done, total);
        }
    }
}
