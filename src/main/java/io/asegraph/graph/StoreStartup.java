package io.asegraph.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.neo4j.io.ByteUnit;

/**
 * What stops the store from starting, said in one line that names the path and the fix: a data directory that cannot
 * be created or written, a file system too full ({@code asegraph.store.min-free-space}), a store another process
 * holds, a store of a version or format this Neo4j cannot open, an external server that cannot be reached. Each is a
 * {@link StoreStartupException} whose message is that line ({@link GraphStore} logs it once and stops the start).
 */
final class StoreStartup {
    private StoreStartup() {}

    /** The service stops at start-up; the message is the one line that says what to do. */
    static final class StoreStartupException extends RuntimeException {
        StoreStartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    /**
     * Checks that {@code home} exists (creating it), is writable (by creating and deleting a file in it) and its file
     * system has at least {@code minFree} free (a size such as {@code 100m}).
     */
    static void checkDataDirectory(Path home, String minFree) {
        String fix = " or set asegraph.store.data-directory to another directory";
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new StoreStartupException(
                    "asegraph: data directory " + home + " cannot be created by user " + user() + " (" + reason(e)
                            + "): create it with write permission for " + user() + "," + fix,
                    e);
        }
        try {
            Path probe = Files.createTempFile(home, ".asegraph-write-check", "");
            Files.delete(probe);
        } catch (IOException e) {
            throw full(e)
                    ? diskFull(home, reason(e), e)
                    : new StoreStartupException(
                            "asegraph: data directory " + home + " is not writable by user " + user() + " (" + reason(e)
                                    + "): fix its permissions," + fix,
                            e);
        }
        long needed = ByteUnit.parse(minFree);
        long usable;
        try {
            usable = Files.getFileStore(home).getUsableSpace();
        } catch (IOException e) {
            throw diskFull(home, "its free space cannot be read: " + reason(e), e);
        }
        if (usable < needed) {
            throw diskFull(
                    home,
                    usable / (1024 * 1024) + " MB free, asegraph.store.min-free-space is " + minFree.trim(),
                    null);
        }
    }

    private static boolean full(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("no space left");
    }

    private static StoreStartupException diskFull(Path home, String detail, Throwable cause) {
        return new StoreStartupException(
                "asegraph: the disk of data directory " + home + " is full (" + detail + "): free space on it, or set"
                        + " asegraph.store.data-directory to a directory on a larger disk",
                cause);
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** {@code e}, thrown while the embedded store in {@code home} started, as the line that says what to do. */
    static StoreStartupException embeddedFailed(Path home, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.contains("Lock") || message.contains("lock on") || message.contains("unable to get lock")) {
                return new StoreStartupException(
                        "asegraph: the store in data directory " + home + " is locked by another process ("
                                + reason(t) + "): stop the other asegraph or Neo4j using that directory, or set"
                                + " asegraph.store.data-directory to another directory",
                        e);
            }
            if (message.contains("store version")
                    || message.contains("store format")
                    || message.contains("format version")
                    || message.contains("kernel version")
                    || name.contains("Upgrade")
                    || name.contains("Migrat")
                    || name.contains("Format")) {
                return new StoreStartupException(
                        "asegraph: the store in data directory " + home
                                + " is of a version or format this asegraph (Neo4j 5.26) cannot open (" + reasons(t)
                                + "): point asegraph.store.data-directory at a store this version wrote, migrate it"
                                + " with neo4j-admin database migrate, or move it away to start empty",
                        e);
            }
            if (full(t instanceof IOException io ? io : new IOException(t.getMessage()))) {
                return diskFull(home, reason(t), e);
            }
        }
        return new StoreStartupException(
                "asegraph: the embedded store in data directory " + home + " failed to start (" + reason(rootCause(e))
                        + "): see the log above; if the directory is damaged, restore it from a backup or set"
                        + " asegraph.store.data-directory to another directory",
                e);
    }

    /** {@code e}, thrown while connecting to the external server at {@code uri}, as the line that says what to do. */
    static StoreStartupException externalFailed(String uri, RuntimeException e) {
        return new StoreStartupException(
                "asegraph: the external store at " + uri + " cannot be reached (" + reason(rootCause(e))
                        + "): start it or fix asegraph.store.uri (and asegraph.store.username/password)",
                e);
    }

    /**
     * {@code t}'s reason and, when it has a cause, its root cause's too: Neo4j wraps what it found (e.g. "Unknown store
     * version 'record-aligned-…'") in a general failure ("Failed to read current store version.").
     */
    private static String reasons(Throwable t) {
        Throwable root = rootCause(t);
        return root == t ? reason(t) : reason(t) + ", caused by " + reason(root);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
