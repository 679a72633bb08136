package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The locked-down estate most ASE teams run, through the real service: a hub with an Azure Firewall
 * ({@code hub-fw}, two public IPs, classic network rules) and a spoke whose ASEv3 subnet sends {@code 0.0.0.0/0} and
 * the other spoke to the firewall ({@code src/test/resources/estates/hub-firewall.json}, imported with
 * {@code POST /import}).
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class FirewallEstateTest {
    static final String DOCUMENT = "src/test/resources/estates/hub-firewall.json";
    /** A Service Tags file with Storage.WestEurope (20.150.0.0/16), the prefixes of the ASE subnet's service endpoint. */
    static final String TAGS = "src/test/resources/estates/hub-firewall-tags.json";
    /** Firewall policies: hub-policy (child of org-base) and their rule collection groups. */
    static final String POLICY_DOCUMENT = "src/test/resources/estates/hub-firewall-policy.json";

    static final String NET = "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers"
            + "/Microsoft.Network";
    static final String POLICIES = NET + "/firewallPolicies";

    static final String CALL_SOURCE =
            """
            query($from: String!, $to: String!) { callSource(from: $from, to: $to) {
              kind address addressRange addresses reason trace { node kind steps { type detail } } } }""";
    static final String FLOW =
            """
            query($from: String!, $to: String!, $port: Int!) { flow(from: $from, to: $to, port: $port) {
              verdict reason allowedSourceRanges deniedSourceRanges undeterminedSourceRanges
              source { kind addresses }
              firewallDecisions { firewall verdict causes matches { ruleCollection rule priority access sourceRanges } }
              decisions { nsg verdict } blockers { nsg }
              trace { node kind steps { type detail } } } }""";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void importEstate() throws Exception {
        Answer a =
                ImportResourceTest.post(http, importUrl, "", "application/json", Files.readAllBytes(Path.of(DOCUMENT)));
        assertEquals(200, a.status(), a.body()::toString);
        Answer tags =
                ImportResourceTest.post(http, importUrl, "", "application/json", Files.readAllBytes(Path.of(TAGS)));
        assertEquals(200, tags.status(), tags.body()::toString);
    }

    @Test
    void aSubnetListsTheFirewallsInItAndOtherSubnetsNone() {
        Gql.post(
                        """
                        { subnets(where: {name: {in: ["AzureFirewallSubnet", "ase-subnet"]}}, sort: [{field: NAME}]) {
                            name azureFirewalls { name privateIpAddress id } } }""")
                .body("errors", nullValue())
                .body("data.subnets.name", contains("ase-subnet", "AzureFirewallSubnet"))
                .body("data.subnets[0].azureFirewalls", org.hamcrest.Matchers.empty())
                .body("data.subnets[1].azureFirewalls.name", contains("hub-fw"))
                .body("data.subnets[1].azureFirewalls[0].privateIpAddress", equalTo("10.100.1.4"))
                .body("data.subnets[1].azureFirewalls[0].id", equalTo(NET + "/azureFirewalls/hub-fw"));
    }

    @Test
    void anInternetCallThroughTheFirewallIsTranslatedToEveryOneOfItsPublicIps() {
        Gql.post(CALL_SOURCE, "from", "locked-ase", "to", "hubfw-partner")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("AZURE_FIREWALL"))
                .body("data.callSource.address", nullValue())
                .body("data.callSource.addresses", contains("20.50.0.10/32", "20.50.0.11/32"))
                .body("data.callSource.reason", containsString("hub-fw"))
                .body("data.callSource.trace.kind", contains("AppServiceEnvironment", "AzureFirewall", "Endpoint"))
                .body("data.callSource.trace[1].steps.type", hasItem("SOURCE_NAT"));
        Gql.post(FLOW, "from", "locked-ase", "to", "hubfw-partner", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.allowedSourceRanges", contains("10.200.0.0/24"))
                .body("data.flow.firewallDecisions[0].firewall", containsString("/azureFirewalls/hub-fw"))
                .body("data.flow.firewallDecisions[0].matches.rule", contains("https-out"))
                .body("data.flow.firewallDecisions[0].matches.ruleCollection", contains("egress"))
                .body("data.flow.firewallDecisions[0].matches.priority", contains(200));
    }

    @Test
    void aPrivateDestinationThroughTheFirewallIsNotTranslated() {
        Gql.post(CALL_SOURCE, "from", "locked-ase", "to", "api-nic")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.addressRange", equalTo("10.200.0.0/24"))
                .body("data.callSource.addresses", contains("10.200.0.0/24"))
                .body(
                        "data.callSource.trace.kind",
                        contains("AppServiceEnvironment", "AzureFirewall", "NetworkInterface"))
                .body("data.callSource.trace[1].steps.detail", hasItem(containsString("Not translated")));
    }

    @Test
    void aNetworkRuleAdmittingHalfTheAseSubnetGivesPartialWithTheExactSubRanges() {
        Gql.post(FLOW, "from", "locked-ase", "to", "api-nic", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("PARTIAL"))
                .body("data.flow.allowedSourceRanges", contains("10.200.0.0/25"))
                .body("data.flow.deniedSourceRanges", contains("10.200.0.128/25"))
                .body("data.flow.firewallDecisions[0].verdict", equalTo("PARTIAL"))
                .body(
                        "data.flow.firewallDecisions[0].matches.rule",
                        contains("ase-front-half-to-api", "(no rule matches)"))
                .body("data.flow.firewallDecisions[0].matches.access", contains("ALLOW", "DENY"))
                .body(
                        "data.flow.firewallDecisions[0].matches.sourceRanges",
                        contains(contains("10.200.0.0/25"), contains("10.200.0.128/25")))
                // The spoke's NSG admits the whole ASE subnet: only the firewall blocks.
                .body("data.flow.decisions.verdict", contains("ALLOWED"))
                .body("data.flow.blockers", org.hamcrest.Matchers.empty())
                .body("data.flow.reason", containsString("implicit deny of Azure Firewall hub-fw"));
    }

    @Test
    void aCallNoRuleAdmitsIsDeniedByTheImplicitDenyNamedInReasonAndTrace() {
        Gql.post(FLOW, "from", "locked-ase", "to", "hubfw-partner", "port", 80)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.deniedSourceRanges", contains("10.200.0.0/24"))
                .body("data.flow.firewallDecisions[0].verdict", equalTo("DENIED"))
                .body("data.flow.firewallDecisions[0].matches.rule", contains("(no rule matches)"))
                .body("data.flow.reason", containsString("(no rule matches)"))
                .body("data.flow.trace.kind", contains("AppServiceEnvironment", "AzureFirewall"))
                .body("data.flow.trace[1].steps.type", contains("ROUTE", "FILTER", "DROP"));
    }

    @Test
    void anAseV3CallsFromItsOutboundAddressesAndIsCalledAtItsInboundAddress() {
        // open-ase: inbound 20.60.1.5, outbound 20.60.1.9 and 20.60.1.10 (az appservice ase list-addresses).
        Gql.post(CALL_SOURCE, "from", "open-ase", "to", "hubfw-partner")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.addresses", contains("20.60.1.9/32", "20.60.1.10/32"))
                .body("data.callSource.reason", containsString("outbound addresses 20.60.1.9, 20.60.1.10"));
        // Called by another ASE, it is reached at its inbound address, from the caller's outbound side.
        Gql.post(CALL_SOURCE, "from", "open-ase", "to", "locked-ase")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.addresses", contains("20.60.1.9/32", "20.60.1.10/32"))
                .body("data.callSource.trace[0].steps[0].detail", containsString("20.60.0.5 matches"));
        Gql.post(FLOW, "from", "open-ase", "to", "locked-ase", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.source.addresses", contains("20.60.1.9/32", "20.60.1.10/32"));
        // Its own outbound address is not where it is called: nothing of the model answers there.
        Gql.post(CALL_SOURCE, "from", "locked-ase", "to", "20.60.1.9")
                .body("errors", nullValue())
                .body("data.callSource.trace[-1].kind", equalTo("Internet"));
    }

    @Test
    void aServiceEndpointKeepsTheSubnetsPrivateSourceAndItsRouteIsShown() {
        // ase-subnet has a Microsoft.Storage endpoint for westeurope: Storage's prefixes bypass the firewall route.
        Gql.post(CALL_SOURCE, "from", "locked-ase", "to", "hubfw-storage")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.addressRange", equalTo("10.200.0.0/24"))
                .body("data.callSource.reason", containsString("service endpoint"))
                .body("data.callSource.reason", containsString("virtual network rule"))
                .body("data.callSource.trace.kind", contains("AppServiceEnvironment", "Endpoint"))
                .body("data.callSource.trace[0].steps[0].detail", containsString("VirtualNetworkServiceEndpoint"));
        Gql.post(
                        """
                        query($s: String!, $a: String!) {
                          effectiveRoutes(target: $s) { addressPrefix nextHopType state origin }
                          nextHop(source: $s, destinationAddress: $a) { nextHopType routeTableId addressPrefix } }""",
                        "s",
                        "ase-subnet",
                        "a",
                        "20.150.10.7")
                .body("errors", nullValue())
                .body(
                        "data.effectiveRoutes.findAll { it.nextHopType == 'VIRTUAL_NETWORK_SERVICE_ENDPOINT' }.addressPrefix",
                        contains("Storage.westeurope"))
                .body("data.nextHop.nextHopType", equalTo("VIRTUAL_NETWORK_SERVICE_ENDPOINT"))
                .body("data.nextHop.routeTableId", equalTo("System Route"))
                .body("data.nextHop.addressPrefix", equalTo("20.150.0.0/16"));
        // Elsewhere on the Internet the firewall route still decides.
        Gql.post(CALL_SOURCE, "from", "locked-ase", "to", "hubfw-partner")
                .body("data.callSource.kind", equalTo("AZURE_FIREWALL"));
    }

    @Test
    void aServiceEndpointWhoseTagIsNotImportedLeavesPublicDestinationsUndeterminedAndPrivateOnesDecided() {
        // data-subnet has a Microsoft.Sql endpoint for westeurope; the tags file does not bring Sql.WestEurope.
        Gql.post(CALL_SOURCE, "from", "sql-client-nic", "to", "hubfw-partner")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString("Sql.westeurope, which is not imported"));
        // Azure services' prefixes are public: a private destination is decided.
        Gql.post(CALL_SOURCE, "from", "sql-client-nic", "to", "api-nic")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"))
                .body("data.callSource.address", equalTo("10.100.4.4"));
    }

    @Test
    void aFirewallPolicyAppliesItsParentsRulesFirstThenItsOwnByGroupAndCollectionPriority() throws Exception {
        // hub-fw switched to hub-policy (child of org-base): org-base denies 10.200.0.0/26 everywhere, hub-policy
        // allows 10.200.0.0/25 to the API; the rest meets the implicit deny.
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(DOCUMENT), StandardCharsets.UTF_8));
        ObjectNode props = (ObjectNode) firewall(doc).path("properties");
        props.remove(List.of("networkRuleCollections", "applicationRuleCollections", "natRuleCollections"));
        props.putObject("firewallPolicy").put("id", POLICIES + "/hub-policy");
        for (JsonNode r : TestEstate.read(Files.readString(Path.of(POLICY_DOCUMENT), StandardCharsets.UTF_8))) {
            doc.add(r);
        }
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(FLOW, "from", "locked-ase", "to", "api-nic", "port", 443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("PARTIAL"))
                .body("data.flow.allowedSourceRanges", contains("10.200.0.64/26"))
                .body("data.flow.deniedSourceRanges", contains("10.200.0.0/26", "10.200.0.128/25"))
                .body(
                        "data.flow.firewallDecisions[0].matches.rule",
                        contains("quarantined-workers", "ase-front-half-to-api", "(no rule matches)"))
                .body(
                        "data.flow.firewallDecisions[0].matches.ruleCollection",
                        contains("quarantine", "spoke-to-spoke", "(no rule matches)"));
        // An application rule by FQDN (HTTPS on 8443) cannot decide a call to an address: UNDETERMINED, naming it.
        Gql.post(FLOW, "from", "locked-ase", "to", "hubfw-partner", "port", 8443)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.deniedSourceRanges", contains("10.200.0.0/26"))
                .body("data.flow.undeterminedSourceRanges", contains("10.200.0.64/26", "10.200.0.128/25"))
                .body("data.flow.firewallDecisions[0].causes", hasItem(containsString("partner-by-name")));
        // A policy that is not in the snapshot: nothing is guessed.
        props.putObject("firewallPolicy").put("id", POLICIES + "/not-exported");
        a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(FLOW, "from", "locked-ase", "to", "api-nic", "port", 443)
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.firewallDecisions[0].causes", hasItem(containsString("firewall policy not-exported")));
    }

    @Test
    void aRuleCollectionGroupWithAProblemNamesItWithItsJsonLocation() throws Exception {
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(POLICY_DOCUMENT), StandardCharsets.UTF_8));
        ((ObjectNode) doc.get(3)
                        .path("properties")
                        .path("ruleCollections")
                        .get(0)
                        .path("rules")
                        .get(0))
                .put("ruleType", "TeleportRule");
        Answer a = ImportResourceTest.post(
                http, importUrl, "?dryRun=true", "application/json", ImportResourceTest.bytes(doc));
        ImportResourceTest.assertProblemAt(a, "$[3].properties.ruleCollections[0].rules[0].ruleType", "spoke-to-spoke");
    }

    @Test
    void aRuleNamingAnIpGroupIsUndeterminedUntilTheGroupIsImportedThenDecidesItsAddresses() throws Exception {
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(DOCUMENT), StandardCharsets.UTF_8));
        ArrayNode collections = (ArrayNode) firewall(doc).path("properties").path("networkRuleCollections");
        String group = NET + "/ipGroups/canary-workers";
        collections.insert(
                0,
                TestEstate.read(
                        """
                {"name": "canaries", "properties": {"priority": 100, "action": {"type": "Deny"}, "rules": [
                  {"name": "no-canary-to-api", "protocols": ["TCP"], "sourceIpGroups": ["%s"],
                   "destinationAddresses": ["10.201.0.0/24"], "destinationPorts": ["443"]}]}}"""
                                .formatted(group)));
        ((ObjectNode) collections.get(1).path("properties")).put("priority", 110);
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(FLOW, "from", "locked-ase", "to", "api-nic", "port", 443)
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.undeterminedSourceRanges", contains("10.200.0.0/24"))
                .body("data.flow.firewallDecisions[0].causes", hasItem(containsString("IP group 'canary-workers'")));
        doc.add(TestEstate.read(
                """
                {"id": "%s", "name": "canary-workers", "type": "Microsoft.Network/ipGroups", "location": "westeurope",
                 "properties": {"ipAddresses": ["10.200.0.0/28"]}}"""
                        .formatted(group)));
        a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(FLOW, "from", "locked-ase", "to", "api-nic", "port", 443)
                .body("data.flow.verdict", equalTo("PARTIAL"))
                .body("data.flow.allowedSourceRanges", contains("10.200.0.16/28", "10.200.0.32/27", "10.200.0.64/26"))
                .body("data.flow.deniedSourceRanges", contains("10.200.0.0/28", "10.200.0.128/25"))
                .body(
                        "data.flow.firewallDecisions[0].matches.rule",
                        contains("no-canary-to-api", "ase-front-half-to-api", "(no rule matches)"));
    }

    @Test
    void aNetworkInterfaceLeavingByItsOwnPublicIpIsPublicIp() {
        Gql.post(CALL_SOURCE, "from", "jump-nic", "to", "hubfw-partner")
                .body("errors", nullValue())
                .body("data.callSource.kind", equalTo("PUBLIC_IP"))
                .body("data.callSource.address", equalTo("20.50.0.20"))
                .body("data.callSource.addresses", contains("20.50.0.20/32"));
    }

    @Test
    void theSnatPrivateRangeSettingDecidesWhetherAPrivateDestinationIsTranslated() throws Exception {
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(DOCUMENT), StandardCharsets.UTF_8));
        ObjectNode fw = firewall(doc);
        ((ObjectNode) fw.path("properties").path("additionalProperties"))
                .put("Network.SNAT.PrivateRanges", "255.255.255.255/32");
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
        Gql.post(CALL_SOURCE, "from", "locked-ase", "to", "api-nic")
                .body("data.callSource.kind", equalTo("UNDETERMINED"))
                .body("data.callSource.reason", containsString("private addresses in AzureFirewallSubnet"));
    }

    @Test
    void aFirewallDocumentWithAProblemNamesItWithItsJsonLocation() throws Exception {
        ArrayNode doc = (ArrayNode) TestEstate.read(Files.readString(Path.of(DOCUMENT), StandardCharsets.UTF_8));
        ObjectNode fw = firewall(doc);
        int index = indexOf(doc, fw);
        ArrayNode ports = (ArrayNode) fw.path("properties")
                .path("networkRuleCollections")
                .get(1)
                .path("properties")
                .path("rules")
                .get(0)
                .path("destinationPorts");
        ports.set(0, "70000");
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals("INVALID_DOCUMENT", a.body().get("code").asText());
        ImportResourceTest.assertProblemAt(
                a,
                "$[" + index + "].properties.networkRuleCollections[1].properties.rules[0].destinationPorts[0]",
                "https-out");
    }

    private static ObjectNode firewall(ArrayNode doc) {
        for (JsonNode r : doc) {
            if (r.path("type").asText().equals("Microsoft.Network/azureFirewalls")) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no firewall in " + DOCUMENT);
    }

    private static int indexOf(ArrayNode doc, JsonNode r) {
        for (int i = 0; i < doc.size(); i++) {
            if (doc.get(i) == r) {
                return i;
            }
        }
        return -1;
    }
}
