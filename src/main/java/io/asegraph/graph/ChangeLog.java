package io.asegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;

/** The record of committed writes ({@link ChangeRecord}), newest first. */
@ApplicationScoped
public class ChangeLog {
    private final GraphStore store;

    public ChangeLog(GraphStore store) {
        this.store = store;
    }

    /** At most {@code limit} changes, newest first; with {@code since}, only those committed at or after it. */
    public List<ChangeRecord> recent(int limit, Optional<OffsetDateTime> since) {
        return newest(limit, "$since IS NULL OR c.at >= $since", "since", since.orElse(null));
    }

    /** At most {@code limit} changes, newest first; with {@code before}, only those of versions below it. */
    public List<ChangeRecord> before(int limit, Optional<Long> before) {
        return newest(limit, "$before IS NULL OR c.version < $before", "before", before.orElse(null));
    }

    private List<ChangeRecord> newest(int limit, String where, String name, Object value) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put(name, value);
        return store.read(tx -> tx.run(
                        "MATCH (c:" + Labels.CHANGE + ") WHERE " + where
                                + " RETURN c ORDER BY c.version DESC LIMIT $limit",
                        params)
                .list(r -> record(r.get("c"))));
    }

    /** The change that produced store version {@code version}, if one is recorded. */
    public Optional<ChangeRecord> ofVersion(long version) {
        return store
                .read(tx -> tx.run(
                                "MATCH (c:" + Labels.CHANGE + " {version: $version}) RETURN c LIMIT 1",
                                Map.of("version", version))
                        .list(r -> record(r.get("c"))))
                .stream()
                .findFirst();
    }

    private static ChangeRecord record(Value c) {
        return new ChangeRecord(
                c.get("principal").asString(),
                c.get("operation").asString(),
                c.get("documentSha256").isNull()
                        ? Optional.empty()
                        : Optional.of(c.get("documentSha256").asString()),
                c.get("at").asOffsetDateTime(),
                c.get("version").asLong(),
                c.get("created").asLong(),
                c.get("updated").asLong(),
                c.get("unchanged").asLong(),
                c.get("removed").asLong());
    }
}
