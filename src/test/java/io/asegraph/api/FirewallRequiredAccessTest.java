package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
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
 * requiredAccess through an Azure Firewall, over the hub-and-spoke estate of {@link FirewallEstateTest}
 * ({@code hub-fw} with classic rules: {@code spoke-to-spoke} admits 10.200.0.0/25 of the ASE subnet to the API on
 * 443, {@code egress} 443 to 52.0.0.0/8; {@code api-nsg} admits the ASE subnet on 443 only). The firewall's fix names
 * the firewall, the exact private sources it denies (before its SNAT), the destination and the port; it is verified by
 * analysing the flow again with it in the estate, and (for the ARM texts) by importing it for real.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class FirewallRequiredAccessTest {
    /** A policy of its own: spoke-rules (group 200) as hub-fw's classic rules, guardrails (group 300) denying. */
    static final String ACCESS_POLICY_DOCUMENT = "src/test/resources/estates/hub-firewall-access-policy.json";

    static final String ACCESS_POLICY = FirewallEstateTest.POLICIES + "/access-policy";

    static final String REQUIRED =
            """
            query($from: String!, $to: String!, $port: Int!) { requiredAccess(from: $from, to: $to, port: $port) {
              satisfied verdict sourceKind sourceRange reason verified
              fixes { nsgName direction priority sourceAddressPrefixes destinationAddressPrefixes destinationPortRange }
              firewallFixes { firewall firewallName policy ruleCollectionGroup ruleCollectionGroupPriority
                ruleCollection collectionPriority name protocol sourceAddresses destinationAddresses destinationPort
                overrides description arm azCli terraform problem }
              flow { verdict allowedSourceRanges deniedSourceRanges } } }""";

    static final String FLOW =
            """
            query($from: String!, $to: String!, $port: Int!) { flow(from: $from, to: $to, port: $port) {
              verdict allowedSourceRanges deniedSourceRanges } }""";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void importEstate() throws Exception {
        importDoc(read(FirewallEstateTest.DOCUMENT));
        // Storage.WestEurope, the prefixes of the ASE subnet's service endpoint: without it an Internet call's route
        // is not known.
        Answer tags = ImportResourceTest.post(
                http, importUrl, "", "application/json", Files.readAllBytes(Path.of(FirewallEstateTest.TAGS)));
        assertEquals(200, tags.status(), tags.body()::toString);
    }

    /** The estate as the other tests of this profile expect it: hub-fw with its own classic rules. */
    @AfterEach
    void restore() throws Exception {
        importDoc(read(FirewallEstateTest.DOCUMENT));
    }

    @Test
    void aCallTheClassicFirewallDeniesByItsImplicitDenyGetsANetworkRuleCollectionOnThatFirewallVerified()
            throws Exception {
        ValidatableResponse r = required("locked-ase", "hubfw-partner", 80)
                .body("satisfied", equalTo(false))
                .body("verdict", equalTo("DENIED"))
                // What the partner sees is the firewall's public IPs; what the firewall must admit is the private
                // range.
                .body("sourceKind", equalTo("AZURE_FIREWALL"))
                .body("sourceRange", equalTo("20.50.0.10/31"))
                .body("fixes", empty())
                .body("firewallFixes", hasSize(1))
                .body("firewallFixes[0].firewall", endsWith("/azureFirewalls/hub-fw"))
                .body("firewallFixes[0].firewallName", equalTo("hub-fw"))
                .body("firewallFixes[0].policy", nullValue())
                .body("firewallFixes[0].ruleCollectionGroup", nullValue())
                .body("firewallFixes[0].ruleCollection", equalTo("allow-locked-ase-80"))
                // Only the implicit deny blocks: the largest priority, after every collection already there.
                .body("firewallFixes[0].collectionPriority", equalTo(65000))
                .body("firewallFixes[0].name", equalTo("allow-locked-ase-80"))
                .body("firewallFixes[0].protocol", equalTo("TCP"))
                .body("firewallFixes[0].sourceAddresses", contains("10.200.0.0/24"))
                .body("firewallFixes[0].destinationAddresses", contains("52.1.2.3/32"))
                .body("firewallFixes[0].destinationPort", equalTo("80"))
                .body("firewallFixes[0].overrides", contains("(no rule matches) (the implicit deny)"))
                .body("firewallFixes[0].problem", nullValue())
                .body(
                        "firewallFixes[0].azCli",
                        equalTo("az network firewall network-rule create --subscription"
                                + " 22222222-0000-0000-0000-000000000000 --resource-group hub-rg --firewall-name hub-fw"
                                + " --collection-name allow-locked-ase-80 --priority 65000 --action Allow --name"
                                + " allow-locked-ase-80 --protocols TCP --source-addresses 10.200.0.0/24"
                                + " --destination-addresses 52.1.2.3/32 --destination-ports 80 --description"
                                + " 'Allow locked-ase to reach hubfw-partner on TCP 80 (asegraph requiredAccess)'"))
                .body(
                        "firewallFixes[0].terraform",
                        containsString(
                                "resource \"azurerm_firewall_network_rule_collection\" \"allow_locked_ase_80\" {"))
                .body("firewallFixes[0].terraform", containsString("azure_firewall_name = \"hub-fw\""))
                .body("firewallFixes[0].terraform", containsString("resource_group_name = \"hub-rg\""))
                .body("firewallFixes[0].terraform", containsString("priority            = 65000"))
                .body("firewallFixes[0].terraform", containsString("source_addresses      = [\"10.200.0.0/24\"]"))
                .body("verified", equalTo(true))
                .body(
                        "reason",
                        containsString("Add network rule allow-locked-ase-80 (10.200.0.0/24 to 52.1.2.3/32 TCP 80) in a"
                                + " new network rule collection allow-locked-ase-80 at priority 65000 to Azure"
                                + " Firewall hub-fw."));
        // The ARM text is the collection as the firewall holds it: added to hub-fw and imported, the call passes.
        String arm = r.extract().path("data.requiredAccess.firewallFixes[0].arm");
        ArrayNode doc = read(FirewallEstateTest.DOCUMENT);
        ((ArrayNode) named(doc, "hub-fw").path("properties").path("networkRuleCollections")).add(TestEstate.read(arm));
        importDoc(doc);
        Gql.post(FLOW, "from", "locked-ase", "to", "hubfw-partner", "port", 80)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("ALLOWED"));
        required("locked-ase", "hubfw-partner", 80)
                .body("satisfied", equalTo(true))
                .body("firewallFixes", empty());
    }

    @Test
    void aNetworkRuleAdmittingHalfTheSubnetGetsARuleForTheDeniedHalfOnly() {
        required("locked-ase", "api-nic", 443)
                .body("verdict", equalTo("PARTIAL"))
                .body("flow.allowedSourceRanges", contains("10.200.0.0/25"))
                .body("fixes", empty())
                .body("firewallFixes", hasSize(1))
                .body("firewallFixes[0].firewallName", equalTo("hub-fw"))
                // The half the firewall already admits keeps its rule: only the denied half is added.
                .body("firewallFixes[0].sourceAddresses", contains("10.200.0.128/25"))
                .body("firewallFixes[0].destinationAddresses", contains("10.201.0.10/32"))
                .body("firewallFixes[0].destinationPort", equalTo("443"))
                .body("firewallFixes[0].azCli", containsString("--source-addresses 10.200.0.128/25 "))
                .body("verified", equalTo(true));
    }

    @Test
    void aCallBlockedByTheFirewallAndTheDestinationNsgGetsBothFixesInPathOrderVerified() {
        // Port 8080: no firewall rule admits it, and api-nsg admits the ASE subnet on 443 only. The NSG's deny shows
        // once the firewall is fixed (nothing reached it before).
        ValidatableResponse r = required("locked-ase", "api-nic", 8080)
                .body("verdict", equalTo("DENIED"))
                .body("firewallFixes", hasSize(1))
                .body("firewallFixes[0].sourceAddresses", contains("10.200.0.0/24"))
                .body("firewallFixes[0].destinationPort", equalTo("8080"))
                .body("fixes", hasSize(1))
                .body("fixes[0].nsgName", equalTo("api-nsg"))
                .body("fixes[0].direction", equalTo("INBOUND"))
                .body("fixes[0].sourceAddressPrefixes", contains("10.200.0.0/24"))
                .body("fixes[0].destinationAddressPrefixes", contains("10.201.0.10/32"))
                .body("fixes[0].destinationPortRange", equalTo("8080"))
                .body("verified", equalTo(true));
        // Path order: the firewall (in the hub) before the destination's NSG.
        assertInOrder(
                r.extract().path("data.requiredAccess.reason"), "to Azure Firewall hub-fw.", "to api-nsg (inbound).");
    }

    @Test
    void blockersBeforeAndBehindTheFirewallAreFixedRoundByRoundAndGivenInPathOrder() throws Exception {
        // ase-subnet gets an NSG denying 8080 out to the other spoke: it hides the firewall, which hides api-nsg.
        ArrayNode doc = read(FirewallEstateTest.DOCUMENT);
        String nsg = FirewallEstateTest.NET + "/networkSecurityGroups/ase-egress-nsg";
        doc.add(TestEstate.read(
                """
                {"id": "%s", "name": "ase-egress-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                 "location": "westeurope", "properties": {"securityRules": [{"name": "deny-spoke2-8080",
                 "properties": {"priority": 300, "direction": "Outbound", "access": "Deny", "protocol": "Tcp",
                 "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "10.201.0.0/16",
                 "destinationPortRange": "8080"}}]}}"""
                        .formatted(nsg)));
        ObjectNode subnet = (ObjectNode) named(doc, "spoke-vnet")
                .path("properties")
                .path("subnets")
                .get(0)
                .path("properties");
        subnet.putObject("networkSecurityGroup").put("id", nsg);
        importDoc(doc);
        ValidatableResponse r = required("locked-ase", "api-nic", 8080)
                .body("verdict", equalTo("DENIED"))
                .body("fixes", hasSize(2))
                .body("fixes[0].nsgName", equalTo("ase-egress-nsg"))
                .body("fixes[0].direction", equalTo("OUTBOUND"))
                .body("fixes[0].priority", equalTo(299))
                .body("fixes[0].sourceAddressPrefixes", contains("10.200.0.0/24"))
                .body("fixes[1].nsgName", equalTo("api-nsg"))
                .body("fixes[1].direction", equalTo("INBOUND"))
                .body("firewallFixes", hasSize(1))
                .body("firewallFixes[0].sourceAddresses", contains("10.200.0.0/24"))
                .body("verified", equalTo(true));
        assertInOrder(
                r.extract().path("data.requiredAccess.reason"),
                "to ase-egress-nsg (outbound).",
                "to Azure Firewall hub-fw.",
                "to api-nsg (inbound).");
    }

    @Test
    void aPolicyFirewallGetsANewRuleCollectionGroupOfItsPolicyBeforeTheGroupThatDenies() throws Exception {
        ArrayNode doc = withPolicy(ACCESS_POLICY);
        addAll(doc, read(ACCESS_POLICY_DOCUMENT));
        importDoc(doc);
        // spoke-rules (group 200) admits the front half; guardrails (group 300) denies the back half.
        ValidatableResponse r = required("locked-ase", "api-nic", 443)
                .body("verdict", equalTo("PARTIAL"))
                .body("flow.deniedSourceRanges", contains("10.200.0.128/25"))
                .body("fixes", empty())
                .body("firewallFixes", hasSize(1))
                .body("firewallFixes[0].firewallName", equalTo("hub-fw"))
                .body("firewallFixes[0].policy", equalTo(ACCESS_POLICY))
                .body("firewallFixes[0].ruleCollectionGroup", equalTo("allow-locked-ase-443"))
                // The largest free group priority that still comes before guardrails (300).
                .body("firewallFixes[0].ruleCollectionGroupPriority", equalTo(299))
                .body("firewallFixes[0].ruleCollection", equalTo("allow-locked-ase-443"))
                .body("firewallFixes[0].collectionPriority", equalTo(100))
                .body("firewallFixes[0].sourceAddresses", contains("10.200.0.128/25"))
                .body("firewallFixes[0].destinationAddresses", contains("10.201.0.10/32"))
                .body(
                        "firewallFixes[0].overrides",
                        contains("back-half-quarantine/no-back-half-to-spoke2 (priority 100)"))
                .body(
                        "firewallFixes[0].azCli",
                        equalTo("az network firewall policy rule-collection-group create --subscription"
                                + " 22222222-0000-0000-0000-000000000000 --resource-group hub-rg --policy-name"
                                + " access-policy --name allow-locked-ase-443 --priority 299\n"
                                + "az network firewall policy rule-collection-group collection add-filter-collection"
                                + " --subscription 22222222-0000-0000-0000-000000000000 --resource-group hub-rg"
                                + " --policy-name access-policy --rule-collection-group-name allow-locked-ase-443"
                                + " --name allow-locked-ase-443 --collection-priority 100 --action Allow --rule-type"
                                + " NetworkRule --rule-name allow-locked-ase-443 --ip-protocols TCP --source-addresses"
                                + " 10.200.0.128/25 --destination-addresses 10.201.0.10/32 --destination-ports 443"
                                + " --description 'Allow locked-ase to reach api-nic on TCP 443 (asegraph"
                                + " requiredAccess)'"))
                .body(
                        "firewallFixes[0].terraform",
                        containsString("resource \"azurerm_firewall_policy_rule_collection_group\""
                                + " \"allow_locked_ase_443\" {"))
                .body("firewallFixes[0].terraform", containsString("firewall_policy_id = \"" + ACCESS_POLICY + "\""))
                .body("firewallFixes[0].terraform", containsString("priority           = 299"))
                .body("firewallFixes[0].terraform", containsString("network_rule_collection {"))
                .body(
                        "firewallFixes[0].arm",
                        containsString("\"type\": \"Microsoft.Network/firewallPolicies/ruleCollectionGroups\""))
                .body("firewallFixes[0].arm", containsString("\"name\": \"access-policy/allow-locked-ase-443\""))
                .body("verified", equalTo(true))
                .body(
                        "reason",
                        containsString("Add rule collection group allow-locked-ase-443 at priority 299 to firewall"
                                + " policy access-policy of Azure Firewall hub-fw"));
        // The ARM resource, imported as the policy's group (with the id ARM gives it), lets the whole subnet through.
        ObjectNode group =
                (ObjectNode) TestEstate.read(r.extract().<String>path("data.requiredAccess.firewallFixes[0].arm"));
        group.put("id", ACCESS_POLICY + "/ruleCollectionGroups/allow-locked-ase-443");
        group.put("name", "allow-locked-ase-443");
        ArrayNode withGroup = (ArrayNode) TestEstate.read("[]");
        withGroup.add(group);
        importDoc(withGroup);
        Gql.post(FLOW, "from", "locked-ase", "to", "api-nic", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("ALLOWED"));
    }

    @Test
    void aDenyInAParentPolicyGetsNoRuleInTheChildPolicyAndSaysWhich() throws Exception {
        // hub-policy (child of org-base): org-base denies 10.200.0.0/26 everywhere, hub-policy admits 10.200.0.0/25
        // to the API; the back half meets the implicit deny.
        ArrayNode doc = withPolicy(FirewallEstateTest.POLICIES + "/hub-policy");
        addAll(doc, read(FirewallEstateTest.POLICY_DOCUMENT));
        importDoc(doc);
        required("locked-ase", "api-nic", 443)
                .body("verdict", equalTo("PARTIAL"))
                .body("firewallFixes", hasSize(2))
                .body("firewallFixes[0].policy", endsWith("/firewallPolicies/hub-policy"))
                .body("firewallFixes[0].sourceAddresses", contains("10.200.0.128/25"))
                .body("firewallFixes[0].ruleCollectionGroupPriority", equalTo(65000))
                .body("firewallFixes[0].problem", nullValue())
                .body("firewallFixes[1].sourceAddresses", contains("10.200.0.0/26"))
                .body("firewallFixes[1].collectionPriority", nullValue())
                .body("firewallFixes[1].azCli", nullValue())
                .body(
                        "firewallFixes[1].problem",
                        containsString("quarantine/quarantined-workers (priority 1000) of parent policy org-base"))
                // The rule that can be added is not enough: the parent's deny stays.
                .body("verified", equalTo(false))
                .body("reason", containsString("No rule can be added to Azure Firewall hub-fw for 10.200.0.0/26"));
    }

    @Test
    void aFirewallThatCannotDecideGetsNoRuleAndTheReasonSaysWhy() throws Exception {
        ArrayNode doc = withPolicy(ACCESS_POLICY);
        addAll(doc, read(ACCESS_POLICY_DOCUMENT));
        importDoc(doc);
        // An application rule by FQDN on 8443 may match a call to an address: whether it does cannot be told.
        required("locked-ase", "hubfw-partner", 8443)
                .body("verdict", equalTo("UNDETERMINED"))
                .body("satisfied", equalTo(false))
                .body("firewallFixes", empty())
                .body("fixes", empty())
                .body("verified", nullValue())
                .body("reason", containsString("Azure Firewall hub-fw cannot decide 10.200.0.0/24"))
                .body("reason", containsString("partner-by-name"))
                .body("reason", containsString("no firewall rule is proposed for it"));
    }

    @Test
    void aFixAtAFreePriorityThatTheFirewallStillCannotDecideIsNotVerified() throws Exception {
        // As above (the firewall cannot decide 8443 to an address), and an NSG on the ASE subnet denies 8443 outbound.
        // Its fix gets a free priority, yet the flow analysed again with it is still not ALLOWED: the firewall behind
        // it cannot decide. A fix that does not admit the flow is not verified.
        ArrayNode doc = withPolicy(ACCESS_POLICY);
        addAll(doc, read(ACCESS_POLICY_DOCUMENT));
        String nsg = FirewallEstateTest.NET + "/networkSecurityGroups/ase-egress-nsg";
        ObjectNode egress = doc.addObject()
                .put("id", nsg)
                .put("name", "ase-egress-nsg")
                .put("type", "Microsoft.Network/networkSecurityGroups")
                .put("location", "westeurope");
        egress.putObject("properties")
                .putArray("securityRules")
                .addObject()
                .put("name", "deny-8443-out")
                .putObject("properties")
                .put("priority", 200)
                .put("direction", "Outbound")
                .put("access", "Deny")
                .put("protocol", "Tcp")
                .put("sourceAddressPrefix", "*")
                .put("sourcePortRange", "*")
                .put("destinationAddressPrefix", "*")
                .put("destinationPortRange", "8443");
        ObjectNode aseSubnet = (ObjectNode)
                named(doc, "spoke-vnet").path("properties").path("subnets").get(0);
        assertEquals("ase-subnet", aseSubnet.path("name").asText());
        ((ObjectNode) aseSubnet.path("properties"))
                .putObject("networkSecurityGroup")
                .put("id", nsg);
        importDoc(doc);
        try {
            required("locked-ase", "hubfw-partner", 8443)
                    .body("verdict", equalTo("DENIED"))
                    .body("fixes", hasSize(1))
                    .body("fixes[0].nsgName", equalTo("ase-egress-nsg"))
                    .body("fixes[0].direction", equalTo("OUTBOUND"))
                    .body("fixes[0].priority", equalTo(199))
                    .body("firewallFixes", empty())
                    .body("reason", containsString("Azure Firewall hub-fw cannot decide 10.200.0.0/24"))
                    .body("verified", equalTo(false));
        } finally {
            importDoc(read(FirewallEstateTest.DOCUMENT)); // detaches the NSG from the subnet
            Gql.post("mutation($id: String!) { deleteResource(id: $id, cascade: true) { deleted } }", "id", nsg)
                    .body("errors", nullValue());
        }
    }

    /** Each of {@code parts} is in {@code text}, each after the one before. */
    private static void assertInOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part);
            assertThat(part + " in: " + text, next, greaterThan(at));
            at = next;
        }
    }

    private static ValidatableResponse required(String from, String to, int port) {
        return Gql.post(REQUIRED, "from", from, "to", to, "port", port)
                .body("errors", nullValue())
                .rootPath("data.requiredAccess");
    }

    /** The estate with hub-fw managed by {@code policy} instead of its classic rules. */
    private static ArrayNode withPolicy(String policy) throws Exception {
        ArrayNode doc = read(FirewallEstateTest.DOCUMENT);
        ObjectNode props = (ObjectNode) named(doc, "hub-fw").path("properties");
        props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
        props.putObject("firewallPolicy").put("id", policy);
        return doc;
    }

    private static void addAll(ArrayNode doc, ArrayNode more) {
        for (JsonNode r : more) {
            doc.add(r);
        }
    }

    private void importDoc(ArrayNode doc) throws Exception {
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
    }

    private static ArrayNode read(String path) throws Exception {
        return (ArrayNode) TestEstate.read(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    }

    private static ObjectNode named(ArrayNode doc, String name) {
        for (JsonNode r : doc) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no " + name + " in the document");
    }
}
