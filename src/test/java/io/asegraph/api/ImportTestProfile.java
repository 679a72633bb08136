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

    /**
     * A generated estate whose import needs more than {@link #TRANSACTION_MEMORY} in one transaction: 8,000 rules over 8
     * NSGs (so it is staged and swapped).
     */
    static byte[] overTransactionMemory(java.nio.file.Path dir) throws java.io.IOException {
        return generated(new io.asegraph.bench.EstateSpec(3, 12, 3, 6, 10, 8, 8_000, 2, 2, 1, 1, 3, 3, 60), 7, dir);
    }

    /**
     * The resources document of the estate the bench generator makes of {@code spec} and {@code seed} (ids differ by
     * seed: its subscriptions are drawn from it), without the reference topology's resources and the generator's
     * endpoints (the same ids whatever the seed).
     */
    static byte[] generated(io.asegraph.bench.EstateSpec spec, long seed, java.nio.file.Path dir)
            throws java.io.IOException {
        io.asegraph.bench.EstateGenerator.generate(spec, seed, dir, false);
        // Without the reference topology's resources the generator puts in too (some changed): the import tests share
        // the seeded reference and expect it as seeded.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> reference = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode r : json.readTree(
                java.nio.file.Path.of("graph-seed/reference-topology.az.json").toFile())) {
            reference.add(r.path("id").asText().toLowerCase(java.util.Locale.ROOT));
        }
        com.fasterxml.jackson.databind.node.ArrayNode kept = json.createArrayNode();
        for (com.fasterxml.jackson.databind.JsonNode r : json.readTree(
                dir.resolve(io.asegraph.bench.EstateGenerator.RESOURCES_FILE).toFile())) {
            String id = r.path("id").asText().toLowerCase(java.util.Locale.ROOT);
            // Nor the generator's endpoints: their ids do not depend on the seed (/asegraph/endpoints/<name>) but their
            // properties do, so two generated estates in this shared store would update each other's.
            if (!reference.contains(id) && !id.startsWith("/asegraph/endpoints/")) {
                kept.add(r);
            }
        }
        return json.writeValueAsBytes(kept);
    }

    /**
     * The reference topology's first NSG with rules, one of them given a description of 12 MiB: more than the store's
     * transaction memory in one record, so neither one transaction nor a staged write can take it (TOO_LARGE).
     */
    public static byte[] oversizedRecord() throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (com.fasterxml.jackson.databind.JsonNode r : json.readTree(
                java.nio.file.Path.of("graph-seed/reference-topology.az.json").toFile())) {
            if (r.path("type").asText().equalsIgnoreCase("Microsoft.Network/networkSecurityGroups")
                    && r.path("properties").path("securityRules").size() > 0) {
                com.fasterxml.jackson.databind.node.ObjectNode nsg = r.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) nsg.path("properties")
                                .path("securityRules")
                                .get(0)
                                .path("properties"))
                        .put("description", "x".repeat(12 << 20));
                return json.writeValueAsBytes(json.createArrayNode().add(nsg));
            }
        }
        throw new IllegalStateException("the reference topology has no NSG with rules");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // The store's minimum transaction memory, so a test can exceed it with a document of a few MB (staged and
        // swapped) or with one record (TOO_LARGE).
        return Map.of("asegraph.store.data-directory", DATA, "asegraph.store.transaction-memory", TRANSACTION_MEMORY);
    }
}
