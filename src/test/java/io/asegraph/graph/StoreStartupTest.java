package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up failures stop the start with one log line that names the path and the fix: each case starts the store in
 * a child JVM ({@link StoreStartupChild}, the service's own start-up path) with one bad setup and checks its exit
 * code and that line. A full disk is simulated through {@code asegraph.store.min-free-space} (a tiny file system
 * needs root to mount): the same check, with the threshold above what the disk has.
 */
class StoreStartupTest {
    @TempDir
    Path dir;

    record Outcome(int exit, String log) {
        /** Exited as the service does when its start fails, with no stack trace (the line is all there is). */
        void failedWithTheLineAlone() {
            assertEquals(3, exit, log);
            assertTrue(!log.contains("\tat "), () -> "no stack trace:\n" + log);
        }

        /** The line with the message (logged, and printed by the child), which must name {@code path}. */
        String line(String phrase, Path path) {
            List<String> lines = log.lines()
                    .filter(l -> l.contains("asegraph: ") && l.contains(phrase))
                    .toList();
            assertTrue(!lines.isEmpty(), () -> "a line with '" + phrase + "' in:\n" + log);
            assertTrue(lines.get(0).contains(path.toString()), () -> "the line names " + path + ": " + lines.get(0));
            return lines.get(0);
        }
    }

    Outcome start(Path data, String minFree, String... uri) throws Exception {
        Path log = dir.resolve("child-" + System.nanoTime() + ".log");
        String[] args = new String[2 + uri.length];
        args[0] = data.toString();
        args[1] = minFree;
        System.arraycopy(uri, 0, args, 2, uri.length);
        Process p = ChildJvm.start(StoreStartupChild.class, "512m", log, args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child ended");
        return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedNamesItAndTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path data = file.resolve("data");
        Outcome o = start(data, "64m");
        o.failedWithTheLineAlone();
        String line = o.line("cannot be created", data);
        assertTrue(line.contains("set asegraph.store.data-directory"), line);
        assertTrue(!o.log().contains(StoreStartupChild.STARTED), o.log());
    }

    @Test
    void aDataDirectoryThatIsNotWritableNamesItAndTheFix() throws Exception {
        // Even root may not write in /sys here; where it may, this machine cannot show the case.
        Path sys = Path.of("/sys");
        boolean writable;
        try {
            Files.delete(Files.createTempFile(sys, "probe", ""));
            writable = true;
        } catch (IOException e) {
            writable = false;
        }
        Assumptions.assumeFalse(writable, "/sys is writable here");
        Outcome o = start(sys, "64m");
        o.failedWithTheLineAlone();
        String line = o.line("is not writable by user " + System.getProperty("user.name"), sys);
        assertTrue(line.contains("fix its permissions"), line);
    }

    @Test
    void aFullDiskNamesTheDirectoryAndTheFix() throws Exception {
        Path data = dir.resolve("full");
        Outcome o = start(data, "1000000g"); // more than any disk here has free
        o.failedWithTheLineAlone();
        String line = o.line("is full", data);
        assertTrue(line.contains("asegraph.store.min-free-space is 1000000g"), line);
        assertTrue(line.contains("free space on it"), line);
        assertTrue(Files.notExists(data.resolve("databases")), "no store was created");
    }

    @Test
    void aStoreLockedByALiveProcessNamesItAndTheFix() throws Exception {
        Path data = dir.resolve("locked");
        GraphStore holder = TestStores.embedded(data, Path.of("graph-seed"), true);
        holder.start(); // this JVM holds the store: a live process
        try {
            Outcome o = start(data, "64m");
            o.failedWithTheLineAlone();
            String line = o.line("is locked by another process", data);
            assertTrue(line.contains("stop the other asegraph or Neo4j"), line);
        } finally {
            holder.stop();
        }
        Outcome again = start(data, "64m");
        assertEquals(0, again.exit(), again.log());
    }

    @Test
    void anExternalStoreThatCannotBeReachedNamesTheUriAndTheSettings() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again: nothing listens on it
        }
        String uri = "bolt://127.0.0.1:" + port;
        Path data = dir.resolve("unused-with-a-uri");
        Outcome o = start(data, "64m", uri);
        o.failedWithTheLineAlone();
        List<String> lines = o.log()
                .lines()
                .filter(l -> l.contains("asegraph: the external store at " + uri + " cannot be reached ("))
                .toList();
        assertTrue(!lines.isEmpty(), () -> "a line naming " + uri + " in:\n" + o.log());
        assertTrue(
                lines.get(0).endsWith("): start it or fix asegraph.store.uri (and asegraph.store.username/password)"),
                lines.get(0));
        assertTrue(!o.log().contains(StoreStartupChild.STARTED), o.log());
        assertTrue(Files.notExists(data), "no embedded store was made beside the external one");
    }

    @Test
    void aStoreOfAVersionThisNeo4jCannotOpenNamesItAndTheFix() throws Exception {
        Path data = dir.resolve("newer");
        GraphStore made = TestStores.embedded(data, Path.of("graph-seed"), false);
        made.start();
        made.stop();
        // The store's version as Neo4j 5 records it: the store id in the metadata store (neostore) names the storage
        // engine, the format and its major.minor version. Written as a major version this Neo4j does not know, as a
        // newer Neo4j would write it, with Neo4j's own metadata access.
        Path neostore = data.resolve("data/databases/neo4j/neostore");
        assertTrue(Files.exists(neostore), "the store's metadata is at " + neostore);
        org.neo4j.storageengine.api.StoreId was;
        org.neo4j.storageengine.api.StoreId written;
        try (org.neo4j.scheduler.JobScheduler jobs =
                        org.neo4j.kernel.impl.scheduler.JobSchedulerFactory.createInitialisedScheduler();
                org.neo4j.io.fs.FileSystemAbstraction fs = new org.neo4j.io.fs.DefaultFileSystemAbstraction();
                org.neo4j.io.pagecache.PageCache pages =
                        org.neo4j.io.pagecache.impl.muninn.StandalonePageCacheFactory.createPageCache(fs, jobs)) {
            org.neo4j.kernel.impl.store.MetaDataStore.FieldAccess meta =
                    org.neo4j.kernel.impl.store.MetaDataStore.getFieldAccess(
                            pages, neostore, "neo4j", org.neo4j.io.pagecache.context.CursorContext.NULL_CONTEXT);
            was = meta.readStoreId();
            meta.writeStoreId(new org.neo4j.storageengine.api.StoreId(
                    was.getCreationTime(),
                    was.getRandom(),
                    was.getStorageEngineName(),
                    was.getFormatName(),
                    was.getMajorVersion() + 50,
                    was.getMinorVersion()));
            written = meta.readStoreId();
        }
        assertEquals(was.getMajorVersion() + 50, written.getMajorVersion(), "the version was written: " + written);

        Outcome o = start(data, "64m");
        o.failedWithTheLineAlone();
        String line = o.line("is of a version or format this asegraph (Neo4j 5.26) cannot open", data);
        assertTrue(line.contains("neo4j-admin database migrate"), line);
        assertTrue(line.contains(written.getStoreVersionUserString()), () -> "names the version found: " + line);
        assertTrue(!o.log().contains(StoreStartupChild.STARTED), o.log());
    }
}
