package io.asegraph.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A service of its own on a fresh store (seeded with the reference topology only) for {@link FlowOverImportedEstateTest}:
 * its verdict is UNDETERMINED until the test itself imports the Service Tags file, which holds only while no other class
 * has imported that file into the same store.
 */
public class FlowOverImportedEstateProfile implements QuarkusTestProfile {
    private static final String DATA = "target/test-data/flow-imported-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asegraph.store.data-directory", DATA);
    }
}
