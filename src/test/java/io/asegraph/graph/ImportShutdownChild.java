package io.asegraph.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The child process of {@link ImportShutdownTest}: imports a file into the embedded store on a data directory through
 * the real import path, and is stopped by SIGTERM while it writes. Its shutdown hook does what the service does at
 * shutdown ({@link GraphStore}'s shutdown observer: refuse new writes, give those under way the grace, close the
 * store) and then waits for the import's answer, which it prints: {@value #RESULT} with the counts, or
 * {@value #SHUTTING_DOWN} with whether it was committed and the message. Arguments: {@code DATA_DIR FILE MODE
 * GRACE_SECONDS}; modes {@code one} (one transaction, signals after its first chunk), {@code staging} (staged,
 * signals after its first staging transaction), {@code swap} (staged, signals after its first swap transaction). At
 * the signal the write pauses a moment (a slow disk), so the SIGTERM lands inside it.
 */
public final class ImportShutdownChild {
    static final String SIGNAL = "WRITING";
    static final String RESULT = "RESULT";
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";

    private ImportShutdownChild() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String json = Files.readString(Path.of(args[1]));
        String mode = args[2];
        Duration grace = Duration.ofSeconds(Long.parseLong(args[3]));
        GraphStore store = new GraphStore(
                TestStores.config(data, "512m", Optional.empty(), "64m", grace),
                TestStores.seeder(Path.of("graph-seed"), true));
        store.start();
        GraphImporter importer = new GraphImporter(
                store,
                new EstateCache(store),
                mode.equals("one") ? GraphImporter.Staging.NEVER : GraphImporter.Staging.ALWAYS);
        Thread importing = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.onStop(null);
            importing.interrupt(); // ends the pause, if the grace did not
            try {
                importing.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String answer;
        try {
            ImportOutcome outcome = importer.importDocument(json, false, new ImportProgress() {
                boolean signalled;

                @Override
                public void written(long done, long total) {
                    if (mode.equals("one") || mode.equals("swap")) {
                        signal();
                    }
                }

                @Override
                public void staged(long done, long total) {
                    if (mode.equals("staging")) {
                        signal();
                    }
                }

                private void signal() {
                    if (signalled) {
                        return;
                    }
                    signalled = true;
                    System.out.println(SIGNAL);
                    System.out.flush();
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        // the shutdown closed the store meanwhile: the write fails at its next statement
                    }
                }
            });
            answer = RESULT + " created=" + outcome.created();
        } catch (ShutdownInterruptedException e) {
            answer = SHUTTING_DOWN + " committed=" + e.committed() + " " + e.getMessage();
        }
        System.out.println(answer);
        System.out.flush();
        if (!store.stopping()) {
            Thread.sleep(Long.MAX_VALUE); // finished before the SIGTERM: that ends this process, interrupting this
        }
    }
}
