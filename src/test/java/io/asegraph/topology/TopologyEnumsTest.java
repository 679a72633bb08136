package io.asegraph.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The enums of the topology model: parsing Azure's spellings, printing the ARM wire form, kind metadata. */
class TopologyEnumsTest {
    static final String NET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"ASEv1, ASEV1", "ase, ASEV1", "1, ASEV1", " V2 , ASEV2", "2, ASEV2", "asev3, ASEV3", "v3, ASEV3"})
    void aseKindParsesItsAliases(String text, AseKind kind) {
        assertEquals(kind, AseKind.parse(text));
    }

    @Test
    void aseKindDefaultsToV1WhenNotStated() {
        assertEquals(AseKind.ASEV1, AseKind.parse(null));
        assertEquals(AseKind.ASEV1, AseKind.parse("  "));
    }

    @Test
    void aseKindRejectsAnUnknownGeneration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AseKind.parse("v4"));
        assertTrue(e.getMessage().contains("'v4'"), e.getMessage());
    }

    @Test
    void gatewayTypeParsesAndPrintsAzureSpelling() {
        assertEquals(GatewayType.VPN, GatewayType.parse(null));
        assertEquals(GatewayType.VPN, GatewayType.parse(" Vpn "));
        assertEquals(GatewayType.EXPRESS_ROUTE, GatewayType.parse("ExpressRoute"));
        assertEquals("Vpn", GatewayType.VPN.azureName());
        assertEquals("ExpressRoute", GatewayType.EXPRESS_ROUTE.azureName());
        assertThrows(IllegalArgumentException.class, () -> GatewayType.parse("LocalGateway"));
    }

    @Test
    void peeringStateParsesAndPrintsAzureSpelling() {
        assertEquals(PeeringState.CONNECTED, PeeringState.parse(null));
        assertEquals(PeeringState.INITIATED, PeeringState.parse("Initiated"));
        assertEquals(PeeringState.CONNECTED, PeeringState.parse(" connected "));
        assertEquals(PeeringState.DISCONNECTED, PeeringState.parse("DISCONNECTED"));
        assertEquals("Initiated", PeeringState.INITIATED.azureName());
        assertEquals("Connected", PeeringState.CONNECTED.azureName());
        assertEquals("Disconnected", PeeringState.DISCONNECTED.azureName());
        assertThrows(IllegalArgumentException.class, () -> PeeringState.parse("Updating"));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "INTERNET, Internet",
        "VIRTUAL_APPLIANCE, VirtualAppliance",
        "VIRTUAL_NETWORK_GATEWAY, VirtualNetworkGateway",
        "VIRTUAL_NETWORK_SERVICE_ENDPOINT, VirtualNetworkServiceEndpoint",
        "VNET_LOCAL, VnetLocal",
        "VNET_PEERING, VNetPeering",
        "NONE, None"
    })
    void nextHopTypesPrintTheArmWireForm(NextHopType type, String azure) {
        assertEquals(azure, type.azureName());
    }

    @Test
    void routeOriginsAndStatesPrintTheArmWireForm() {
        assertEquals("Default", RouteOrigin.DEFAULT.azureName());
        assertEquals("User", RouteOrigin.USER.azureName());
        assertEquals("VirtualNetworkGateway", RouteOrigin.VIRTUAL_NETWORK_GATEWAY.azureName());
        assertEquals("Active", RouteState.ACTIVE.azureName());
        assertEquals("Invalid", RouteState.INVALID.azureName());
        assertEquals("Unresolved", RouteState.UNRESOLVED.azureName());
    }

    @ParameterizedTest(name = "{0}: azure {1}, NSGs apply {2}")
    @CsvSource({
        "ENABLED, Enabled, true",
        "DISABLED, Disabled, false",
        "NETWORK_SECURITY_GROUP_ENABLED, NetworkSecurityGroupEnabled, true",
        "ROUTE_TABLE_ENABLED, RouteTableEnabled, false"
    })
    void privateEndpointNetworkPoliciesFollowAzure(
            PrivateEndpointNetworkPolicies policies, String azure, boolean appliesNsgs) {
        assertEquals(azure, policies.azureName());
        assertEquals(appliesNsgs, policies.appliesNsgs());
        assertEquals(policies, PrivateEndpointNetworkPolicies.parse(azure));
        assertEquals(policies, PrivateEndpointNetworkPolicies.parse(" " + azure.toUpperCase() + " "));
    }

    @Test
    void privateEndpointNetworkPoliciesRejectAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> PrivateEndpointNetworkPolicies.parse(null));
        assertThrows(IllegalArgumentException.class, () -> PrivateEndpointNetworkPolicies.parse("On"));
    }

    @Test
    void resourceKindsCarryArmTypeGraphNameAndNoun() {
        ResourceKind k = ResourceKind.NETWORK_SECURITY_GROUP;
        assertEquals("Microsoft.Network/networkSecurityGroups", k.armType());
        assertEquals("NetworkSecurityGroup", k.graphName());
        assertEquals("network security group", k.noun());
        assertEquals("PEERED_WITH", ResourceKind.PEERING.graphName());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "SUBNET, a subnet",
        "APP, an app",
        "APP_SERVICE_ENVIRONMENT, an App Service Environment",
        "AZURE_FIREWALL, an Azure Firewall",
        "IP_GROUP, an IP group",
        "NAT_GATEWAY, a NAT gateway"
    })
    void withArticlePicksAOrAn(ResourceKind kind, String expected) {
        assertEquals(expected, kind.withArticle());
    }

    @ParameterizedTest
    @EnumSource(
            value = ResourceKind.class,
            names = {"APPLICATION_SECURITY_GROUP", "SERVICE_TAGS"})
    void kindsWithoutPropertiesAreTheAsgAndTheServiceTagsFile(ResourceKind kind) {
        assertFalse(kind.hasProperties());
    }

    @ParameterizedTest
    @EnumSource(
            value = ResourceKind.class,
            names = {"APPLICATION_SECURITY_GROUP", "SERVICE_TAGS"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyOtherKindHasProperties(ResourceKind kind) {
        assertTrue(kind.hasProperties());
    }

    @Test
    void howToExportNamesTheAzCommandOrTheDocumentEntry() {
        String nsg = NET + "/networkSecurityGroups/web-nsg";
        assertEquals("az network nsg show --ids " + nsg, ResourceKind.NETWORK_SECURITY_GROUP.howToExport(nsg));
        assertEquals(
                "its asegraph/endpoints entry with its properties",
                ResourceKind.ENDPOINT.howToExport("/x/endpoints/e"));
    }

    @Test
    void aSubnetIsImportedWithItsVnet() {
        String vnet = NET + "/virtualNetworks/hub";
        assertEquals(
                "import its VNet (az network vnet show --ids " + vnet + ")",
                ResourceKind.SUBNET.howToImport(vnet + "/subnets/web"));
        assertEquals(
                "import its VNet (az network vnet show --ids " + vnet + ")",
                ResourceKind.SUBNET.howToImport(vnet + "/SUBNETS/web"));
    }

    @Test
    void aSubnetIdWithNothingBeforeItsSubnetsSegmentIsImportedOnItsOwn() {
        assertEquals(
                "import it (az network vnet subnet show --ids /subnets/web)",
                ResourceKind.SUBNET.howToImport("/subnets/web"));
    }

    @Test
    void otherKindsAreImportedWithTheirOwnExport() {
        String rt = NET + "/routeTables/rt";
        assertEquals(
                "import it (az network route-table show --ids " + rt + ")", ResourceKind.ROUTE_TABLE.howToImport(rt));
    }

    @Test
    void notImportedNamesTheResourceTheReferrerAndTheFix() {
        ResourceId pip = ResourceId.of(NET + "/publicIPAddresses/web-pip");
        assertEquals(
                "public IP address " + pip.value() + " is referenced by network interface web-nic but not imported: "
                        + "import it (az network public-ip show --ids " + pip.value() + ")",
                ResourceKind.PUBLIC_IP_ADDRESS.notImported(pip, "network interface web-nic"));
    }

    @Test
    void armTypesAreMatchedCaseInsensitively() {
        assertEquals(
                Optional.of(ResourceKind.NETWORK_SECURITY_GROUP),
                ResourceKind.fromArmType(" microsoft.network/NETWORKSECURITYGROUPS "));
        assertEquals(Optional.of(ResourceKind.APP), ResourceKind.fromArmType("Microsoft.Web/sites"));
        assertEquals(Optional.empty(), ResourceKind.fromArmType("Microsoft.Compute/virtualMachines"));
        assertEquals(Optional.empty(), ResourceKind.fromArmType(null));
    }

    @Test
    void graphNamesAreMatchedExactly() {
        assertEquals(Optional.of(ResourceKind.PEERING), ResourceKind.fromGraphName("PEERED_WITH"));
        assertEquals(Optional.of(ResourceKind.SUBNET), ResourceKind.fromGraphName("Subnet"));
        assertEquals(Optional.empty(), ResourceKind.fromGraphName("subnet"));
        assertEquals(Optional.empty(), ResourceKind.fromGraphName(null));
    }

    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void everyKindIsFoundByItsArmTypeAndGraphName(ResourceKind kind) {
        assertEquals(Optional.of(kind), ResourceKind.fromArmType(kind.armType()));
        assertEquals(Optional.of(kind), ResourceKind.fromGraphName(kind.graphName()));
    }

    @Test
    void resourceTypeNamesItsKindAndRecord() {
        assertEquals("SUBNET (Subnet)", NetworkTypes.SUBNET.toString());
        assertEquals("AZURE_FIREWALL (AzureFirewall)", NetworkTypes.AZURE_FIREWALL.toString());
    }
}
