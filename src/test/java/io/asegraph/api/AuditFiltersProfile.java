package io.asegraph.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A service of its own on a fresh store seeded with the reference topology only: the audit filter tests state the
 * reference topology's answers exactly, and tests of the default profile import estates of their own into its store.
 */
public class AuditFiltersProfile implements QuarkusTestProfile {
    private static final String DATA = "target/test-data/audit-filters-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asegraph.store.data-directory", DATA);
    }
}
