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

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asegraph.store.data-directory", DATA);
    }
}
