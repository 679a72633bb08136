package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The audits through real HTTP on the seeded reference topology. */
@QuarkusTest
class AuditApiTest {
    @Test
    void aseOneIsHealthyItsRouteSendsDependenciesStraightToTheInternet() {
        Gql.post("query($e: String!) { environmentHealth(environment: $e) { healthy status checks { name status decidedBy } } }", "e", "ase-one")
                .body("data.environmentHealth.healthy", equalTo(true))
                .body("data.environmentHealth.checks.name", hasItems("inbound-management", "outbound-route", "subnet-exclusive"))
                .body("data.environmentHealth.checks.find { it.name == 'outbound-route' }.decidedBy[0]", containsString("direct-internet"));
    }

    @Test
    void environmentsHealthAnswersForEveryAseAtOnce() {
        Gql.post("{ environmentsHealth { name healthy checks { name status } } }")
                .body("data.environmentsHealth.name", hasItems("ase-one", "ase-two"));
    }

    @Test
    void requiredAccessGivesTheSubnetRangeAndTheRuleToAddWhenTheDatabaseDeniesIt() {
        Gql.post("""
                query($f: String!, $t: String!) { requiredAccess(from: $f, to: $t, port: 1433) {
                  sourceRange sourceKind satisfied fixes { nsgName priority arm azCli terraform } verified } }""", "f", "ase-two", "t", "db-vm-nic")
                .body("data.requiredAccess.sourceRange", equalTo("10.0.1.64/26"))
                .body("data.requiredAccess.sourceKind", equalTo("SUBNET_RANGE"))
                .body("data.requiredAccess.satisfied", equalTo(false))
                .body("data.requiredAccess.fixes[0].nsgName", equalTo("db-nsg"))
                .body("data.requiredAccess.fixes[0].priority", equalTo(199))
                .body("data.requiredAccess.fixes[0].azCli", containsString("az network nsg rule create"))
                .body("data.requiredAccess.fixes[0].azCli", containsString("10.0.1.64/26"))
                .body("data.requiredAccess.fixes[0].terraform", containsString("azurerm_network_security_rule"))
                .body("data.requiredAccess.fixes[0].arm", containsString("\"priority\": 199"))
                .body("data.requiredAccess.verified", equalTo(true));
    }

    @Test
    void requiredAccessIsSatisfiedForTheVipAseTwoAdmits() {
        Gql.post("query($f: String!, $t: String!) { requiredAccess(from: $f, to: $t, port: 443) { sourceRange satisfied fixes { name } } }",
                "f", "ase-one", "t", "ase-two")
                .body("data.requiredAccess.sourceRange", equalTo("192.23.1.2/32"))
                .body("data.requiredAccess.satisfied", equalTo(true));
    }

    @Test
    void whoCanReachTheDatabaseListsAseOneAllowedAndAseTwoDenied() {
        Gql.post("query($t: String!) { whoCanReach(to: $t, port: 1433) { callerName callerKind verdict } }", "t", "db-vm-nic")
                .body("data.whoCanReach.find { it.callerName == 'ase-one' }.verdict", equalTo("ALLOWED"))
                .body("data.whoCanReach.find { it.callerName == 'ase-two' }.verdict", equalTo("DENIED"))
                .body("data.whoCanReach.find { it.callerName == 'app1' }.verdict", equalTo("ALLOWED"));
    }

    @Test
    void whoCanReachFiltersByVerdict() {
        Gql.post("query($t: String!) { whoCanReach(to: $t, port: 1433, verdicts: [DENIED]) { callerName verdict } }", "t", "db-vm-nic")
                .body("data.whoCanReach.verdict", everyItem(equalTo("DENIED")))
                .body("data.whoCanReach.callerName", hasItem("ase-two"))
                .body("data.whoCanReach.callerName", not(hasItem("ase-one")));
    }

    @Test
    void reachabilityMatrixGivesAVerdictAndSourceKindPerCell() {
        Gql.post("{ reachabilityMatrix(from: [\"ase-one\", \"ase-two\"], to: [\"db-vm-nic\", \"orders-api\"], port: 443) { from cells { to verdict sourceKind } } }")
                .body("data.reachabilityMatrix.from", contains("ase-one", "ase-two"))
                .body("data.reachabilityMatrix[0].cells.find { it.to == 'orders-api' }.verdict", equalTo("ALLOWED"))
                .body("data.reachabilityMatrix[0].cells.find { it.to == 'orders-api' }.sourceKind", equalTo("PUBLIC_VIP"))
                .body("data.reachabilityMatrix[0].cells.find { it.to == 'db-vm-nic' }.sourceKind", equalTo("SUBNET_RANGE"));
    }

    @Test
    void shadowedRulesOfTheReferenceNsgsAreAnAnswerEvenWhenEmpty() {
        Gql.post("query($n: String) { shadowedRules(nsg: $n) { nsgName rule coveredBy differentAction } }", "n", "ase-two-nsg")
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void exposuresReportsManagementPortsOpenToTheInternetOnlyWhereAnNsgAdmitsThem() {
        Gql.post("{ exposures(ports: [454, 1433]) { targetName port verdict admittedBy } }")
                .body("data.exposures.findAll { it.targetName == 'db-vm-nic' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void auditsRejectUnknownReferencesAndPortsOutOfRange() {
        Gql.post("{ whoCanReach(to: \"nothing-here\", port: 1433) { verdict } }")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        Gql.post("{ whoCanReach(to: \"db-vm-nic\", port: 70000) { verdict } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        Gql.post("{ environmentHealth(environment: \"db-vm-nic\") { healthy } }")
                .body("errors[0].extensions.code", invalidOrUnknown("INVALID_ARGUMENT"));
    }

    private static org.hamcrest.Matcher<Object> invalidOrUnknown(String code) {
        return org.hamcrest.Matchers.anyOf(equalTo(code), equalTo("UNKNOWN_REFERENCE"));
    }
}
