package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** flow, ipFlowVerify and effectiveSecurityRules through real HTTP on the seeded reference topology. */
@QuarkusTest
class FlowApiTest {
    static final String FLOW =
            """
            query($from: String!, $to: String!, $port: Int!, $protocol: Protocol) {
              flow(from: $from, to: $to, port: $port, protocol: $protocol) {
                verdict reason source { kind address addressRange } destination
                decisions { nsg appliedTo level direction verdict matches { rule priority access sourceRanges } }
                blockers { nsg } trace { node steps { type detail } } allowedSourceRanges deniedSourceRanges } }""";
    static final String VERIFY =
            """
            query($t: String!, $d: Direction!, $p: Protocol!, $la: String!, $lp: Int!, $ra: String!, $rp: Int!) {
              ipFlowVerify(target: $t, direction: $d, protocol: $p, localAddress: $la, localPort: $lp, remoteAddress: $ra, remotePort: $rp) {
                access ruleName nsg } }""";

    @Test
    void aseOneReachesAseTwoOn443BecauseItsNsgAdmitsTheVip() {
        Gql.post(FLOW, "from", "app1", "to", "orders-api", "port", 443)
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.source.kind", equalTo("PUBLIC_VIP"))
                .body("data.flow.source.address", equalTo("192.23.1.2"))
                .body("data.flow.decisions[0].level", equalTo("SUBNET"))
                .body("data.flow.decisions[0].direction", equalTo("INBOUND"))
                .body("data.flow.decisions[0].matches.rule", contains("securityRules/RESTRICT-HTTPS"))
                .body("data.flow.decisions[0].matches[0].sourceRanges", contains("192.23.1.2/32"))
                .body("data.flow.allowedSourceRanges", contains("10.0.1.0/26"))
                .body("data.flow.blockers", empty())
                .body("data.flow.trace[-1].steps.type", contains("FILTER", "DELIVER"));
    }

    @Test
    void aseOneToAseTwoOnAPortItsNsgDoesNotOpenIsDeniedByTheDefaultRule() {
        Gql.post(FLOW, "from", "ase-one", "to", "ase-two", "port", 21)
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.blockers.nsg", hasItem(containsString("ase-two-nsg")))
                .body("data.flow.decisions[0].matches.rule", contains("defaultSecurityRules/DenyAllInBound"))
                .body("data.flow.deniedSourceRanges", contains("10.0.1.0/26"))
                .body("data.flow.trace[-1].steps.type", hasItem("DROP"));
    }

    @Test
    void aseOneReachesTheDatabaseBecauseItsNsgAdmitsTheWholeAseSubnet() {
        Gql.post(FLOW, "from", "ase-one", "to", "db-vm-nic", "port", 1433)
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.source.kind", equalTo("SUBNET_RANGE"))
                .body("data.flow.decisions[0].level", equalTo("NETWORK_INTERFACE"))
                .body("data.flow.decisions[0].matches.rule", contains("securityRules/allow-sql-from-ase-one"))
                .body("data.flow.decisions[0].matches[0].sourceRanges", contains("10.0.1.0/26"));
    }

    @Test
    void aseTwoCallingTheDatabaseIsDeniedByTheVnetDenyAboveTheDefaultAllow() {
        Gql.post(FLOW, "from", "ase-two", "to", "db-vm-nic", "port", 1433)
                .body("data.flow.verdict", equalTo("DENIED"))
                .body("data.flow.decisions.direction", contains("OUTBOUND", "INBOUND"))
                .body("data.flow.decisions[0].matches.rule", contains("defaultSecurityRules/AllowVnetOutBound"))
                .body("data.flow.decisions[1].matches.rule", contains("securityRules/deny-sql-from-vnet"))
                .body("data.flow.blockers.nsg", contains(containsString("db-nsg")))
                .body("data.flow.deniedSourceRanges", contains("10.0.1.64/26"));
    }

    @Test
    void callIntoTheAsesOwnSubnetIsUnreachable() {
        Gql.post(FLOW, "from", "ase-one", "to", "10.0.1.20", "port", 80)
                .body("data.flow.verdict", equalTo("UNREACHABLE"))
                .body("data.flow.decisions", empty());
    }

    @Test
    void flowToAnInternetEndpointPassesTheDefaultOutboundRules() {
        Gql.post(FLOW, "from", "ase-one", "to", "azure-sql-westus", "port", 1433)
                .body("data.flow.verdict", equalTo("ALLOWED"))
                .body("data.flow.source.address", equalTo("192.23.1.2"));
    }

