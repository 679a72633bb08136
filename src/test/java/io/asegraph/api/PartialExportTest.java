package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.api.ImportResourceTest.Answer;
import io.asegraph.graph.GraphStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partial exports through {@code POST /import} (issue 19): a network interface exported alone, whose subnet and NSG
 * are in other resource groups' exports ({@code src/test/resources/shapes/partial-*.json}), imports with placeholders
 * for them (the default {@code asegraph.import.unresolved-references=placeholder}); questions that depend on them are
 * UNDETERMINED naming what is missing, until the VNet and NSG exports fill them in place.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class PartialExportTest {
    static final String RG = "/subscriptions/55555555-0000-0000-0000-000000000000/resourceGroups/";
    static final String SUBNET =
            RG + "partial-net-rg/providers/Microsoft.Network/virtualNetworks/partial-hub/subnets/app";
    static final String VNET = RG + "partial-net-rg/providers/Microsoft.Network/virtualNetworks/partial-hub";
    static final String NSG = RG + "partial-sec-rg/providers/Microsoft.Network/networkSecurityGroups/lone-nic-nsg";
    static final String NIC = RG + "partial-app-rg/providers/Microsoft.Network/networkInterfaces/lone-nic";

    static final String UNRESOLVED =
            "{ unresolvedReferences { id type name howToImport referencedBy { id name type field heldBack } } }";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    GraphStore store;

    @TestHTTPResource("/import")
    URL importUrl;

    /** {@code POST /import} of {@code body} with {@code query} (e.g. {@code ?dryRun=true}). */
    Answer post(String query, String body) throws Exception {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        return ImportResourceTest.post(HTTP, importUrl, query, null, utf8);
    }

    /** What unresolvedReferences says of lone-nic as a referrer through {@code field}. */
    static List<Map<String, Object>> byLoneNic(String field, boolean heldBack) {
        return List.of(Map.of(
                "id",
                NIC,
                "name",
                "lone-nic",
                "type",
                "Microsoft.Network/networkInterfaces",
                "field",
                field,
                "heldBack",
                heldBack));
    }

    /** The NIC-only export with every name and resource group given {@code prefix} in place of partial/lone. */
    static String nicOnly(String prefix) {
        return renamed(ExportShapesTest.shape("partial-nic-only.json"), prefix);
    }

    static String renamed(String doc, String prefix) {
        return doc.replace("partial-", prefix + "-").replace("lone-", prefix + "-lone-");
    }

    /** The placeholders of the snapshot, as unresolvedReferences lists them (id to the whole row). */
    static Map<String, Map<String, Object>> unresolved() {
        List<Map<String, Object>> rows = Gql.post(UNRESOLVED).extract().path("data.unresolvedReferences");
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.put((String) r.get("id"), r));
        return out;
    }

    /** The node of {@code key}: its element id and whether it is still a placeholder. */
    List<Object> node(String id) {
        return node(store, id);
    }

    /** The node of {@code id} in {@code store}: its element id, its Unresolved label, its unresolved flag. */
    static List<Object> node(GraphStore store, String id) {
        return store.read(tx -> {
            var r = tx.run(
                            "MATCH (n {key: $k}) RETURN elementId(n) AS e, n:Unresolved AS u, n.unresolved AS f",
                            Map.of("k", id.toLowerCase(java.util.Locale.ROOT)))
                    .single();
            return List.of(
                    r.get("e").asString(), r.get("u").asBoolean(), !r.get("f").isNull());
        });
    }

    long nodes() {
        return store.read(
                tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
    }

    @Test
    void aNicOnlyExportImportsWithPlaceholdersThatItsVnetAndNsgExportsThenResolve() throws Exception {
        // 1. The NIC alone: created, with a warning per placeholder naming it, the NIC and how to import it.
        Answer nic = post("", ExportShapesTest.shape("partial-nic-only.json"));
        assertEquals(200, nic.status(), nic.body()::toString);
        assertEquals(1, nic.body().path("created").asInt(), nic.body()::toString);
        List<String> warnings = ExportShapesTest.warnings(nic);
        assertThat(
                warnings,
                hasItem("$[0].ipConfigurations[0].subnet.id: subnet " + SUBNET
                        + " is referenced by network interface 'lone-nic' but not imported: import its VNet"
                        + " (az network vnet show --ids " + VNET + "); until then it is an unresolved placeholder and"
                        + " questions that depend on it answer UNDETERMINED"));
        assertThat(
                warnings,
                hasItem(containsString("$[0].networkSecurityGroup.id: network security group " + NSG
                        + " is referenced by network interface 'lone-nic' but not imported: import it"
                        + " (az network nsg show --ids " + NSG + ")")));

        Map<String, Map<String, Object>> placeholders = unresolved();
        assertThat(placeholders.keySet(), hasItem(SUBNET));
        assertThat(placeholders.keySet(), hasItem(NSG));
        Map<String, Object> subnet = placeholders.get(SUBNET);
        assertEquals("Microsoft.Network/virtualNetworks/subnets", subnet.get("type"));
        assertEquals("app", subnet.get("name"));
        assertEquals("import its VNet (az network vnet show --ids " + VNET + ")", subnet.get("howToImport"));
        assertEquals(byLoneNic("subnet", true), subnet.get("referencedBy"));
        assertEquals(
                byLoneNic("networkSecurityGroup", false), placeholders.get(NSG).get("referencedBy"));
        List<Object> placeholderNode = node(SUBNET);
        assertEquals(true, placeholderNode.get(1), "a placeholder node is labelled Unresolved");

        // Questions from the NIC are UNDETERMINED, naming the missing subnet and how to import it.
        String missingSubnet = "subnet " + SUBNET + " is referenced by lone-nic but not imported: import its VNet"
                + " (az network vnet show --ids " + VNET + ")";
        Gql.post(CallSourceApiTest.CALL, "from", "lone-nic", "to", "10.81.1.20")
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(missingSubnet))
                .body("data", nullValue());
        Gql.post(FlowApiTest.FLOW, "from", NIC, "to", "10.81.1.20", "port", 22)
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(missingSubnet));

        // 2. The VNet export: the subnet placeholder is filled in place, the NIC is in it without being reimported.
        Answer vnet = post("", ExportShapesTest.shape("partial-vnet.json"));
        assertEquals(200, vnet.status(), vnet.body()::toString);
        assertThat(ExportShapesTest.warnings(vnet), not(hasItem(containsString("placeholder"))));
        List<Object> filled = node(SUBNET);
        assertEquals(placeholderNode.get(0), filled.get(0), "the same node");
        assertEquals(false, filled.get(1), "no longer labelled Unresolved");
        assertEquals(false, filled.get(2), "no unresolved flag");
        assertThat(unresolved().keySet(), not(hasItem(SUBNET)));
        assertThat(unresolved().keySet(), hasItem(NSG));
        Gql.post(
                        "query($n: String!) { networkInterfaces(where: {name: {eq: $n}}) { subnet { id addressPrefix } } }",
                        "n",
                        "lone-nic")
                .body("data.networkInterfaces[0].subnet.id", equalTo(SUBNET))
                .body("data.networkInterfaces[0].subnet.addressPrefix", equalTo("10.81.1.0/24"));
        Gql.post(CallSourceApiTest.CALL, "from", "lone-nic", "to", "10.81.1.20")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"))
                .body("data.callSource.address", equalTo("10.81.1.4"));
        // The NSG is still a placeholder: what it decides is not known, and the flow says so.
        Gql.post(FlowApiTest.FLOW, "from", NIC, "to", "10.81.1.20", "port", 22)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.reason", containsString("import it (az network nsg show --ids " + NSG + ")"));

        // 3. The NSG export: nothing is left unresolved, and its rule decides.
        Answer nsg = post("", ExportShapesTest.shape("partial-nsg.json"));
        assertEquals(200, nsg.status(), nsg.body()::toString);
        assertThat(unresolved().keySet(), not(hasItem(NSG)));
        assertThat(unresolved().keySet(), not(hasItem(SUBNET)));
        Gql.post(FlowApiTest.FLOW, "from", NIC, "to", "10.81.1.20", "port", 22)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.decisions[0].matches.rule", hasItem("securityRules/deny-ssh-out"));
        Gql.post(FlowApiTest.FLOW, "from", NIC, "to", "10.81.1.20", "port", 443)
                .body("data.flow.verdict", equalTo("ALLOWED"));
        Gql.post(
                        "query($n: String!) { networkInterfaces(where: {name: {eq: $n}}) { networkSecurityGroup { id } } }",
                        "n",
                        "lone-nic")
                .body("data.networkInterfaces[0].networkSecurityGroup.id", equalTo(NSG));
    }

    @Test
    void aDryRunOfANicOnlyExportWarnsOfItsPlaceholdersAndWritesNothing() throws Exception {
        long before = nodes();
        Answer a = post("?dryRun=true", nicOnly("dry"));
        assertEquals(200, a.status(), a.body()::toString);
        assertThat(
                ExportShapesTest.warnings(a),
                hasItem(containsString("subnet " + renamed(SUBNET, "dry")
                        + " is referenced by network interface 'dry-lone-nic' but not imported")));
        assertEquals(before, nodes());
    }

    @Test
    void aPlaceholderIsInNoListingAndNoLookupButTheNicThatReferencesItIs() throws Exception {
        int subnets =
                Gql.post("{ subnetsConnection { totalCount } }").extract().path("data.subnetsConnection.totalCount");
        int nsgs = Gql.post("{ networkSecurityGroupsConnection { totalCount } }")
                .extract()
                .path("data.networkSecurityGroupsConnection.totalCount");
        Answer a = post("", nicOnly("listing"));
        assertEquals(200, a.status(), a.body()::toString);
        String subnet = renamed(SUBNET, "listing");
        String nsg = renamed(NSG, "listing");
        assertThat(unresolved().keySet(), hasItem(subnet));

        Gql.post("{ subnetsConnection { totalCount } }").body("data.subnetsConnection.totalCount", equalTo(subnets));
        Gql.post("{ networkSecurityGroupsConnection { totalCount } }")
                .body("data.networkSecurityGroupsConnection.totalCount", equalTo(nsgs));
        Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}}) { id } }",
                        "n",
                        "listing-lone-nic-nsg")
                .body("data.networkSecurityGroups", empty());
        Gql.post("query($id: String!) { resource(id: $id) { __typename } }", "id", nsg)
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        // The NIC is a real resource; its subnet and NSG are not known yet, so the relations are empty.
        Gql.post(
                        "query($n: String!) { networkInterfaces(where: {name: {eq: $n}}) { name subnet { id } networkSecurityGroup { id } } }",
                        "n",
                        "listing-lone-nic")
                .body("data.networkInterfaces.name", contains("listing-lone-nic"))
                .body("data.networkInterfaces[0].subnet", nullValue())
                .body("data.networkInterfaces[0].networkSecurityGroup", nullValue());
        // The placeholder's name is no resource name a question can use.
        Gql.post(CallSourceApiTest.CALL, "from", "listing-lone-nic-nsg", "to", "10.81.1.20")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        Gql.post(CallSourceApiTest.CALL, "from", subnet, "to", "10.81.1.20")
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString("is referenced by listing-lone-nic but not imported"));
        assertThat(Gql.post(UNRESOLVED).extract().<List<?>>path("data.unresolvedReferences"), not(hasSize(0)));
    }

    static final String DELETE =
            "mutation($id: String!, $c: Boolean) { deleteResource(id: $id, cascade: $c) {" + " deleted detached } }";

    @Test
    void aPlaceholderStillReferencedIsNotDeletedAndGoesWithTheLastResourceThatReferencesIt() throws Exception {
        Answer a = post("", nicOnly("del"));
        assertEquals(200, a.status(), a.body()::toString);
        String subnet = renamed(SUBNET, "del");
        String nsg = renamed(NSG, "del");
        String nic = renamed(NIC, "del");
        Gql.post(DELETE, "id", subnet, "c", false)
                .body("errors[0].extensions.code", equalTo("REFERENCED"))
                .body(
                        "errors[0].message",
                        containsString("subnet 'app' is a placeholder (referenced, never imported) still referenced:"
                                + " network interface 'del-lone-nic' (" + nic + ") through subnet"));
        assertThat(unresolved().keySet(), hasItem(subnet));

        // The NIC held out of the snapshot for its subnet can be deleted; its placeholders go with it.
        Gql.post(DELETE, "id", nic, "c", false)
                .body("errors", nullValue())
                .body("data.deleteResource.deleted", contains(nic));
        assertThat(unresolved().keySet(), not(hasItem(subnet)));
        assertThat(unresolved().keySet(), not(hasItem(nsg)));
        long left = store.read(tx -> tx.run(
                        "MATCH (n) WHERE n.key IN $k RETURN count(n) AS c",
                        Map.of("k", List.of(subnet.toLowerCase(), nsg.toLowerCase(), nic.toLowerCase())))
                .single()
                .get("c")
                .asLong());
        assertEquals(0, left, "no node of the NIC or its placeholders is left");
    }

    @Test
    void deletingAPlaceholderWithCascadeDeletesWhatIsPlacedInItAndDetachesTheRest() throws Exception {
        Answer a = post("", nicOnly("cascade"));
        assertEquals(200, a.status(), a.body()::toString);
        String nic = renamed(NIC, "cascade");
        String nsg = renamed(NSG, "cascade");
        Gql.post(DELETE, "id", nsg, "c", true)
                .body("errors", nullValue())
                .body("data.deleteResource.deleted", contains(nsg))
                .body("data.deleteResource.detached", contains(nic));
        assertThat(unresolved().keySet(), not(hasItem(nsg)));
        assertThat(unresolved().keySet(), hasItem(renamed(SUBNET, "cascade")));
        Gql.post(DELETE, "id", renamed(SUBNET, "cascade"), "c", true)
                .body("errors", nullValue())
                .body("data.deleteResource.deleted", contains(renamed(SUBNET, "cascade"), nic));
        Gql.post("query($n: String!) { networkInterfaces(where: {name: {eq: $n}}) { id } }", "n", "cascade-lone-nic")
                .body("data.networkInterfaces", empty());
    }

    @Test
    void aReferenceWhoseIdNamesAnotherKindIsRefusedNotMadeAPlaceholder() throws Exception {
        String wrong = RG + "kind-net-rg/providers/Microsoft.Network/networkSecurityGroups/kind-hub";
        String doc = nicOnly("kind")
                .replace(RG + "kind-net-rg/providers/Microsoft.Network/virtualNetworks/kind-hub/subnets/app", wrong);
        long before = nodes();
        Answer a = post("", doc);
        assertEquals(400, a.status(), a.body()::toString);
        assertThat(
                ExportShapesTest.problems(a),
                contains("$[0].ipConfigurations[0].subnet.id: subnet.id '" + wrong
                        + "' of network interface 'kind-lone-nic' must name a subnet, but the id is of a network"
                        + " security group (Microsoft.Network/networkSecurityGroups)"));
        assertEquals(before, nodes());
    }
}
