package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audits through real HTTP on an estate imported for the test (on the import tests' own service, under its own
 * prefix): an ASE whose management is denied above the allow and whose subnet is force-tunnelled to an appliance, and a
 * VM whose SSH is open to two partner blocks, denied to the rest of the Internet, with a dead allow below the deny.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class AuditImportedEstateApiTest {
    static final String P = "audited";
    /**
     * Imports the estate before each test, with no once-flag: an import is idempotent, so the first in an application
     * creates the ten resources and every later one leaves them unchanged (RestAssured knows the port only inside a
     * test, hence not in a static {@code @BeforeAll}).
     */
    @BeforeEach
    void importEstate() {
        String json =
                """
                [
                 {"name": "P-vnet", "id": "VNET", "type": "Microsoft.Network/virtualNetworks", "location": "westus",
                  "properties": {"addressSpace": {"addressPrefixes": ["10.77.0.0/16"]}, "subnets": [
                   {"name": "P-ase-subnet", "id": "VNET/subnets/P-ase-subnet", "properties": {"addressPrefix": "10.77.1.0/24",
                     "networkSecurityGroup": {"id": "NET/networkSecurityGroups/P-ase-nsg"}, "routeTable": {"id": "NET/routeTables/P-tunnel"}}},
                   {"name": "P-web-subnet", "id": "VNET/subnets/P-web-subnet", "properties": {"addressPrefix": "10.77.2.0/24",
                     "networkSecurityGroup": {"id": "NET/networkSecurityGroups/P-web-nsg"}}}]}},
                 {"name": "P-ase-nsg", "id": "NET/networkSecurityGroups/P-ase-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                  "location": "westus", "properties": {"securityRules": [
                   {"name": "deny-mgmt-from-internet", "properties": {"priority": 100, "direction": "Inbound", "access": "Deny",
                     "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "454-455"}},
                   {"name": "allow-mgmt", "properties": {"priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                     "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "454-455"}}]}},
                 {"name": "P-web-nsg", "id": "NET/networkSecurityGroups/P-web-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                  "location": "westus", "properties": {"securityRules": [
                   {"name": "allow-ssh-partners", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
                     "protocol": "Tcp", "sourceAddressPrefixes": ["198.51.100.0/24", "203.0.113.0/24"], "sourcePortRange": "*",
                     "destinationAddressPrefix": "*", "destinationPortRange": "22"}},
                   {"name": "deny-ssh-internet", "properties": {"priority": 110, "direction": "Inbound", "access": "Deny",
                     "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "22"}},
                   {"name": "allow-ssh-internet", "properties": {"priority": 120, "direction": "Inbound", "access": "Allow",
                     "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "22"}}]}},
                 {"name": "P-tunnel", "id": "NET/routeTables/P-tunnel", "type": "Microsoft.Network/routeTables", "location": "westus",
                  "properties": {"routes": [{"name": "to-firewall", "properties": {"addressPrefix": "0.0.0.0/0",
                    "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.77.9.4"}}]}},
                 {"name": "P-vm-nic", "id": "NET/networkInterfaces/P-vm-nic", "type": "Microsoft.Network/networkInterfaces",
                  "location": "westus", "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {"primary": true,
                    "privateIPAddress": "10.77.2.4", "subnet": {"id": "VNET/subnets/P-web-subnet"},
                    "publicIPAddress": {"id": "NET/publicIPAddresses/P-vm-pip"}}}]}},
                 {"name": "P-vm-pip", "id": "NET/publicIPAddresses/P-vm-pip", "type": "Microsoft.Network/publicIPAddresses",
                  "location": "westus", "properties": {"ipAddress": "52.177.0.4"}},
                 {"name": "P-ase", "id": "WEB/hostingEnvironments/P-ase", "type": "Microsoft.Web/hostingEnvironments", "kind": "ASEV1",
                  "location": "West US", "properties": {"internalLoadBalancingMode": "None",
                   "virtualNetwork": {"id": "VNET/subnets/P-ase-subnet"},
                   "addresses": {"serviceIpAddress": "52.177.0.10", "outboundIpAddresses": ["52.177.0.10"]}}},
                 {"name": "P-app", "id": "WEB/sites/P-app", "type": "Microsoft.Web/sites", "location": "West US",
                  "properties": {"defaultHostName": "P-app.P-ase.p.azurewebsites.net",
                   "hostingEnvironmentProfile": {"id": "WEB/hostingEnvironments/P-ase"}}}
                ]"""
                        .replace("VNET", TestEstate.vnetId(P))
                        .replace("NET/", TestEstate.net(P) + "/")
                        .replace("WEB/", TestEstate.web(P) + "/")
                        .replace("P-", P + "-");
        io.restassured.response.ValidatableResponse result = Gql.post(
                        "mutation($d: String!) { importResources(document: $d) { created updated unchanged } }",
                        "d",
                        json)
                .body("errors", org.hamcrest.Matchers.nullValue())
                .body("data.importResources.updated", equalTo(0));
        int created = result.extract().path("data.importResources.created");
        int unchanged = result.extract().path("data.importResources.unchanged");
        org.junit.jupiter.api.Assertions.assertEquals(10, created + unchanged, "the ten resources, new or as imported");
    }

    @Test
    void theAseIsUnhealthyNamingTheDenyAboveTheAllowAndTheTunnellingRoute() {
        Gql.post(AuditApiTest.HEALTH, "e", P + "-ase")
                .body("data.environmentHealth.healthy", equalTo(false))
                .body("data.environmentHealth.status", equalTo("FAIL"))
                .body("data.environmentHealth.checks.find { it.name == 'inbound-management' }.status", equalTo("FAIL"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'inbound-management' }.detail",
                        containsString("securityRules/deny-mgmt-from-internet (priority 100, Deny)"))
                .body("data.environmentHealth.checks.find { it.name == 'outbound-route' }.status", equalTo("FAIL"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.decidedBy[0]",
                        equalTo("0.0.0.0/0 → VirtualAppliance 10.77.9.4 (user route to-firewall in " + P + "-tunnel)"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        containsString("Add a user route 0.0.0.0/0 → Internet"));
    }

    @Test
    void theAllowBelowTheDenyIsDeadAndSoIsTheInternetAllowUnderThePartnersAndTheDeny() {
        Gql.post(
                        "query($n: String) { shadowedRules(nsg: $n) { rule kind coveredBy differentAction appliedTo } }",
                        "n",
                        P + "-ase-nsg")
                .body("data.shadowedRules.rule", contains("securityRules/allow-mgmt"))
                .body("data.shadowedRules[0].kind", equalTo("DEAD"))
                .body("data.shadowedRules[0].coveredBy", contains("securityRules/deny-mgmt-from-internet"))
                .body("data.shadowedRules[0].differentAction", equalTo(true))
                .body("data.shadowedRules[0].appliedTo", contains(TestEstate.subnetId(P, P + "-ase-subnet")));
        Gql.post("query($n: String) { shadowedRules(nsg: $n) { rule kind coveredBy } }", "n", P + "-web-nsg")
                .body("data.shadowedRules.rule", contains("securityRules/allow-ssh-internet"))
                .body(
                        "data.shadowedRules[0].coveredBy",
                        contains("securityRules/allow-ssh-partners", "securityRules/deny-ssh-internet"));
    }

    @Test
    void sshIsExposedOnlyToThePartnerBlocksNotToTheInternetTheDeadAllowNames() {
        Gql.post("query { exposures(ports: [22]) { targetName verdict exposedSources admittedBy publicAddress } }")
                .body("data.exposures.find { it.targetName == '" + P + "-vm-nic' }.verdict", equalTo("PARTIAL"))
                .body(
                        "data.exposures.find { it.targetName == '" + P + "-vm-nic' }.publicAddress",
                        equalTo("52.177.0.4"))
                .body(
                        "data.exposures.find { it.targetName == '" + P + "-vm-nic' }.exposedSources",
                        contains("198.51.100.0/24", "203.0.113.0/24"))
                .body(
                        "data.exposures.find { it.targetName == '" + P + "-vm-nic' }.admittedBy",
                        contains(P + "-web-nsg securityRules/allow-ssh-partners"));
    }

    @Test
    void aForceTunnelledAseHasNoSourceRangeToAdmitForInternetCalls() {
        Gql.post(AuditApiTest.ACCESS, "from", P + "-app", "to", "52.177.0.4", "port", 22)
                .body("data.requiredAccess.sourceKind", equalTo("UNDETERMINED"))
                .body("data.requiredAccess.sourceRange", equalTo("UNDETERMINED"))
                .body("data.requiredAccess.satisfied", equalTo(false))
                .body("data.requiredAccess.reason", containsString("10.77.9.4"));
    }

    @Test
    void insideTheVnetTheAseReachesTheVmFromItsWholeSubnet() {
        Gql.post(AuditApiTest.WHO, "to", P + "-vm-nic", "port", 22)
                .body("data.whoCanReach.find { it.callerName == '" + P + "-ase' }.verdict", equalTo("ALLOWED"))
                .body(
                        "data.whoCanReach.find { it.callerName == '" + P + "-ase' }.sourceRanges",
                        contains("10.77.1.0/24"))
                .body("data.whoCanReach.find { it.callerName == '" + P + "-app' }.verdict", equalTo("ALLOWED"));
    }
}
