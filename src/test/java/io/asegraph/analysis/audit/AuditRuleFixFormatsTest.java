package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NsgLevel;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three renderings of a fix: ARM JSON, az CLI, Terraform; singular and plural prefix fields. */
class AuditRuleFixFormatsTest {
    private static RuleFix fix(List<String> sources) {
        return new RuleFix(
                ResourceId.of(ReferenceTopology.DB_NSG),
                "db-nsg",
                ResourceId.of(ReferenceTopology.DB_NIC),
                NsgLevel.NETWORK_INTERFACE,
                Direction.INBOUND,
                "allow-orders-api-1433",
                Optional.of(199),
                Protocol.TCP,
                sources,
                List.of("10.0.2.4/32"),
                "1433",
                List.of("securityRules/deny-sql-from-vnet (priority 200)"),
                "Allow orders-api to reach db-vm-nic on TCP 1433 (asegraph requiredAccess)",
                Optional.empty());
    }

    @Test
    void armUsesTheSingularFieldsForOnePrefix() {
        assertEquals(
                """
                {
                  "type": "Microsoft.Network/networkSecurityGroups/securityRules",
                  "apiVersion": "2023-09-01",
                  "name": "db-nsg/allow-orders-api-1433",
                  "properties": {
                    "description": "Allow orders-api to reach db-vm-nic on TCP 1433 (asegraph requiredAccess)",
                    "protocol": "Tcp",
                    "sourcePortRange": "*",
                    "destinationPortRange": "1433",
                    "sourceAddressPrefix": "10.0.1.64/26",
                    "destinationAddressPrefix": "10.0.2.4/32",
                    "access": "Allow",
                    "priority": 199,
                    "direction": "Inbound"
                  }
                }""",
                RuleFixFormats.arm(fix(List.of("10.0.1.64/26"))).orElseThrow());
    }

    @Test
    void armUsesThePluralFieldForSeveralPrefixes() {
        String arm = RuleFixFormats.arm(fix(List.of("192.23.1.2/32", "192.23.1.3/32")))
                .orElseThrow();
        assertEquals(true, arm.contains("\"sourceAddressPrefixes\": [\"192.23.1.2/32\", \"192.23.1.3/32\"],"), arm);
    }

    @Test
    void azCliNamesSubscriptionResourceGroupAndNsg() {
        assertEquals(
                "az network nsg rule create --subscription 00000000-0000-0000-0000-000000000000 --resource-group ase-rg"
                        + " --nsg-name db-nsg --name allow-orders-api-1433 --priority 199 --direction Inbound --access Allow"
                        + " --protocol Tcp --source-address-prefixes 10.0.1.64/26 --source-port-ranges '*'"
                        + " --destination-address-prefixes 10.0.2.4/32 --destination-port-ranges 1433"
                        + " --description 'Allow orders-api to reach db-vm-nic on TCP 1433 (asegraph requiredAccess)'",
                RuleFixFormats.azCli(fix(List.of("10.0.1.64/26"))).orElseThrow());
    }

    @Test
    void terraformIsAnAzurermNetworkSecurityRule() {
        assertEquals(
                """
                resource "azurerm_network_security_rule" "allow_orders_api_1433" {
                  name                        = "allow-orders-api-1433"
                  resource_group_name         = "ase-rg"
                  network_security_group_name = "db-nsg"
                  priority                    = 199
                  direction                   = "Inbound"
                  access                      = "Allow"
                  protocol                    = "Tcp"
                  source_port_range           = "*"
                  destination_port_range      = "1433"
                  source_address_prefixes     = ["192.23.1.2/32", "192.23.1.3/32"]
                  destination_address_prefix  = "10.0.2.4/32"
                  description                 = "Allow orders-api to reach db-vm-nic on TCP 1433 (asegraph requiredAccess)"
                }""",
                RuleFixFormats.terraform(fix(List.of("192.23.1.2/32", "192.23.1.3/32")))
                        .orElseThrow());
    }

    @Test
    void shellAndJsonQuotingAreSafe() {
        assertEquals("'it'\"'\"'s'", RuleFixFormats.shell("it's"));
        assertEquals("\"a\\\"b\\\\c\"", RuleFixFormats.json("a\"b\\c"));
        assertEquals("\"$${x}\"", RuleFixFormats.hcl("${x}"));
        assertEquals("<resource-group>", RuleFixFormats.resourceGroup(ResourceId.of("/asegraph/endpoints/x")));
    }
}
