package io.asegraph.graph;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.memory.MemoryLimitExceededException;

/**
 * The one connection to the graph. By default it starts an embedded Neo4j 5.26 with its files under the data
 * directory and its bolt connector on 127.0.0.1 only, and reaches it through the Java driver exactly as it would a
 * server (bulk writes, {@link #writeInBulk}, run in-process); with {@code asegraph.store.uri} set it uses that server
 * or cluster and starts nothing. Reads run in read transactions (routable to followers), writes in write
 * transactions.
 */
@ApplicationScoped
public class GraphStore {
    private final StoreConfig config;
    private final Seeder seeder;
    private DatabaseManagementService dbms;
    private Driver driver;
    private String description;
    /**
     * Reads hold its read lock; a staged write's swap ({@link #excludingReaders}) holds its write lock, so no reader in
     * this process ever sees a swap half done.
     */
    private final ReentrantReadWriteLock swapping = new ReentrantReadWriteLock();

    private volatile boolean unfinishedSwap;

    private volatile boolean stopping;

    /** How deep this thread is in {@link #writing} calls. */
    private static final ThreadLocal<int[]> WRITING = ThreadLocal.withInitial(() -> new int[1]);

    /** Writes under way ({@link #writing}); the shutdown waits for them (notified on this object). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** False from a failure that says the store is not there until the next operation that reaches it. */
    private volatile boolean available = true;

    @Inject
    public GraphStore(StoreConfig config, Seeder seeder) {
        this.config = config;
        this.seeder = seeder;
    }

    /** Starts the store; what stops it is logged as one line naming the path and the fix ({@link StoreStartup}). */
    void onStart(@Observes StartupEvent event) {
        try {
            start();
        } catch (StoreStartup.StoreStartupException e) {
            Log.error(e.getMessage());
            throw e;
        }
    }

