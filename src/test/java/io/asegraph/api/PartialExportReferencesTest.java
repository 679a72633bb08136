package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
 * Partial exports whose references go beyond subnets and NSGs (issue 19): a subnet's route table and NAT gateway, a
 * NAT gateway's and a network interface's public IPs, an application security group named by a NIC and by a security
 * rule, a peering's remote VNet and a connection's local network gateway, each in another resource group's export
 * ({@code src/test/resources/shapes/partial-*.json}). Each becomes a placeholder; every answer that depends on it is
 * UNDETERMINED naming it and how to import it, never answered as if it were absent; importing it later fills it in
 * place and the answer changes.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class PartialExportReferencesTest {
    static final String RG = PartialExportTest.RG;
    static final String NET = RG + "routed-net-rg/providers/Microsoft.Network/";
    static final String ROUTE_TABLE = RG + "routed-route-rg/providers/Microsoft.Network/routeTables/web-routes";
    static final String NAT = RG + "routed-edge-rg/providers/Microsoft.Network/natGateways/web-nat";
    static final String NAT_PIP = RG + "routed-edge-rg/providers/Microsoft.Network/publicIPAddresses/web-nat-pip";
    static final String NIC_PIP = RG + "routed-edge-rg/providers/Microsoft.Network/publicIPAddresses/edge-nic-pip";
    static final String ASG = RG + "routed-sec-rg/providers/Microsoft.Network/applicationSecurityGroups/ops-asg";
    static final String WEB_NIC = RG + "routed-app-rg/providers/Microsoft.Network/networkInterfaces/web-nic";
    static final String EDGE_NIC = RG + "routed-app-rg/providers/Microsoft.Network/networkInterfaces/edge-nic";
    static final String SPOKE = RG + "peered-spoke-rg/providers/Microsoft.Network/virtualNetworks/peered-spoke";
    static final String SITE = RG + "peered-onprem-rg/providers/Microsoft.Network/localNetworkGateways/peered-site";

    static final String NEXT_HOP =
            "query($s: String!, $d: String!) { nextHop(source: $s, destinationAddress: $d) { nextHopType routeTableId } }";
    static final String ROUTES = "query($t: String!) { effectiveRoutes(target: $t) { addressPrefix nextHopType } }";

    static final String EDGE_EXPOSURE = "{ exposures(ports: [443]) { targetName verdict publicAddress warnings } }";
    static final String SHADOWED = "query($n: String) { shadowedRules(nsg: $n) { rule kind causes coveredBy } }";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    GraphStore store;

    @TestHTTPResource("/import")
    URL importUrl;

    Answer imported(String shape) throws Exception {
        Answer a = ImportResourceTest.post(
                HTTP, importUrl, "", null, ExportShapesTest.shape(shape).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.body()::toString);
        return a;
    }

    /** The placeholder's referrers as unresolvedReferences lists them: name and field. */
    static List<String> referrers(String id) {
        Map<String, Object> row = PartialExportTest.unresolved().get(id);
        if (row == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> by = (List<Map<String, Object>>) row.get("referencedBy");
        return by.stream().map(r -> r.get("name") + " " + r.get("field")).toList();
    }

    /** The node of {@code id}: its element id and whether it is still a placeholder. */
    List<Object> node(String id) {
        return PartialExportTest.node(store, id);
    }

    static String howToImport(String command, String id) {
        return "import it (az network " + command + " show --ids " + id + ")";
    }

    @Test
    void routeTableNatGatewayPublicIpsAndAsgImportedLaterTurnUndeterminedAnswersIntoAnswers() throws Exception {
        // 1. The VNet, an NSG and two NICs; a route table, a NAT gateway, a public IP and an ASG are elsewhere.
        Answer vnet = imported("partial-routed-vnet.json");
        List<String> warnings = ExportShapesTest.warnings(vnet);
        assertThat(
                warnings,
                hasItem("$[0].subnets[0].routeTable.id: route table " + ROUTE_TABLE
                        + " is referenced by subnet 'web' but not imported: " + howToImport("route-table", ROUTE_TABLE)
                        + "; until then it is an unresolved placeholder and questions that depend on it answer"
                        + " UNDETERMINED"));
        assertThat(warnings, hasItem(containsString("NAT gateway " + NAT + " is referenced by subnet 'web'")));
        assertThat(
                warnings,
                hasItem(containsString(
                        "public IP address " + NIC_PIP + " is referenced by network interface 'edge-nic'")));
        assertThat(
                warnings,
                hasItem(containsString("application security group " + ASG
                        + " is referenced by rule 'deny-ops-ssh' of NSG" + " 'edge-nsg'")));
        assertEquals(List.of("web routeTable"), referrers(ROUTE_TABLE));
        assertEquals(List.of("web natGateway"), referrers(NAT));
        assertEquals(List.of("edge-nic publicIPAddress"), referrers(NIC_PIP));
        assertThat(referrers(ASG), hasItems("web-nic applicationSecurityGroups", "edge-nsg securityRules"));
        List<Object> tableNode = node(ROUTE_TABLE);
        assertEquals(true, tableNode.get(1));

        // The route table is not known: nothing routed from web can be told, not even inside the VNet.
        String missingTable = "route table " + ROUTE_TABLE + " is referenced by subnet web but not imported";
        Gql.post(CallSourceApiTest.CALL, "from", "web-nic", "to", "10.82.2.4")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString(missingTable))
                .body("data.callSource.reason", containsString(howToImport("route-table", ROUTE_TABLE)));
        Gql.post(NEXT_HOP, "s", "web-nic", "d", "10.82.2.4")
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(missingTable));
        Gql.post(ROUTES, "t", "web-nic")
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(missingTable));
        Gql.post(FlowApiTest.FLOW, "from", "web-nic", "to", "edge-nic", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.reason", containsString(missingTable));
        // edge has no route table: its routes are whole.
        Gql.post(NEXT_HOP, "s", "edge-nic", "d", "10.82.1.4")
                .body("errors", nullValue())
                .body("data.nextHop.nextHopType", equalTo("VNET_LOCAL"));

        // 2. The route table: filled in place; inside the VNet it is answered; to the Internet the NAT gateway decides.
        imported("partial-route-table.json");
        assertEquals(tableNode.get(0), node(ROUTE_TABLE).get(0), "the same node");
        assertEquals(false, node(ROUTE_TABLE).get(1));
        assertThat(PartialExportTest.unresolved().keySet(), not(hasItem(ROUTE_TABLE)));
        Gql.post(CallSourceApiTest.CALL, "from", "web-nic", "to", "10.82.2.4")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"))
                .body("data.callSource.address", equalTo("10.82.1.4"));
        Gql.post(NEXT_HOP, "s", "web-nic", "d", "203.0.113.7")
                .body("errors", nullValue())
                .body("data.nextHop.nextHopType", equalTo("INTERNET"))
                .body("data.nextHop.routeTableId", equalTo(ROUTE_TABLE));
        Gql.post(CallSourceApiTest.CALL, "from", "web-nic", "to", "203.0.113.7")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body(
                        "data.callSource.reason",
                        containsString("NAT gateway " + NAT + " is referenced by subnet web but not imported: "
                                + howToImport("nat gateway", NAT)));

        // The ASG a rule of edge-nsg names is not known: that rule cannot be evaluated.
        Gql.post(FlowApiTest.FLOW, "from", "web-nic", "to", "edge-nic", "port", 22)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body(
                        "data.flow.reason",
                        containsString("application security group 'ops-asg' (" + ASG + ") is not imported"));

        // shadowedRules cannot tell whether the ASG rule covers allow-web-ssh: UNDECIDABLE, naming the ASG.
        Gql.post(SHADOWED, "n", "edge-nsg")
                .body("errors", nullValue())
                .body("data.shadowedRules.rule", hasItem("securityRules/allow-web-ssh"))
                .body(
                        "data.shadowedRules.find { it.rule == 'securityRules/allow-web-ssh' }.kind",
                        equalTo("UNDECIDABLE"))
                .body(
                        "data.shadowedRules.find { it.rule == 'securityRules/allow-web-ssh' }.causes",
                        hasItem(containsString("application security group 'ops-asg' (" + ASG + ") is not imported")));

        // 3. The NAT gateway, whose public IP is in yet another export: still UNDETERMINED, now naming the IP.
        Answer nat = imported("partial-nat-gateway.json");
        assertThat(
                ExportShapesTest.warnings(nat),
                hasItem(containsString("public IP address " + NAT_PIP + " is referenced by NAT gateway 'web-nat'")));
        Gql.post(CallSourceApiTest.CALL, "from", "web-nic", "to", "203.0.113.7")
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body(
                        "data.callSource.reason",
                        containsString("public IP address " + NAT_PIP + " is referenced by NAT gateway web-nat but not"
                                + " imported: " + howToImport("public-ip", NAT_PIP)));
        // edge-nic's own public IP is not known either.
        Gql.post(CallSourceApiTest.CALL, "from", "edge-nic", "to", "203.0.113.7")
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body(
                        "data.callSource.reason",
                        containsString("public IP address " + NIC_PIP + " is referenced by network interface edge-nic"
                                + " but not imported"));

        // exposures: edge-nic admits HTTPS from the Internet at a public IP whose address is not known yet.
        Gql.post(EDGE_EXPOSURE)
                .body("errors", nullValue())
                .body("data.exposures.find { it.targetName == 'edge-nic' }.verdict", equalTo("ALLOWED"))
                .body("data.exposures.find { it.targetName == 'edge-nic' }.publicAddress", nullValue())
                .body(
                        "data.exposures.find { it.targetName == 'edge-nic' }.warnings",
                        hasItem(containsString("public IP address " + NIC_PIP + " is referenced by network interface"
                                + " edge-nic but not imported")));

        // 4. The public IPs: both calls leave from known addresses.
        imported("partial-public-ips.json");
        Gql.post(EDGE_EXPOSURE)
                .body("data.exposures.find { it.targetName == 'edge-nic' }.publicAddress", equalTo("20.50.1.20"));
        Gql.post(CallSourceApiTest.CALL, "from", "web-nic", "to", "203.0.113.7")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("NAT_GATEWAY"))
                .body("data.callSource.address", equalTo("20.50.1.10"));
        Gql.post(CallSourceApiTest.CALL, "from", "edge-nic", "to", "203.0.113.7")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_IP"))
                .body("data.callSource.address", equalTo("20.50.1.20"));

        // 5. The ASG: web-nic is in it, so the rule decides.
        imported("partial-asg.json");
        assertThat(PartialExportTest.unresolved().keySet(), not(hasItem(ASG)));
        Gql.post(FlowApiTest.FLOW, "from", "web-nic", "to", "edge-nic", "port", 22)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.decisions.matches.rule.flatten()", hasItem(containsString("deny-ops-ssh")));
        Gql.post(FlowApiTest.FLOW, "from", "web-nic", "to", "edge-nic", "port", 443)
                .body("data.flow.verdict", equalTo("ALLOWED"));
        Gql.post(SHADOWED, "n", "edge-nsg")
                .body("data.shadowedRules.find { it.rule == 'securityRules/allow-web-ssh' }.kind", equalTo("DEAD"));
    }

    @Test
    void aPeeringsRemoteVnetAndAConnectionsSiteImportedLaterTurnUndeterminedRoutesIntoAnswers() throws Exception {
        Answer hub = imported("partial-peered-vnet.json");
        List<String> warnings = ExportShapesTest.warnings(hub);
        assertThat(
                warnings,
                hasItem(containsString("virtual network " + SPOKE + " is referenced by peering 'hub-to-spoke'")));
        assertThat(
                warnings,
                hasItem(containsString(
                        "local network gateway " + SITE + " is referenced by connection 'hub-to-site'")));
        assertEquals(List.of("hub-to-spoke remoteVirtualNetwork"), referrers(SPOKE));
        assertEquals(List.of("hub-to-site localNetworkGateway2"), referrers(SITE));

        String missingSpoke = "virtual network " + SPOKE + " is referenced by the peering hub-to-spoke of peered-hub"
                + " but not imported";
        String missingSite =
                "local network gateway " + SITE + " is referenced by the connection hub-to-site but not" + " imported";
        // Inside its own address space the VNet's routes are known: no peering can cover them.
        Gql.post(CallSourceApiTest.CALL, "from", "peer-nic", "to", "10.84.1.9")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"));
        // Anywhere else the spoke's space, or the site's, may be the more specific route.
        Gql.post(CallSourceApiTest.CALL, "from", "peer-nic", "to", "10.85.1.4")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString(missingSpoke))
                .body("data.callSource.reason", containsString(missingSite))
                .body("data.callSource.reason", containsString(howToImport("vnet", SPOKE)));
        Gql.post(NEXT_HOP, "s", "peer-nic", "d", "10.85.1.4")
                .body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString(missingSpoke));

        // The spoke: its space is a peering route now, which no gateway route can override.
        imported("partial-spoke-vnet.json");
        assertThat(PartialExportTest.unresolved().keySet(), not(hasItem(SPOKE)));
        Gql.post(NEXT_HOP, "s", "peer-nic", "d", "10.85.1.4")
                .body("errors", nullValue())
                .body("data.nextHop.nextHopType", equalTo("VNET_PEERING"));
        Gql.post(CallSourceApiTest.CALL, "from", "peer-nic", "to", "10.85.1.4")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"))
                .body("data.callSource.address", equalTo("10.84.1.4"));
        Gql.post(CallSourceApiTest.CALL, "from", "peer-nic", "to", "172.20.1.4")
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString(missingSite))
                .body("data.callSource.reason", containsString(howToImport("local-gateway", SITE)));

        // The site: its prefixes are gateway routes.
        imported("partial-site.json");
        assertThat(PartialExportTest.unresolved().keySet(), not(hasItem(SITE)));
        Gql.post(NEXT_HOP, "s", "peer-nic", "d", "172.20.1.4")
                .body("errors", nullValue())
                .body("data.nextHop.nextHopType", equalTo("VIRTUAL_NETWORK_GATEWAY"));
        Gql.post(ROUTES, "t", "peer-nic")
                .body("errors", nullValue())
                .body("data.effectiveRoutes.addressPrefix", hasItems("10.84.0.0/16", "10.85.0.0/16", "172.20.0.0/16"));
    }

    static final String HEALTH =
            "query($h: Boolean) { environmentsHealth(healthy: $h) { name healthy status checks { name status detail } } }";
    static final String WHO =
            """
            query($to: String!) { whoCanReach(to: $to, port: 1433) {
              callerName callerKind verdict sourceKind reason flow { verdict causes } } }""";
    static final String EXPOSURES =
            "{ exposures(ports: [443]) { targetName targetKind verdict causes undeterminedSources port } }";
    static final String MATRIX =
            """
            query($from: [String!]!, $to: [String!]!) { reachabilityMatrix(from: $from, to: $to, port: 1433) {
              from fromName fromKind cells { to toId verdict sourceKind reason } } }""";

    @Test
    void auditsListWhatIsHeldBackForAPlaceholderAsUndeterminedNamingIt() throws Exception {
        // An ASE exported alone (ARM GET), and a NIC exported alone: both held out of the snapshot for their subnets.
        Answer ase = imported("partial-ase-only.json");
        String aseSubnet =
                RG + "held-net-rg/providers/Microsoft.Network/virtualNetworks/held-vnet/subnets/held-ase-subnet";
        assertThat(
                ExportShapesTest.warnings(ase),
                hasItem(containsString("subnet " + aseSubnet + " is referenced by App Service Environment 'held-ase'"
                        + " but not imported: import its VNet")));
        Answer nic = ImportResourceTest.post(
                HTTP, importUrl, "", null, PartialExportTest.nicOnly("audit").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, nic.status(), nic.body()::toString);
        String heldAse = "App Service Environment held-ase cannot be placed in the network: subnet " + aseSubnet
                + " is referenced by held-ase but not imported: import its VNet";
        String heldNic = "network interface audit-lone-nic cannot be placed in the network: subnet "
                + PartialExportTest.renamed(PartialExportTest.SUBNET, "audit")
                + " is referenced by audit-lone-nic but not imported";

        // environmentsHealth: the ASE is there, not healthy, WARN, naming its missing subnet.
        Gql.post(HEALTH)
                .body("errors", nullValue())
                .body("data.environmentsHealth.find { it.name == 'held-ase' }.healthy", equalTo(false))
                .body("data.environmentsHealth.find { it.name == 'held-ase' }.status", equalTo("WARN"))
                .body(
                        "data.environmentsHealth.find { it.name == 'held-ase' }.checks[0].detail",
                        containsString(heldAse));
        Gql.post(HEALTH, "h", true).body("data.environmentsHealth.name", not(hasItem("held-ase")));
        Gql.post(HEALTH, "h", false).body("data.environmentsHealth.name", hasItem("held-ase"));

        // whoCanReach: both are callers, UNDETERMINED, and their reason and flow say why.
        Gql.post(WHO, "to", "db-vm-nic")
                .body("errors", nullValue())
                .body("data.whoCanReach.callerName", hasItems("held-ase", "audit-lone-nic", "ase-one"))
                .body("data.whoCanReach.find { it.callerName == 'held-ase' }.verdict", equalTo("UNDETERMINED"))
                .body("data.whoCanReach.find { it.callerName == 'held-ase' }.sourceKind", equalTo("UNDETERMINED"))
                .body("data.whoCanReach.find { it.callerName == 'held-ase' }.reason", containsString(heldAse))
                .body(
                        "data.whoCanReach.find { it.callerName == 'audit-lone-nic' }.callerKind",
                        equalTo("NETWORK_INTERFACE"))
                .body(
                        "data.whoCanReach.find { it.callerName == 'audit-lone-nic' }.flow.verdict",
                        equalTo("UNDETERMINED"))
                .body(
                        "data.whoCanReach.find { it.callerName == 'audit-lone-nic' }.flow.causes",
                        hasItem(containsString(heldNic)))
                .body("data.whoCanReach.find { it.callerName == 'ase-one' }.reason", not(containsString("placed")));

        // exposures: whether they are exposed is not known; they are listed UNDETERMINED, not left out.
        Gql.post(EXPOSURES)
                .body("errors", nullValue())
                .body("data.exposures.find { it.targetName == 'held-ase' }.verdict", equalTo("UNDETERMINED"))
                .body(
                        "data.exposures.find { it.targetName == 'held-ase' }.targetKind",
                        equalTo("APP_SERVICE_ENVIRONMENT"))
                .body("data.exposures.find { it.targetName == 'held-ase' }.causes", hasItem(containsString(heldAse)))
                .body("data.exposures.find { it.targetName == 'audit-lone-nic' }.verdict", equalTo("UNDETERMINED"))
                .body(
                        "data.exposures.find { it.targetName == 'audit-lone-nic' }.undeterminedSources",
                        hasItem("1.0.0.0/8"));

        // reachabilityMatrix: the held-back caller's row and the held-back destination's cells are UNDETERMINED;
        // the rest of the grid is answered.
        Gql.post(MATRIX, "from", List.of("held-ase", "ase-one"), "to", List.of("db-vm-nic", "audit-lone-nic"))
                .body("errors", nullValue())
                .body("data.reachabilityMatrix.from", org.hamcrest.Matchers.contains("held-ase", "ase-one"))
                .body("data.reachabilityMatrix[0].fromKind", equalTo("APP_SERVICE_ENVIRONMENT"))
                .body(
                        "data.reachabilityMatrix[0].cells.verdict",
                        org.hamcrest.Matchers.contains("UNDETERMINED", "UNDETERMINED"))
                .body("data.reachabilityMatrix[0].cells[0].reason", containsString(heldAse))
                .body("data.reachabilityMatrix[0].cells[0].toId", containsString("/networkInterfaces/db-vm-nic"))
                .body(
                        "data.reachabilityMatrix[1].cells.to",
                        org.hamcrest.Matchers.contains("db-vm-nic", "audit-lone-nic"))
                .body("data.reachabilityMatrix[1].cells[0].verdict", not(equalTo("UNDETERMINED")))
                .body("data.reachabilityMatrix[1].cells[1].verdict", equalTo("UNDETERMINED"))
                .body(
                        "data.reachabilityMatrix[1].cells[1].toId",
                        equalTo(PartialExportTest.renamed(PartialExportTest.NIC, "audit")))
                .body("data.reachabilityMatrix[1].cells[1].reason", containsString(heldNic));
    }
}
