package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
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
import org.junit.jupiter.api.Test;

/** With {@code asegraph.import.unresolved-references=reject} a partial export is refused whole, as before placeholders. */
@QuarkusTest
@TestProfile(RejectUnresolvedProfile.class)
class PartialExportRejectTest {
    @TestHTTPResource("/import")
    URL importUrl;

    @Inject
    GraphStore store;

    /** {@code POST /import} of the shape document {@code file}. */
    Answer post(String file) throws Exception {
        return ImportResourceTest.post(
                HttpClient.newHttpClient(),
                importUrl,
                "",
                null,
                ExportShapesTest.shape(file).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNicOnlyExportIsRefusedNamingBothReferencesAndNothingIsWritten() throws Exception {
        long nodes = store.read(
                tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
        Answer a = post("partial-nic-only.json");
        assertEquals(400, a.status(), a.body()::toString);
        assertEquals("INVALID_DOCUMENT", a.body().path("code").asText());
        assertThat(
                ExportShapesTest.problems(a),
                containsInAnyOrder(
                        "$[0].ipConfigurations[0].subnet.id: subnet.id '" + PartialExportTest.SUBNET
                                + "' of network interface 'lone-nic' names a subnet that is neither in this document"
                                + " nor in the graph",
                        "$[0].networkSecurityGroup.id: networkSecurityGroup.id '" + PartialExportTest.NSG
                                + "' of network interface 'lone-nic' names a network security group that is neither"
                                + " in this document nor in the graph"));
        long after = store.read(
                tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
        assertEquals(nodes, after, "nothing written");
        List<Object> placeholders =
                Gql.post("{ unresolvedReferences { id } }").extract().path("data.unresolvedReferences");
        assertThat(placeholders, empty());
    }

    @Test
    void aVnetExportNamingARouteTableNatGatewayPublicIpAndAsgElsewhereIsRefusedNamingEach() throws Exception {
        Answer a = post("partial-routed-vnet.json");
        assertEquals(400, a.status(), a.body()::toString);
        List<String> problems = ExportShapesTest.problems(a);
        for (String id : List.of(
                PartialExportReferencesTest.ROUTE_TABLE,
                PartialExportReferencesTest.NAT,
                PartialExportReferencesTest.NIC_PIP,
                PartialExportReferencesTest.ASG)) {
            assertThat(
                    problems, org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("'" + id + "' of ")));
        }
        assertThat(
                problems,
                org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.containsString("that is neither in this document nor in the graph")));
        Gql.post("query($n: String!) { networkInterfaces(where: {name: {eq: $n}}) { id } }", "n", "web-nic")
                .body("data.networkInterfaces", org.hamcrest.Matchers.empty());
    }

    @Test
    void anAppAGatewayAndAFirewallExportedAloneAreRefusedNamingWhatIsMissing() throws Exception {
        for (String[] c : new String[][] {
            {"partial-app-only.json", "hostingEnvironmentProfile.id '" + PartialExportHeldBackTest.ASE + "' of app"},
            {"partial-gateway-only.json", "subnet.id '" + PartialExportHeldBackTest.GATEWAY_SUBNET + "' of virtual"},
            {"partial-firewall-only.json", "subnet.id '" + PartialExportHeldBackTest.FW_SUBNET + "' of Azure Firewall"}
        }) {
            Answer a = post(c[0]);
            assertEquals(400, a.status(), a.body()::toString);
            assertEquals("INVALID_DOCUMENT", a.body().path("code").asText());
            assertThat(
                    c[0],
                    ExportShapesTest.problems(a),
                    org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(c[1])));
            assertThat(
                    c[0],
                    ExportShapesTest.problems(a),
                    org.hamcrest.Matchers.everyItem(
                            org.hamcrest.Matchers.containsString("that is neither in this document nor in the graph")));
        }
        Gql.post("{ unresolvedReferences { id } }").body("data.unresolvedReferences", org.hamcrest.Matchers.empty());
        Gql.post("query($n: String!) { apps(where: {name: {eq: $n}}) { id } }", "n", "orphan-app")
                .body("data.apps", org.hamcrest.Matchers.empty());
    }
}
