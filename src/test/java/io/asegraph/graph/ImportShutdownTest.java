package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while an import writes ({@link ImportShutdownChild}, a child JVM, stopped with {@link Process#destroy()}):
 * with a grace period the import finishes and its result is the answer; without, it is rolled back and the answer is
 * {@code SHUTTING_DOWN} saying so — or, for a staged import already past its commit point, saying it is committed and
 * finished at the next start. Each time the store reopened on the same data directory holds what the answer said:
 * all of the import (its rules, one more store version, its :Change record) or none of it.
 */
class ImportShutdownTest {
    @TempDir
    Path estate;

    private static final String RULES = "node [SecurityRule]";
    private static final String CHANGE = "node [Change]";

    /** Starts the child, SIGTERMs it once it writes, returns its answer line. */
    String terminateWhileWriting(Path data, Path file, String mode, int graceSeconds) throws Exception {
        Path log = estate.resolve(mode + "-" + graceSeconds + ".log");
        Process child = ChildJvm.start(
                ImportShutdownChild.class, "1g", log, data.toString(), file.toString(), mode, "" + graceSeconds);
        try {
            String signal = ImportCrashTest.await(child, log, ImportShutdownChild.SIGNAL);
            assertTrue(signal != null, () -> "the child never wrote:\n" + ImportCrashTest.read(log));
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child stopped");
        } finally {
            child.destroyForcibly();
        }
        String answer = ImportCrashTest.await(child, log, ImportShutdownChild.RESULT);
        if (answer == null) {
            answer = ImportCrashTest.await(child, log, ImportShutdownChild.SHUTTING_DOWN);
        }
        String text = ImportCrashTest.read(log);
        assertTrue(answer != null, () -> "the import got no answer:\n" + text);
        return answer;
    }

    static long count(List<String> dump, String prefix) {
        return dump.stream().filter(l -> l.startsWith(prefix)).count();
    }

    /** The store on {@code data} holds all of the import (true) or none of it (false), compared with {@code before}. */
    static void assertWholeOrNone(boolean whole, List<String> before, Path data, long rules) {
        List<String> after = ImportCrashTest.onStore(data, TestStores::dump);
        if (!whole) {
            assertEquals(before, after, "a rolled-back import leaves the store as it was");
            return;
        }
        assertEquals(count(before, RULES) + rules, count(after, RULES), "every rule of the import");
        assertEquals(count(before, CHANGE) + 1, count(after, CHANGE), "its :Change record");
        assertTrue(after.stream().anyMatch(l -> l.startsWith("node [AsegraphMeta]")), "the store version");
    }

    @Test
    void aSigtermMidImportFinishesItWithinTheGraceOrRollsItBackAndTheAnswerSaysWhich(
            @TempDir Path one, @TempDir Path oneGrace, @TempDir Path staging, @TempDir Path swap) throws Exception {
        EstateGenerator.Summary generated =
                EstateGenerator.generate(EstateSpec.SMALL.with("rules", 6_000), 11, estate, false);
        Path file = estate.resolve(EstateGenerator.RESOURCES_FILE);
        long rules = generated.securityRules();
        List<String> before = ImportCrashTest.onStore(one, TestStores::dump); // the seed only
        ImportCrashTest.onStore(oneGrace, TestStores::dump);
        ImportCrashTest.onStore(staging, TestStores::dump);
        ImportCrashTest.onStore(swap, TestStores::dump);

        // One transaction, no grace: rolled back, and the answer says so.
        String rolledBack = terminateWhileWriting(one, file, "one", 0);
        assertTrue(rolledBack.startsWith(ImportShutdownChild.SHUTTING_DOWN + " committed=false"), rolledBack);
        assertTrue(rolledBack.contains("rolled back and nothing of it was written"), rolledBack);
        assertWholeOrNone(false, before, one, rules);

        // One transaction, 60 s of grace: it finishes, and the answer is its result.
        String finished = terminateWhileWriting(oneGrace, file, "one", 60);
        assertTrue(finished.startsWith(ImportShutdownChild.RESULT + " created="), finished);
        assertWholeOrNone(true, before, oneGrace, rules);

        // Staged, no grace, stopped while staging (before the commit point): rolled back.
        String stagedBack = terminateWhileWriting(staging, file, "staging", 0);
        assertTrue(stagedBack.startsWith(ImportShutdownChild.SHUTTING_DOWN + " committed=false"), stagedBack);
        assertWholeOrNone(false, before, staging, rules);

        // Staged, no grace, stopped in its swap (after the commit point): committed, finished by the next start.
        String swapped = terminateWhileWriting(swap, file, "swap", 0);
        assertTrue(swapped.startsWith(ImportShutdownChild.SHUTTING_DOWN + " committed=true"), swapped);
        assertTrue(swapped.contains("the next start of the service finishes it"), swapped);
        assertWholeOrNone(true, before, swap, rules);
    }
}
