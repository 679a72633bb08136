package io.asegraph.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A service of its own for the snapshot-versus-store listing comparison: a fresh store (the reference topology plus the
 * small generated estate the test imports), and no query limits of ours, so that one document can select every field
 * of a listing two levels deep; SmallRye's own depth limit (20) is set, to show it applies when ours are off.
 */
public class ListingSnapshotProfile implements QuarkusTestProfile {
    private static final String DATA = "target/test-data/listing-snapshot-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        // SmallRye's own depth setting, which applies while ours are off (QueryLimits; checked in
        // ListingSnapshotVsStoreTest): 20 is above the listings' depth here.
        return Map.of(
                "asegraph.store.data-directory",
                DATA,
                "asegraph.api.query-limits",
                "false",
                "quarkus.smallrye-graphql.instrumentation-query-depth",
                "20");
    }
}
