package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The three renderings of a firewall fix, written out by hand from the formats' documentation: the classic network
 * rule collection as it sits in an {@code azureFirewalls} resource's {@code networkRuleCollections}, a policy's
 * {@code ruleCollectionGroups} child resource, the az commands and the Terraform resources; and the fix record's own
 * rules (a place or a problem, the protocol names Azure Firewall knows).
 */
class FirewallRuleFixFormatsTest {
    private static final String RG =
            "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers/Microsoft.Network";
    private static final ResourceId FIREWALL = ResourceId.of(RG + "/azureFirewalls/hub-fw");
    private static final ResourceId POLICY = ResourceId.of(RG + "/firewallPolicies/access-policy");
    private static final String DESCRIPTION = "Allow locked-ase to reach api-nic on TCP 443 (asegraph requiredAccess)";

    /** A classic fix: a new network rule collection of hub-fw at 65000. */
    private static FirewallRuleFix classic(Protocol protocol, String port) {
        return new FirewallRuleFix(
                FIREWALL,
                "hub-fw",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "allow-locked-ase-443",
                Optional.of(65000),
                "allow-locked-ase-443",
                protocol,
                List.of("10.200.0.128/25"),
                List.of("10.201.0.10/32"),
                port,
                List.of("(no rule matches) (the implicit deny)"),
                DESCRIPTION,
                Optional.empty());
    }

    /** A policy fix: a new group of access-policy at 299 holding one collection at 100. */
    private static FirewallRuleFix policy() {
        return new FirewallRuleFix(
                FIREWALL,
                "hub-fw",
                Optional.of(POLICY),
                Optional.of("allow-locked-ase-443"),
                Optional.of(299),
                "allow-locked-ase-443",
                Optional.of(100),
                "allow-locked-ase-443",
                Protocol.TCP,
                List.of("10.200.0.128/25", "10.200.0.64/26"),
                List.of("10.201.0.10/32"),
                "443",
                List.of("back-half-quarantine/no-back-half-to-spoke2 (priority 100)"),
                DESCRIPTION,
                Optional.empty());
    }

    /** A fix of the given shape: policy or classic, with or without priorities, with or without a problem. */
    private static FirewallRuleFix shaped(
            Optional<ResourceId> policy,
            Optional<Integer> groupPriority,
            Optional<Integer> collectionPriority,
            Optional<String> problem) {
        return new FirewallRuleFix(
                FIREWALL,
                "hub-fw",
                policy,
                policy.map(p -> "allow-locked-ase-443"),
                groupPriority,
                "allow-locked-ase-443",
                collectionPriority,
                "allow-locked-ase-443",
                Protocol.TCP,
                List.of("10.200.0.0/26"),
                List.of("10.201.0.10/32"),
                "443",
                List.of(),
                DESCRIPTION,
                problem);
    }

    private static FirewallRuleFix unplaced(Optional<ResourceId> policy) {
        return shaped(
                policy, Optional.empty(), Optional.empty(), Optional.of("change that rule in the parent policy."));
    }

    @Test
    void theClassicArmTextIsTheNetworkRuleCollectionAsTheFirewallHoldsIt() {
        assertEquals(
                """
                {
                  "name": "allow-locked-ase-443",
                  "properties": {
                    "priority": 65000,
                    "action": {
                      "type": "Allow"
                    },
                    "rules": [
                      {
                        "name": "allow-locked-ase-443",
                        "description": "Allow locked-ase to reach api-nic on TCP 443 (asegraph requiredAccess)",
                        "protocols": ["TCP"],
                        "sourceAddresses": ["10.200.0.128/25"],
                        "destinationAddresses": ["10.201.0.10/32"],
                        "destinationPorts": ["443"]
                      }
                    ]
                  }
                }""",
                FirewallRuleFixFormats.arm(classic(Protocol.TCP, "443")).orElseThrow());
    }

    @Test
    void thePolicyArmTextIsARuleCollectionGroupWithOneFilterCollection() {
        assertEquals(
                """
                {
                  "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
                  "apiVersion": "2023-09-01",
                  "name": "access-policy/allow-locked-ase-443",
                  "properties": {
                    "priority": 299,
                    "ruleCollections": [
                      {
                        "ruleCollectionType": "FirewallPolicyFilterRuleCollection",
                        "name": "allow-locked-ase-443",
                        "priority": 100,
                        "action": {
                          "type": "Allow"
                        },
                        "rules": [
                          {
                            "ruleType": "NetworkRule",
                            "name": "allow-locked-ase-443",
                            "description": "Allow locked-ase to reach api-nic on TCP 443 (asegraph requiredAccess)",
                            "ipProtocols": ["TCP"],
                            "sourceAddresses": ["10.200.0.128/25", "10.200.0.64/26"],
                            "destinationAddresses": ["10.201.0.10/32"],
                            "destinationPorts": ["443"]
                          }
                        ]
                      }
                    ]
                  }
                }""",
                FirewallRuleFixFormats.arm(policy()).orElseThrow());
    }

    @Test
    void theClassicAzCommandCreatesTheCollectionWithItsRule() {
        assertEquals(
                "az network firewall network-rule create --subscription 22222222-0000-0000-0000-000000000000"
                        + " --resource-group hub-rg --firewall-name hub-fw --collection-name allow-locked-ase-443"
                        + " --priority 65000 --action Allow --name allow-locked-ase-443 --protocols Any"
                        + " --source-addresses 10.200.0.128/25 --destination-addresses 10.201.0.10/32"
                        + " --destination-ports 443 --description 'Allow locked-ase to reach api-nic on TCP 443"
                        + " (asegraph requiredAccess)'",
                FirewallRuleFixFormats.azCli(classic(Protocol.ANY, "443")).orElseThrow());
    }

