package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
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
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.callerKind", equalTo("App"))
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.verdict", equalTo("UNDETERMINED"))
                .body("data.whoCanReach.find { it.callerName == 'orphan-app' }.reason", containsString(missing))
                .body(
                        "data.whoCanReach.find { it.callerName == 'orphan-app' }.flow.causes",
                        hasItem(containsString(missing)));
        Gql.post(MATRIX, "from", List.of("orphan-app"), "to", List.of(INTERNET))
                .body("errors", nullValue())
                .body("data.reachabilityMatrix[0].fromKind", equalTo("App"))
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
}
