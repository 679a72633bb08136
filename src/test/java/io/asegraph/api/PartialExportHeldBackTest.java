package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Partial exports of resources that are held out of the analyses until what they live in is imported (issue 19):
 * an app whose ASE is in another resource group's export, and an app on an ASE whose subnet is
 * ({@code src/test/resources/shapes/partial-app-*.json}). Every answer about such a resource is UNDETERMINED naming
 * what is missing and how to import it, audits list it instead of leaving it out, and importing what is missing later
 * fills the placeholder in place and answers the same question.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class PartialExportHeldBackTest {
    static final String RG = PartialExportTest.RG;
    static final String APP = RG + "orphan-app-rg/providers/Microsoft.Web/sites/orphan-app";
    static final String ASE = RG + "orphan-web-rg/providers/Microsoft.Web/hostingEnvironments/orphan-ase";
    static final String VNET = RG + "orphan-net-rg/providers/Microsoft.Network/virtualNetworks/orphan-vnet";
    static final String INTERNET = "52.160.10.20";

    static final String WHO =
            """
            query($to: String!) { whoCanReach(to: $to, port: 443) {
              callerName callerKind verdict sourceKind reason flow { verdict causes } } }""";
    static final String MATRIX =
            """
            query($from: [String!]!, $to: [String!]!) { reachabilityMatrix(from: $from, to: $to, port: 443) {
              from fromName fromKind cells { to verdict sourceKind reason } } }""";
    static final String UNRESOLVED =
            """
            { unresolvedReferences { id type name howToImport
                referencedBy { id name type field heldBack } heldBackWith { id name type field heldBack } } }""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GraphStore store;

    @TestHTTPResource("/import")
    URL importUrl;

    Answer imported(String document) throws Exception {
        Answer a = ImportResourceTest.post(HTTP, importUrl, "", null, document.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.body()::toString);
        return a;
    }

    /** The placeholders of the snapshot, as unresolvedReferences lists them (id to the whole row). */
    static Map<String, Map<String, Object>> unresolved() {
        List<Map<String, Object>> rows = Gql.post(UNRESOLVED).extract().path("data.unresolvedReferences");
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.put((String) r.get("id"), r));
        return out;
    }

    static Map<String, Object> referrer(String id, String name, String type, String field) {
        return Map.of("id", id, "name", name, "type", type, "field", field, "heldBack", true);
    }

    /** {@code doc} with the orphan names, resource groups and addresses of the {@code prefix} copy. */
    static String renamed(String doc, String prefix) {
        return doc.replace("orphan-", prefix + "-").replace("10.87.", "10.88.").replace("20.87.", "20.88.");
    }

    @Test
    void anAppWhoseAseIsNotImportedIsHeldBackUntilItsAseIsThenAnswered() throws Exception {
        Answer app = imported(ExportShapesTest.shape("partial-app-only.json"));
        String missing = "App Service Environment " + ASE + " is referenced by orphan-app but not imported: import it"
                + " (az appservice ase show --ids " + ASE + ")";
        assertThat(
                ExportShapesTest.warnings(app),
                hasItem("$[0].hostingEnvironmentProfile.id: App Service Environment " + ASE
                        + " is referenced by app 'orphan-app' but not imported: import it (az appservice ase show --ids "
                        + ASE + "); until then it is an unresolved placeholder and questions that depend on it answer"
                        + " UNDETERMINED"));
        Map<String, Object> placeholder = unresolved().get(ASE);
        assertEquals("Microsoft.Web/hostingEnvironments", placeholder.get("type"));
        assertEquals(
                List.of(referrer(APP, "orphan-app", "Microsoft.Web/sites", "hostingEnvironmentProfile")),
                placeholder.get("referencedBy"));
        List<Object> node = PartialExportTest.node(store, ASE);
        assertEquals(true, node.get(1), "the ASE is a placeholder node");

        // Questions from the app are UNDETERMINED, naming the missing ASE and how to import it.
        Gql.post(CallSourceApiTest.CALL, "from", "orphan-app", "to", INTERNET)
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString("app orphan-app cannot be placed in the network: " + missing))
                .body("data", nullValue());
        Gql.post(FlowApiTest.FLOW, "from", APP, "to", INTERNET, "port", 443)
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(missing));
        // Audits that list callers list it UNDETERMINED, naming the ASE.
        Gql.post(WHO, "to", INTERNET)
                .body("errors", nullValue())
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.callerKind", equalTo("APP"))
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.verdict", equalTo("UNDETERMINED"))
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.reason", containsString(missing))
                .body(
                        "data.whoCanReach.find { it.callerName == 'orphan-app' }.flow.causes",
                        hasItem(containsString(missing)));
        Gql.post(MATRIX, "from", List.of("orphan-app"), "to", List.of(INTERNET))
                .body("errors", nullValue())
                .body("data.reachabilityMatrix[0].fromKind", equalTo("APP"))
                .body("data.reachabilityMatrix[0].cells[0].verdict", equalTo("UNDETERMINED"))
                .body("data.reachabilityMatrix[0].cells[0].reason", containsString(missing));
        // An app is not a target of exposures: it is not listed there.
        Gql.post("{ exposures(ports: [443]) { targetName } }")
                .body("data.exposures.targetName", not(hasItem("orphan-app")));

        // The ASE (with its VNet): the placeholder is filled in place and the same question is answered.
        Answer ase = imported(ExportShapesTest.shape("partial-app-ase.json"));
        assertThat(ExportShapesTest.warnings(ase), not(hasItem(containsString("placeholder"))));
        List<Object> filled = PartialExportTest.node(store, ASE);
        assertEquals(node.get(0), filled.get(0), "the same node");
        assertEquals(false, filled.get(1), "no longer a placeholder");
        assertThat(unresolved().keySet(), not(hasItem(ASE)));
        Gql.post(CallSourceApiTest.CALL, "from", "orphan-app", "to", INTERNET)
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.address", equalTo("20.87.4.30"));
        Gql.post(WHO, "to", INTERNET)
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.verdict", not(equalTo("UNDETERMINED")));
    }

    @Test
    void theAppsOfAnAseWhoseSubnetIsNotImportedAreListedUndeterminedNamingTheSubnet() throws Exception {
        // The ASE alone (its subnet another resource group's), then an app on it.
        String aseAndVnet = renamed(ExportShapesTest.shape("partial-app-ase.json"), "stray");
        String aseOnly = "[" + JSON.writeValueAsString(JSON.readTree(aseAndVnet).get(1)) + "]";
        imported(aseOnly);
        imported(renamed(ExportShapesTest.shape("partial-app-only.json"), "stray"));
        String subnet = renamed(VNET, "stray") + "/subnets/stray-ase-subnet";
        String strayApp = renamed(APP, "stray");
        String held = "app stray-app cannot be placed in the network: it is hosted on App Service Environment"
                + " stray-ase, which is held back: subnet " + subnet + " is referenced by stray-ase but not imported:"
                + " import its VNet (az network vnet show --ids " + renamed(VNET, "stray") + ")";

        Map<String, Object> placeholder = unresolved().get(subnet);
        assertEquals(
                List.of(referrer(strayApp, "stray-app", "Microsoft.Web/sites", "hostingEnvironmentProfile")),
                placeholder.get("heldBackWith"));
        Gql.post(CallSourceApiTest.CALL, "from", "stray-app", "to", INTERNET)
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(held));
        Gql.post(WHO, "to", INTERNET)
                .body("errors", nullValue())
                .body("data.whoCanReach.find { it.callerName == 'stray-app' }.verdict", equalTo("UNDETERMINED"))
                .body("data.whoCanReach.find { it.callerName == 'stray-app' }.sourceKind", equalTo("UNDETERMINED"))
                .body("data.whoCanReach.find { it.callerName == 'stray-app' }.reason", containsString(held))
                .body("data.whoCanReach.find { it.callerName == 'stray-ase' }.verdict", equalTo("UNDETERMINED"));
        Gql.post(MATRIX, "from", List.of("stray-app"), "to", List.of(INTERNET))
                .body("data.reachabilityMatrix[0].cells[0].verdict", equalTo("UNDETERMINED"))
                .body("data.reachabilityMatrix[0].cells[0].reason", containsString(held));

        // The VNet (with the ASE again): the app is placed and answered.
        imported(aseAndVnet);
        assertThat(unresolved().keySet(), not(hasItem(subnet)));
        Gql.post(CallSourceApiTest.CALL, "from", "stray-app", "to", INTERNET)
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.address", equalTo("20.88.4.30"));
        Gql.post(WHO, "to", INTERNET)
                .body("data.whoCanReach.find { it.callerName == 'stray-app' }.verdict", not(equalTo("UNDETERMINED")));
    }

    static final String GW_NET = RG + "gwonly-net-rg/providers/Microsoft.Network/";
    static final String HUB = GW_NET + "virtualNetworks/gwonly-hub";
    static final String GATEWAY_SUBNET = HUB + "/subnets/GatewaySubnet";
    static final String LONE_GW = RG + "gwonly-edge-rg/providers/Microsoft.Network/virtualNetworkGateways/lone-gw";
    static final String SITE = RG + "gwonly-onprem-rg/providers/Microsoft.Network/localNetworkGateways/gwonly-site";
    static final String NEXT_HOP =
            "query($s: String!, $d: String!) { nextHop(source: $s, destinationAddress: $d) { nextHopType } }";

    /** The placeholder's referrers as unresolvedReferences lists them: name, field and whether held back. */
    static List<String> referrers(String id) {
        Map<String, Object> row = unresolved().get(id);
        if (row == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> by = (List<Map<String, Object>>) row.get("referencedBy");
        return by.stream()
                .map(r ->
                        r.get("name") + " " + r.get("field") + (Boolean.TRUE.equals(r.get("heldBack")) ? " held" : ""))
                .toList();
    }

    @Test
    void aGatewayExportedAloneIsHeldBackFromRoutingUntilItsVnetIsImported() throws Exception {
        // Microsoft's single-resource GET of the gateway: its GatewaySubnet, VNet and default site are elsewhere.
        Answer gw = imported(ExportShapesTest.shape("partial-gateway-only.json"));
        List<String> warnings = ExportShapesTest.warnings(gw);
        assertThat(
                warnings,
                hasItem("$[0].properties.ipConfigurations[0].properties.subnet.id: subnet " + GATEWAY_SUBNET
                        + " is referenced by virtual network gateway 'lone-gw' but not imported: import its VNet (az"
                        + " network vnet show --ids " + HUB + "); until then it is an unresolved placeholder and"
                        + " questions that depend on it answer UNDETERMINED"));
        assertThat(
                warnings,
                hasItem(containsString("virtual network " + HUB + " is referenced by virtual network gateway 'lone-gw'"
                        + " but not imported: import it (az network vnet show --ids " + HUB + ")")));
        assertThat(
                warnings,
                hasItem(containsString("local network gateway " + SITE
                        + " is referenced by virtual network gateway 'lone-gw' but not imported")));
        assertEquals(List.of("lone-gw subnet held"), referrers(GATEWAY_SUBNET));
        assertThat(referrers(HUB), hasItem("lone-gw subnet (its virtual network) held"));
        assertEquals(List.of("lone-gw gatewayDefaultSite"), referrers(SITE));

        // A branch whose VNet-to-VNet connection names the held-back gateway, and a spoke that uses its VNet's
        // gateways (useRemoteGateways) with a default route to the gateway.
        imported(ExportShapesTest.shape("partial-gateway-branch.json"));
        String held = "virtual network gateway lone-gw cannot be placed in the network: virtual network " + HUB
                + " is referenced by";
        String importHub = "import it (az network vnet show --ids " + HUB + ")";
        Gql.post(NEXT_HOP, "s", "branch-nic", "d", "10.90.1.4")
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(held))
                .body("errors[0].message", containsString(importHub));
        Gql.post(CallSourceApiTest.CALL, "from", "branch-nic", "to", "10.90.1.4")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString(held));
        // Inside the branch's own space nothing the gateway routes can win.
        Gql.post(CallSourceApiTest.CALL, "from", "branch-nic", "to", "10.91.1.9")
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"));
        Gql.post(CallSourceApiTest.CALL, "from", "spoke-nic", "to", INTERNET)
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString("virtual network " + HUB))
                .body("data.callSource.reason", containsString(importHub));

        // The hub VNet: the gateway is placed, its VNet-to-VNet route and gateway transit are answered.
        Answer hub = imported(ExportShapesTest.shape("partial-gateway-hub.json"));
        assertThat(ExportShapesTest.warnings(hub), not(hasItem(containsString("placeholder"))));
        assertThat(unresolved().keySet(), not(hasItem(GATEWAY_SUBNET)));
        assertThat(unresolved().keySet(), not(hasItem(HUB)));
        Gql.post(NEXT_HOP, "s", "branch-nic", "d", "10.90.1.4")
                .body("errors", nullValue())
                .body("data.nextHop.nextHopType", equalTo("VIRTUAL_NETWORK_GATEWAY"));
        Gql.post(CallSourceApiTest.CALL, "from", "branch-nic", "to", "10.90.1.4")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"))
                .body("data.callSource.address", equalTo("10.91.1.4"));
        Gql.post(NEXT_HOP, "s", "spoke-nic", "d", "10.91.1.4")
                .body("errors", nullValue())
                .body("data.nextHop.nextHopType", equalTo("VIRTUAL_NETWORK_GATEWAY"));
        // Forced tunnelling through the gateway: its default site is still a placeholder, and the answer names it.
        String missingSite = "local network gateway " + SITE + " is referenced by virtual network gateway lone-gw but"
                + " not imported: import it (az network local-gateway show --ids " + SITE + ")";
        Gql.post(CallSourceApiTest.CALL, "from", "spoke-nic", "to", INTERNET)
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString("tunnels this Internet-bound call through lone-gw"))
                .body("data.callSource.reason", containsString(missingSite));
        imported(ExportShapesTest.shape("partial-site.json").replace("peered-", "gwonly-"));
        assertThat(unresolved().keySet(), not(hasItem(SITE)));
        Gql.post(CallSourceApiTest.CALL, "from", "spoke-nic", "to", INTERNET)
                .body("data.callSource.reason", containsString("(default site gwonly-site)"))
                .body("data.callSource.reason", not(containsString("not imported")));
    }

    @Test
    void aGatewayWhoseVnetIsImportedWithoutItsGatewaySubnetMakesTheVnetsGatewayRoutesUnknown() throws Exception {
        // The VNet as listed without its GatewaySubnet (and without peerings), then its gateway exported alone.
        com.fasterxml.jackson.databind.node.ObjectNode vnet = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(solo(ExportShapesTest.shape("partial-gateway-hub.json")))
                        .get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) vnet.get("subnets")).remove(1);
        vnet.putArray("virtualNetworkPeerings");
        imported("[" + JSON.writeValueAsString(vnet) + "]");
        imported(solo(ExportShapesTest.shape("partial-gateway-only.json")));
        String subnet = solo(GATEWAY_SUBNET);
        assertEquals(List.of("solo-gw subnet held"), referrers(subnet));
        assertThat(unresolved().keySet(), not(hasItem(solo(HUB))));
        String held =
                "gateway routes of solo-gw (virtual network gateway solo-gw cannot be placed in the network: subnet "
                        + subnet + " is referenced by solo-gw but not imported: import its VNet";
        // Outside the VNet's own space the gateway's routes may decide; inside it they cannot.
        Gql.post(CallSourceApiTest.CALL, "from", "10.95.1.9", "to", "172.16.5.5")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString(held));
        Gql.post(CallSourceApiTest.CALL, "from", "10.95.1.9", "to", "10.95.1.20")
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"));

        // The whole VNet (its GatewaySubnet too): the gateway is placed and, with no connection or learned route,
        // adds no route: the reserved range's None route decides.
        vnet = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(solo(ExportShapesTest.shape("partial-gateway-hub.json")))
                        .get(0);
        vnet.putArray("virtualNetworkPeerings");
        imported("[" + JSON.writeValueAsString(vnet) + "]");
        assertThat(unresolved().keySet(), not(hasItem(subnet)));
        Gql.post(CallSourceApiTest.CALL, "from", "10.95.1.9", "to", "172.16.5.5")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNREACHABLE"));
    }

    /** The gwonly documents as another VNet, gwsolo-hub (10.95.0.0/16), with gateway solo-gw. */
    static String solo(String doc) {
        return doc.replace("gwonly-", "gwsolo-").replace("lone-gw", "solo-gw").replace("10.90.", "10.95.");
    }

    static final String FW_NET = RG + "fwonly-net-rg/providers/Microsoft.Network/";
    static final String FW_SUBNET = FW_NET + "virtualNetworks/fwonly-hub/subnets/AzureFirewallSubnet";

    @Test
    void aFirewallWhoseSubnetIsNotImportedIsNamedByTheRoutesToItsAddress() throws Exception {
        Answer fw = imported(ExportShapesTest.shape("partial-firewall-only.json"));
        assertThat(
                ExportShapesTest.warnings(fw),
                hasItem(containsString("subnet " + FW_SUBNET + " is referenced by Azure Firewall 'lone-fw' but not"
                        + " imported: import its VNet (az network vnet show --ids " + FW_NET
                        + "virtualNetworks/fwonly-hub)")));
        assertThat(referrers(FW_SUBNET), hasItem("lone-fw subnet held"));
        String held = "Azure Firewall lone-fw cannot be placed in the network: subnet " + FW_SUBNET
                + " is referenced by lone-fw but not imported: import its VNet";
        Gql.post(CallSourceApiTest.CALL, "from", "fw-spoke-nic", "to", INTERNET)
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body(
                        "data.callSource.reason",
                        containsString("sends the call to the Azure Firewall at 10.93.0.4, but " + held))
                .body("data.callSource.reason", containsString(held))
                .body("data.callSource.reason", not(containsString("virtual appliance")));
        Gql.post(FlowApiTest.FLOW, "from", "fw-spoke-nic", "to", INTERNET, "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.reason", containsString(held));
        // What its DNAT rules may publish is not known: exposures lists it UNDETERMINED, naming why.
        Gql.post("{ exposures(ports: [3389]) { targetName targetKind verdict causes } }")
                .body("errors", nullValue())
                .body("data.exposures.findAll { it.targetName == 'lone-fw' }.verdict", contains("UNDETERMINED"))
                .body("data.exposures.findAll { it.targetName == 'lone-fw' }.targetKind", contains("AZURE_FIREWALL"))
                .body("data.exposures.findAll { it.targetName == 'lone-fw' }[0].causes", hasItem(containsString(held)));

        // Its VNet (peered with the spoke) and its public IP: the firewall decides.
        imported(ExportShapesTest.shape("partial-firewall-hub.json"));
        assertThat(unresolved().keySet(), not(hasItem(FW_SUBNET)));
        Gql.post(CallSourceApiTest.CALL, "from", "fw-spoke-nic", "to", INTERNET)
                .body("errors", nullValue())
                .body("data.callSource.address", equalTo("20.93.0.10"));
        Gql.post(FlowApiTest.FLOW, "from", "fw-spoke-nic", "to", INTERNET, "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("ALLOWED"));
        Gql.post("{ exposures(ports: [3389]) { targetName verdict } }")
                .body("errors", nullValue())
                .body("data.exposures.findAll { it.targetName == 'lone-fw' && it.verdict == 'UNDETERMINED' }", empty());
    }
}
