package io.asegraph.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A service of its own on a fresh store for {@link WhoCanReachVsFlowTest}: the seeded reference topology plus the small
 * generated estate that the test imports itself.
 */
public class WhoCanReachVsFlowProfile implements QuarkusTestProfile {
    private static final String DATA = "target/test-data/who-can-reach-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asegraph.store.data-directory", DATA);
    }
}