    @Test
    void flowRejectsAPortOutsideTheRange() {
        Gql.post(FLOW, "from", "ase-one", "to", "db-vm-nic", "port", 70000)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("70000"));
    }

    @Test
    void flowRejectsAnUnknownProtocolAsAValidationError() {
        Gql.post("{ flow(from: \"ase-one\", to: \"db-vm-nic\", port: 1, protocol: GRE) { verdict } }")
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
    }

    @Test
    void flowWithAnUnknownReferenceNamesIt() {
        Gql.post(FLOW, "from", "ase-nine", "to", "db-vm-nic", "port", 1433)
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"))
                .body("errors[0].message", containsString("ase-nine"));
    }

    @Test
    void ipFlowVerifyAdmitsTheVipOn443() {
        Gql.post(
                        VERIFY,
                        "t",
                        "ase-two-subnet",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.1.70",
                        "lp",
                        443,
                        "ra",
                        "192.23.1.2",
                        "rp",
                        50000)
                .body("data.ipFlowVerify.access", equalTo("ALLOW"))
                .body("data.ipFlowVerify.ruleName", equalTo("securityRules/RESTRICT-HTTPS"));
    }

    @Test
    void ipFlowVerifyDeniesAnyOtherPublicAddressOn443() {
        Gql.post(
                        VERIFY,
                        "t",
                        "ase-two-subnet",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.1.70",
                        "lp",
                        443,
                        "ra",
                        "198.51.100.7",
                        "rp",
                        50000)
                .body("data.ipFlowVerify.access", equalTo("DENY"))
                .body("data.ipFlowVerify.ruleName", equalTo("defaultSecurityRules/DenyAllInBound"));
    }

    @Test
    void ipFlowVerifyAdmitsManagementFromTheInternet() {
        Gql.post(
                        VERIFY,
                        "t",
                        "ase-two-subnet",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.1.70",
                        "lp",
                        454,
                        "ra",
                        "70.37.57.58",
                        "rp",
                        50000)
                .body("data.ipFlowVerify.access", equalTo("ALLOW"))
                .body("data.ipFlowVerify.ruleName", equalTo("securityRules/ALLOW-AzureMngmt"));
    }

    @Test
    void ipFlowVerifyOutboundToTheInternetIsAllowedByTheDefaultRule() {
        Gql.post(
                        VERIFY,
                        "t",
                        "db-vm-nic",
                        "d",
                        "OUTBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.2.4",
                        "lp",
                        60000,
                        "ra",
                        "13.107.21.200",
                        "rp",
                        80)
                .body("data.ipFlowVerify.access", equalTo("ALLOW"))
                .body("data.ipFlowVerify.ruleName", equalTo("defaultSecurityRules/AllowInternetOutBound"));
    }

    @Test
    void ipFlowVerifyOutboundToUnroutedPrivateSpaceIsDeniedByTheDefaultRule() {
        Gql.post(
                        VERIFY,
                        "t",
                        "db-vm-nic",
                        "d",
                        "OUTBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.2.4",
                        "lp",
                        60000,
                        "ra",
                        "172.31.0.100",
                        "rp",
                        80)
                .body("data.ipFlowVerify.access", equalTo("DENY"))
                .body("data.ipFlowVerify.ruleName", equalTo("defaultSecurityRules/DenyAllOutBound"));
    }

    @Test
    void ipFlowVerifyRejectsALocalAddressThatIsNotTheTargets() {
        Gql.post(
                        VERIFY,
                        "t",
                        "db-vm-nic",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.2.5",
                        "lp",
                        1433,
                        "ra",
                        "10.0.1.5",
                        "rp",
                        50000)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("10.0.2.4"));
    }

    @Test
    void ipFlowVerifyRejectsAPortOutsideTheRangeAndAMalformedAddress() {
        Gql.post(
                        VERIFY,
                        "t",
                        "db-vm-nic",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.2.4",
                        "lp",
                        -1,
                        "ra",
                        "10.0.1.5",
                        "rp",
                        50000)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        Gql.post(
                        VERIFY,
                        "t",
                        "db-vm-nic",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.2.4",
                        "lp",
                        1433,
                        "ra",
                        "10.0.1",
                        "rp",
                        50000)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void ipFlowVerifyTakesOnlyANicOrASubnet() {
        Gql.post(
                        VERIFY,
                        "t",
                        "ase-vnet",
                        "d",
                        "INBOUND",
                        "p",
                        "TCP",
                        "la",
                        "10.0.2.4",
                        "lp",
                        1433,
                        "ra",
                        "10.0.1.5",
                        "rp",
                        50000)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void effectiveSecurityRulesListTheNicRulesInOrderWithTagsExpanded() {
        Gql.post(
                        "query($t: String!) { effectiveSecurityRules(target: $t) { name direction priority sourceAddressPrefixes expandedSourceAddressPrefixes expandedDestinationAddressPrefixes destinationPortRanges level } }",
                        "t",
                        "db-vm-nic")
                .body(
                        "data.effectiveSecurityRules.findAll { it.direction == 'INBOUND' }.name",
                        contains(
                                "securityRules/allow-sql-from-ase-one",
                                "securityRules/deny-sql-from-vnet",
                                "defaultSecurityRules/AllowVnetInBound",
                                "defaultSecurityRules/AllowAzureLoadBalancerInBound",
                                "defaultSecurityRules/DenyAllInBound"))
                .body(
                        "data.effectiveSecurityRules.find { it.name == 'securityRules/deny-sql-from-vnet' }.expandedSourceAddressPrefixes",
                        hasItems("10.0.0.0/16", "168.63.129.16/32", "192.168.0.0/16"))
                .body(
                        "data.effectiveSecurityRules.find { it.name == 'defaultSecurityRules/AllowInternetOutBound' }.expandedDestinationAddressPrefixes",
                        hasItems("1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6"))
                .body(
                        "data.effectiveSecurityRules.find { it.name == 'defaultSecurityRules/DenyAllInBound' }.destinationPortRanges",
                        contains("0-65535"));
    }

    @Test
    void effectiveSecurityRulesOfASubnetWithoutAnNsgAreEmpty() {
        Gql.post("query($t: String!) { effectiveSecurityRules(target: $t) { name } }", "t", "ase-one-subnet")
                .body("data.effectiveSecurityRules", empty());
    }
}
