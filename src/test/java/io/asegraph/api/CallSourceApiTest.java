package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** callSource, nextHop and effectiveRoutes through real HTTP on the seeded reference topology. */
@QuarkusTest
class CallSourceApiTest {
    static final String CALL =
            """
            query($from: String!, $to: String!) { callSource(from: $from, to: $to) {
              kind address addressRange reason trace { node kind steps { type detail } } } }""";

    @Test
    void crossAseCallAppearsFromTheCallersVip() {
        Gql.post(CALL, "from", "app1", "to", "orders-api.ase-two.p.azurewebsites.net")
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.address", equalTo("192.23.1.2"))
                .body("data.callSource.addressRange", equalTo("192.23.1.2/32"))
                .body("data.callSource.reason", containsString("direct-internet"))
                .body("data.callSource.trace[0].steps.type", contains("ROUTE", "SOURCE_NAT"));
    }

    @Test
    void callToAPublicEndpointAppearsFromTheVip() {
        Gql.post(CALL, "from", "ase-one", "to", "azure-sql-westus")
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"))
                .body("data.callSource.address", equalTo("192.23.1.2"));
    }

    @Test
    void callInsideTheVnetAppearsFromTheWholeAseSubnet() {
        Gql.post(CALL, "from", "app1.ase-one.p.azurewebsites.net", "to", "db-vm-nic")
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.address", nullValue())
                .body("data.callSource.addressRange", equalTo("10.0.1.0/26"));
    }

    @Test
    void callToOnPremisesOverTheGatewayAppearsFromTheSubnetRange() {
        Gql.post(CALL, "from", "ase-one", "to", "192.168.10.5")
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.addressRange", equalTo("10.0.1.0/26"))
                .body("data.callSource.reason", containsString("VirtualNetworkGateway"));
    }

    @Test
    void destinationInsideTheAsesOwnSubnetIsUnreachable() {
        Gql.post(CALL, "from", "ase-one", "to", "10.0.1.20")
                .body("data.callSource.kind", equalTo("UNREACHABLE"))
                .body("data.callSource.addressRange", nullValue());
    }

    @Test
    void callFromANetworkInterfaceUsesItsPrivateAddress() {
        Gql.post(CALL, "from", "db-vm-nic", "to", "10.0.1.70")
                .body("data.callSource.kind", equalTo("PRIVATE_ADDRESS"))
                .body("data.callSource.address", equalTo("10.0.2.4"));
    }

    @Test
    void aVirtualNetworkCannotMakeCalls() {
        Gql.post(CALL, "from", "ase-vnet", "to", "8.8.8.8")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("does not make calls"));
    }

    @Test
    void unknownReferenceIsReportedWithItsCode() {
        Gql.post(CALL, "from", "no-such-app", "to", "8.8.8.8")
                .body("errors[0].extensions.code", equalTo("UNKNOWN_REFERENCE"))
                .body("errors[0].message", containsString("no-such-app"));
    }

    @Test
    void malformedDestinationAddressIsAnInvalidArgument() {
        Gql.post(CALL, "from", "ase-one", "to", "999.1.1.1")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].message", containsString("999.1.1.1"));
    }

    @Test
    void nextHopFollowsTheUserRouteAndNamesItsTable() {
        Gql.post(
                        "query($s: String!, $d: String!) { nextHop(source: $s, destinationAddress: $d) { nextHopType routeTableId nextHopIpAddress } }",
                        "s",
                        "ase-one-subnet",
                        "d",
                        "8.8.8.8")
                .body("data.nextHop.nextHopType", equalTo("INTERNET"))
                .body("data.nextHop.routeTableId", containsString("routeTables/ase-one-routes"));
    }

    @Test
    void nextHopForReservedPrivateSpaceIsNoneFromTheSystemRoute() {
        Gql.post(
                        "query($s: String!, $d: String!) { nextHop(source: $s, destinationAddress: $d) { nextHopType routeTableId } }",
                        "s",
                        "db-vm-nic",
                        "d",
                        "172.31.0.100")
                .body("data.nextHop.nextHopType", equalTo("NONE"))
                .body("data.nextHop.routeTableId", equalTo("System Route"));
    }

    @Test
    void nextHopRejectsAMalformedAddress() {
        Gql.post(
                        "query($s: String!, $d: String!) { nextHop(source: $s, destinationAddress: $d) { nextHopType } }",
                        "s",
                        "ase-one",
                        "d",
                        "8.8.8")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void nextHopRejectsASourceThatIsNotASubnetNicOrAse() {
        Gql.post(
                        "query($s: String!, $d: String!) { nextHop(source: $s, destinationAddress: $d) { nextHopType } }",
                        "s",
                        "ase-two-nsg",
                        "d",
                        "8.8.8.8")
                .body("errors[0].extensions.code", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void effectiveRoutesShowTheUserRouteOverridingTheDefaultRoute() {
        Gql.post(
                        "query($t: String!) { effectiveRoutes(target: $t) { origin state addressPrefix nextHopType } }",
                        "t",
                        "ase-one")
                .body(
                        "data.effectiveRoutes.findAll { it.addressPrefix == '0.0.0.0/0' }.origin",
                        contains("DEFAULT", "USER"))
                .body(
                        "data.effectiveRoutes.findAll { it.addressPrefix == '0.0.0.0/0' }.state",
                        contains("INVALID", "ACTIVE"))
                .body(
                        "data.effectiveRoutes.findAll { it.origin == 'VIRTUAL_NETWORK_GATEWAY' }.addressPrefix",
                        hasItem("192.168.0.0/16"));
    }
}
