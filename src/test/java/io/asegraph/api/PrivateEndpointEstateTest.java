package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private endpoints on the hub-and-spoke estate ({@code src/test/resources/estates/hub-firewall.json}): {@code sql-pe}
 * (ARM shape, its interface exported too) in {@code pe-enabled-subnet}, whose privateEndpointNetworkPolicies is
 * Enabled, and {@code kv-pe} (az CLI flattened shape) in {@code pe-disabled-subnet} (Disabled). Both subnets carry
 * {@code pe-nsg}, which denies HTTPS from the ASE subnet; it applies to the first and is bypassed for the second.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class PrivateEndpointEstateTest {
    static final String DOCUMENT = FirewallEstateTest.DOCUMENT;
    static final String SUBNETS = FirewallEstateTest.NET + "/virtualNetworks/spoke-vnet/subnets/";

    static final String FLOW =
            """
            query($from: String!, $to: String!, $port: Int!) { flow(from: $from, to: $to, port: $port) {
              verdict reason destination source { kind addressRange }
              decisions { nsg verdict } blockers { nsg }
              trace { node kind steps { type detail } } } }""";
    static final String SUBNET =
            """
            query($id: String!) { resource(id: $id) { ... on Subnet { name privateEndpointNetworkPolicies
              privateEndpoints { name privateIpAddresses networkInterfaceIds targets subnet { name } } } } }""";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void importEstate() throws Exception {
        Answer a =
                ImportResourceTest.post(http, importUrl, "", "application/json", Files.readAllBytes(Path.of(DOCUMENT)));
        assertEquals(200, a.status(), a.body()::toString);
    }

    @Test
    void theNsgOfAPrivateEndpointsSubnetAppliesWhenItsPoliciesAreEnabled() {
        Gql.post(FLOW, "from", "locked-ase", "to", "sql-pe", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.destination", equalTo("10.200.2.4"))
                .body("data.flow.source.kind", equalTo("SUBNET_RANGE"))
                .body("data.flow.source.addressRange", equalTo("10.200.0.0/24"))
                .body("data.flow.blockers.nsg", contains(containsString("/networkSecurityGroups/pe-nsg")))
                .body("data.flow.reason", containsString("deny-https-from-ase"))
                .body("data.flow.reason", not(containsString("bypassed")))
                .body("data.flow.trace[-1].kind", equalTo("PrivateEndpoint"))
                .body("data.flow.trace[-1].steps.type", hasItem("DROP"));
    }

    @Test
    void theNsgOfAPrivateEndpointsSubnetIsBypassedWhenItsPoliciesAreDisabledAndTheAnswerSaysSo() {
        Gql.post(FLOW, "from", "locked-ase", "to", "kv-pe", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.destination", equalTo("10.200.3.4"))
                .body("data.flow.source.kind", equalTo("SUBNET_RANGE"))
                .body("data.flow.decisions", empty())
                .body(
                        "data.flow.reason",
                        containsString("NSG pe-nsg of pe-disabled-subnet bypassed: private endpoint kv-pe is in"
                                + " pe-disabled-subnet, whose privateEndpointNetworkPolicies is Disabled"))
                .body(
                        "data.flow.trace[-1].steps.find { it.type == 'FILTER' }.detail",
                        containsString("privateEndpointNetworkPolicies is Disabled"))
                .body("data.flow.trace[-1].steps.type", hasItem("DELIVER"));
        // The same endpoint asked by its address: the same answer.
        Gql.post(FLOW, "from", "locked-ase", "to", "10.200.3.4", "port", 443)
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.reason", containsString("bypassed: private endpoint kv-pe"));
    }

    @Test
    void anotherAddressInTheDisabledSubnetIsStillFilteredByItsNsg() {
        Gql.post(FLOW, "from", "locked-ase", "to", "10.200.3.50", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.blockers.nsg", contains(containsString("/networkSecurityGroups/pe-nsg")));
    }

    @Test
    void subnetsShowTheirPolicySettingAndTheirPrivateEndpoints() {
        Gql.post(SUBNET, "id", SUBNETS + "pe-enabled-subnet")
                .body("errors", nullValue())
                .body("data.resource.privateEndpointNetworkPolicies", equalTo("Enabled"))
                .body("data.resource.privateEndpoints.name", contains("sql-pe"))
                .body("data.resource.privateEndpoints[0].privateIpAddresses", contains("10.200.2.4"))
                .body(
                        "data.resource.privateEndpoints[0].networkInterfaceIds",
                        contains(containsString("/networkInterfaces/sql-pe.nic.3f2b")))
                .body("data.resource.privateEndpoints[0].targets", contains("orders-sql (sqlServer)"))
                .body("data.resource.privateEndpoints[0].subnet.name", equalTo("pe-enabled-subnet"));
        Gql.post(SUBNET, "id", SUBNETS + "pe-disabled-subnet")
                .body("data.resource.privateEndpointNetworkPolicies", equalTo("Disabled"))
                .body("data.resource.privateEndpoints.name", contains("kv-pe"))
                .body("data.resource.privateEndpoints[0].targets", contains("kv-prod (vault)"));
        // Other classes of this profile import private endpoints of their own: list this estate's (hub-rg) only.
        Gql.post("{ privateEndpoints(where: {id: {contains: \"/resourceGroups/hub-rg/\"}}) { name } }")
                .body("errors", nullValue())
                .body("data.privateEndpoints.name", containsInAnyOrder("kv-pe", "sql-pe"));
    }

    @Test
    void aSubnetUpdateWithoutThePolicyKeyKeepsTheStoredSetting() throws Exception {
        ObjectNode subnet =
                (ObjectNode) spokeSubnet(read(), "pe-enabled-subnet").deepCopy();
        ((ObjectNode) subnet.path("properties")).remove("privateEndpointNetworkPolicies");
        subnet.put("type", "Microsoft.Network/virtualNetworks/subnets");
        ArrayNode doc = (ArrayNode) TestEstate.read("[]");
        doc.add(subnet);
        Answer answer = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, answer.status(), answer.body()::toString);
        assertEquals(1, answer.body().get("unchanged").asInt(), answer.body()::toString);
        Gql.post(SUBNET, "id", SUBNETS + "pe-enabled-subnet")
                .body("data.resource.privateEndpointNetworkPolicies", equalTo("Enabled"));
        Gql.post(FLOW, "from", "locked-ase", "to", "sql-pe", "port", 443).body("data.flow.verdict", equalTo("DENIED"));
    }

    @Test
    void aSubnetUpdateStatingThePolicyReplacesItAndTheNsgThenApplies() throws Exception {
        ObjectNode subnet =
                (ObjectNode) spokeSubnet(read(), "pe-disabled-subnet").deepCopy();
        ((ObjectNode) subnet.path("properties")).put("privateEndpointNetworkPolicies", "NetworkSecurityGroupEnabled");
        subnet.put("type", "Microsoft.Network/virtualNetworks/subnets");
        ArrayNode doc = (ArrayNode) TestEstate.read("[]");
        doc.add(subnet);
        Answer answer = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, answer.status(), answer.body()::toString);
        assertEquals(1, answer.body().get("updated").asInt(), answer.body()::toString);
        Gql.post(FLOW, "from", "locked-ase", "to", "kv-pe", "port", 443)
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.reason", not(containsString("bypassed")));
    }

    @Test
    void aPrivateEndpointWithAProblemIsNamedWithItsJsonLocation() throws Exception {
        ArrayNode doc = read();
        int index = indexOfNamed(doc, "kv-pe");
        ObjectNode kv = (ObjectNode) doc.get(index);
        ((ArrayNode) kv.path("customDnsConfigs").get(0).path("ipAddresses")).set(0, "10.200.9.4");
        Answer a = ImportResourceTest.post(
                http, importUrl, "?dryRun=true", "application/json", ImportResourceTest.bytes(doc));
        ImportResourceTest.assertProblemAt(
                a, "$[" + index + "].customDnsConfigs[0].ipAddresses[0]", "is outside its subnet 'pe-disabled-subnet'");

        doc = read();
        ObjectNode sub = (ObjectNode) spokeSubnet(doc, "pe-enabled-subnet");
        ((ObjectNode) sub.path("properties")).put("privateEndpointNetworkPolicies", "Sometimes");
        a = ImportResourceTest.post(http, importUrl, "?dryRun=true", "application/json", ImportResourceTest.bytes(doc));
        ImportResourceTest.assertProblemAt(
                a, "$[1].properties.subnets[1].properties.privateEndpointNetworkPolicies", "'Sometimes' is not one of");

        doc = read();
        kv = (ObjectNode) doc.get(index);
        kv.remove("subnet");
        a = ImportResourceTest.post(http, importUrl, "?dryRun=true", "application/json", ImportResourceTest.bytes(doc));
        ImportResourceTest.assertProblemAt(
                a, "$[" + index + "].subnet", "private endpoint 'kv-pe' must name its subnet");
    }

    private static ArrayNode read() throws Exception {
        return (ArrayNode) TestEstate.read(Files.readString(Path.of(DOCUMENT), StandardCharsets.UTF_8));
    }

    private static JsonNode spokeSubnet(ArrayNode doc, String name) {
        for (JsonNode s : doc.get(1).path("properties").path("subnets")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no subnet " + name + " in spoke-vnet");
    }

    private static int indexOfNamed(ArrayNode doc, String name) {
        for (int i = 0; i < doc.size(); i++) {
            if (doc.get(i).path("name").asText().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no resource " + name + " in " + DOCUMENT);
    }
}
