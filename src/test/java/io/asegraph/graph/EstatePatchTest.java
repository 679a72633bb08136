package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.topology.ResourceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a write the importer moves the estate snapshot on in memory ({@link EstatePatch}) instead of reloading it.
 * Each step here imports into one embedded store (seeded with the reference topology) and compares the snapshot the
 * cache then serves with the whole graph read back by {@link EstateLoader}: they must be equal, resource by resource,
 * and the cache must not have read the store to get there — except for a write that removes something, which it must
 * reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstatePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private GraphStore store;
    private EstateCache cache;
    private GraphImporter importer;

    @BeforeAll
    void start(@TempDir Path data) {
        store = TestStores.embedded(data, Path.of("graph-seed"), true);
        store.start();
        cache = new EstateCache(store);
        importer = new GraphImporter(store, cache);
    }

    @AfterAll
    void stop() {
        store.stop();
    }

    @Test
    void everyImportThatRemovesNothingLeavesTheSnapshotAReloadWouldReadWithoutReadingTheStore(@TempDir Path estate)
            throws Exception {
        EstateGenerator.generate(new EstateSpec(3, 12, 3, 6, 10, 8, 400, 2, 2, 1, 1, 3, 3, 60), 11, estate, false);
        cache.current();

        // A new estate: every resource created.
        ImportOutcome created =
                importAndCompare(Files.readString(estate.resolve(EstateGenerator.RESOURCES_FILE)), false);
        assertTrue(created.created() > 50, "the generated estate is new to the graph: " + created);
        // A Service Tags file.
        ImportOutcome tags =
                importAndCompare(Files.readString(estate.resolve(EstateGenerator.SERVICE_TAGS_FILE)), false);
        assertTrue(tags.created() > 0, "tags created: " + tags);

        // Updates of the seeded reference topology: an NSG's rules replaced, a NIC moved to another address and its
        // references changed, a route added, an app given another host name.
        ArrayNode reference = (ArrayNode)
                JSON.readTree(Path.of("graph-seed/reference-topology.az.json").toFile());
        ArrayNode edited = JSON.createArrayNode();
        for (JsonNode r : reference) {
            ObjectNode x = r.deepCopy();
            switch (x.path("name").asText()) {
                case "db-nsg" -> {
                    ArrayNode rules = (ArrayNode) x.with("properties").withArray("securityRules");
                    ObjectNode first = (ObjectNode) rules.get(0);
                    first.with("properties").put("priority", 4000);
                    ObjectNode added = first.deepCopy();
                    added.put("name", "added-by-test");
                    added.put("id", x.path("id").asText() + "/securityRules/added-by-test");
                    added.with("properties").put("priority", 3999).put("access", "Deny");
                    rules.add(added);
                }
                case "db-vm-nic" -> {
                    ObjectNode ipConfig = (ObjectNode)
                            x.with("properties").withArray("ipConfigurations").get(0);
                    String ip =
                            ipConfig.with("properties").path("privateIPAddress").asText();
                    ipConfig.with("properties").put("privateIPAddress", ip.substring(0, ip.lastIndexOf('.')) + ".77");
                }
                case "ase-one-routes" -> {
                    ArrayNode routes = (ArrayNode) x.with("properties").withArray("routes");
                    ObjectNode added = routes.get(0).deepCopy();
                    added.put("name", "a-route-added-by-test");
                    added.put("id", x.path("id").asText() + "/routes/a-route-added-by-test");
                    added.with("properties")
                            .put("addressPrefix", "203.0.113.0/24")
                            .put("nextHopType", "None")
                            .remove("nextHopIpAddress");
                    routes.add(added);
                }
                case "app1" -> ((ArrayNode) x.with("properties").withArray("hostNames")).add("extra.example.com");
                default -> {}
            }
            edited.add(x);
        }
        ImportOutcome updated = importAndCompare(JSON.writeValueAsString(edited), false);
        assertTrue(updated.updated() >= 4, "the edited resources are updates: " + updated);
    }

    @Test
    void aWriteThatRemovesSomethingIsReloadedFromTheStore() throws Exception {
        // The reference VNet without its last subnet: the subnet is removed (and what is deployed in it with it).
        ArrayNode reference = (ArrayNode)
                JSON.readTree(Path.of("graph-seed/reference-topology.az.json").toFile());
        ObjectNode vnet = null;
        for (JsonNode r : reference) {
            if (r.path("type").asText().equals("Microsoft.Network/virtualNetworks")) {
                vnet = (ObjectNode) r.deepCopy();
            }
        }
        ArrayNode subnets = (ArrayNode) vnet.with("properties").withArray("subnets");
        String dropped = pickUnusedSubnet(subnets);
        for (int i = 0; i < subnets.size(); i++) {
            if (subnets.get(i).path("name").asText().equals(dropped)) {
                subnets.remove(i);
                break;
            }
        }
        ImportOutcome removed =
                importAndCompare(JSON.writeValueAsString(JSON.createArrayNode().add(vnet)), true);
        assertEquals(1, removed.removed(), removed::toString);
    }

    @Test
    void whilePlaceholdersExistAWriteThatDoesNotTouchThemMovesTheSnapshotOnAndOneThatDoesReloads() throws Exception {
        // A NIC exported alone: placeholders for its subnet and NSG are made, the NIC is held back: a reload.
        importAndCompare(partial("partial-nic-only.json"), true);
        assertFalse(cache.current().unresolved().isEmpty(), "placeholders in the snapshot");

        // An NSG of the reference topology changed: nothing refers to a placeholder, so the snapshot moves on in
        // memory, placeholders and all, and is still what a reload reads.
        ArrayNode reference = (ArrayNode)
                JSON.readTree(Path.of("graph-seed/reference-topology.az.json").toFile());
        ArrayNode nsg = JSON.createArrayNode();
        for (JsonNode r : reference) {
            if (r.path("name").asText().equals("ase-two-nsg")) {
                ObjectNode x = r.deepCopy();
                ArrayNode rules = (ArrayNode) x.with("properties").withArray("securityRules");
                ((ObjectNode) rules.get(0)).with("properties").put("priority", 3100);
                nsg.add(x);
            }
        }
        Estate before = cache.current();
        ImportOutcome unrelated = importAndCompare(JSON.writeValueAsString(nsg), false);
        assertEquals(1, unrelated.updated(), unrelated::toString);
        assertSame(before.unresolved(), cache.current().unresolved(), "the placeholders carried over, not reloaded");

        // The placeholder subnet's VNet: it is filled and the NIC comes back into the snapshot: a reload.
        importAndCompare(partial("partial-vnet.json"), true);
        assertTrue(
                cache.current().topology().nics().stream()
                        .anyMatch(n -> n.name().equals("patch-lone-nic")),
                "the NIC is in the snapshot again");
    }

    /**
     * A what-if's overlay ({@link EstatePatch#overlay}, through {@link WhatIfPlanner}) is the estate the same change,
     * written, reads back: for an import that removes a subnet, edits that put a rule and remove a route, and a
     * cascading delete (which detaches the NIC and subnet that referred to the NSG). NSG etags are left out: a write
     * gives a changed NSG a new random one.
     */
    @Test
    void aWhatIfIsTheEstateTheSameChangeWrittenReadsBack() throws Exception {
        String net = "/subscriptions/33333333-0000-0000-0000-000000000000/resourceGroups/wio-rg/providers"
                + "/Microsoft.Network";
        String doc =
                """
                [{"name": "wio-vnet", "id": "NET/virtualNetworks/wio-vnet", "type": "Microsoft.Network/virtualNetworks",
                  "location": "westus", "properties": {"addressSpace": {"addressPrefixes": ["10.77.0.0/16"]}, "subnets": [
                   {"name": "a", "id": "NET/virtualNetworks/wio-vnet/subnets/a", "properties": {"addressPrefix": "10.77.1.0/24",
                     "networkSecurityGroup": {"id": "NET/networkSecurityGroups/wio-nsg"},
                     "routeTable": {"id": "NET/routeTables/wio-rt"}}},
                   {"name": "b", "id": "NET/virtualNetworks/wio-vnet/subnets/b", "properties": {"addressPrefix": "10.77.2.0/24"}}]}},
                 {"name": "wio-nsg", "id": "NET/networkSecurityGroups/wio-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                  "location": "westus", "properties": {"securityRules": [
                   {"name": "allow-https", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
                     "protocol": "Tcp", "sourceAddressPrefix": "10.0.0.0/8", "sourcePortRange": "*",
                     "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}},
                 {"name": "wio-rt", "id": "NET/routeTables/wio-rt", "type": "Microsoft.Network/routeTables", "location": "westus",
                  "properties": {"routes": [{"name": "out", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "Internet"}}]}},
                 {"name": "wio-nic", "id": "NET/networkInterfaces/wio-nic", "type": "Microsoft.Network/networkInterfaces",
                  "location": "westus", "properties": {"ipConfigurations": [{"name": "ip", "properties": {
                    "privateIPAddress": "10.77.1.4", "subnet": {"id": "NET/virtualNetworks/wio-vnet/subnets/a"}}}],
                   "networkSecurityGroup": {"id": "NET/networkSecurityGroups/wio-nsg"}}}]"""
                        .replace("NET", net);
        assertTrue(importer.importDocument(doc, false).problems().isEmpty());
        WhatIfPlanner planner = new WhatIfPlanner(importer);
        ResourceEdits edits = new ResourceEdits(importer);

        // An import that drops subnet b from the VNet: a removal.
        ArrayNode withoutB = (ArrayNode) JSON.readTree(doc);
        ((ArrayNode) withoutB.get(0).path("properties").path("subnets")).remove(1);
        String dropB = JSON.writeValueAsString(JSON.createArrayNode().add(withoutB.get(0)));
        assertOverlayIsWhatIsWritten(planner, dropB, () -> importer.importDocument(dropB, false));

        // Edits: a rule put, a route removed.
        String nsg = net + "/networkSecurityGroups/wio-nsg";
        String rt = net + "/routeTables/wio-rt";
        Map<String, Object> rule = Map.of(
                "name",
                "deny-ssh",
                "priority",
                200,
                "direction",
                "INBOUND",
                "access",
                "DENY",
                "protocol",
                "TCP",
                "sourceAddressPrefixes",
                List.of("*"),
                "destinationAddressPrefixes",
                List.of("*"),
                "destinationPortRanges",
                List.of("22"));
        String putAndRemove = JSON.writeValueAsString(Map.of(
                "edits",
                List.of(
                        Map.of("putSecurityRule", Map.of("nsg", nsg, "rule", rule)),
                        Map.of("removeRoute", Map.of("routeTable", rt, "name", "out")))));
        assertOverlayIsWhatIsWritten(planner, putAndRemove, () -> {
            Map<String, Object> az = new LinkedHashMap<>(rule);
            az.putAll(Map.of(
                    "direction", "Inbound", "access", "Deny", "protocol", "Tcp", "sourcePortRanges", List.of("*")));
            edits.putSecurityRule(nsg, az, java.util.Optional.empty());
            return edits.removeRoute(rt, "out");
        });

        // A cascading delete of the NSG: the subnet and the NIC lose their reference to it.
        String delete = JSON.writeValueAsString(
                Map.of("edits", List.of(Map.of("deleteResource", Map.of("id", nsg, "cascade", true)))));
        assertOverlayIsWhatIsWritten(planner, delete, () -> edits.delete(nsg, true));
    }

    private void assertOverlayIsWhatIsWritten(WhatIfPlanner planner, String document, Supplier<?> write) {
        Estate base = cache.current();
        WhatIfPlanner.Proposal p = planner.propose(base, document);
        assertTrue(p.valid(), () -> "valid: " + p.problems());
        assertFalse(p.changes().isEmpty(), "the proposal changes something");
        write.get();
        Estate stored = store.read(EstateLoader::load);
        Map<String, List<?>> expected = withoutEtags(stored);
        Map<String, List<?>> actual = withoutEtags(p.after().orElseThrow());
        for (String kind : expected.keySet()) {
            assertEquals(expected.get(kind), actual.get(kind), kind);
        }
    }

    private static Map<String, List<?>> withoutEtags(Estate e) {
        Map<String, List<?>> m = canonical(e);
        m.put("nsgs", byId(e.policies().nsgs().stream().map(ImportDiff::normalise), x -> x.id()));
        return m;
    }

    /** A partial-export shape document with its names and resource groups prefixed {@code patch}. */
    private static String partial(String file) throws java.io.IOException {
        try (var in = EstatePatchTest.class.getResourceAsStream("/shapes/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("partial-", "patch-")
                    .replace("lone-", "patch-lone-");
        }
    }

    /** A subnet of the reference VNet that nothing is deployed in (removing it needs no cascade). */
    private String pickUnusedSubnet(ArrayNode subnets) {
        Estate e = cache.current();
        for (JsonNode s : subnets) {
            ResourceId id = ResourceId.of(s.path("id").asText());
            boolean used =
                    e.topology().nics().stream().anyMatch(n -> n.subnetId().equals(id))
                            || e.topology().environments().stream()
                                    .anyMatch(a -> a.subnetId().equals(id));
            if (!used) {
                return s.path("name").asText();
            }
        }
        throw new IllegalStateException("every reference subnet is in use");
    }

    /** Imports {@code document}, then compares the cache's snapshot with the store read back. */
    private ImportOutcome importAndCompare(String document, boolean reloadExpected) {
        long loadsBefore = cache.loads();
        ImportOutcome outcome = importer.importDocument(document, false);
        assertTrue(outcome.problems().isEmpty(), () -> "valid: " + outcome.problems());
        Estate served = cache.current();
        assertEquals(
                reloadExpected,
                cache.loads() > loadsBefore,
                reloadExpected
                        ? "a write with removals reloads the snapshot"
                        : "the snapshot was computed, not read from the store");
        Estate stored = store.read(EstateLoader::load);
        assertEquals(stored.version(), served.version(), "version");
        assertEquals(stored.unresolved(), served.unresolved(), "placeholders");
        Map<String, List<?>> expected = canonical(stored);
        Map<String, List<?>> actual = canonical(served);
        for (String kind : expected.keySet()) {
            assertEquals(expected.get(kind), actual.get(kind), kind);
        }
        return outcome;
    }

    /** Every resource of {@code e} by kind, each kind sorted by id, lists in the loader's normal form. */
    private static Map<String, List<?>> canonical(Estate e) {
        var t = e.topology();
        var p = e.policies();
        Map<String, List<?>> m = new LinkedHashMap<>();
        m.put("vnets", byId(t.vnets().stream(), v -> v.id()));
        m.put("subnets", byId(t.subnets().stream(), s -> s.id()));
        m.put("peerings", byId(t.peerings().stream(), x -> x.id()));
        m.put("environments", byId(t.environments().stream(), x -> x.id()));
        m.put("apps", byId(t.apps().stream(), x -> x.id()));
        m.put("nics", byId(t.nics().stream().map(ImportDiff::normalise), x -> x.id()));
        m.put("endpoints", byId(t.endpoints().stream(), x -> x.id()));
        m.put("routeTables", byId(t.routeTables().stream().map(ImportDiff::normalise), x -> x.id()));
        m.put("gateways", byId(t.gateways().stream(), x -> x.id()));
        m.put("localGateways", byId(t.localGateways().stream(), x -> x.id()));
        m.put("connections", byId(t.connections().stream(), x -> x.id()));
        m.put("natGateways", byId(t.natGateways().stream().map(ImportDiff::normalise), x -> x.id()));
        m.put("publicIps", byId(t.publicIps().stream(), x -> x.id()));
        m.put("nsgs", byId(p.nsgs().stream(), x -> x.id()));
        m.put("asgs", byId(p.asgs().stream(), x -> x.id()));
        m.put(
                "serviceTags",
                p.serviceTags().stream()
                        .sorted(Comparator.comparing(x -> x.name()))
                        .toList());
        return m;
    }

    private static <T> List<T> byId(Stream<T> items, Function<T, ResourceId> id) {
        return items.sorted(Comparator.comparing(x -> id.apply(x).key())).toList();
    }
}
