package io.asegraph.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asegraph.estate.Estate;
import io.asegraph.history.ResourceChange;
import io.asegraph.history.ResourceDiffer;
import io.asegraph.history.ResourceState;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The per-version change log of resource states: every committed write records, in its own transaction, one
 * {@code (:ResourceVersion {version, resourceKey, kind, id, name, before, after})} per resource it changed, {@code before} and
 * {@code after} being the resource's {@link ResourceState} as JSON (absent where the resource did not exist). Not a copy
 * of the estate per version: only what the write changed. The states of a write are computed from the snapshot it was
 * planned against and its batch, so a dry run's drift ({@link #changes}) and a version's record come from one function.
 *
 * <p>The meta node's {@code historyFrom} is the oldest version the log can diff from: the version before the first
 * write that recorded states, moved on as old states are pruned ({@link #prune}).
 */
public final class ResourceHistory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Creates the rows of {@link #rows} as nodes ({@code $rows}; a staged write's rows carry {@code stage}). */
    static final String CREATE = "UNWIND $rows AS r CREATE (v:" + Labels.RESOURCE_VERSION + ") SET v = r";

    /** Rows written per statement. */
    static final int CHUNK = 2_000;

    /**
     * How long resource states are kept: the states of the newest {@code keepVersions} versions and of every version
     * committed in the last {@code keepDays} days, whichever is more.
     */
    public record Retention(int keepVersions, int keepDays) {
        public static final Retention DEFAULT = new Retention(100, 90);
    }

    /** One resource's states around a write; either may be absent. */
    record Entry(Optional<ResourceState> before, Optional<ResourceState> after) {
        ResourceState any() {
            return after.orElseGet(before::orElseThrow);
        }
    }

    private ResourceHistory() {}

    /** What writing {@code batch} over {@code base} changes, resource by resource (dry runs: the drift). */
    static List<ResourceChange> changes(Estate base, ImportBatch batch) {
        return changes(base, batch, HeldBackRecords.NONE);
    }

    /** As above, a held-back resource's state before taken from {@code heldBack}. */
    static List<ResourceChange> changes(Estate base, ImportBatch batch, HeldBackRecords heldBack) {
        List<ResourceChange> out = new ArrayList<>();
        for (Entry e : entries(base, batch, heldBack)) {
            ResourceDiffer.diff(e.before(), e.after()).ifPresent(out::add);
        }
        out.sort(ResourceDiffer.ORDER);
        return out;
    }

    /** The states before and after {@code batch} of every resource it upserts or removes and really changes. */
    static List<Entry> entries(Estate base, ImportBatch batch) {
        return entries(base, batch, HeldBackRecords.NONE);
    }

    /**
     * As above; the state before of a resource the snapshot holds back for a placeholder is its stored record in
     * {@code heldBack}.
     */
    static List<Entry> entries(Estate base, ImportBatch batch, HeldBackRecords heldBack) {
        List<Entry> out = new ArrayList<>();
        Stream.concat(NetworkTypes.ALL.stream(), PolicyTypes.ALL.stream()).forEach((ResourceType<?> type) -> {
            for (Object r : batch.of(type)) {
                ResourceState after = ResourceState.of(r);
                Optional<Object> old = stored(base, type.kind(), after.id()).map(Object.class::cast);
                if (old.isEmpty() && type.kind() != ResourceKind.SERVICE_TAGS) {
                    old = heldBack.get(type.kind(), ResourceId.of(after.id())).map(Object.class::cast);
                }
                Optional<ResourceState> before = old.map(ResourceState::of);
                if (before.isEmpty() || !before.get().properties().equals(after.properties())) {
                    out.add(new Entry(before, Optional.of(after)));
                }
            }
        });
        batch.removals()
                .forEach((kind, ids) -> ids.forEach(id -> stored(base, kind, id.value())
                        .map(ResourceState::of)
                        .ifPresent(b -> out.add(new Entry(Optional.of(b), Optional.empty())))));
        return out;
    }

    /** The rows {@link #CREATE} writes for {@code entries}: key, kind, id, name and the two states as JSON. */
    static List<Map<String, Object>> rows(List<Entry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ResourceState s = e.any();
            Map<String, Object> row = new HashMap<>();
            row.put("resourceKey", s.key()); // not "key": label-less lookups of resources by key must not find a state
            row.put("kind", s.kind().name());
            row.put("id", s.id());
            row.put("name", s.name());
            e.before().ifPresent(b -> row.put("before", json(b)));
            e.after().ifPresent(a -> row.put("after", json(a)));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Records {@code rows} as the states of {@code version}, in the write's transaction, and starts the history at the
     * version before it if none was recorded yet.
     */
    static void record(GraphStore.WriteTransaction tx, long version, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (Map<String, Object> r : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                Map<String, Object> row = new HashMap<>(r);
                row.put("version", version);
                chunk.add(row);
            }
            tx.run(CREATE, Map.of("rows", chunk));
        }
        started(tx, version);
    }

    /**
     * For staged write {@code stage} finishing at {@code version}: its states, staged with {@code stage:} the marker
     * its stage node keeps, get the version.
     */
    static void recordStaged(GraphStore.WriteTransaction tx, long version, String stage) {
        tx.run(
                "MATCH (s:" + StagedWrite.STAGE + " {id: $stage}) WHERE s.change_statesMarker IS NOT NULL"
                        + " MATCH (v:" + Labels.RESOURCE_VERSION + " {stage: s.change_statesMarker})"
                        + " SET v.version = $version REMOVE v.stage",
                Map.of("stage", stage, "version", version));
        started(tx, version);
    }

    private static void started(GraphStore.WriteTransaction tx, long version) {
        tx.run(
                "MERGE " + Labels.META_NODE + " SET m.historyFrom = coalesce(m.historyFrom, $version - 1)",
                Map.of("version", version));
    }

    /**
     * Deletes the states that fell out of {@code retention} (a version is kept while it is among the newest
     * {@code keepVersions} or younger than {@code keepDays}), in transactions of {@link #CHUNK} nodes, and moves
     * {@code historyFrom} on to the newest pruned version. Returns the number of states deleted.
     */
    static long prune(GraphStore store, Retention retention) {
        long cutoff = store.read(tx -> tx.run(
                        "MATCH " + Labels.META_NODE + " MATCH (c:" + Labels.CHANGE + ")"
                                + " WHERE c.version <= m.version - $keep AND c.at < datetime() - duration({days: $days})"
                                + " AND c.version > coalesce(m.historyFrom, 0) RETURN max(c.version) AS cutoff",
                        Map.of("keep", retention.keepVersions(), "days", retention.keepDays()))
                .single()
                .get("cutoff")
                .asLong(-1));
        if (cutoff < 0) {
            return 0;
        }
        long deleted = 0;
        long n;
        do {
            n = store.writeInBulk(tx -> tx.single(
                    "MATCH (v:" + Labels.RESOURCE_VERSION + ") WHERE v.version <= $cutoff WITH v LIMIT $chunk"
                            + " DELETE v RETURN count(*) AS n",
                    Map.of("cutoff", cutoff, "chunk", CHUNK),
                    "n"));
            deleted += n;
        } while (n == CHUNK);
        store.writeInBulk(tx -> {
            tx.run(
                    "MATCH " + Labels.META_NODE + " SET m.historyFrom = CASE WHEN coalesce(m.historyFrom, 0) < $cutoff"
                            + " THEN $cutoff ELSE m.historyFrom END",
                    Map.of("cutoff", cutoff));
            return null;
        });
        return deleted;
    }

    static String json(ResourceState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind().name());
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("properties", s.properties());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of " + s.id(), e);
        }
    }

    /** A state {@link #json} wrote. */
    @SuppressWarnings("unchecked")
    static ResourceState state(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, MAP);
            return new ResourceState(
                    ResourceKind.valueOf((String) m.get("kind")), (String) m.get("id"), (String) m.get("name"), (Map<
                                    String, Object>)
                            m.get("properties"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored resource state is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The resource of {@code kind} with id (a service tag: name) {@code id} in {@code estate}. */
    static Optional<?> stored(Estate estate, ResourceKind kind, String id) {
        Topology t = estate.topology();
        PolicySet p = estate.policies();
        if (kind == ResourceKind.SERVICE_TAGS) {
            return p.serviceTag(id);
        }
        ResourceId rid = ResourceId.of(id);
        return switch (kind) {
            case VIRTUAL_NETWORK -> t.vnet(rid);
            case SUBNET -> t.subnet(rid);
            case PEERING -> t.peering(rid);
            case NETWORK_SECURITY_GROUP -> p.nsg(rid);
            case ROUTE_TABLE -> t.routeTable(rid);
            case NETWORK_INTERFACE -> t.nic(rid);
            case APPLICATION_SECURITY_GROUP -> p.asg(rid);
            case NAT_GATEWAY -> t.natGateway(rid);
            case PUBLIC_IP_ADDRESS -> t.publicIp(rid);
            case VIRTUAL_NETWORK_GATEWAY -> t.gateway(rid);
            case LOCAL_NETWORK_GATEWAY -> t.localGateway(rid);
            case CONNECTION -> t.connection(rid);
            case APP_SERVICE_ENVIRONMENT -> t.environment(rid);
            case APP -> t.app(rid);
            case ENDPOINT -> t.endpoint(rid);
            case AZURE_FIREWALL -> t.firewall(rid);
            case FIREWALL_POLICY -> t.firewallPolicy(rid);
            case IP_GROUP -> t.ipGroup(rid);
            case PRIVATE_ENDPOINT -> t.privateEndpoint(rid);
            case RULE_COLLECTION_GROUP -> t.ruleCollectionGroup(rid);
            case SERVICE_TAGS -> p.serviceTag(id);
        };
    }
}
