package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.history.ChangeKind;
import io.asegraph.history.ResourceChange;
import io.asegraph.topology.ResourceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource held back for a placeholder (a NIC, firewall or ASE in a subnet never imported, an app on an ASE never
 * imported) is left out of the snapshot an import compares with; the import compares it with its stored record
 * instead ({@link HeldBackRecords}): the same document again is unchanged and writes nothing, a changed one is updated
 * with its stored state as the state before, a firewall given without rule collections and an ASE without addresses
 * keep their stored ones, and the export of a store holding such resources imports back with no change at all.
 */
class HeldBackImportTest {
    static final String NIC_ONLY = "src/test/resources/shapes/partial-nic-only.json";
    static final String FIREWALL_ONLY = "src/test/resources/shapes/partial-firewall-only.json";
    static final String APP_ONLY = "src/test/resources/shapes/partial-app-only.json";
    static final String ASE_ONLY = "src/test/resources/shapes/partial-ase-only.json";
    static final String NIC = "/subscriptions/55555555-0000-0000-0000-000000000000/resourceGroups/partial-app-rg"
            + "/providers/Microsoft.Network/networkInterfaces/lone-nic";
    static final String ASE = "/subscriptions/55555555-0000-0000-0000-000000000000/resourceGroups/held-web-rg"
            + "/providers/Microsoft.Web/hostingEnvironments/held-ase";
    static final String FIREWALL = "/subscriptions/55555555-0000-0000-0000-000000000000/resourceGroups/fwonly-edge-rg"
            + "/providers/Microsoft.Network/azureFirewalls/lone-fw";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    GraphStore store;
    EstateCache estates;
    GraphImporter importer;

    @BeforeEach
    void start() {
        store = TestStores.embedded(dir.resolve("store"), Path.of("graph-seed"), false);
        store.start();
        estates = new EstateCache(store);
        importer = new GraphImporter(store, estates);
    }

    @AfterEach
    void stop() {
        store.stop();
    }

    ImportOutcome imported(String document, boolean dryRun) {
        ImportOutcome o = importer.importDocument(document, dryRun);
        assertTrue(o.valid(), () -> "valid: " + o.problems());
        return o;
    }

    long version() {
        return store.read(tx -> EstateLoader.version(tx));
    }

    /** The stored {@code property} of the {@code label} node of resource {@code id} ("" when it has none). */
    String stored(String label, String id, String property) {
        return store.read(tx -> tx.run(
                        "MATCH (n:" + label + " {key: $k}) RETURN n." + property + " AS v",
                        java.util.Map.of("k", ResourceId.of(id).key()))
                .single()
                .get("v")
                .asString(""));
    }

    boolean heldBack(String id) {
        return estates.current().unresolved().heldBack().containsKey(ResourceId.of(id));
    }

    @Test
    void aHeldBackResourceImportedAgainIsUnchangedAndNothingIsWritten() throws Exception {
        String doc = Files.readString(Path.of(NIC_ONLY));
        ImportOutcome first = imported(doc, false);
        assertEquals(1, first.created(), first::toString);
        assertTrue(heldBack(NIC), "the NIC is held back: its subnet was never imported");
        long version = version();

        ImportOutcome dry = imported(doc, true);
        assertEquals(List.of(0, 0, 1), List.of(dry.created(), dry.updated(), dry.unchanged()), dry::toString);
        assertEquals(List.of(), dry.resourceChanges().orElseThrow(), "no drift between the document and the store");

        ImportOutcome again = imported(doc, false);
        assertEquals(List.of(0, 0, 1), List.of(again.created(), again.updated(), again.unchanged()), again::toString);
        assertEquals(version, version(), "nothing written, not even the version");
        assertTrue(heldBack(NIC), "still held back");
    }

