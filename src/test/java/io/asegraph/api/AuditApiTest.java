package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audits through real HTTP on the seeded reference topology. Other tests may import estates of their own into the
 * same store, so estate-wide answers are checked on the reference resources, never by their total size.
 */
@QuarkusTest
class AuditApiTest {
    static final String HEALTH =
            """
            query($e: String!) { environmentHealth(environment: $e) {
              environment name kind healthy status checks { name status requirement detail decidedBy } } }""";
    static final String ACCESS =
            """
            query($from: String!, $to: String!, $port: Int!) { requiredAccess(from: $from, to: $to, port: $port) {
              sourceKind sourceRange sourceRanges satisfied verdict reason verified deniedSourceRanges
              rule { nsgName direction level name priority sourceAddressPrefixes destinationAddressPrefixes destinationPortRange
                     overrides arm azCli terraform }
              fixes { nsgName priority } flow { verdict } } }""";
    static final String WHO =
            """
            query($to: String!, $port: Int!, $verdicts: [Verdict]) { whoCanReach(to: $to, port: $port, verdicts: $verdicts) {
              caller callerName callerKind verdict sourceKind sourceRanges allowedSourceRanges deniedSourceRanges } }""";

    @Test
    void aseTwoIsHealthyAndEachCheckNamesWhatDecided() {
        Gql.post(HEALTH, "e", "ase-two")
                .body("data.environmentHealth.name", equalTo("ase-two"))
                .body("data.environmentHealth.kind", equalTo("ASEV1"))
                .body("data.environmentHealth.healthy", equalTo(true))
                .body("data.environmentHealth.status", equalTo("PASS"))
                .body(
                        "data.environmentHealth.checks.name",
                        contains(
                                "inbound-management",
                                "outbound-storage",
                                "outbound-sql",
                                "outbound-dns",
                                "outbound-route",
                                "subnet-exclusive"))
                .body(
                        "data.environmentHealth.checks[0].decidedBy",
                        contains("ase-two-nsg securityRules/ALLOW-AzureMngmt"))
                .body(
                        "data.environmentHealth.checks[4].decidedBy",
                        contains("0.0.0.0/0 → Internet (system default route)"));
    }

