package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Vetoed;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.TransactionContext;

/**
 * The snapshot cache under a true race, made deterministic: the store (the real embedded one) can hold a reader's
 * thread after its read transaction ended and before the cache takes its result, while the test commits a write. The
 * estate that load read is older than that write; the cache must never serve it as current afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstateCacheRaceTest {
    /**
     * The embedded store, whose next read (once armed) waits after it committed until the test lets it go on. Vetoed:
     * it inherits GraphStore's bean scope, and the Quarkus tests' container must see one store bean only.
     */
    @Vetoed
    private static final class PausingStore extends GraphStore {
        private final AtomicReference<Pause> armed = new AtomicReference<>();

        PausingStore(Path data) {
            super(TestStores.config(data, "512m", Optional.empty()), TestStores.seeder(Path.of("graph-seed"), true));
        }

        @Override
        public <T> T read(Function<TransactionContext, T> work) {
            T result = super.read(work);
            Pause pause = armed.getAndSet(null);
            if (pause != null) {
                pause.read.countDown();
                await(pause.proceed);
            }
            return result;
        }
    }

    /** {@code read} counts down when the paused read has committed; the reader waits for {@code proceed}. */
    private record Pause(CountDownLatch read, CountDownLatch proceed) {
        Pause() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "the other side of the race never came");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private PausingStore store;

    @BeforeAll
    void start(@TempDir Path data) {
        store = new PausingStore(data);
        store.start();
    }

    @AfterAll
    void stop() {
        store.stop();
    }

    /** Asks {@code cache} on another thread and returns once that thread's load has read the store, held there. */
    private CompletableFuture<Long> pausedLoad(EstateCache cache, Pause pause) {
        store.armed.set(pause);
        CompletableFuture<Long> background =
                CompletableFuture.supplyAsync(() -> cache.current().version());
        await(pause.read);
        return background;
    }

    @Test
    void aLoadThatBeganBeforeAWriteIsNeverServedAsCurrentAfterTheWriteCommitted() throws Exception {
        EstateCache cache = new EstateCache(store);
        cache.current();
        long first = TestStores.bumpVersion(store);
        cache.invalidate();

        // A background reload (the service's warm-up does this after every write) reads the store at `first` ...
        Pause pause = new Pause();
        CompletableFuture<Long> background = pausedLoad(cache, pause);
        // ... and before it hands its estate to the cache, a write commits and invalidates.
        long second = TestStores.bumpVersion(store);
        cache.invalidate();
        pause.proceed.countDown();
        assertEquals(
                first, background.get(60, TimeUnit.SECONDS), "the background load read the store before the write");

        assertEquals(second, cache.current().version(), "a question asked after the write sees it");
        assertEquals(second, cache.current().version());
    }

    @Test
    void aLoadThatBeganAfterTheLastWriteIsServedWithoutReloading() throws Exception {
        EstateCache cache = new EstateCache(store);
        long version = TestStores.bumpVersion(store);
        cache.invalidate();
        Pause pause = new Pause();
        CompletableFuture<Long> background = pausedLoad(cache, pause);
        pause.proceed.countDown();
        assertEquals(version, background.get(60, TimeUnit.SECONDS));
        long loads = cache.loads();
        assertEquals(version, cache.current().version());
        assertEquals(loads, cache.loads(), "no write came after that load: it is current");
    }
}
