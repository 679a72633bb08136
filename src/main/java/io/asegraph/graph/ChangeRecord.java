package io.asegraph.graph;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One committed write, as the store keeps it ({@code (:Change)}, created in the transaction that bumps the store
 * version, so a change is recorded exactly when it is committed): who asked ({@code principal}), what
 * ({@code operation}: {@code importResources}, {@code POST /import}, {@code putSecurityRule} ...; with the SHA-256 of
 * the document for imports), when ({@code at}, the store's clock), the store version it produced, and how many
 * resources it created, updated, left unchanged (imports only) and removed.
 */
public record ChangeRecord(
        String principal,
        String operation,
        Optional<String> documentSha256,
        OffsetDateTime at,
        long version,
        long created,
        long updated,
        long unchanged,
        long removed) {

    /** What a write about to be committed records: everything but {@code at} and {@code version}, set by the store. */
    record Pending(Attribution by, long created, long updated, long unchanged, long removed, String statesMarker) {
        Pending(Attribution by, long created, long updated, long unchanged, long removed) {
            this(by, created, updated, unchanged, removed, null);
        }

        /** This change for a staged write whose resource states are staged with {@code stage: marker}. */
        Pending withStates(String marker) {
            return new Pending(by, created, updated, unchanged, removed, marker);
        }

        Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            p.put("principal", by.principal());
            p.put("operation", by.operation());
            by.documentSha256().ifPresent(s -> p.put("documentSha256", s));
            p.put("created", created);
            p.put("updated", updated);
            p.put("unchanged", unchanged);
            p.put("removed", removed);
            if (statesMarker != null) { // only on a stage: the finisher gives those states the version
                p.put("statesMarker", statesMarker);
            }
            return p;
        }
    }
}