    /**
     * At shutdown: new writes are refused ({@link ShutdownInterruptedException}); writes under way get
     * {@code asegraph.store.shutdown-grace} to finish; then the store closes, rolling back any still running (their
     * callers get {@link ShutdownInterruptedException}).
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (inFlight.get() > 0) {
            Log.warnf(
                    "asegraph store: %d write(s) still running after asegraph.store.shutdown-grace (%s): rolled back",
                    inFlight.get(), config.shutdownGrace());
        }
        stop();
    }

    /** Whether the service is stopping (new writes are refused, running ones have their grace period). */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Runs {@code write} (one or several write transactions) as one write the shutdown waits for: refused while the
     * service stops; a failure because the store closed under it becomes a {@link ShutdownInterruptedException}.
     */
    public <T> T writing(Supplier<T> write) {
        if (stopping && WRITING.get()[0] == 0) { // a write already under way on this thread goes on
            throw new ShutdownInterruptedException(
                    "the service is stopping, so this write was not started and nothing was written: send it again"
                            + " once the service is back",
                    null,
                    false);
        }
        inFlight.incrementAndGet();
        WRITING.get()[0]++;
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (stopping && !(e instanceof ShutdownInterruptedException)) {
                throw new ShutdownInterruptedException(
                        "the service stopped before this write finished within asegraph.store.shutdown-grace ("
                                + config.shutdownGrace() + "), so it was rolled back and nothing of it was written:"
                                + " send it again once the service is back",
                        e,
                        false);
            }
            throw e;
        } finally {
            WRITING.get()[0]--;
            synchronized (inFlight) {
                inFlight.decrementAndGet();
                inFlight.notifyAll();
            }
        }
    }

    synchronized void start() {
        if (driver != null) {
            return;
        }
        long t0 = System.nanoTime();
        if (config.uri().isPresent() && !config.uri().get().isBlank()) {
            String uri = config.uri().get().trim();
            AuthToken auth = config.password().isPresent()
                    ? AuthTokens.basic(config.username(), config.password().get())
                    : AuthTokens.none();
            driver = GraphDatabase.driver(uri, auth, driverConfig());
            try {
                driver.verifyConnectivity();
            } catch (RuntimeException e) {
                driver.close();
                driver = null;
                throw StoreStartup.externalFailed(uri, e);
            }
            description = "external Neo4j at " + uri + " (database " + config.database() + ")";
        } else {
            Path home = Path.of(config.dataDirectory()).toAbsolutePath().normalize();
            StoreStartup.checkDataDirectory(home, config.minFreeSpace());
            GraphDatabaseAPI db;
            try {
                dbms = embeddedStore(home);
                db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
                db.beginTx().close(); // the database itself started (a store it cannot open fails here)
            } catch (RuntimeException e) {
                if (dbms != null) {
                    dbms.shutdown();
                    dbms = null;
                }
                throw StoreStartup.embeddedFailed(home, e);
            }
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none(), driverConfig());
            description = "embedded Neo4j 5.26 in " + home + " (bolt on 127.0.0.1:" + port + ")";
        }
        seeder.apply(this);
        StagedWrite.recover(this);
        Log.infof("asegraph store: %s, ready in %d ms", description, (System.nanoTime() - t0) / 1_000_000);
    }

    private DatabaseManagementService embeddedStore(Path home) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", config.boltPort()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", config.boltPort()))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(config.pageCache()))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // The service's own grace (asegraph.store.shutdown-grace) was given before the store closes: what
                // still runs then is rolled back at once.
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(1))
                // Bolt's event loops otherwise wait a 5 s quiet period each at shutdown (10 s per stop); the
                // driver is closed before the store, so no Bolt traffic is left to wait for.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(
                        GraphDatabaseSettings.tx_state_memory_allocation, transactionState(config.transactionState()))
                .setConfig(
                        GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.parse(config.transactionMemory()))
                .setConfig(
                        GraphDatabaseSettings.memory_transaction_global_max_size,
                        ByteUnit.parse(config.transactionMemory()))
                .build();
    }

    static GraphDatabaseSettings.TransactionStateMemoryAllocation transactionState(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "off-heap", "off_heap" -> GraphDatabaseSettings.TransactionStateMemoryAllocation.OFF_HEAP;
            case "on-heap", "on_heap" -> GraphDatabaseSettings.TransactionStateMemoryAllocation.ON_HEAP;
            default -> throw new IllegalArgumentException(
                    "asegraph.store.transaction-state must be off-heap or on-heap, got '" + value + "'");
        };
    }

    private static Config driverConfig() {
        return Config.builder()
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                // A store that is down is reported within seconds (STORE_UNAVAILABLE), not after the driver's default
                // 30 s of retries; a cluster's leader change still fits in these 5 s.
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(5, TimeUnit.SECONDS)
                .withoutEncryption()
                .withLogging(Logging.none())
                .build();
    }

    synchronized void stop() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        if (dbms != null) {
            dbms.shutdown();
            dbms = null;
        }
    }

    /** Which store is in use and where. */
    public String description() {
        return description;
    }

    public boolean isEmbedded() {
        return dbms != null;
    }

    private Session session() {
        Driver d = driver;
        if (d == null) {
            throw new StoreUnavailableException("the graph store is closed (the service is stopping)", null);
        }
        return d.session(SessionConfig.forDatabase(config.database()));
    }

    /**
     * Whether the last operation on the store reached it: false after one failed because the store is not there
     * (a {@link StoreUnavailableException}), true again after the next that succeeds.
     */
    public boolean available() {
        return available;
    }

    /**
     * Runs {@code work}; a failure that says the store is not there becomes a {@link StoreUnavailableException} and
     * marks the store unavailable, a success marks it available.
     */
    private <T> T reaching(Supplier<T> work) {
        try {
            T result = work.get();
            available = true;
            return result;
        } catch (RuntimeException e) {
            RuntimeException translated = StoreFailures.translate(e, String.valueOf(description));
            if (translated instanceof StoreUnavailableException) {
                if (available) {
                    Log.warnf("asegraph store: not available (%s)", e.getMessage());
                }
                available = false;
            }
            throw translated;
        }
    }

    /**
     * {@code work} in one read transaction, tried once (no retry: for a quick check whether the store is there, as
     * {@link EstateCache} makes of its version).
     */
    <T> T readOnce(Function<QueryRunner, T> work) {
        return reaching(() -> {
            try (Session s = session();
                    Transaction tx = s.beginTransaction(
                            org.neo4j.driver.TransactionConfig.builder().build())) {
                return work.apply(tx);
            }
        });
    }

    /**
     * {@code load} in a read transaction that never sees a staged write's swap half done: a swap under way (another
     * process's, or one a crash interrupted) is finished first, then the read is tried again.
     */
    <T> T readSettled(Function<TransactionContext, T> load) {
        for (int attempt = 1; ; attempt++) {
            java.util.Optional<T> loaded = read(tx ->
                    StagedWrite.pending(tx) ? java.util.Optional.<T>empty() : java.util.Optional.of(load.apply(tx)));
            if (loaded.isPresent()) {
                return loaded.get();
            }
            if (attempt > 3) {
                throw new IllegalStateException(
                        "a staged import is still being swapped in after " + attempt + " attempts to finish it");
            }
            StagedWrite.finishPending(this);
        }
    }

    /**
     * Runs {@code work} in a read transaction (retried on transient failure: keep it idempotent); while a staged
     * write is being swapped in by this process it waits for the swap to end.
     */
    public <T> T read(Function<TransactionContext, T> work) {
        return reaching(() -> readSwapAware(work));
    }

    private <T> T readSwapAware(Function<TransactionContext, T> work) {
        while (true) {
            if (unfinishedSwap) {
                StagedWrite.finishPending(this); // throws while it cannot: no read sees half a swap
            }
            swapping.readLock().lock();
            try {
                // Checked again holding the lock: a swap this reader waited for may have failed meanwhile.
                if (!unfinishedSwap) {
                    try (Session s = session()) {
                        return s.executeRead(work::apply);
                    }
                }
            } finally {
                swapping.readLock().unlock();
            }
        }
    }

    /**
     * {@code work} in one read transaction that is never retried, for a reader whose output is already on its way to
     * a client (the export): a retry would write it twice. It sees no staged write's swap half done: a swap under way
     * is finished before the transaction reads anything.
     */
    public <T> T readStreaming(Function<org.neo4j.driver.SimpleQueryRunner, T> work) {
        return reaching(() -> {
            for (int attempt = 1; ; attempt++) {
                if (unfinishedSwap) {
                    StagedWrite.finishPending(this);
                }
                swapping.readLock().lock();
                try (Session s = session();
                        Transaction tx = s.beginTransaction()) {
                    if (!StagedWrite.pending(tx)) {
                        return work.apply(tx);
                    }
                } finally {
                    swapping.readLock().unlock();
                }
                if (attempt > 3) {
                    throw new IllegalStateException(
                            "a staged import is still being swapped in after " + attempt + " attempts to finish it");
                }
                StagedWrite.finishPending(this);
            }
        });
    }

    /** As {@link #read}, without finishing an unfinished swap first (for {@link StagedWrite} itself). */
    <T> T readDuringSwap(Function<TransactionContext, T> work) {
        return reaching(() -> {
            swapping.readLock().lock();
            try (Session s = session()) {
                return s.executeRead(work::apply);
            } finally {
                swapping.readLock().unlock();
            }
        });
    }

    /**
     * Whether a staged write committed but its swap failed (set holding the swap lock, so no reader waiting for that
     * swap misses it): reads finish it first.
     */
    void unfinishedSwap(boolean value) {
        unfinishedSwap = value;
    }

    /** Runs {@code work} (a staged write's swap) while no reader of this process reads; readers wait for it. */
    <T> T excludingReaders(Supplier<T> work) {
        swapping.writeLock().lock();
        try {
            return work.get();
        } finally {
            swapping.writeLock().unlock();
        }
    }

    /** Attempts of a write that failed for a transient reason (a deadlock, a cluster leader change). */
    static final int WRITE_ATTEMPTS = 3;

    /**
     * Runs {@code work} in one write transaction through the driver: all of it commits or none of it does (see
     * {@link #retrying} for failures).
     */
    public <T> T write(Function<QueryRunner, T> work) {
        return writing(() -> reaching(() -> retrying(() -> {
            try (Session s = session();
                    Transaction tx = s.beginTransaction()) {
                T result = work.apply(tx);
                tx.commit();
                return result;
            }
        })));
    }

    /** The statements of one write transaction, whichever way the store is reached. */
    public interface WriteTransaction {
        /** Runs one statement to its end. */
        void run(String cypher, Map<String, Object> parameters);

        /** Runs one statement that returns one row and gives the whole number in {@code column}. */
        long single(String cypher, Map<String, Object> parameters, String column);
    }

    /**
     * As {@link #write}, for bulk writes: on the embedded store the statements run in-process in an embedded
     * transaction — the parameters are handed to Cypher as they are, never encoded for Bolt and decoded again
     * (for a 100,000-rule import that is seconds); on an external store they go through the driver as usual. Same
     * guarantees: one transaction, all or nothing, the same failure handling.
     */
    public <T> T writeInBulk(Function<WriteTransaction, T> work) {
        if (dbms == null) {
            return write(tx -> work.apply(new WriteTransaction() {
                @Override
                public void run(String cypher, Map<String, Object> parameters) {
                    tx.run(cypher, parameters).consume();
                }

                @Override
                public long single(String cypher, Map<String, Object> parameters, String column) {
                    return tx.run(cypher, parameters).single().get(column).asLong();
                }
            }));
        }
        return writing(() -> reaching(() -> retrying(() -> {
            try (org.neo4j.graphdb.Transaction tx = embedded().beginTx()) {
                T result = work.apply(new WriteTransaction() {
                    @Override
                    public void run(String cypher, Map<String, Object> parameters) {
                        try (Result r = tx.execute(cypher, parameters)) {
                            r.accept(row -> true);
                        }
                    }

                    @Override
                    public long single(String cypher, Map<String, Object> parameters, String column) {
                        try (Result r = tx.execute(cypher, parameters)) {
                            return ((Number) r.next().get(column)).longValue();
                        }
                    }
                });
                tx.commit();
                return result;
            }
        })));
    }

    private GraphDatabaseService embedded() {
        DatabaseManagementService d = dbms;
        if (d == null) {
            throw new StoreUnavailableException("the graph store is closed (the service is stopping)", null);
        }
        return d.database(config.database());
    }

    /**
     * Runs one write transaction ({@code attempt}); a transient failure (a deadlock, a cluster leader change, a lost
     * connection) is retried, at most {@value #WRITE_ATTEMPTS} attempts in all — except running out of transaction
     * memory, which would fail again: that throws {@link TransactionTooLargeException} at once.
     */
    private static <T> T retrying(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                Optional<Throwable> memory = outOfTransactionMemory(e);
                if (memory.isPresent()) {
                    throw new TransactionTooLargeException(memory.get().getMessage(), e);
                }
                if (!isTransient(e) || n >= WRITE_ATTEMPTS) {
                    throw e;
                }
                Log.warnf("asegraph store: write failed (%s), attempt %d of %d", e.getMessage(), n, WRITE_ATTEMPTS);
            }
        }
    }

    private static boolean isTransient(RuntimeException e) {
        return e instanceof TransientException
                || e instanceof SessionExpiredException
                || e instanceof ServiceUnavailableException
                || e instanceof TransientFailureException;
    }

    /** The memory-limit error (the driver's or the embedded store's) in {@code e}'s causes, if that is what it is. */
    private static Optional<Throwable> outOfTransactionMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MemoryLimitExceededException
                    || (t instanceof Neo4jException n
                            && n.code() != null
                            && n.code().endsWith("MemoryPoolOutOfMemoryError"))
                    || (t.getMessage() != null && t.getMessage().contains("dbms.memory.transaction."))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Runs one auto-commit statement (schema commands cannot share a transaction with data). */
    public void runAutoCommit(String cypher) {
        reaching(() -> {
            try (Session s = session()) {
                return s.run(cypher).consume();
            }
        });
    }

    /** How long a trivial read takes; it does not wait for a swap (the store is up meanwhile). */
    Duration ping() {
        long t0 = System.nanoTime();
        readOnce(tx -> tx.run("RETURN 1").single().get(0).asInt());
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
