package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The read API over real HTTP against the embedded store seeded with the reference topology. */
@QuarkusTest
class ReadApiTest {
    static final String ASE_ONE =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Web/hostingEnvironments/ase-one";

    @Test
    void aseOneSitsInSubnet10_0_1_0_26OfAseVnet() {
        Gql.post(
                        """
                query($n: String!) { environments(where: {name: {eq: $n}}) {
                  name publicVip subnet { addressPrefix virtualNetwork { name addressPrefixes } } } }""",
                        "n",
                        "ase-one")
                .body("data.environments", hasSize(1))
                .body("data.environments[0].publicVip", equalTo("192.23.1.2"))
                .body("data.environments[0].subnet.addressPrefix", equalTo("10.0.1.0/26"))
                .body("data.environments[0].subnet.virtualNetwork.name", equalTo("ase-vnet"))
                .body("data.environments[0].subnet.virtualNetwork.addressPrefixes", contains("10.0.0.0/16"));
    }

    @Test
    void relationshipsNavigateBackFromSubnetToEnvironmentsAndFromNsgToWhereItIsApplied() {
        Gql.post(
                        """
                { networkSecurityGroups(where: {name: {eq: "ase-two-nsg"}}) {
                    appliedToSubnets { name environments { name } } } }""")
                .body("data.networkSecurityGroups[0].appliedToSubnets[0].name", equalTo("ase-two-subnet"))
                .body("data.networkSecurityGroups[0].appliedToSubnets[0].environments[0].name", equalTo("ase-two"));
    }

    @Test
    void aseTwoNsgListsItsRulesInPriorityOrderWithTheSixDefaultRules() {
        Gql.post(
                        """
                { networkSecurityGroups(where: {name: {eq: "ase-two-nsg"}}) {
                    rules { qualifiedName priority direction access } } }""")
                .body(
                        "data.networkSecurityGroups[0].rules.qualifiedName",
                        contains(
                                "securityRules/ALLOW-AzureMngmt",
                                "securityRules/RESTRICT-HTTP",
                                "securityRules/RESTRICT-HTTPS",
                                "defaultSecurityRules/AllowVnetInBound",
                                "defaultSecurityRules/AllowAzureLoadBalancerInBound",
                                "defaultSecurityRules/DenyAllInBound",
                                "defaultSecurityRules/AllowVnetOutBound",
                                "defaultSecurityRules/AllowInternetOutBound",
                                "defaultSecurityRules/DenyAllOutBound"))
                .body(
                        "data.networkSecurityGroups[0].rules.priority",
                        contains(100, 200, 300, 65000, 65001, 65500, 65000, 65001, 65500));
    }

    @Test
    void filtersByNameContainsCaseInsensitivelyAndSortsDescending() {
        Gql.post(
                        """
                { subnets(where: {name: {startsWith: "ASE-"}}, sort: [{field: NAME, direction: DESC}]) { name } }""")
                .body("data.subnets.name", contains("ase-two-subnet", "ase-one-subnet"));
    }

    @Test
    void filtersSubnetsByAContainedAddress() {
        Gql.post("query($a: String) { subnets(where: {containsAddress: $a}) { name } }", "a", "10.0.1.70")
                .body("data.subnets.name", contains("ase-two-subnet"));
    }

    @Test
    void filtersEnvironmentsByKind() {
        Gql.post("{ environments(where: {name: {in: [\"ase-one\", \"ase-two\"]}, kind: {eq: \"asev1\"}}) { kind } }")
                .body("data.environments.kind", everyItem(equalTo("ASEV1")))
                .body("data.environments", hasSize(2));
        Gql.post("{ environments(where: {name: {in: [\"ase-one\", \"ase-two\"]}, kind: {eq: \"ASEV3\"}}) { name } }")
                .body("data.environments", hasSize(0));
    }

