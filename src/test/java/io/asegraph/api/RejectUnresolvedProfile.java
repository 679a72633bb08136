package io.asegraph.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** A service of its own with {@code asegraph.import.unresolved-references=reject}: today's strict mode. */
public class RejectUnresolvedProfile implements QuarkusTestProfile {
    private static final String DATA = "target/test-data/reject-unresolved-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asegraph.store.data-directory", DATA, "asegraph.import.unresolved-references", "reject");
    }
}
