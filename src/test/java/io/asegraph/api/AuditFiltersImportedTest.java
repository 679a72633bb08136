package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filters over an imported NSG attached to nothing, with a rule naming a service tag that is not imported: the rule
 * is never silently matched or excluded by an address filter — it is listed as undetermined, naming the tag.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class AuditFiltersImportedTest {
    static final String NSG = "auditfilters-orphan-nsg";
    static final String DOCUMENT =
            """
            [{"id": "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/auditfilters-rg/providers/Microsoft.Network/networkSecurityGroups/auditfilters-orphan-nsg",
              "name": "auditfilters-orphan-nsg", "type": "Microsoft.Network/networkSecurityGroups", "location": "westus",
              "properties": {"securityRules": [
                {"name": "allow-tagged-ssh", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
                  "protocol": "Tcp", "sourceAddressPrefix": "AuditFiltersAdmins", "sourcePortRange": "*",
                  "destinationAddressPrefix": "*", "destinationPortRange": "22"}},
                {"name": "allow-internet-rdp", "properties": {"priority": 110, "direction": "Inbound", "access": "Allow",
                  "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*",
                  "destinationAddressPrefix": "*", "destinationPortRange": "3389"}}]}}]""";

    @BeforeEach
    void importOrphanNsg() {
        Gql.post("mutation($d: String!) { importResources(document: $d) { created updated unchanged } }", "d", DOCUMENT)
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRuleNamingATagNotImportedIsUndeterminedNeverMatchedNorExcluded() {
        Gql.post(
                        """
                query($n: String!) { securityRulesConnection(where: {networkSecurityGroup: {name: {eq: $n}},
                    sourceAddresses: {overlaps: "Internet"}}) {
                  totalCount edges { node { name } } undetermined { rule { name } causes } } }""",
                        "n",
                        NSG)
                .body("data.securityRulesConnection.totalCount", equalTo(1))
                .body("data.securityRulesConnection.edges.node.name", contains("allow-internet-rdp"))
                .body("data.securityRulesConnection.undetermined.rule.name", contains("allow-tagged-ssh"))
                .body(
                        "data.securityRulesConnection.undetermined[0].causes",
                        hasItem(equalTo("source: service tag 'AuditFiltersAdmins' is not imported")));
        // NOT of undetermined is undetermined: the rule is not listed as "does not overlap the Internet" either
        Gql.post(
                        """
                query($n: String!) { securityRulesConnection(where: {networkSecurityGroup: {name: {eq: $n}},
                    NOT: {sourceAddresses: {overlaps: "Internet"}}}) {
                  totalCount edges { node { name } } undetermined { rule { name } } } }""",
                        "n",
                        NSG)
                .body("data.securityRulesConnection.totalCount", equalTo(0))
                .body("data.securityRulesConnection.edges", empty())
                .body("data.securityRulesConnection.undetermined.rule.name", contains("allow-tagged-ssh"));
        // a condition the resolved part decides is decided: port 3389 excludes the tagged rule whatever the tag holds
        Gql.post(
                        """
                query($n: String!) { securityRulesConnection(where: {networkSecurityGroup: {name: {eq: $n}},
                    destinationPorts: {includes: 3389}, sourceAddresses: {overlaps: "Internet"}}) {
                  totalCount undetermined { rule { name } } } }""",
                        "n",
                        NSG)
                .body("data.securityRulesConnection.totalCount", equalTo(1))
                .body("data.securityRulesConnection.undetermined", empty());
    }

    @Test
    void aTagNotImportedIsRejectedAsAFilterValueNamingTheField() {
        Gql.post("{ securityRules(where: {sourceAddresses: {within: \"AuditFiltersAdmins\"}}) { name } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("where.sourceAddresses.within"))
                .body("errors[0].message", containsString("AuditFiltersAdmins"));
    }

    @Test
    void theNsgAttachedToNothingIsFoundByItsEmptyRelations() {
        Gql.post(
                        """
                query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}, appliedToSubnets: {none: {}},
                    appliedToNetworkInterfaces: {none: {}}}) { name securityRules { name shadowed } } }""",
                        "n",
                        NSG)
                .body("data.networkSecurityGroups.name", contains(NSG))
                .body(
                        "data.networkSecurityGroups[0].securityRules.name",
                        contains("allow-tagged-ssh", "allow-internet-rdp"));
        Gql.post(
                        "query($n: String!) { networkSecurityGroups(where: {name: {eq: $n}, appliedToSubnets: {some: {}}}) { name } }",
                        "n",
                        NSG)
                .body("data.networkSecurityGroups", empty());
    }
}