    @Test
    void thePolicyAzCommandsCreateTheGroupThenAddTheFilterCollection() {
        assertEquals(
                "az network firewall policy rule-collection-group create --subscription"
                        + " 22222222-0000-0000-0000-000000000000 --resource-group hub-rg --policy-name access-policy"
                        + " --name allow-locked-ase-443 --priority 299\n"
                        + "az network firewall policy rule-collection-group collection add-filter-collection"
                        + " --subscription 22222222-0000-0000-0000-000000000000 --resource-group hub-rg --policy-name"
                        + " access-policy --rule-collection-group-name allow-locked-ase-443 --name"
                        + " allow-locked-ase-443 --collection-priority 100 --action Allow --rule-type NetworkRule"
                        + " --rule-name allow-locked-ase-443 --ip-protocols TCP --source-addresses 10.200.0.128/25"
                        + " 10.200.0.64/26 --destination-addresses 10.201.0.10/32 --destination-ports 443"
                        + " --description 'Allow locked-ase to reach api-nic on TCP 443 (asegraph requiredAccess)'",
                FirewallRuleFixFormats.azCli(policy()).orElseThrow());
    }

    @Test
    void theClassicTerraformIsAnAzurermFirewallNetworkRuleCollection() {
        assertEquals(
                """
                resource "azurerm_firewall_network_rule_collection" "allow_locked_ase_443" {
                  name                = "allow-locked-ase-443"
                  azure_firewall_name = "hub-fw"
                  resource_group_name = "hub-rg"
                  priority            = 65000
                  action              = "Allow"

                  rule {
                    name                  = "allow-locked-ase-443"
                    description           = "Allow locked-ase to reach api-nic on TCP 443 (asegraph requiredAccess)"
                    protocols             = ["UDP"]
                    source_addresses      = ["10.200.0.128/25"]
                    destination_addresses = ["10.201.0.10/32"]
                    destination_ports     = ["*"]
                  }
                }""",
                FirewallRuleFixFormats.terraform(classic(Protocol.UDP, "*")).orElseThrow());
    }

    @Test
    void thePolicyTerraformIsARuleCollectionGroupWithANetworkRuleCollection() {
        assertEquals(
                """
                resource "azurerm_firewall_policy_rule_collection_group" "allow_locked_ase_443" {
                  name               = "allow-locked-ase-443"
                  firewall_policy_id = "%s"
                  priority           = 299

                  network_rule_collection {
                    name     = "allow-locked-ase-443"
                    priority = 100
                    action   = "Allow"

                    rule {
                      name                  = "allow-locked-ase-443"
                      description           = "Allow locked-ase to reach api-nic on TCP 443 (asegraph requiredAccess)"
                      protocols             = ["TCP"]
                      source_addresses      = ["10.200.0.128/25", "10.200.0.64/26"]
                      destination_addresses = ["10.201.0.10/32"]
                      destination_ports     = ["443"]
                    }
                  }
                }"""
                        .formatted(POLICY.value()),
                FirewallRuleFixFormats.terraform(policy()).orElseThrow());
    }

    @Test
    void aFixWithoutAPlaceHasNoTextsEitherWay() {
        for (Optional<ResourceId> p : List.of(Optional.<ResourceId>empty(), Optional.of(POLICY))) {
            FirewallRuleFix f = unplaced(p);
            assertFalse(f.placed());
            assertEquals(Optional.empty(), FirewallRuleFixFormats.arm(f));
            assertEquals(Optional.empty(), FirewallRuleFixFormats.azCli(f));
            assertEquals(Optional.empty(), FirewallRuleFixFormats.terraform(f));
        }
        assertTrue(policy().placed());
    }

    @Test
    void theProtocolIsNamedAsANetworkRuleNamesIt() {
        assertEquals("TCP", classic(Protocol.TCP, "443").firewallProtocol());
        assertEquals("UDP", classic(Protocol.UDP, "443").firewallProtocol());
        assertEquals("ICMP", classic(Protocol.ICMP, "*").firewallProtocol());
        assertEquals("Any", classic(Protocol.ANY, "443").firewallProtocol());
        // ESP and AH have no network rule name: the record keeps the protocol's own, the planner gives no place.
        assertEquals("AH", classic(Protocol.AH, "*").firewallProtocol());
        assertEquals(Optional.empty(), FirewallRuleFix.firewallProtocol(Protocol.ESP));
        assertEquals(Optional.empty(), FirewallRuleFix.firewallProtocol(Protocol.AH));
    }

    @Test
    void aFixHasEitherAPlaceOrAProblemAndAPlacedPolicyFixHasAGroupPriority() {
        Optional<ResourceId> none = Optional.empty();
        Optional<ResourceId> policy = Optional.of(POLICY);
        Optional<Integer> at = Optional.of(100);
        Optional<String> problem = Optional.of("x");
        assertThrows(IllegalArgumentException.class, () -> shaped(none, Optional.empty(), at, problem));
        assertThrows(
                IllegalArgumentException.class,
                () -> shaped(none, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> shaped(policy, Optional.empty(), at, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> shaped(policy, Optional.of(299), Optional.empty(), problem));
        // A classic fix has no group priority to match: placed without one is fine.
        assertTrue(shaped(none, Optional.empty(), at, Optional.empty()).placed());
        assertTrue(shaped(policy, Optional.of(299), at, Optional.empty()).placed());
    }
}
