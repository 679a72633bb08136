package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.graph.GraphStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code importResources} and the single-resource edits over real HTTP (GraphQL), on a service of their own
 * ({@link ImportTestProfile}). Every test imports a {@link TestEstate} with its own prefix.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class ImportApiTest {
    static final String IMPORT =
            """
            mutation($d: String!, $dry: Boolean) { importResources(document: $d, dryRun: $dry) {
              created updated unchanged removed warnings dryRun } }""";
    /** Resources in a whole TestEstate: 2 VNets, 4 subnets, 2 peerings and one each of 13 more, 2 public IPs. */
    static final int ESTATE_RESOURCES = 21;

    @Inject
    GraphStore store;

    static ValidatableResponse importDoc(JsonNode doc) {
        return importText(TestEstate.text(doc), false);
    }

    static ValidatableResponse importText(String doc, boolean dryRun) {
        return Gql.post(IMPORT, "d", doc, "dry", dryRun);
    }

    static ValidatableResponse importOk(JsonNode doc) {
        return importDoc(doc).body("errors", nullValue());
    }

    long version() {
        return store.read(tx -> tx.run("MATCH (m:AsegraphMeta {key: 'meta'}) RETURN m.version AS v")
                .single()
                .get("v")
                .asLong());
    }

    long nodes() {
        return store.read(
                tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
    }

    long relationships() {
        return store.read(tx -> tx.run("MATCH ()-[r]->() RETURN count(r) AS c")
                .single()
                .get("c")
                .asLong());
    }

    static String etag(String p) {
        return Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}}) { etag } }",
                        "n",
                        p + "-nsg")
                .extract()
                .path("data.networkSecurityGroups[0].etag");
    }

    // ---- round trip ---------------------------------------------------------------------------------------------

    @Test
    void roundTripReadsEveryImportedFieldBackThroughTheReadApi() {
        String p = "roundtrip";
        importOk(TestEstate.estate(p))
                .body("data.importResources.created", equalTo(ESTATE_RESOURCES))
                .body("data.importResources.updated", equalTo(0))
                .body("data.importResources.unchanged", equalTo(0))
                .body("data.importResources.removed", equalTo(0))
                .body("data.importResources.dryRun", equalTo(false))
                .body("data.importResources.warnings", empty());

        Gql.post(
                        """
                query($n: String!) { virtualNetworks(where: {name: {eq: $n}}) { id name location addressPrefixes
                  subnets { name addressPrefix networkSecurityGroup { name } routeTable { name } natGateway { name } }
                  peerings { name state allowGatewayTransit useRemoteGateways allowForwardedTraffic localVirtualNetwork remoteVirtualNetwork }
                  gateways { name gatewayType defaultSite learnedRoutes connections { name connectionType peer } } } }""",
                        "n",
                        p + "-vnet")
                .body("data.virtualNetworks[0].id", equalTo(TestEstate.vnetId(p)))
                .body("data.virtualNetworks[0].location", equalTo("westus"))
                .body("data.virtualNetworks[0].addressPrefixes", contains("10.50.0.0/16"))
                .body(
                        "data.virtualNetworks[0].subnets.name",
                        contains(p + "-ase-subnet", p + "-app-subnet", "GatewaySubnet"))
                .body(
                        "data.virtualNetworks[0].subnets.addressPrefix",
                        contains("10.50.1.0/24", "10.50.2.0/24", "10.50.255.0/27"))
                .body("data.virtualNetworks[0].subnets[0].networkSecurityGroup.name", equalTo(p + "-nsg"))
                .body("data.virtualNetworks[0].subnets[0].routeTable.name", equalTo(p + "-rt"))
                .body("data.virtualNetworks[0].subnets[0].natGateway", nullValue())
                .body("data.virtualNetworks[0].subnets[1].natGateway.name", equalTo(p + "-nat"))
                .body("data.virtualNetworks[0].subnets[1].networkSecurityGroup", nullValue())
                .body("data.virtualNetworks[0].peerings[0].name", equalTo(p + "-to-hub"))
                .body("data.virtualNetworks[0].peerings[0].state", equalTo("CONNECTED"))
                .body("data.virtualNetworks[0].peerings[0].allowGatewayTransit", equalTo(true))
                .body("data.virtualNetworks[0].peerings[0].useRemoteGateways", equalTo(false))
                .body("data.virtualNetworks[0].peerings[0].allowForwardedTraffic", equalTo(true))
                .body("data.virtualNetworks[0].peerings[0].localVirtualNetwork", equalTo(TestEstate.vnetId(p)))
                .body("data.virtualNetworks[0].peerings[0].remoteVirtualNetwork", equalTo(TestEstate.hubId(p)))
                .body("data.virtualNetworks[0].gateways[0].name", equalTo(p + "-gw"))
                .body("data.virtualNetworks[0].gateways[0].gatewayType", equalTo("VPN"))
                .body("data.virtualNetworks[0].gateways[0].defaultSite", equalTo(TestEstate.siteId(p)))
                .body("data.virtualNetworks[0].gateways[0].learnedRoutes", contains("172.20.0.0/16"))
                .body("data.virtualNetworks[0].gateways[0].connections[0].name", equalTo(p + "-conn"))
                .body("data.virtualNetworks[0].gateways[0].connections[0].connectionType", equalTo("IPSEC"))
                .body("data.virtualNetworks[0].gateways[0].connections[0].peer", equalTo(TestEstate.siteId(p)));

        Gql.post(
                        """
                query($n: String!) { virtualNetworks(where: {name: {eq: $n}}) { subnets { name }
                  peerings { name useRemoteGateways allowForwardedTraffic remoteVirtualNetwork } } }""",
                        "n",
                        p + "-hub")
                .body("data.virtualNetworks[0].subnets.name", contains(p + "-hub-subnet"))
                .body("data.virtualNetworks[0].peerings[0].name", equalTo(p + "-hub-to-spoke"))
                .body("data.virtualNetworks[0].peerings[0].useRemoteGateways", equalTo(true))
                .body("data.virtualNetworks[0].peerings[0].allowForwardedTraffic", equalTo(false))
                .body("data.virtualNetworks[0].peerings[0].remoteVirtualNetwork", equalTo(TestEstate.vnetId(p)));

        Gql.post(
                        """
                query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}}) { id location etag
                  securityRules { name priority direction access protocol sourceAddressPrefixes sourcePortRanges
                    destinationAddressPrefixes destinationPortRanges sourceApplicationSecurityGroups
                    destinationApplicationSecurityGroups description }
                  appliedToSubnets { name } appliedToNetworkInterfaces { name } } }""",
                        "n",
                        p + "-nsg")
                .body("data.networkSecurityGroups[0].id", equalTo(TestEstate.nsgId(p)))
                .body("data.networkSecurityGroups[0].etag", matchesPattern("W/\"[0-9a-f-]{36}\""))
                .body("data.networkSecurityGroups[0].etag", not(equalTo("W/\"11111111-1111-1111-1111-111111111111\"")))
                .body(
                        "data.networkSecurityGroups[0].securityRules.name",
                        contains("allow-https", "deny-rdp", "allow-sql"))
                .body("data.networkSecurityGroups[0].securityRules.priority", contains(100, 200, 300))
                .body(
                        "data.networkSecurityGroups[0].securityRules.direction",
                        contains("INBOUND", "INBOUND", "OUTBOUND"))
                .body("data.networkSecurityGroups[0].securityRules.access", contains("ALLOW", "DENY", "ALLOW"))
                .body("data.networkSecurityGroups[0].securityRules.protocol", contains("TCP", "ANY", "TCP"))
                .body("data.networkSecurityGroups[0].securityRules[0].sourceAddressPrefixes", contains("10.60.0.0/16"))
                .body("data.networkSecurityGroups[0].securityRules[0].destinationPortRanges", contains("443"))
                .body("data.networkSecurityGroups[0].securityRules[0].description", equalTo("HTTPS from the hub"))
                .body(
                        "data.networkSecurityGroups[0].securityRules[1].sourceAddressPrefixes",
                        contains("Internet", "192.0.2.0/24"))
                .body("data.networkSecurityGroups[0].securityRules[1].sourcePortRanges", contains("*"))
                .body(
                        "data.networkSecurityGroups[0].securityRules[1].destinationPortRanges",
                        contains("3389", "5985-5986"))
                .body("data.networkSecurityGroups[0].securityRules[2].sourceAddressPrefixes", empty())
                .body(
                        "data.networkSecurityGroups[0].securityRules[2].sourceApplicationSecurityGroups",
                        contains(TestEstate.asgId(p)))
                .body(
                        "data.networkSecurityGroups[0].securityRules[2].destinationAddressPrefixes",
                        contains("Sql.WestUS"))
                .body("data.networkSecurityGroups[0].appliedToSubnets.name", contains(p + "-ase-subnet"))
                .body("data.networkSecurityGroups[0].appliedToNetworkInterfaces.name", contains(p + "-nic"));

        Gql.post(
                        """
                query($n: String!) { routeTables(where: {name: {eq: $n}}) { disableBgpRoutePropagation
                  routes { name addressPrefix nextHopType nextHopIpAddress } subnets { name } } }""",
                        "n",
                        p + "-rt")
                .body("data.routeTables[0].disableBgpRoutePropagation", equalTo(true))
                .body("data.routeTables[0].routes.name", contains("default-internet", "to-firewall"))
                .body("data.routeTables[0].routes.addressPrefix", contains("0.0.0.0/0", "10.70.0.0/16"))
                .body("data.routeTables[0].routes.nextHopType", contains("INTERNET", "VIRTUAL_APPLIANCE"))
                .body("data.routeTables[0].routes.nextHopIpAddress", contains(null, "10.60.1.4"))
                .body("data.routeTables[0].subnets.name", contains(p + "-ase-subnet"));

        Gql.post(
                        """
                query($n: String!) { networkInterfaces(where: {name: {eq: $n}}) { privateIpAddress virtualMachine location
                  subnet { name } networkSecurityGroup { name } applicationSecurityGroups { name } publicIpAddresses { name ipAddress } } }""",
                        "n",
                        p + "-nic")
                .body("data.networkInterfaces[0].privateIpAddress", equalTo("10.50.2.4"))
                .body("data.networkInterfaces[0].virtualMachine", containsString("/virtualMachines/" + p + "-vm"))
                .body("data.networkInterfaces[0].subnet.name", equalTo(p + "-app-subnet"))
                .body("data.networkInterfaces[0].networkSecurityGroup.name", equalTo(p + "-nsg"))
                .body("data.networkInterfaces[0].applicationSecurityGroups.name", contains(p + "-asg"))
                .body("data.networkInterfaces[0].publicIpAddresses.ipAddress", contains("52.160.1.3"));

        Gql.post(
                        "query($n: String!) { natGateways(where: {name: {eq: $n}}) { publicIpAddresses { name ipAddress } subnets { name } } }",
                        "n",
                        p + "-nat")
                .body("data.natGateways[0].publicIpAddresses.ipAddress", contains("52.160.1.4"))
                .body("data.natGateways[0].subnets.name", contains(p + "-app-subnet"));

        Gql.post(
                        """
                query($n: String!) { environments(where: {name: {eq: $n}}) { kind internalLoadBalancingMode publicVip outboundAddresses
                  internalAddress location subnet { name } apps { name defaultHostName hostNames } } }""",
                        "n",
                        p + "-ase")
                .body("data.environments[0].kind", equalTo("ASEV3"))
                .body("data.environments[0].internalLoadBalancingMode", equalTo("Web, Publishing"))
                .body("data.environments[0].publicVip", equalTo("52.160.1.10"))
                .body("data.environments[0].outboundAddresses", contains("52.160.1.10", "52.160.1.11"))
                .body("data.environments[0].internalAddress", equalTo("10.50.1.5"))
                .body("data.environments[0].location", equalTo("westus"))
                .body("data.environments[0].subnet.name", equalTo(p + "-ase-subnet"))
                .body("data.environments[0].apps[0].name", equalTo(p + "-app"))
                .body(
                        "data.environments[0].apps[0].defaultHostName",
                        equalTo(p + "-app." + p + "-ase.appserviceenvironment.net"))
                .body(
                        "data.environments[0].apps[0].hostNames",
                        contains(p + "-app." + p + "-ase.appserviceenvironment.net", p + "-app.contoso.com"));

        Gql.post(
                        """
                query($e: String!, $s: String!) { endpoints(where: {name: {eq: $e}}) { id addresses serviceTag location }
                  localNetworkGateways(where: {name: {eq: $s}}) { addressPrefixes gatewayIpAddress connections { name } } }""",
                        "e",
                        p + "-endpoint",
                        "s",
                        p + "-site")
                .body("data.endpoints[0].id", equalTo("/asegraph/endpoints/" + p + "-endpoint"))
                .body("data.endpoints[0].addresses", contains("40.1.2.0/24", "40.1.3.4/32"))
                .body("data.endpoints[0].serviceTag", equalTo("Sql.WestUS"))
                .body("data.localNetworkGateways[0].addressPrefixes", contains("192.168.50.0/24"))
                .body("data.localNetworkGateways[0].gatewayIpAddress", equalTo("203.0.113.50"))
                .body("data.localNetworkGateways[0].connections.name", contains(p + "-conn"));
    }

    @Test
    void skipsUnknownResourceTypesWithAWarningNamingThem() {
        String p = "unknowntype";
        ArrayNode doc = TestEstate.estate(p);
        TestEstate.set(
                doc,
                "/" + doc.size(),
                """
                {"name": "%s-vm", "id": "%s/resourceGroups/%s-rg/providers/Microsoft.Compute/virtualMachines/%s-vm",
                 "type": "Microsoft.Compute/virtualMachines", "location": "westus"}"""
                        .formatted(p, TestEstate.SUBSCRIPTION, p, p));
        importOk(doc)
                .body("data.importResources.created", equalTo(ESTATE_RESOURCES))
                .body("data.importResources.warnings", hasSize(1))
                .body("data.importResources.warnings[0]", containsString("Microsoft.Compute/virtualMachines"))
                .body("data.importResources.warnings[0]", containsString(p + "-vm"));
    }

    // ---- idempotence and exact replacement ----------------------------------------------------------------------

    @Test
    void importingTheSameDocumentTwiceChangesNothingTheSecondTime() {
        String p = "idempotent";
        importOk(TestEstate.estate(p)).body("data.importResources.created", equalTo(ESTATE_RESOURCES));
        String etag = etag(p);
        long version = version();
        long nodes = nodes();
        importOk(TestEstate.estate(p))
                .body("data.importResources.created", equalTo(0))
                .body("data.importResources.updated", equalTo(0))
                .body("data.importResources.removed", equalTo(0))
                .body("data.importResources.unchanged", equalTo(ESTATE_RESOURCES));
        assertEquals(version, version(), "an import that changes nothing must not bump the store version");
        assertEquals(nodes, nodes());
        assertEquals(etag, etag(p), "an unchanged NSG keeps its etag");

        // The same state written differently: rules, routes and ASG references in another order, another incoming etag.
        ArrayNode reordered = TestEstate.estate(p);
        ArrayNode rules = (ArrayNode) reordered.at("/" + TestEstate.NSG + "/properties/securityRules");
        rules.insert(0, rules.remove(2));
        ArrayNode routes = (ArrayNode) reordered.at("/" + TestEstate.ROUTE_TABLE + "/properties/routes");
        routes.insert(0, routes.remove(1));
        TestEstate.set(reordered, "/" + TestEstate.NSG + "/etag", "\"W/\\\"99999999-9999-9999-9999-999999999999\\\"\"");
        importOk(reordered)
                .body("data.importResources.updated", equalTo(0))
                .body("data.importResources.unchanged", equalTo(ESTATE_RESOURCES));
        assertEquals(version, version());
        assertEquals(etag, etag(p));
    }

    @Test
    void reimportReplacesRulesRoutesSubnetsAndPeeringsExactly() {
        String p = "exact";
        importOk(TestEstate.estate(p));
        String before = etag(p);
        ArrayNode doc = TestEstate.estate(p);
        TestEstate.remove(doc, "/" + TestEstate.NSG + "/properties/securityRules/1"); // deny-rdp gone
        TestEstate.set(
                doc, "/" + TestEstate.NSG + "/properties/securityRules/0/properties/destinationPortRange", "\"8443\"");
        TestEstate.remove(doc, "/" + TestEstate.ROUTE_TABLE + "/properties/routes/1"); // default-internet gone
        TestEstate.remove(doc, "/" + TestEstate.VNET + "/properties/subnets/1"); // app-subnet gone...
        TestEstate.set(
                doc,
                "/" + TestEstate.NIC + "/properties/ipConfigurations/0/properties/subnet/id",
                "\"" + TestEstate.subnetId(p, p + "-ase-subnet") + "\""); // ...its NIC moved by the same document
        TestEstate.set(
                doc,
                "/" + TestEstate.NIC + "/properties/ipConfigurations/0/properties/privateIPAddress",
                "\"10.50.1.20\"");
        TestEstate.remove(doc, "/" + TestEstate.VNET + "/properties/virtualNetworkPeerings/0"); // peering gone
        importOk(doc)
                .body("data.importResources.created", equalTo(0))
                .body("data.importResources.updated", equalTo(3))
                .body("data.importResources.removed", equalTo(2))
                .body("data.importResources.unchanged", equalTo(ESTATE_RESOURCES - 2 - 3));

        Gql.post(
                        """
                query($n: String!, $t: String!, $v: String!, $i: String!) {
                  networkSecurityGroups(where: {name: {eq: $n}}) { etag securityRules { name destinationPortRanges } }
                  routeTables(where: {name: {eq: $t}}) { routes { name } }
                  virtualNetworks(where: {name: {eq: $v}}) { subnets { name } peerings { name } }
                  networkInterfaces(where: {name: {eq: $i}}) { privateIpAddress subnet { name } } }""",
                        "n",
                        p + "-nsg",
                        "t",
                        p + "-rt",
                        "v",
                        p + "-vnet",
                        "i",
                        p + "-nic")
                .body("data.networkSecurityGroups[0].securityRules.name", contains("allow-https", "allow-sql"))
                .body("data.networkSecurityGroups[0].securityRules[0].destinationPortRanges", contains("8443"))
                .body("data.networkSecurityGroups[0].etag", not(equalTo(before)))
                .body("data.routeTables[0].routes.name", contains("to-firewall"))
                .body("data.virtualNetworks[0].subnets.name", contains(p + "-ase-subnet", "GatewaySubnet"))
                .body("data.virtualNetworks[0].peerings", empty())
                .body("data.networkInterfaces[0].privateIpAddress", equalTo("10.50.1.20"))
                .body("data.networkInterfaces[0].subnet.name", equalTo(p + "-ase-subnet"));
        Gql.post(
                        "query($id: String!) { resource(id: $id) { __typename } }",
                        "id",
                        TestEstate.subnetId(p, p + "-app-subnet"))
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void refusesToRemoveASubnetThatStillHoldsANetworkInterface() {
        String p = "holds";
        importOk(TestEstate.estate(p));
        long version = version();
        JsonNode vnet = TestEstate.only(p, TestEstate.VNET);
        TestEstate.remove(vnet, "/properties/subnets/1");
        importDoc(vnet)
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].extensions.problems", hasSize(1))
                .body("errors[0].extensions.problems[0].location", equalTo("$.properties.subnets"))
                .body("errors[0].extensions.problems[0].message", containsString(p + "-app-subnet"))
                .body("errors[0].extensions.problems[0].message", containsString(p + "-nic"))
                .body("data", nullValue());
        assertEquals(version, version());
        Gql.post(
                        "query($v: String!) { virtualNetworks(where: {name: {eq: $v}}) { subnets { name } } }",
                        "v",
                        p + "-vnet")
                .body("data.virtualNetworks[0].subnets.name", hasItem(p + "-app-subnet"));
    }

    @Test
    void aseReimportedWithoutAddressesKeepsItsStoredAddresses() {
        String p = "keepaddr";
        importOk(TestEstate.estate(p));
        JsonNode ase = TestEstate.only(p, TestEstate.ASE);
        TestEstate.remove(ase, "/properties/addresses");
        importOk(ase)
                .body("data.importResources.unchanged", equalTo(1))
                .body("data.importResources.warnings", hasItem(containsString("addresses")));
        Gql.post(
                        "query($n: String!) { environments(where: {name: {eq: $n}}) { publicVip outboundAddresses internalAddress } }",
                        "n",
                        p + "-ase")
                .body("data.environments[0].publicVip", equalTo("52.160.1.10"))
                .body("data.environments[0].outboundAddresses", contains("52.160.1.10", "52.160.1.11"))
                .body("data.environments[0].internalAddress", equalTo("10.50.1.5"));
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    @Test
    void reportsEveryProblemWithItsLocationAndWritesNothing() {
        String p = "invalid";
        long nodes = nodes();
        long relationships = relationships();
        long version = version();
        ArrayNode doc = TestEstate.estate(p);
        TestEstate.set(doc, "/" + TestEstate.NSG + "/properties/securityRules/0/properties/priority", "5000");
        TestEstate.set(
                doc,
                "/" + TestEstate.NIC + "/properties/ipConfigurations/0/properties/privateIPAddress",
                "\"10.99.0.4\"");
        TestEstate.set(
                doc, "/" + TestEstate.ROUTE_TABLE + "/properties/routes/1/properties/nextHopType", "\"Teleport\"");
        importDoc(doc)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body(
                        "errors[0].extensions.problems.location",
                        containsInAnyOrder(
                                "$[2].properties.securityRules[0].properties.priority",
                                "$[5].properties.ipConfigurations[0].properties.privateIPAddress",
                                "$[3].properties.routes[1].properties.nextHopType"))
                .body("errors[0].extensions.problems.value", containsInAnyOrder("5000", "10.99.0.4", "Teleport"))
                .body("errors[0].extensions.problems.line", everyItem(notNullValue()))
                .body("errors[0].extensions.problems.column", everyItem(notNullValue()))
                .body("errors[0].message", containsString("3 problems"))
                .body("errors[0].message", containsString("$[2].properties.securityRules[0].properties.priority"))
                .body(
                        "errors[0].message",
                        containsString("$[5].properties.ipConfigurations[0].properties.privateIPAddress"))
                .body("errors[0].message", containsString("$[3].properties.routes[1].properties.nextHopType"));
        assertEquals(nodes, nodes(), "nothing written");
        assertEquals(relationships, relationships(), "nothing written");
        assertEquals(version, version());
        Gql.post("query($v: String!) { virtualNetworks(where: {name: {eq: $v}}) { name } }", "v", p + "-vnet")
                .body("data.virtualNetworks", empty());
    }

    @Test
    void malformedJsonIsOneProblemWithLineAndColumn() {
        importText("[\n  {\"name\": \"x\",\n   \"type\" \"Microsoft.Network/virtualNetworks\"}\n]", false)
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].extensions.problems", hasSize(1))
                .body("errors[0].extensions.problems[0].location", equalTo("$"))
                .body("errors[0].extensions.problems[0].line", equalTo(3))
                .body("errors[0].extensions.problems[0].message", containsString("malformed JSON"));
    }

    @Test
    void anImportOverTheStoresTransactionMemoryIsStagedAndSwappedWhole(@TempDir Path dir) throws Exception {
        String doc = new String(ImportTestProfile.overTransactionMemory(dir), java.nio.charset.StandardCharsets.UTF_8);
        long version = version();
        int created = importText(doc, false)
                .body("errors", nullValue())
                .body("data.importResources.updated", equalTo(0))
                .extract()
                .path("data.importResources.created");
        org.hamcrest.MatcherAssert.assertThat(created, greaterThan(50));
        assertEquals(version + 1, version(), "one import, one version, however many transactions it took");
        assertEquals(
                0L,
                (long) store.<Long>read(tx -> tx.run(
                                "MATCH (n) WHERE n:AsegraphImportStage OR n:AsegraphImportStep RETURN count(n) AS c")
                        .single()
                        .get("c")
                        .asLong()),
                "nothing of the staging is left");
        // All of it is in the graph: the same document again finds nothing to create or update.
        importText(doc, true)
                .body("data.importResources.created", equalTo(0))
                .body("data.importResources.updated", equalTo(0))
                .body("data.importResources.unchanged", equalTo(created));
        // And read back through the API: the NSG with the most rules has every one of them.
        JsonNode most = null;
        for (JsonNode r : new com.fasterxml.jackson.databind.ObjectMapper().readTree(doc)) {
            if (r.path("properties").path("securityRules").size()
                    > (most == null
                            ? 0
                            : most.path("properties").path("securityRules").size())) {
                most = r;
            }
        }
        org.hamcrest.MatcherAssert.assertThat(
                most.path("properties").path("securityRules").size(), greaterThan(500));
        Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {id: {eq: $n}}) { securityRules { name } } }",
                        "n",
                        most.path("id").asText())
                .body(
                        "data.networkSecurityGroups[0].securityRules",
                        hasSize(most.path("properties").path("securityRules").size()));
    }

    @Test
    void aRecordLargerThanTheStoresTransactionMemoryFailsWithTooLargeAndWritesNothing() throws Exception {
        String doc = new String(ImportTestProfile.oversizedRecord(), java.nio.charset.StandardCharsets.UTF_8);
        long before = nodes();
        long version = version();
        importText(doc, false)
                .body("errors[0].extensions.code", equalTo("TOO_LARGE"))
                .body("errors[0].message", containsString("nothing was written"))
                .body("data", nullValue());
        assertEquals(before, nodes());
        assertEquals(version, version());
    }

    @Test
    void otherErrorsCarryNoProblems() {
        Gql.post("query($id: String!) { resource(id: $id) { __typename } }", "id", "/subscriptions/x/nothing-here")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"))
                .body("errors[0].extensions.problems", nullValue());
    }

    // ---- dry run ------------------------------------------------------------------------------------------------

    @Test
    void dryRunValidatesAndCountsButWritesNothing() {
        String p = "dryrun";
        long version = version();
        long nodes = nodes();
        importText(TestEstate.text(TestEstate.estate(p)), true)
                .body("errors", nullValue())
                .body("data.importResources.created", equalTo(ESTATE_RESOURCES))
                .body("data.importResources.dryRun", equalTo(true));
        assertEquals(version, version());
        assertEquals(nodes, nodes());
        Gql.post("query($v: String!) { virtualNetworks(where: {name: {eq: $v}}) { name } }", "v", p + "-vnet")
                .body("data.virtualNetworks", empty());
        ArrayNode bad = TestEstate.estate(p);
        TestEstate.set(bad, "/" + TestEstate.NSG + "/properties/securityRules/1/properties/priority", "100");
        importText(TestEstate.text(bad), true)
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body(
                        "errors[0].extensions.problems[0].location",
                        equalTo("$[2].properties.securityRules[1].properties.priority"));
    }

    @Test
    void dryRunOfTheReferenceExportFindsTheSeedUnchanged() throws Exception {
        importText(Files.readString(Path.of("graph-seed/reference-topology.az.json")), true)
                .body("errors", nullValue())
                .body("data.importResources.created", equalTo(0))
                .body("data.importResources.updated", equalTo(0))
                .body("data.importResources.removed", equalTo(0))
                .body("data.importResources.unchanged", equalTo(19));
    }

    // ---- service tags -------------------------------------------------------------------------------------------

    @Test
    void importedServiceTagsAppearInTheServiceTagsListing() {
        String tags =
                """
                {"changeNumber": 7, "cloud": "Public", "values": [
                  {"name": "ImportTagTest.WestUS", "id": "ImportTagTest.WestUS", "properties": {"changeNumber": 3,
                    "region": "westus", "systemService": "ImportTagTest", "addressPrefixes": ["13.64.0.0/16", "2603:1000::/40"]}},
                  {"name": "ImportTagTest", "id": "ImportTagTest", "properties": {"changeNumber": 5, "region": "",
                    "systemService": "ImportTagTest", "addressPrefixes": ["13.64.0.0/16", "13.65.0.0/16"]}}]}""";
        importText(tags, false).body("errors", nullValue()).body("data.importResources.created", equalTo(2));
        Gql.post(
                        """
                { serviceTags(where: {name: {startsWith: "ImportTagTest"}}) { name region systemService changeNumber addressPrefixes } }""")
                .body("data.serviceTags.name", contains("ImportTagTest", "ImportTagTest.WestUS"))
                .body("data.serviceTags[1].region", equalTo("westus"))
                .body("data.serviceTags[1].systemService", equalTo("ImportTagTest"))
                .body("data.serviceTags[1].changeNumber", equalTo(3))
                .body("data.serviceTags[1].addressPrefixes", contains("13.64.0.0/16"))
                .body("data.serviceTags[0].addressPrefixes", contains("13.64.0.0/16", "13.65.0.0/16"));
        importText(tags, false).body("data.importResources.unchanged", equalTo(2));
    }

    @Test
    void importingTheServiceTagsARuleNamesTurnsAnUndeterminedFlowIntoAVerdict() {
        String p = "tagflow";
        ArrayNode doc = TestEstate.estate(p);
        String rule = "/" + TestEstate.NSG + "/properties/securityRules/2/properties/";
        TestEstate.set(doc, rule + "access", "\"Deny\"");
        TestEstate.set(doc, rule + "destinationAddressPrefix", "\"TagFlowTest.WestUS\"");
        importOk(doc);
        String flow =
                """
                query($from: String!, $to: String!) { flow(from: $from, to: $to, port: 1433, protocol: TCP) {
                  verdict reason decisions { matches { rule access } } } }""";
        String to = "/asegraph/endpoints/" + p + "-endpoint";
        Gql.post(flow, "from", TestEstate.nicId(p), "to", to)
                .body("data.flow.verdict", equalTo("UNDETERMINED"))
                .body("data.flow.reason", containsString("TagFlowTest.WestUS"));
        importText(
                        """
                {"changeNumber": 1, "cloud": "Public", "values": [{"name": "TagFlowTest.WestUS", "id": "TagFlowTest.WestUS",
                  "properties": {"changeNumber": 1, "region": "westus", "systemService": "TagFlowTest", "addressPrefixes": ["40.1.0.0/16"]}}]}""",
                        false)
                .body("data.importResources.created", equalTo(1));
        Gql.post(flow, "from", TestEstate.nicId(p), "to", to)
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.decisions[0].matches.rule", contains("securityRules/allow-sql"))
                .body("data.flow.decisions[0].matches.access", contains("DENY"));
    }

    // ---- single-resource edits ----------------------------------------------------------------------------------

    static final String PUT_RULE =
            """
            mutation($nsg: String!, $rule: SecurityRuleInput!, $etag: String) { putSecurityRule(nsg: $nsg, rule: $rule, etag: $etag) {
              name etag securityRules { name priority direction access protocol sourceAddressPrefixes sourcePortRanges
                destinationAddressPrefixes destinationPortRanges } } }""";

    static java.util.Map<String, Object> rule(String name, int priority, String port) {
        return inboundRule(name, priority, "ALLOW", "10.60.0.0/16", port);
    }

    /** putSecurityRule's {@code rule}: inbound TCP from {@code source} to any destination on {@code port}. */
    static java.util.Map<String, Object> inboundRule(
            String name, int priority, String access, String source, String port) {
        return java.util.Map.of(
                "name",
                name,
                "priority",
                priority,
                "direction",
                "INBOUND",
                "access",
                access,
                "protocol",
                "TCP",
                "sourceAddressPrefixes",
                List.of(source),
                "destinationAddressPrefixes",
                List.of("*"),
                "destinationPortRanges",
                List.of(port));
    }

    @Test
    void putSecurityRuleAddsThenReplacesARuleAndChangesTheEtagEachTime() {
        String p = "putrule";
        importOk(TestEstate.estate(p));
        String e1 = etag(p);
        String e2 = Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", rule("allow-ssh", 400, "22"), "etag", e1)
                .body("errors", nullValue())
                .body(
                        "data.putSecurityRule.securityRules.name",
                        contains("allow-https", "deny-rdp", "allow-ssh", "allow-sql"))
                .body("data.putSecurityRule.securityRules[2].sourcePortRanges", contains("*"))
                .extract()
                .path("data.putSecurityRule.etag");
        assertNotEquals(e1, e2);
        assertEquals(e2, etag(p));
        String e3 = Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", rule("ALLOW-SSH", 410, "2222"), "etag", e2)
                .body("errors", nullValue())
                .body(
                        "data.putSecurityRule.securityRules.name",
                        contains("allow-https", "deny-rdp", "ALLOW-SSH", "allow-sql"))
                .body("data.putSecurityRule.securityRules[2].priority", equalTo(410))
                .body("data.putSecurityRule.securityRules[2].destinationPortRanges", contains("2222"))
                .extract()
                .path("data.putSecurityRule.etag");
        assertNotEquals(e2, e3);
        // Putting the same rule again changes nothing: same etag.
        Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", rule("ALLOW-SSH", 410, "2222"), "etag", e3)
                .body("data.putSecurityRule.etag", equalTo(e3));
    }

    @Test
    void anEditStatingAStaleEtagFailsWithConflictAndWritesNothing() {
        String p = "staleetag";
        importOk(TestEstate.estate(p));
        String e1 = etag(p);
        Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", rule("first", 400, "22"), "etag", e1)
                .body("errors", nullValue());
        long version = version();
        Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", rule("second", 500, "23"), "etag", e1)
                .body("errors[0].extensions.code", equalTo("CONFLICT"))
                .body("errors[0].message", containsString(e1));
        Gql.post(
                        """
                mutation($nsg: String!, $e: String) { removeSecurityRule(nsg: $nsg, name: "first", etag: $e) { etag } }""",
                        "nsg",
                        TestEstate.nsgId(p),
                        "e",
                        e1)
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        assertEquals(version, version());
        Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}}) { securityRules { name } } }",
                        "n",
                        p + "-nsg")
                .body(
                        "data.networkSecurityGroups[0].securityRules.name",
                        contains("allow-https", "deny-rdp", "first", "allow-sql"));
    }

    @Test
    void anInvalidRuleFailsWithItsProblemsAtTheRuleFields() {
        String p = "badrule";
        importOk(TestEstate.estate(p));
        long version = version();
        java.util.Map<String, Object> bad = new java.util.HashMap<>(rule("bad", 5000, "22"));
        bad.put("sourceAddressPrefixes", List.of("10.0.0.300/8"));
        Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", bad)
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body(
                        "errors[0].extensions.problems.location",
                        containsInAnyOrder("rule.priority", "rule.sourceAddressPrefixes[0]"));
        Gql.post(PUT_RULE, "nsg", TestEstate.nsgId(p), "rule", rule("clash", 100, "22"))
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].extensions.problems[0].location", equalTo("rule.priority"))
                .body("errors[0].extensions.problems[0].message", containsString("allow-https"));
        assertEquals(version, version());
    }

    @Test
    void removeSecurityRuleRemovesOneRuleAndAnUnknownRuleIsAnUnknownReference() {
        String p = "removerule";
        importOk(TestEstate.estate(p));
        String remove =
                """
                mutation($nsg: String!, $name: String!, $e: String) { removeSecurityRule(nsg: $nsg, name: $name, etag: $e) {
                  etag securityRules { name } } }""";
        String e1 = etag(p);
        Gql.post(remove, "nsg", TestEstate.nsgId(p), "name", "DENY-RDP", "e", e1)
                .body("errors", nullValue())
                .body("data.removeSecurityRule.securityRules.name", contains("allow-https", "allow-sql"))
                .body("data.removeSecurityRule.etag", not(equalTo(e1)));
        Gql.post(remove, "nsg", TestEstate.nsgId(p), "name", "deny-rdp")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        Gql.post(remove, "nsg", TestEstate.nsgId(p) + "-missing", "name", "allow-https")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void putRouteAndRemoveRouteEditOneRouteValidatedLikeAnImport() {
        String p = "routes";
        importOk(TestEstate.estate(p));
        String put =
                """
                mutation($t: String!, $r: RouteInput!) { putRoute(routeTable: $t, route: $r) {
                  name routes { name addressPrefix nextHopType nextHopIpAddress } } }""";
        Gql.post(
                        put,
                        "t",
                        TestEstate.routeTableId(p),
                        "r",
                        java.util.Map.of(
                                "name",
                                "to-onprem",
                                "addressPrefix",
                                "192.168.60.0/24",
                                "nextHopType",
                                "VIRTUAL_NETWORK_GATEWAY"))
                .body("errors", nullValue())
                .body("data.putRoute.routes.name", contains("default-internet", "to-firewall", "to-onprem"))
                .body("data.putRoute.routes[2].nextHopType", equalTo("VIRTUAL_NETWORK_GATEWAY"));
        Gql.post(
                        put,
                        "t",
                        TestEstate.routeTableId(p),
                        "r",
                        java.util.Map.of(
                                "name",
                                "to-onprem",
                                "addressPrefix",
                                "192.168.60.0/24",
                                "nextHopType",
                                "VIRTUAL_APPLIANCE",
                                "nextHopIpAddress",
                                "10.60.1.5"))
                .body("data.putRoute.routes[2].nextHopType", equalTo("VIRTUAL_APPLIANCE"))
                .body("data.putRoute.routes[2].nextHopIpAddress", equalTo("10.60.1.5"));
        Gql.post(
                        put,
                        "t",
                        TestEstate.routeTableId(p),
                        "r",
                        java.util.Map.of(
                                "name", "broken", "addressPrefix", "10.80.0.0/16", "nextHopType", "VIRTUAL_APPLIANCE"))
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].extensions.problems[0].location", equalTo("route.nextHopIpAddress"));
        Gql.post(
                        "mutation($t: String!) { removeRoute(routeTable: $t, name: \"default-internet\") { routes { name } } }",
                        "t",
                        TestEstate.routeTableId(p))
                .body("data.removeRoute.routes.name", contains("to-firewall", "to-onprem"));
    }

    // ---- delete -------------------------------------------------------------------------------------------------

    static final String DELETE =
            """
            mutation($id: String!, $c: Boolean) { deleteResource(id: $id, cascade: $c) { deleted detached } }""";

    @Test
    void deletingAnNsgInUseIsReferencedUntilCascadeDetachesIt() {
        String p = "delnsg";
        importOk(TestEstate.estate(p));
        long version = version();
        Gql.post(DELETE, "id", TestEstate.nsgId(p))
                .body("errors[0].extensions.code", equalTo("REFERENCED"))
                .body("errors[0].message", containsString(p + "-ase-subnet"))
                .body("errors[0].message", containsString(p + "-nic"));
        assertEquals(version, version());
        Gql.post(DELETE, "id", TestEstate.nsgId(p), "c", true)
                .body("errors", nullValue())
                .body("data.deleteResource.deleted", contains(TestEstate.nsgId(p)))
                .body(
                        "data.deleteResource.detached",
                        containsInAnyOrder(TestEstate.subnetId(p, p + "-ase-subnet"), TestEstate.nicId(p)));
        Gql.post(
                        """
                query($v: String!, $i: String!) { virtualNetworks(where: {name: {eq: $v}}) { subnets { name networkSecurityGroup { name } routeTable { name } } }
                  networkInterfaces(where: {name: {eq: $i}}) { networkSecurityGroup { name } subnet { name } applicationSecurityGroups { name } } }""",
                        "v",
                        p + "-vnet",
                        "i",
                        p + "-nic")
                .body("data.virtualNetworks[0].subnets[0].networkSecurityGroup", nullValue())
                .body("data.virtualNetworks[0].subnets[0].routeTable.name", equalTo(p + "-rt"))
                .body("data.networkInterfaces[0].networkSecurityGroup", nullValue())
                .body("data.networkInterfaces[0].subnet.name", equalTo(p + "-app-subnet"))
                .body("data.networkInterfaces[0].applicationSecurityGroups.name", contains(p + "-asg"));
        Gql.post("query($id: String!) { resource(id: $id) { __typename } }", "id", TestEstate.nsgId(p))
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void deletingAVnetWithCascadeTakesWhatDependsOnIt() {
        String p = "delvnet";
        importOk(TestEstate.estate(p));
        Gql.post(DELETE, "id", TestEstate.vnetId(p))
                .body("errors[0].extensions.code", equalTo("REFERENCED"))
                .body("errors[0].message", containsString(p + "-ase"))
                .body("errors[0].message", containsString(p + "-gw"))
                .body("errors[0].message", containsString(p + "-hub-to-spoke"));
        Gql.post(DELETE, "id", TestEstate.vnetId(p), "c", true)
                .body("errors", nullValue())
                .body("data.deleteResource.deleted[0]", equalTo(TestEstate.vnetId(p)))
                .body("data.deleteResource.deleted", hasItem(TestEstate.aseId(p)))
                .body("data.deleteResource.deleted", hasItem(TestEstate.web(p) + "/sites/" + p + "-app"))
                .body("data.deleteResource.deleted", hasItem(TestEstate.nicId(p)))
                .body("data.deleteResource.deleted", hasItem(TestEstate.gatewayId(p)))
                .body("data.deleteResource.deleted", hasItem(TestEstate.net(p) + "/connections/" + p + "-conn"))
                .body(
                        "data.deleteResource.deleted",
                        hasItem(TestEstate.hubId(p) + "/virtualNetworkPeerings/" + p + "-hub-to-spoke"))
                .body("data.deleteResource.deleted", not(hasItem(TestEstate.hubId(p))));
        Gql.post(
                        """
                query($v: String!, $h: String!, $s: String!, $e: String!) { virtualNetworks(where: {name: {in: [$v, $h]}}) { name peerings { name } }
                  localNetworkGateways(where: {name: {eq: $s}}) { name connections { name } }
                  environments(where: {name: {eq: $e}}) { name } }""",
                        "v",
                        p + "-vnet",
                        "h",
                        p + "-hub",
                        "s",
                        p + "-site",
                        "e",
                        p + "-ase")
                .body("data.virtualNetworks.name", contains(p + "-hub"))
                .body("data.virtualNetworks[0].peerings", empty())
                .body("data.localNetworkGateways[0].connections", empty())
                .body("data.environments", empty());
    }

    @Test
    void deletingAnUnreferencedResourceNeedsNoCascade() {
        String p = "delfree";
        importOk(TestEstate.estate(p));
        Gql.post(DELETE, "id", "/asegraph/endpoints/" + p + "-endpoint")
                .body("errors", nullValue())
                .body("data.deleteResource.deleted", contains("/asegraph/endpoints/" + p + "-endpoint"))
                .body("data.deleteResource.detached", empty());
        Gql.post(DELETE, "id", "/asegraph/endpoints/" + p + "-endpoint")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }
}
