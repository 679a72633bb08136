package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Azure Firewall DNAT rules in {@code exposures}, on the hub-and-spoke estate ({@code hub-firewall.json}) with
 * {@code hub-firewall-dnat.json} on top: {@code hub-fw}'s NAT collection {@code inbound-nat} (priority 100) publishes
 * {@code rdp-vm-nic} (10.100.2.10, NIC NSG {@code rdp-nsg} admitting the firewall's subnet 10.100.1.0/26 on 3389) from
 * 203.0.113.0/24 at 20.50.0.10:50000, {@code api-nic} (its NSG now denies the VNet on 443) from any source at
 * 20.50.0.11:443, and the private endpoints {@code kv-pe} (policies Disabled) and {@code sql-pe} (Enabled) on 443 at
 * 20.50.0.11:8443 and :9443; {@code pe-nsg} now denies HTTPS from the firewall's subnet.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class DnatExposureTest {
    static final String DNAT_DOCUMENT = "src/test/resources/estates/hub-firewall-dnat.json";

    static final String EXPOSURES =
            """
            { exposures(ports: [3389, 443]) { targetName targetKind port verdict publicAddress exposedSources
              admittedBy causes warnings path { kind steps { type detail } }
              dnat { firewall firewallName ruleCollection rule priority publicAddresses publicPorts translatedAddress
                     translatedPort arrivesFrom } } }""";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void importEstate() throws Exception {
        importFile(FirewallEstateTest.DOCUMENT);
        importFile(DNAT_DOCUMENT);
    }

    /** Back to the shared estate: hub-firewall.json restates the firewall and NSGs; the VM and its NSG go. */
    @AfterEach
    void restore() throws Exception {
        Gql.post(
                        "mutation($id: String!) { deleteResource(id: $id, cascade: true) { deleted } }",
                        "id",
                        FirewallEstateTest.NET + "/networkInterfaces/rdp-vm-nic")
                .body("errors", nullValue());
        Gql.post(
                        "mutation($id: String!) { deleteResource(id: $id, cascade: true) { deleted } }",
                        "id",
                        FirewallEstateTest.NET + "/networkSecurityGroups/rdp-nsg")
                .body("errors", nullValue());
        importFile(FirewallEstateTest.DOCUMENT);
    }

    private void importFile(String file) throws Exception {
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", Files.readAllBytes(Path.of(file)));
        assertEquals(200, a.status(), a.body()::toString);
    }

    @Test
    void aDnatRulePublishingAVmIsAnExposureOfItsTranslatedPortNamingTheFirewallCollectionRuleAndPublicAddress() {
        String row = "data.exposures.find { it.targetName == 'rdp-vm-nic' && it.port == 3389 }";
        System.out.println("DNAT-ANSWER " + Gql.post(EXPOSURES).extract().asString());
        Gql.post(EXPOSURES)
                .body("errors", nullValue())
                .body(row + ".targetKind", equalTo("NETWORK_INTERFACE"))
                .body(row + ".verdict", equalTo("PARTIAL"))
                .body(row + ".exposedSources", contains("203.0.113.0/24"))
                .body(row + ".publicAddress", equalTo("20.50.0.10"))
                .body(row + ".dnat.firewall", equalTo(FirewallEstateTest.NET + "/azureFirewalls/hub-fw"))
                .body(row + ".dnat.firewallName", equalTo("hub-fw"))
                .body(row + ".dnat.ruleCollection", equalTo("inbound-nat"))
                .body(row + ".dnat.rule", equalTo("rdp-to-jump"))
                .body(row + ".dnat.priority", equalTo(100))
                .body(row + ".dnat.publicAddresses", contains("20.50.0.10"))
                .body(row + ".dnat.publicPorts", contains("50000"))
                .body(row + ".dnat.translatedAddress", equalTo("10.100.2.10"))
                .body(row + ".dnat.translatedPort", equalTo(3389))
                .body(row + ".dnat.arrivesFrom", contains("10.100.1.0/26"))
                .body(row + ".admittedBy", hasItem("hub-fw inbound-nat/rdp-to-jump (DNAT, priority 100)"))
                .body(row + ".admittedBy", hasItem(containsString("allow-rdp-from-firewall")))
                .body(row + ".path.kind", contains("Internet", "AzureFirewall", "Subnet", "NetworkInterface"))
                .body(row + ".path[1].steps.type", contains("ROUTE", "SOURCE_NAT"));
    }

    @Test
    void aDnatRuleWhoseTargetsNsgDeniesTheFirewallsAddressesIsNoExposure() {
        Gql.post(EXPOSURES)
                .body("errors", nullValue())
                .body("data.exposures.targetName", not(hasItem("api-nic")))
                .body("data.exposures.targetName", not(hasItem("sql-pe")));
    }

    @Test
    void aDnatRuleToAPrivateEndpointWhoseSubnetsPoliciesAreDisabledBypassesItsNsgAndSaysSo() {
        String row = "data.exposures.find { it.targetName == 'kv-pe' && it.port == 443 }";
        Gql.post(EXPOSURES)
                .body("errors", nullValue())
                .body(row + ".targetKind", equalTo("PRIVATE_ENDPOINT"))
                .body(row + ".verdict", equalTo("ALLOWED"))
                .body(row + ".dnat.rule", equalTo("https-to-kv"))
                .body(row + ".dnat.publicPorts", contains("8443"))
                .body(row + ".warnings", hasItem(containsString("NSG pe-nsg of pe-disabled-subnet bypassed")))
                .body(row + ".path[2].steps[0].detail", containsString("bypassed"));
    }

    @Test
    void aDnatCollectionOfAFirewallPolicyPublishesItsTargetLikeAClassicOne() throws Exception {
        // hub-fw switched to hub-policy; its group spoke-rules gains a DNAT collection publishing rdp-vm-nic.
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(DNAT_DOCUMENT), StandardCharsets.UTF_8));
        ObjectNode props = (ObjectNode) doc.get(0).path("properties");
        props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
        props.putObject("firewallPolicy").put("id", FirewallEstateTest.POLICIES + "/hub-policy");
        for (JsonNode r : TestEstate.read(
                Files.readString(Path.of(FirewallEstateTest.POLICY_DOCUMENT), StandardCharsets.UTF_8))) {
            if (r.path("name").asText().equals("spoke-rules")) {
                ObjectNode nat = ((ArrayNode) r.path("properties").path("ruleCollections")).addObject();
                nat.put("ruleCollectionType", "FirewallPolicyNatRuleCollection")
                        .put("name", "policy-nat")
                        .put("priority", 150);
                nat.putObject("action").put("type", "DNAT");
                ObjectNode rule = nat.putArray("rules").addObject();
                rule.put("ruleType", "NatRule").put("name", "rdp-from-partner");
                rule.putArray("ipProtocols").add("TCP");
                rule.putArray("sourceAddresses").add("198.51.100.0/24");
                rule.putArray("destinationAddresses").add("20.50.0.10");
                rule.putArray("destinationPorts").add("50001");
                rule.put("translatedAddress", "10.100.2.10").put("translatedPort", "3389");
            }
            doc.add(r);
        }
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        String row = "data.exposures.find { it.targetName == 'rdp-vm-nic' && it.port == 3389 }";
        Gql.post(EXPOSURES)
                .body("errors", nullValue())
                .body(row + ".verdict", equalTo("PARTIAL"))
                .body(row + ".exposedSources", contains("198.51.100.0/24"))
                .body(row + ".dnat.ruleCollection", equalTo("policy-nat"))
                .body(row + ".dnat.rule", equalTo("rdp-from-partner"))
                .body(row + ".dnat.priority", equalTo(150))
                .body(row + ".dnat.publicPorts", contains("50001"))
                .body("data.exposures.dnat.rule", not(hasItem("rdp-to-jump")));
    }

    @Test
    void aPrivateEndpointsInterfaceWithAPublicIpIsNotFilteredByTheNsgItsSubnetsPoliciesBypass() throws Exception {
        // kv-pe's interface (10.200.3.4 in pe-disabled-subnet, whose pe-nsg admits no Internet source) with a public
        // IP.
        String net = FirewallEstateTest.NET;
        String doc =
                """
                [{"id": "%1$s/publicIPAddresses/kv-pip", "name": "kv-pip", "type": "Microsoft.Network/publicIPAddresses",
                  "location": "westeurope", "properties": {"ipAddress": "20.50.0.30"}},
                 {"id": "%1$s/networkInterfaces/kv-pe.nic.9c1d", "name": "kv-pe.nic.9c1d",
                  "type": "Microsoft.Network/networkInterfaces", "location": "westeurope",
                  "properties": {"ipConfigurations": [{"name": "privateEndpointIpConfig.1", "properties": {
                    "primary": true, "privateIPAddress": "10.200.3.4",
                    "subnet": {"id": "%1$s/virtualNetworks/spoke-vnet/subnets/pe-disabled-subnet"},
                    "publicIPAddress": {"id": "%1$s/publicIPAddresses/kv-pip"}}}]}}]"""
                        .formatted(net);
        Answer a =
                ImportResourceTest.post(http, importUrl, "", "application/json", doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.body()::toString);
        try {
            String row = "data.exposures.find { it.targetName == 'kv-pe.nic.9c1d' && it.port == 443 }";
            Gql.post(EXPOSURES)
                    .body("errors", nullValue())
                    .body(row + ".targetKind", equalTo("NETWORK_INTERFACE"))
                    .body(row + ".publicAddress", equalTo("20.50.0.30"))
                    .body(row + ".verdict", equalTo("ALLOWED"))
                    .body(row + ".dnat", nullValue())
                    .body(row + ".warnings", hasItem(containsString("NSG pe-nsg of pe-disabled-subnet bypassed")))
                    .body(row + ".path[2].steps[0].detail", containsString("bypassed"));
        } finally {
            for (String id : List.of(net + "/networkInterfaces/kv-pe.nic.9c1d", net + "/publicIPAddresses/kv-pip")) {
                Gql.post("mutation($id: String!) { deleteResource(id: $id, cascade: true) { deleted } }", "id", id)
                        .body("errors", nullValue());
            }
        }
    }

    @Test
    void aFirewallWhosePolicyIsNotInTheSnapshotIsAnUndeterminedRowNamingThePolicy() throws Exception {
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(DNAT_DOCUMENT), StandardCharsets.UTF_8));
        ObjectNode props = (ObjectNode) doc.get(0).path("properties");
        props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
        props.putObject("firewallPolicy").put("id", FirewallEstateTest.POLICIES + "/not-exported");
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        String row = "data.exposures.find { it.targetName == 'hub-fw' && it.port == 3389 }";
        System.out.println("DNAT-MISSING "
                + Gql.post("{ exposures(ports: [3389]) { targetName verdict causes } }")
                        .extract()
                        .asString());
        Gql.post(EXPOSURES)
                .body("errors", nullValue())
                .body(row + ".targetKind", equalTo("AZURE_FIREWALL"))
                .body(row + ".verdict", equalTo("UNDETERMINED"))
                .body(row + ".causes", hasItem(containsString("firewall policy not-exported")))
                .body("data.exposures.targetName", not(hasItem("rdp-vm-nic")));
    }
}