    @Test
    void connectionsPageWithCursorsAndReportTotalCount() {
        var first = Gql.post(
                        "{ subnetsConnection(first: 2, where: {name: {in: [\"ase-one-subnet\", \"ase-two-subnet\", \"db-subnet\", \"GatewaySubnet\"]}}) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }")
                .body("data.subnetsConnection.totalCount", equalTo(4))
                .body("data.subnetsConnection.edges", hasSize(2))
                .body("data.subnetsConnection.pageInfo.hasNextPage", equalTo(true))
                .extract()
                .path("data.subnetsConnection.pageInfo.endCursor");
        Gql.post(
                        "query($c: String) { subnetsConnection(first: 2, after: $c, where: {name: {in: [\"ase-one-subnet\", \"ase-two-subnet\", \"db-subnet\", \"GatewaySubnet\"]}}) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } }",
                        "c",
                        first)
                .body("data.subnetsConnection.edges.node.name", contains("db-subnet", "GatewaySubnet"))
                .body("data.subnetsConnection.pageInfo.hasNextPage", equalTo(false))
                .body("data.subnetsConnection.pageInfo.hasPreviousPage", equalTo(true));
    }

    @Test
    void limitAndOffsetWindowTheList() {
        Gql.post(
                        "{ subnets(limit: 1, offset: 1, where: {name: {in: [\"ase-one-subnet\", \"ase-two-subnet\", \"db-subnet\"]}}) { name } }")
                .body("data.subnets.name", contains("ase-two-subnet"));
    }

    @Test
    void rejectsAPageLargerThanTheCapWithInvalidArgument() {
        Gql.post("{ subnets(limit: 100000) { name } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("at most 500"));
    }

    @Test
    void rejectsANegativePageSizeWithInvalidArgument() {
        Gql.post("{ subnetsConnection(first: -1) { totalCount } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void rejectsAForgedCursorWithInvalidArgument() {
        Gql.post("{ subnetsConnection(after: \"not-a-cursor\") { totalCount } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void rejectsAMalformedAddressFilterWithInvalidArgument() {
        Gql.post("{ subnets(where: {containsAddress: \"10.0.1\"}) { name } }")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("10.0.1"));
    }

    @Test
    void resolvesAnyIdCaseInsensitively() {
        Gql.post(
                        "query($id: String!) { resource(id: $id) { __typename ... on AppServiceEnvironment { name publicVip } } }",
                        "id",
                        ASE_ONE.toUpperCase())
                .body("data.resource.__typename", equalTo("AppServiceEnvironment"))
                .body("data.resource.name", equalTo("ase-one"));
    }

    @Test
    void unknownIdFailsWithUnknownReference() {
        Gql.post("query($id: String!) { resource(id: $id) { __typename } }", "id", "/subscriptions/x/nothing")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"))
                .body("data", nullValue());
    }

    @Test
    void gatewayConnectsToTheOnPremisesSite() {
        Gql.post(
                        "{ virtualNetworkGateways(where: {name: {eq: \"ase-vnet-gw\"}}) { name gatewayType virtualNetwork { name } connections { connectionType peer } } localNetworkGateways(where: {name: {eq: \"onprem-site\"}}) { addressPrefixes } }")
                .body("data.virtualNetworkGateways[0].virtualNetwork.name", equalTo("ase-vnet"))
                .body("data.virtualNetworkGateways[0].connections[0].connectionType", equalTo("IPSEC"))
                .body("data.virtualNetworkGateways[0].connections[0].peer", containsString("onprem-site"))
                .body("data.localNetworkGateways[0].addressPrefixes", contains("192.168.0.0/16"));
    }

    @Test
    void routeTableCarriesTheDirectInternetRouteOfTheSeed() {
        Gql.post(
                        "{ routeTables(where: {name: {eq: \"ase-one-routes\"}}) { name routes { addressPrefix nextHopType } subnets { name } } }")
                .body("data.routeTables[0].routes[0].addressPrefix", equalTo("0.0.0.0/0"))
                .body("data.routeTables[0].routes[0].nextHopType", equalTo("INTERNET"))
                .body("data.routeTables[0].subnets.name", contains("ase-one-subnet"));
    }

    @Test
    void servesTheSchemaAndTheGraphqlUi() {
        Gql.given()
                .get("/graphql/schema.graphql")
                .then()
                .statusCode(200)
                .body(containsString("callSource"))
                .body(containsString("environments"));
        Gql.given().get("/q/graphql-ui/").then().statusCode(200);
    }

    @Test
    void readinessRunsAQueryOnTheStore() {
        io.restassured.RestAssured.get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks[0].name", equalTo("graph-store"))
                .body("checks[0].data.store", containsString("embedded"));
    }

    @Test
    void unknownFieldIsAValidationErrorNotAServerError() {
        Gql.post("{ subnets { nope } }").body("errors[0].extensions.classification", equalTo("ValidationError"));
    }
}
