package io.asegraph.graph;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of {@link ImportCrashTest}: opens the embedded store on a data directory and imports a file
 * through the real import path ({@link GraphImporter}). Arguments: {@code DATA_DIR FILE MODE}. Modes:
 * <ul>
 * <li>{@code crash}: one transaction; prints {@value #SIGNAL} after the first chunk has been written inside the open
 * transaction and stalls there, so the parent can kill it mid-import;</li>
 * <li>{@code crash-staging}: staged ({@link StagedWrite}); prints {@value #SIGNAL} once every step is staged, before
 * the commit point, and stalls;</li>
 * <li>{@code crash-swap}: staged; prints {@value #SIGNAL} after the first swap transaction has committed (part of the
 * import is in the graph) and stalls;</li>
 * <li>{@code finish}: completes, prints {@value #DONE} and the number of resources created, and shuts the store down
 * cleanly.</li>
 * </ul>
 */
public final class ImportCrashChild {
    static final String SIGNAL = "INSIDE-THE-TRANSACTION";
    static final String DONE = "IMPORT-COMMITTED";

    private ImportCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String json = Files.readString(Path.of(args[1]));
        String mode = args[2];
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        GraphImporter importer = new GraphImporter(
                store,
                new EstateCache(store),
                mode.startsWith("crash-") ? GraphImporter.Staging.ALWAYS : GraphImporter.Staging.NEVER);
        ImportOutcome outcome = importer.importDocument(json, false, new ImportProgress() {
            boolean signalled;

            @Override
            public void written(long done, long total) {
                if (mode.equals("crash") || mode.equals("crash-swap")) {
                    signal(done, total);
                }
            }

            @Override
            public void staged(long done, long total) {
                if (mode.equals("crash-staging") && done == total) {
                    signal(done, total);
                }
            }

            private void signal(long done, long total) {
                if (signalled) {
                    return;
                }
                signalled = true;
                System.out.println(SIGNAL + " " + done + " of " + total);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE); // the parent kills this process here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println(DONE + " " + outcome.created());
        System.out.flush();
        store.stop();
    }
}
