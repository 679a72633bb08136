package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.api.ImportResourceTest.Answer;
import io.asegraph.graph.GraphStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real export shapes through {@code POST /import} (the documents are in {@code src/test/resources/shapes}, described
 * in its README), on the import tests' service, which is seeded with the reference topology. Absent is not empty: a
 * resource listed without properties, or without the key of a part of its state, never wipes what the graph holds.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class ExportShapesTest {
    static final String REFERENCE_NSG =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/"
                    + "Microsoft.Network/networkSecurityGroups/db-nsg";
    static final String SHAPES_NSG =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shapes-rg/providers/"
                    + "Microsoft.Network/networkSecurityGroups/";

    @TestHTTPResource("/import")
    URL importUrl;

    @Inject
    GraphStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    Answer post(String query, String body) throws Exception {
        return ImportResourceTest.post(http, importUrl, query, null, body.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> warnings(Answer a) {
        List<String> out = new ArrayList<>();
        a.body().path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    static List<String> problems(Answer a) {
        List<String> out = new ArrayList<>();
        a.body()
                .path("problems")
                .forEach(p -> out.add(
                        p.path("location").asText() + ": " + p.path("message").asText()));
        return out;
    }

    Answer importShape(String file) throws Exception {
        return post("", shape(file));
    }

    static String shape(String file) {
        try (InputStream in = ExportShapesTest.class.getResourceAsStream("/shapes/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no shape document " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long nodes() {
        return store.read(
                tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
    }

    long version() {
        return store.read(tx -> tx.run("MATCH (m:AsegraphMeta {key: 'meta'}) RETURN m.version AS v")
                .single()
                .get("v")
                .asLong());
    }

    static List<String> ruleNames(String nsg) {
        return Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}}) { rules { qualifiedName } } }",
                        "n",
                        nsg)
                .extract()
                .path("data.networkSecurityGroups[0].rules.qualifiedName");
    }

    static List<String> userRules(String nsg) {
        return ruleNames(nsg).stream()
                .filter(n -> n.startsWith("securityRules/"))
                .toList();
    }

    static void referenceStillWhole() {
        assertEquals(
                List.of("securityRules/allow-sql-from-ase-one", "securityRules/deny-sql-from-vnet"),
                userRules("db-nsg").stream().sorted().toList());
        Gql.post(
                        "{ routeTables(where: {name: {eq: \"ase-one-routes\"}}) { routes { name addressPrefix nextHopType } } }")
                .body("data.routeTables[0].routes.name", equalTo(List.of("direct-internet")));
        Gql.post("{ virtualNetworks(where: {name: {eq: \"ase-vnet\"}}) { subnets { name } } }")
                .body("data.virtualNetworks[0].subnets", hasSize(4));
        // The answer the wipe changed: ase-two's call to the database is denied by db-nsg's deny above the default
        // allow.
        Gql.post(FlowApiTest.FLOW, "from", "ase-two", "to", "db-vm-nic", "port", 1433)
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.decisions[1].matches.rule", hasItem("securityRules/deny-sql-from-vnet"));
    }

    // ---- a resource listed without properties --------------------------------------------------------------------

    @Test
    void resourceListEntriesOfAnNsgARouteTableAndAVnetChangeNothing() throws Exception {
        long version = version();
        Answer dry = post("?dryRun=true", shape("resource-list-reference.json"));
        assertEquals(200, dry.status(), dry.body()::toString);
        assertEquals(3, dry.body().path("unchanged").asInt(), dry.body()::toString);

        Answer a = importShape("resource-list-reference.json");
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(0, a.body().path("created").asInt(), a.body()::toString);
        assertEquals(0, a.body().path("updated").asInt(), a.body()::toString);
        assertEquals(3, a.body().path("unchanged").asInt(), a.body()::toString);
        assertEquals(0, a.body().path("removed").asInt(), a.body()::toString);
        assertThat(
                warnings(a),
                hasItem(containsString("$[0]: network security group 'db-nsg' is listed without properties")));
        assertThat(
                warnings(a),
                hasItem(containsString("$[1]: route table 'ase-one-routes' is listed without properties")));
        assertThat(
                warnings(a), hasItem(containsString("$[2]: virtual network 'ase-vnet' is listed without properties")));
        assertEquals(version, version(), "nothing was written");
        referenceStillWhole();
    }

    @Test
    void aResourceListEntryForAnNsgTheGraphDoesNotHoldIsRefusedNamingHowToExportIt() throws Exception {
        long nodes = nodes();
        Answer a = importShape("resource-list-new-nsg.json");
        assertEquals(400, a.status(), a.body()::toString);
        assertEquals("INVALID_DOCUMENT", a.body().path("code").asText());
        assertThat(
                problems(a),
                hasItem(containsString(
                        "network security group 'shapes-unknown-nsg' is listed without" + " properties")));
        assertThat(
                problems(a), hasItem(containsString("az network nsg show --ids " + SHAPES_NSG + "shapes-unknown-nsg")));
        assertEquals(nodes, nodes());
    }

    // ---- a part of the state without its key --------------------------------------------------------------------

    @Test
    void anNsgPrintedWithoutSecurityRulesKeepsItsRules() throws Exception {
        Answer a = importShape("nsg-show-without-rules.json");
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(0, a.body().path("updated").asInt(), a.body()::toString);
        assertEquals(1, a.body().path("unchanged").asInt(), a.body()::toString);
        assertThat(
                warnings(a),
                hasItem("network security group 'db-nsg' came without securityRules: kept its 2 stored rules"));
        referenceStillWhole();
    }

    @Test
    void aRouteTableWithoutRoutesAndAVnetWithoutSubnetsKeepThem() throws Exception {
        Answer table = importShape("route-table-without-routes.json");
        assertEquals(200, table.status(), table.body()::toString);
        assertEquals(1, table.body().path("unchanged").asInt(), table.body()::toString);
        assertThat(
                warnings(table), hasItem("route table 'ase-one-routes' came without routes: kept its 1 stored routes"));
        Answer vnet = importShape("vnet-without-subnets.json");
        assertEquals(200, vnet.status(), vnet.body()::toString);
        assertEquals(1, vnet.body().path("unchanged").asInt(), vnet.body()::toString);
        assertEquals(0, vnet.body().path("removed").asInt(), vnet.body()::toString);
        assertThat(
                warnings(vnet), hasItem("virtual network 'ase-vnet' came without subnets: kept its 4 stored subnets"));
        referenceStillWhole();
    }

    /** Only a stated part replaces: absent keeps the rules, an explicit {@code []} removes them. */
    @Test
    void onlyAnNsgThatStatesItsRulesReplacesThem() throws Exception {
        String id = SHAPES_NSG + "shapes-own-nsg";
        Answer created = post(
                "",
                """
                {"id": "%s", "name": "shapes-own-nsg", "type": "Microsoft.Network/networkSecurityGroups", "location": "westus",
                 "properties": {"securityRules": [{"name": "allow-https", "properties": {"priority": 100, "direction": "Inbound",
                   "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*",
                   "destinationAddressPrefix": "*", "destinationPortRange": "443"}}]}}"""
                        .formatted(id));
        assertEquals(200, created.status(), created.body()::toString);
        assertEquals(List.of("securityRules/allow-https"), userRules("shapes-own-nsg"));

        Answer listed = post(
                "",
                """
                [{"id": "%s", "name": "shapes-own-nsg", "type": "Microsoft.Network/networkSecurityGroups", "location": "westus",
                  "resourceGroup": "shapes-rg", "tags": {}}]"""
                        .formatted(id));
        assertEquals(1, listed.body().path("unchanged").asInt(), listed.body()::toString);
        Answer empty = post(
                "",
                """
                {"id": "%s", "name": "shapes-own-nsg", "type": "Microsoft.Network/networkSecurityGroups", "location": "westus",
                 "properties": {}}"""
                        .formatted(id));
        assertEquals(1, empty.body().path("unchanged").asInt(), empty.body()::toString);
        assertEquals(List.of("securityRules/allow-https"), userRules("shapes-own-nsg"));

        Answer none = post(
                "",
                """
                {"id": "%s", "name": "shapes-own-nsg", "type": "Microsoft.Network/networkSecurityGroups", "location": "westus",
                 "properties": {"securityRules": []}}"""
                        .formatted(id));
        assertEquals(1, none.body().path("updated").asInt(), none.body()::toString);
        assertEquals(List.of(), userRules("shapes-own-nsg"));
    }

    @Test
    void aNewNsgWithoutSecurityRulesIsRefusedItsRulesBeingUnknown() throws Exception {
        long nodes = nodes();
        Answer a = post(
                "",
                """
                {"id": "%sshapes-new-nsg", "name": "shapes-new-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                 "location": "westus", "properties": {"provisioningState": "Succeeded"}}"""
                        .formatted(SHAPES_NSG));
        assertEquals(400, a.status(), a.body()::toString);
        assertThat(
                problems(a),
                hasItem(containsString("network security group 'shapes-new-nsg' has no securityRules key"
                        + " and the graph has no network security group with this id: its rules are unknown")));
        assertEquals(nodes, nodes());
    }

    // ---- an ASEv3 as ARM returns it -------------------------------------------------------------------------------

    /**
     * {@code GET …/hostingEnvironments/shapes-v3-ase}: the addresses are under
     * {@code properties.networkingConfiguration.properties}, with Windows and Linux outbound lists that differ.
     */
    @Test
    void anAseV3AsArmReturnsItCallsFromItsOutboundListsAndIsReachedAtItsInboundAddress() throws Exception {
        Answer a = importShape("asev3-arm.json");
        assertEquals(200, a.status(), a.body()::toString);
        assertThat(warnings(a), not(hasItem(containsString("has no addresses"))));
        Gql.post(
                        """
                        { environments(where: {name: {eq: "shapes-v3-ase"}}) {
                            kind publicVip internalAddress outboundAddresses windowsOutboundAddresses linuxOutboundAddresses } }""")
                .body("errors", nullValue())
                .body("data.environments[0].kind", equalTo("ASEV3"))
                .body("data.environments[0].publicVip", equalTo("20.71.4.20"))
                .body("data.environments[0].internalAddress", nullValue())
                .body("data.environments[0].outboundAddresses", contains("20.71.4.30", "20.71.4.31", "20.71.4.40"))
                .body("data.environments[0].windowsOutboundAddresses", contains("20.71.4.30", "20.71.4.31"))
                .body("data.environments[0].linuxOutboundAddresses", contains("20.71.4.30", "20.71.4.40"));
        // Its app's call to a public partner leaves from the outbound lists (both: the sentence names them).
        Gql.post(FirewallEstateTest.CALL_SOURCE, "from", "shapes-v3-app", "to", "shapes-v3-partner")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.addresses", contains("20.71.4.30/32", "20.71.4.31/32", "20.71.4.40/32"))
                .body(
                        "data.callSource.reason",
                        containsString("outbound addresses 20.71.4.30, 20.71.4.31, 20.71.4.40 (both lists:"
                                + " 20.71.4.30, 20.71.4.31 for Windows apps, 20.71.4.30, 20.71.4.40 for Linux apps"));
        // A call to it from the reference topology's ase-one arrives at its inbound address, not an outbound one.
        Gql.post(FirewallEstateTest.CALL_SOURCE, "from", "ase-one", "to", "shapes-v3-app")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.address", equalTo("192.23.1.2"))
                .body("data.callSource.reason", containsString("shapes-v3-ase's public VIP 20.71.4.20"))
                .body("data.callSource.trace[0].steps[0].detail", containsString("20.71.4.20 matches"));
        // Imported again, nothing changes: the addresses read back from the graph equal the document's.
        Answer again = importShape("asev3-arm.json");
        assertEquals(0, again.body().path("updated").asInt(), again.body()::toString);
        assertEquals(0, again.body().path("created").asInt(), again.body()::toString);
    }

    // ---- field names in other spellings, matched case-insensitively ----------------------------------------------

    /**
     * {@code az network nic show} before the CLI's 2023 rework: {@code privateIpAddress} and {@code publicIpAddress}
     * (now {@code privateIPAddress}, {@code publicIPAddress}). Both are read: the NIC imports with its address and
     * leaves by its public IP.
     */
    @Test
    void anOlderCliNicWithPrivateIpAddressAndPublicIpAddressImportsWithItsPublicIp() throws Exception {
        Answer a = importShape("legacy-cli-nic.json");
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(
                        """
                        { networkInterfaces(where: {name: {eq: "legacy-nic"}}) {
                            privateIpAddress subnet { name } publicIpAddresses { name ipAddress } } }""")
                .body("errors", nullValue())
                .body("data.networkInterfaces[0].privateIpAddress", equalTo("10.72.1.4"))
                .body("data.networkInterfaces[0].subnet.name", equalTo("legacy-subnet"))
                .body("data.networkInterfaces[0].publicIpAddresses.ipAddress", contains("20.72.1.50"));
        Gql.post(FirewallEstateTest.CALL_SOURCE, "from", "legacy-nic", "to", "198.51.100.20")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_IP"))
                .body("data.callSource.address", equalTo("20.72.1.50"));
    }

    /**
     * ARM's GetVipInfo response ({@code …/capacities/virtualip}) under the ASE's {@code addresses}: its fields under
     * {@code properties}, and {@code virtualIP} in {@code vipMappings} (the CLI prints {@code virtualIp}).
     */
    @Test
    void aGetVipInfoResponseWithVirtualIpInRestSpellingImports() throws Exception {
        Answer a = importShape("vip-info-rest.json");
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post("{ environments(where: {name: {eq: \"vipinfo-ase\"}}) { kind publicVip outboundAddresses } }")
                .body("errors", nullValue())
                .body("data.environments[0].kind", equalTo("ASEV2"))
                .body("data.environments[0].publicVip", equalTo("20.73.1.5"))
                .body("data.environments[0].outboundAddresses", contains("20.73.1.5"));
        // virtualIP is read (and checked), not skipped: a malformed one is a problem at its own key.
        Answer bad = post("", shape("vip-info-rest.json").replace("\"20.73.1.6\"", "\"20.73.1.x\""));
        assertEquals(400, bad.status(), bad.body()::toString);
        assertThat(
                problems(bad),
                hasItem(startsWith(
                        "$[1].properties.addresses.properties.vipMappings[0].virtualIP: virtualIP of App Service"
                                + " Environment 'vipinfo-ase' is not an IPv4 address")));
    }

    /** PowerShell-style keys ({@code Id}, {@code Type}, {@code Properties}, {@code Routes}, {@code AddressPrefix}). */
    @Test
    void fieldNamesAreMatchedWhateverTheirCase() throws Exception {
        Answer a = importShape("pascal-case-route-table.json");
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(
                        """
                        { routeTables(where: {name: {eq: "pascal-routes"}}) {
                            disableBgpRoutePropagation routes { name addressPrefix nextHopType } } }""")
                .body("errors", nullValue())
                .body("data.routeTables[0].routes.name", contains("to-partner"))
                .body("data.routeTables[0].routes.addressPrefix", contains("52.73.0.0/16"))
                .body("data.routeTables[0].routes.nextHopType", contains(equalToIgnoringCase("internet")));
        // A problem is located at the key as the document writes it.
        Answer bad = post("", shape("pascal-case-route-table.json").replace("52.73.0.0/16", "52.73.0.0/33"));
        assertEquals(400, bad.status(), bad.body()::toString);
        assertThat(problems(bad), hasItem(startsWith("$.Properties.Routes[0].Properties.AddressPrefix: ")));
    }

    // ---- exposures of an ASE: only what its front end publishes ---------------------------------------------------

    /** shapes-v3-ase has no NSG: it is exposed on the ports an ASEv3 front end publishes, and on no other. */
    @Test
    void anAseV3WithoutAnNsgIsExposedOnlyOnItsFrontEndPorts() throws Exception {
        assertEquals(200, importShape("asev3-arm.json").status());
        Gql.post("{ exposures(ports: [22, 80, 443, 454, 1433, 3389, 4026, 8172]) { targetName port verdict } }")
                .body("errors", nullValue())
                .body("data.exposures.findAll { it.targetName == 'shapes-v3-ase' }.port", contains(80, 443, 4026, 8172))
                .body(
                        "data.exposures.findAll { it.targetName == 'shapes-v3-ase' }.verdict",
                        everyItem(equalTo("ALLOWED")));
    }
}
