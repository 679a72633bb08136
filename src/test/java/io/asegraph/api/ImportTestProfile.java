package io.asegraph.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * The import tests write to the store, so they get a service of their own: a fresh data directory, seeded with the
 * reference topology like every test service, but not shared with the read tests (ReadApiTest counts and pages over
 * the whole seed). All import test classes use this profile and share that one service; each test works on resources
 * of its own (its own id prefix), so they run in any order.
 */
public class ImportTestProfile implements QuarkusTestProfile {
    private static final String DATA = "target/test-data/import-" + UUID.randomUUID();
    static final String TRANSACTION_MEMORY = "10m";

    /** A generated estate whose import needs more than {@link #TRANSACTION_MEMORY}: 8,000 rules over 8 NSGs. */
    static byte[] overTransactionMemory(java.nio.file.Path dir) throws java.io.IOException {
        io.asegraph.bench.EstateGenerator.generate(new io.asegraph.bench.EstateSpec(3, 12, 3, 6, 10, 8, 8_000, 2, 2, 1, 1, 3,
                3, 60), 7, dir, false);
        return java.nio.file.Files.readAllBytes(dir.resolve(io.asegraph.bench.EstateGenerator.RESOURCES_FILE));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // The store's minimum transaction memory, so a test can exceed it with a document of a few MB (TOO_LARGE).
        return Map.of("asegraph.store.data-directory", DATA, "asegraph.store.transaction-memory", TRANSACTION_MEMORY);
    }
}
