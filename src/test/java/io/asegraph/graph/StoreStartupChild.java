package io.asegraph.graph;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The main of a child JVM that starts the service's store as the service does at start-up ({@link GraphStore}'s
 * start-up observer, which logs what stops it): {@code <data directory> <min free space> [<uri of an external store>]}.
 * Exits 0 once the store started (and stops it), 3 when the start failed.
 */
public final class StoreStartupChild {
    static final String STARTED = "STORE-STARTED";

    private StoreStartupChild() {}

    public static void main(String[] args) {
        GraphStore store = new GraphStore(
                TestStores.config(
                        Path.of(args[0]), "256m", args.length > 2 ? Optional.of(args[2]) : Optional.empty(), args[1]),
                TestStores.seeder(Path.of("graph-seed"), true));
        try {
            store.onStart(null);
        } catch (StoreStartup.StoreStartupException e) {
            // Logged by the start-up observer; printed too, since in this bare JVM (no Quarkus) Neo4j's start can
            // silence that log (seen for the locked store), as Quarkus's own failure report would show it.
            System.out.println(e.getMessage());
            System.exit(3);
        } catch (RuntimeException e) {
            e.printStackTrace(); // not one the service explains: shown whole, as Quarkus would
            System.exit(4);
        }
        System.out.println(STARTED);
        store.stop();
        System.exit(0);
    }
}
