package io.asegraph.graph;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of {@link ImportCrashTest}: opens the embedded store on a data directory and imports a file
 * through the real import path ({@link GraphImporter}). Arguments: {@code DATA_DIR FILE MODE}. In mode {@code crash}
 * it prints {@value #SIGNAL} after the first chunk has been written inside the open transaction and then stalls
 * there, so the parent can kill it mid-import; in mode {@code finish} it completes, prints {@value #DONE} and the
 * number of resources created, and shuts the store down cleanly.
 */
public final class ImportCrashChild {
    static final String SIGNAL = "INSIDE-THE-TRANSACTION";
    static final String DONE = "IMPORT-COMMITTED";

    private ImportCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String json = Files.readString(Path.of(args[1]));
        boolean crash = args[2].equals("crash");
        GraphStore store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        GraphImporter importer = new GraphImporter(store, new EstateCache(store));
        boolean[] signalled = {false};
        ImportOutcome outcome = importer.importDocument(json, false, (done, total) -> {
            if (!signalled[0]) {
                signalled[0] = true;
                System.out.println(SIGNAL + " " + done + " of " + total);
                System.out.flush();
                if (crash) {
                    try {
                        Thread.sleep(Long.MAX_VALUE); // the parent kills this process here, the transaction open
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        System.out.println(DONE + " " + outcome.created());
        System.out.flush();
        store.stop();
    }
}