    @Test
    void anAppNamesItsAseAndTheUserRouteDecidesAseOnesEgress() {
        Gql.post(HEALTH, "e", "app1.ase-one.p.azurewebsites.net")
                .body("data.environmentHealth.name", equalTo("ase-one"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.decidedBy",
                        contains("0.0.0.0/0 → Internet (user route direct-internet in ase-one-routes)"));
    }

    @Test
    void healthOfSomethingThatIsNotAnAseIsAnInvalidArgumentAndOfNothingAnUnknownReference() {
        Gql.post(HEALTH, "e", "db-nsg").body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        Gql.post(HEALTH, "e", "no-such-ase").body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void environmentsHealthAnswersForEveryAseAndFiltersTheUnhealthy() {
        Gql.post("query { environmentsHealth { name healthy status } }")
                .body("data.environmentsHealth.name", hasItems("ase-one", "ase-two"))
                .body(
                        "data.environmentsHealth.findAll { it.name.startsWith('ase-') }.healthy",
                        everyItem(equalTo(true)));
        Gql.post("query { environmentsHealth(healthy: false) { name healthy } }")
                .body("data.environmentsHealth.name", not(hasItem("ase-two")))
                .body("data.environmentsHealth.healthy", everyItem(equalTo(false)));
    }

    @Test
    void aseTwoToTheDatabaseNeedsItsSubnetAdmittedAndGetsTheRuleInThreeForms() {
        Gql.post(ACCESS, "from", "orders-api", "to", "db-vm-nic", "port", 1433)
                .body("data.requiredAccess.sourceKind", equalTo("SUBNET_RANGE"))
                .body("data.requiredAccess.sourceRange", equalTo("10.0.1.64/26"))
                .body("data.requiredAccess.satisfied", equalTo(false))
                .body("data.requiredAccess.verdict", equalTo("DENIED"))
                .body("data.requiredAccess.verified", equalTo(true))
                .body("data.requiredAccess.rule.nsgName", equalTo("db-nsg"))
                .body("data.requiredAccess.rule.direction", equalTo("INBOUND"))
                .body("data.requiredAccess.rule.level", equalTo("NETWORK_INTERFACE"))
                .body("data.requiredAccess.deniedSourceRanges", contains("10.0.1.64/26"))
                .body("data.requiredAccess.rule.priority", equalTo(199))
                .body("data.requiredAccess.rule.sourceAddressPrefixes", contains("10.0.1.64/26"))
                .body("data.requiredAccess.rule.destinationAddressPrefixes", contains("10.0.2.4/32"))
                .body("data.requiredAccess.rule.overrides", contains("securityRules/deny-sql-from-vnet (priority 200)"))
                .body("data.requiredAccess.rule.arm", containsString("\"priority\": 199"))
                .body("data.requiredAccess.rule.azCli", startsWith("az network nsg rule create"))
                .body("data.requiredAccess.rule.azCli", containsString("--nsg-name db-nsg"))
                .body("data.requiredAccess.rule.terraform", startsWith("resource \"azurerm_network_security_rule\""))
                .body("data.requiredAccess.fixes.nsgName", contains("db-nsg"))
                .body("data.requiredAccess.flow.verdict", equalTo("DENIED"));
    }

    @Test
    void aCrossAseCallIsAdmittedFromTheCallersVip() {
        Gql.post(ACCESS, "from", "app2", "to", "orders.contoso.com", "port", 443)
                .body("data.requiredAccess.sourceKind", equalTo("PUBLIC_VIP"))
                .body("data.requiredAccess.sourceRange", equalTo("192.23.1.2/32"))
                .body("data.requiredAccess.satisfied", equalTo(true))
                .body("data.requiredAccess.rule", nullValue())
                .body("data.requiredAccess.fixes", empty())
                .body("data.requiredAccess.verified", nullValue());
    }

    @Test
    void anUnreachableCallHasNoRangeToAdmit() {
        Gql.post(ACCESS, "from", "ase-one", "to", "10.0.1.20", "port", 80)
                .body("data.requiredAccess.sourceKind", equalTo("UNREACHABLE"))
                .body("data.requiredAccess.sourceRange", equalTo("UNREACHABLE"))
                .body("data.requiredAccess.sourceRanges", empty())
                .body("data.requiredAccess.satisfied", equalTo(false));
    }

    @Test
    void requiredAccessRejectsBadPortsAndUnknownReferences() {
        Gql.post(ACCESS, "from", "app1", "to", "db-vm-nic", "port", 70000)
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        Gql.post(ACCESS, "from", "no-such-app", "to", "db-vm-nic", "port", 1433)
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void whoCanReachTheDatabaseListsEveryAseAppAndNicButItselfWithItsVerdict() {
        Gql.post(WHO, "to", "db-vm-nic", "port", 1433)
                .body("data.whoCanReach.find { it.callerName == 'ase-one' }.verdict", equalTo("ALLOWED"))
                .body(
                        "data.whoCanReach.find { it.callerName == 'ase-one' }.callerKind",
                        equalTo("APP_SERVICE_ENVIRONMENT"))
                .body("data.whoCanReach.find { it.callerName == 'ase-one' }.sourceRanges", contains("10.0.1.0/26"))
                .body("data.whoCanReach.find { it.callerName == 'app1' }.verdict", equalTo("ALLOWED"))
                .body("data.whoCanReach.find { it.callerName == 'app1' }.callerKind", equalTo("APP"))
                .body("data.whoCanReach.find { it.callerName == 'orders-api' }.verdict", equalTo("DENIED"))
                .body(
                        "data.whoCanReach.find { it.callerName == 'orders-api' }.deniedSourceRanges",
                        contains("10.0.1.64/26"))
                .body("data.whoCanReach.callerName", not(hasItem("db-vm-nic")));
        // Named by its address, the database is not its own caller either.
        Gql.post(WHO, "to", "10.0.2.4", "port", 1433).body("data.whoCanReach.callerName", not(hasItem("db-vm-nic")));
    }

    @Test
    void whoCanReachFiltersByVerdictAndExplainsARowOnDemand() {
        Gql.post(WHO, "to", "db-vm-nic", "port", 1433, "verdicts", List.of("DENIED"))
                .body("data.whoCanReach.callerName", hasItems("ase-two", "orders-api"))
                .body("data.whoCanReach.callerName", not(hasItem("ase-one")))
                .body("data.whoCanReach.verdict", everyItem(equalTo("DENIED")));
        Gql.post(
                        """
                query { whoCanReach(to: "db-vm-nic", port: 1433, verdicts: [DENIED]) {
                  callerName callerKind verdict reason flow { verdict reason blockers { nsg } } } }""")
                .body(
                        "data.whoCanReach.find { it.callerName == 'ase-two' }.reason",
                        containsString("deny-sql-from-vnet"))
                .body("data.whoCanReach.find { it.callerName == 'ase-two' }.flow.verdict", equalTo("DENIED"))
                .body(
                        "data.whoCanReach.find { it.callerName == 'ase-two' }.flow.reason",
                        containsString("deny-sql-from-vnet"));
    }

    @Test
    void whoCanReachRejectsABadPort() {
        Gql.post(WHO, "to", "db-vm-nic", "port", -1).body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void theReferenceNsgsHaveNoShadowedUserRules() {
        Gql.post("query { shadowedRules(nsg: \"db-nsg\") { rule } }").body("data.shadowedRules", empty());
        Gql.post("query { shadowedRules { nsgName rule } }")
                .body("data.shadowedRules.nsgName", not(hasItems("db-nsg", "ase-two-nsg")));
        Gql.post("query { shadowedRules(nsg: \"app1\") { rule } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        Gql.post("query { shadowedRules(nsg: \"nothing-by-this-name\") { rule } }")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void anAseWithoutAnNsgIsExposedOnlyOnItsFrontEndPortsNotOn22Or3389Or1433() {
        Gql.post("query { exposures { targetName port } }")
                .body("data.exposures.targetName", not(hasItem("ase-one")))
                .body("data.exposures.targetName", not(hasItem("ase-two")));
        Gql.post("query { exposures(ports: [22, 80, 443, 454, 1433, 3389]) {"
                        + " targetName port verdict exposedSummary warnings } }")
                .body("data.exposures.findAll { it.targetName == 'ase-one' }.port", contains(80, 443, 454))
                .body("data.exposures.findAll { it.targetName == 'ase-one' }.verdict", everyItem(equalTo("ALLOWED")))
                .body(
                        "data.exposures.find { it.targetName == 'ase-one' }.exposedSummary",
                        equalTo("every Internet source"));
    }

    @Test
    void aseTwoAdmitsHttpsOnlyFromAseOnesVip() {
        Gql.post("query { exposures(ports: [443]) { targetName verdict exposedSources admittedBy } }")
                .body("data.exposures.find { it.targetName == 'ase-two' }.verdict", equalTo("PARTIAL"))
                .body("data.exposures.find { it.targetName == 'ase-two' }.exposedSources", contains("192.23.1.2/32"))
                .body(
                        "data.exposures.find { it.targetName == 'ase-two' }.admittedBy",
                        contains("ase-two-nsg securityRules/RESTRICT-HTTPS"));
        Gql.post("query { exposures(ports: [22, 65536]) { port } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        Gql.post("query { exposures(ports: []) { port } }").body("data.exposures", empty());
    }

    @Test
    void theMatrixGivesVerdictsAndSourceKindsPerCallerAndDestination() {
        Gql.post(
                        """
                query { reachabilityMatrix(from: ["app1", "orders-api"], to: ["db-vm-nic", "orders-api"], port: 1433) {
                  from fromName fromKind fromId cells { to toId verdict sourceKind source sourceRanges } } }""")
                .body("data.reachabilityMatrix.fromName", contains("app1", "orders-api"))
                .body("data.reachabilityMatrix[0].fromKind", equalTo("APP"))
                .body("data.reachabilityMatrix[0].fromId", endsWith("/sites/app1"))
                .body("data.reachabilityMatrix[0].cells.verdict", contains("ALLOWED", "DENIED"))
                .body("data.reachabilityMatrix[0].cells.sourceKind", contains("SUBNET_RANGE", "PUBLIC_VIP"))
                .body("data.reachabilityMatrix[0].cells[0].source", equalTo("10.0.1.0/26"))
                .body("data.reachabilityMatrix[0].cells[1].sourceRanges", contains("192.23.1.2/32"))
                .body("data.reachabilityMatrix[1].cells[0].verdict", equalTo("DENIED"));
        Gql.post("query { reachabilityMatrix(from: [\"app1\"], to: [\"nowhere-at-all\"], port: 443) { from } }")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        Gql.post("query { reachabilityMatrix(from: [], to: [\"db-vm-nic\"], port: 443) { from } }")
                .body("data.reachabilityMatrix", empty());
    }

    @Test
    void aseOneIsHealthyItsRouteSendsDependenciesStraightToTheInternet() {
        Gql.post(
                        "query($e: String!) { environmentHealth(environment: $e) { healthy status checks { name status decidedBy } } }",
                        "e",
                        "ase-one")
                .body("data.environmentHealth.healthy", equalTo(true))
                .body(
                        "data.environmentHealth.checks.name",
                        hasItems("inbound-management", "outbound-route", "subnet-exclusive"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.decidedBy[0]",
                        containsString("direct-internet"));
    }

    @Test
    void environmentsHealthAnswersForEveryAseAtOnce() {
        Gql.post("{ environmentsHealth { name healthy checks { name status } } }")
                .body("data.environmentsHealth.name", hasItems("ase-one", "ase-two"));
    }

    @Test
    void requiredAccessGivesTheSubnetRangeAndTheRuleToAddWhenTheDatabaseDeniesIt() {
        Gql.post(
                        """
                query($f: String!, $t: String!) { requiredAccess(from: $f, to: $t, port: 1433) {
                  sourceRange sourceKind satisfied fixes { nsgName priority arm azCli terraform } verified } }""",
                        "f",
                        "ase-two",
                        "t",
                        "db-vm-nic")
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
        Gql.post(
                        "query($f: String!, $t: String!) { requiredAccess(from: $f, to: $t, port: 443) { sourceRange satisfied fixes { name } } }",
                        "f",
                        "ase-one",
                        "t",
                        "ase-two")
                .body("data.requiredAccess.sourceRange", equalTo("192.23.1.2/32"))
                .body("data.requiredAccess.satisfied", equalTo(true));
    }

    @Test
    void whoCanReachTheDatabaseListsAseOneAllowedAndAseTwoDenied() {
        Gql.post(
                        "query($t: String!) { whoCanReach(to: $t, port: 1433) { callerName callerKind verdict } }",
                        "t",
                        "db-vm-nic")
                .body("data.whoCanReach.find { it.callerName == 'ase-one' }.verdict", equalTo("ALLOWED"))
                .body("data.whoCanReach.find { it.callerName == 'ase-two' }.verdict", equalTo("DENIED"))
                .body("data.whoCanReach.find { it.callerName == 'app1' }.verdict", equalTo("ALLOWED"));
    }

    @Test
    void whoCanReachFiltersByVerdict() {
        Gql.post(
                        "query($t: String!) { whoCanReach(to: $t, port: 1433, verdicts: [DENIED]) { callerName verdict } }",
                        "t",
                        "db-vm-nic")
                .body("data.whoCanReach.verdict", everyItem(equalTo("DENIED")))
                .body("data.whoCanReach.callerName", hasItem("ase-two"))
                .body("data.whoCanReach.callerName", not(hasItem("ase-one")));
    }

    @Test
    void reachabilityMatrixGivesAVerdictAndSourceKindPerCell() {
        Gql.post(
                        "{ reachabilityMatrix(from: [\"ase-one\", \"ase-two\"], to: [\"db-vm-nic\", \"orders-api\"], port: 443) { from cells { to verdict sourceKind } } }")
                .body("data.reachabilityMatrix.from", contains("ase-one", "ase-two"))
                .body("data.reachabilityMatrix[0].cells.find { it.to == 'orders-api' }.verdict", equalTo("ALLOWED"))
                .body(
                        "data.reachabilityMatrix[0].cells.find { it.to == 'orders-api' }.sourceKind",
                        equalTo("PUBLIC_VIP"))
                .body(
                        "data.reachabilityMatrix[0].cells.find { it.to == 'db-vm-nic' }.sourceKind",
                        equalTo("SUBNET_RANGE"));
    }

    @Test
    void shadowedRulesOfTheReferenceNsgsAreAnAnswerEvenWhenEmpty() {
        Gql.post(
                        "query($n: String) { shadowedRules(nsg: $n) { nsgName rule coveredBy differentAction } }",
                        "n",
                        "ase-two-nsg")
                .body("errors", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void exposuresReportsManagementPortsOpenToTheInternetOnlyWhereAnNsgAdmitsThem() {
        // ase-two's VIP publishes 454-455 (management) and ase-two-nsg admits them from the Internet: a finding,
        // decided
        // by that rule. Its front end publishes nothing on 1433, whatever the NSG says. db-vm-nic has no public
        // address.
        Gql.post("{ exposures(ports: [454, 1433]) { targetName port verdict admittedBy } }")
                .body("errors", nullValue())
                .body("data.exposures.findAll { it.targetName == 'ase-two' }.port", contains(454))
                .body("data.exposures.find { it.targetName == 'ase-two' }.verdict", equalTo("ALLOWED"))
                .body(
                        "data.exposures.find { it.targetName == 'ase-two' }.admittedBy",
                        hasItem(containsString("ALLOW-AzureMngmt")))
                .body("data.exposures.findAll { it.port == 1433 }", empty())
                .body("data.exposures.findAll { it.targetName == 'db-vm-nic' }", empty());
    }

    @Test
    void auditsRejectUnknownReferencesAndPortsOutOfRange() {
        Gql.post("{ whoCanReach(to: \"nothing-here\", port: 1433) { verdict } }")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
        Gql.post("{ whoCanReach(to: \"db-vm-nic\", port: 70000) { verdict } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
        // A NIC exists but is no ASE: the argument is wrong, not the reference.
        Gql.post("{ environmentHealth(environment: \"db-vm-nic\") { healthy } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("not an App Service Environment"));
        Gql.post("{ environmentHealth(environment: \"nothing-here\") { healthy } }")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"));
    }
}