    @Test
    void aChangedHeldBackResourceIsUpdatedWithItsStoredStateBefore() throws Exception {
        String doc = Files.readString(Path.of(NIC_ONLY));
        imported(doc, false);
        String moved = doc.replace("\"10.81.1.4\"", "\"10.81.1.9\"");
        assertTrue(!moved.equals(doc), "the document names the NIC's address");

        ImportOutcome dry = imported(moved, true);
        assertEquals(List.of(0, 1, 0), List.of(dry.created(), dry.updated(), dry.unchanged()), dry::toString);
        List<ResourceChange> changes = dry.resourceChanges().orElseThrow();
        assertEquals(1, changes.size(), changes::toString);
        assertEquals(ChangeKind.UPDATED, changes.get(0).change(), changes::toString);
        assertTrue(
                changes.get(0).details().toString().contains("10.81.1.4"),
                () -> "names the stored address: " + changes);

        ImportOutcome done = imported(moved, false);
        assertEquals(List.of(0, 1, 0), List.of(done.created(), done.updated(), done.unchanged()), done::toString);
        String before = store.read(tx -> tx.run(
                        "MATCH (v:ResourceVersion {resourceKey: $k}) WHERE v.after CONTAINS '10.81.1.9'"
                                + " RETURN v.before AS b",
                        java.util.Map.of("k", ResourceId.of(NIC).key()))
                .single()
                .get("b")
                .asString(""));
        assertTrue(before.contains("10.81.1.4"), () -> "the recorded state before is the stored NIC: " + before);
        assertEquals("10.81.1.9", stored("NetworkInterface", NIC, "privateIpAddress"));
    }

    @Test
    void aHeldBackFirewallGivenWithoutRuleCollectionsKeepsItsStoredOnes() throws Exception {
        String doc = Files.readString(Path.of(FIREWALL_ONLY));
        imported(doc, false);
        assertTrue(heldBack(FIREWALL), "the firewall is held back: its subnet was never imported");
        ArrayNode firewallOnly = JSON.createArrayNode();
        for (var r : JSON.readTree(doc)) {
            if (r.path("id").asText().equals(FIREWALL)) {
                ObjectNode f = ((ObjectNode) r).deepCopy();
                assertTrue(f.get("networkRuleCollections").size() > 0, "the firewall has rules to keep");
                f.remove(List.of("applicationRuleCollections", "natRuleCollections", "networkRuleCollections"));
                firewallOnly.add(f);
            }
        }
        ImportOutcome o = imported(JSON.writeValueAsString(firewallOnly), false);
        assertEquals(List.of(0, 0, 1), List.of(o.created(), o.updated(), o.unchanged()), o::toString);
        assertTrue(o.warnings().toString().contains("kept its"), o::toString);
        String rules = stored("AzureFirewall", FIREWALL, "ruleCollections");
        assertTrue(rules.contains("spoke-egress"), () -> "the stored rule collections are kept: " + rules);
    }

    @Test
    void aHeldBackAseGivenWithoutAddressesKeepsItsStoredOnes() throws Exception {
        String doc = Files.readString(Path.of(ASE_ONLY));
        imported(doc, false);
        assertTrue(heldBack(ASE), "the ASE is held back: its subnet was never imported");
        ArrayNode withoutAddresses = (ArrayNode) JSON.readTree(doc);
        ObjectNode properties = (ObjectNode) withoutAddresses.get(0).get("properties");
        assertTrue(properties.remove("networkingConfiguration") != null, "the ASE had its addresses in the document");
        ImportOutcome o = imported(JSON.writeValueAsString(withoutAddresses), false);
        assertEquals(List.of(0, 0, 1), List.of(o.created(), o.updated(), o.unchanged()), o::toString);
        assertTrue(o.warnings().toString().contains("came without addresses: kept the stored ones"), o::toString);
        assertEquals("20.72.4.20", stored("AppServiceEnvironment", ASE, "publicVip"), "the stored public VIP is kept");
    }

    @Test
    void theExportOfAStoreWithHeldBackResourcesImportsBackWithNoChange() throws Exception {
        for (String doc : List.of(NIC_ONLY, FIREWALL_ONLY, APP_ONLY, ASE_ONLY)) {
            imported(Files.readString(Path.of(doc)), false);
        }
        int held = estates.current().unresolved().heldBack().size();
        assertTrue(held >= 4, "resources held back: " + held);
        String export = ExportRestoreTest.export(store);
        long version = version();

        ImportOutcome dry = imported(export, true);
        assertEquals(List.of(0, 0), List.of(dry.created(), dry.updated()), dry::toString);
        assertEquals(List.of(), dry.resourceChanges().orElseThrow(), "no drift between the export and the store");
        int resources = 0;
        for (var r : JSON.readTree(export)) {
            resources += r.has("id") ? 1 : 0;
        }
        assertEquals(resources, dry.unchanged(), "every resource unchanged: " + dry);

        ImportOutcome real = imported(export, false);
        assertEquals(List.of(0, 0), List.of(real.created(), real.updated()), real::toString);
        assertEquals(version, version(), "nothing written");
    }
}
