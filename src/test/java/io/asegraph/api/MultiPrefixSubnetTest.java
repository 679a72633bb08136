package io.asegraph.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Subnets with several IPv4 prefixes ({@code addressPrefixes} with two entries), through {@code POST /import} and
 * {@code /graphql}: {@code shapes/multi-prefix-subnet-arm.json} (ARM: a VNet whose ASE subnet has two prefixes, an
 * ASEv3 in it, a database NIC whose NSG admits SQL from the first prefix only) and
 * {@code shapes/multi-prefix-subnet-az.json} ({@code az network vnet subnet show}, flattened: a standalone subnet with
 * two prefixes and a NIC in the second). Every answer about such a subnet uses the union of its prefixes. The steps
 * build on each other, so they run in order.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiPrefixSubnetTest {
    static final String SUBNET =
            """
            query($n: String!) { subnets(where: {name: {eq: $n}}) { name addressPrefix addressPrefixes } }""";
    static final String CONTAINING =
            """
            query($a: String!) { subnets(where: {containsAddress: $a}) { name } }""";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    Answer post(String body) throws Exception {
        return ImportResourceTest.post(http, importUrl, "", null, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer importArm() throws Exception {
        return post(ExportShapesTest.shape("multi-prefix-subnet-arm.json"));
    }

    static String az() {
        return ExportShapesTest.shape("multi-prefix-subnet-az.json");
    }

    static void listed(String subnet, String first, String... all) {
        Gql.post(SUBNET, "n", subnet)
                .body("data.subnets[0].addressPrefix", equalTo(first))
                .body("data.subnets[0].addressPrefixes", equalTo(List.of(all)));
    }

    @Test
    @Order(1)
    void aTwoPrefixAseSubnetInArmShapeImportsAndIsListedWithBothPrefixes() throws Exception {
        Answer a = importArm();
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(List.of(), ExportShapesTest.problems(a));
        listed("shapes-mp-ase-subnet", "10.79.1.0/24", "10.79.1.0/24", "10.79.9.0/24");
        listed("shapes-mp-db-subnet", "10.79.2.0/24", "10.79.2.0/24");
        Answer again = importArm();
        assertEquals(200, again.status(), again.body()::toString);
        assertEquals(0, again.body().path("updated").asInt(), again.body()::toString);
    }

    @Test
    @Order(2)
    void containsAddressMatchesEitherPrefixAndNoAddressBetweenThem() {
        Gql.post(CONTAINING, "a", "10.79.1.200").body("data.subnets.name", contains("shapes-mp-ase-subnet"));
        Gql.post(CONTAINING, "a", "10.79.9.7").body("data.subnets.name", contains("shapes-mp-ase-subnet"));
        Gql.post(CONTAINING, "a", "10.79.5.7").body("data.subnets.name", equalTo(List.of()));
    }

    @Test
    @Order(3)
    void aCallFromTheAseToItsVnetArrivesFromBothPrefixes() {
        Gql.post(FirewallEstateTest.CALL_SOURCE, "from", "shapes-mp-ase", "to", "10.79.2.4")
                .body("errors", equalTo(null))
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.addresses", contains("10.79.1.0/24", "10.79.9.0/24"))
                .body("data.callSource.reason", containsString("10.79.1.0/24, 10.79.9.0/24"));
    }

    @Test
    @Order(4)
    void anAddressInTheSecondPrefixResolvesToTheAseSubnet() {
        Gql.post(FirewallEstateTest.CALL_SOURCE, "from", "10.79.9.7", "to", "10.79.2.4")
                .body("errors", equalTo(null))
                .body("data.callSource.kind", equalTo("SUBNET_RANGE"))
                .body("data.callSource.reason", containsString("shapes-mp-ase"))
                .body("data.callSource.addresses", contains("10.79.1.0/24", "10.79.9.0/24"));
    }

    @Test
    @Order(5)
    void anNsgAdmittingOnlyTheFirstPrefixMakesTheFlowPartial() {
        Gql.post(FirewallEstateTest.FLOW, "from", "shapes-mp-ase", "to", "shapes-mp-db-nic", "port", 1433)
                .body("errors", equalTo(null))
                .body("data.flow.verdict", equalTo("PARTIAL"))
                .body("data.flow.allowedSourceRanges", contains("10.79.1.0/24"))
                .body("data.flow.deniedSourceRanges", contains("10.79.9.0/24"));
    }

    @Test
    @Order(6)
    void aStandaloneSubnetInAzShapeWithTwoPrefixesHoldsANicInItsSecondPrefix() throws Exception {
        Answer a = post(az());
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(2, a.body().path("created").asInt(), a.body()::toString);
        listed("shapes-mp-app-subnet", "10.79.3.0/24", "10.79.3.0/24", "10.79.10.0/24");
        Gql.post(CONTAINING, "a", "10.79.10.5").body("data.subnets.name", contains("shapes-mp-app-subnet"));
        // ipFlowVerify on the subnet at an address of its second prefix: inside the subnet, so it is evaluated
        verifyInbound("10.79.10.5").body("errors", equalTo(null)).body("data.ipFlowVerify.access", equalTo("ALLOW"));
        verifyInbound("10.79.5.5")
                .body("errors[0].message", containsString("inside shapes-mp-app-subnet (10.79.3.0/24, 10.79.10.0/24)"));
    }

    /** ipFlowVerify on shapes-mp-app-subnet for a call to {@code local}:443 from the ASE subnet. */
    static ValidatableResponse verifyInbound(String local) {
        return Gql.post(
                FlowApiTest.VERIFY,
                "t",
                "shapes-mp-app-subnet",
                "d",
                "INBOUND",
                "p",
                "TCP",
                "la",
                local,
                "lp",
                443,
                "ra",
                "10.79.1.4",
                "rp",
                50000);
    }

    /** The az subnet with {@code second} in place of its second prefix: refused with {@code problem}, nothing kept. */
    void secondPrefixRefused(String second, String problem) throws Exception {
        Answer a = post(az().replace("\"10.79.10.0/24\"", "\"" + second + "\""));
        assertEquals(400, a.status(), a.body()::toString);
        assertThat(ExportShapesTest.problems(a), hasItem(problem));
        listed("shapes-mp-app-subnet", "10.79.3.0/24", "10.79.3.0/24", "10.79.10.0/24");
    }

    @Test
    @Order(7)
    void aSecondPrefixOutsideTheVnetSpaceIsRefusedAtItsLocation() throws Exception {
        secondPrefixRefused(
                "10.78.10.0/24",
                "$[0].addressPrefixes[1]: addressPrefixes entry '10.78.10.0/24' of subnet 'shapes-mp-app-subnet' is"
                        + " outside the address space [10.79.0.0/16] of its virtual network 'shapes-mp-vnet'");
    }

    @Test
    @Order(8)
    void aSecondPrefixOverlappingAnotherSubnetIsRefusedAtItsLocation() throws Exception {
        secondPrefixRefused(
                "10.79.9.128/25",
                "$[0].addressPrefixes[1]: addressPrefixes entry '10.79.9.128/25' of subnet 'shapes-mp-app-subnet'"
                        + " overlaps subnet 'shapes-mp-ase-subnet' (10.79.1.0/24, 10.79.9.0/24, in the graph) in the"
                        + " same virtual network");
    }

    @Test
    @Order(9)
    void anUpdateWithoutPrefixesKeepsThemWithAWarning() throws Exception {
        String without =
                az().replaceFirst("\"addressPrefixes\": \\[\\s*\"10.79.3.0/24\",\\s*\"10.79.10.0/24\"\\s*],", "");
        Answer a = post(without);
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(0, a.body().path("updated").asInt(), a.body()::toString);
        assertThat(
                ExportShapesTest.warnings(a),
                hasItem("$[0].addressPrefix: subnet 'shapes-mp-app-subnet' has no addressPrefix or addressPrefixes"
                        + " key: it keeps its stored prefixes 10.79.3.0/24, 10.79.10.0/24; only a document that states"
                        + " them replaces them"));
        listed("shapes-mp-app-subnet", "10.79.3.0/24", "10.79.3.0/24", "10.79.10.0/24");
    }

    @Test
    @Order(9)
    void aNewSubnetWithoutPrefixesIsRefusedAtItsLocation() throws Exception {
        String id = "/subscriptions/44444444-0000-0000-0000-000000000000/resourceGroups/shapes-mp-rg/providers"
                + "/Microsoft.Network/virtualNetworks/shapes-mp-vnet/subnets/shapes-mp-bare-subnet";
        Answer a = post("[{\"id\": \"" + id + "\", \"name\": \"shapes-mp-bare-subnet\","
                + " \"type\": \"Microsoft.Network/virtualNetworks/subnets\", \"delegations\": []}]");
        assertEquals(400, a.status(), a.body()::toString);
        assertThat(
                ExportShapesTest.problems(a),
                hasItem("$[0].addressPrefix: addressPrefix of subnet 'shapes-mp-bare-subnet' is required: a subnet"
                        + " needs an IPv4 prefix (addressPrefix, or addressPrefixes when it has several)"));
        Gql.post(SUBNET, "n", "shapes-mp-bare-subnet").body("data.subnets", equalTo(List.of()));
    }

    @Test
    @Order(10)
    void aChangeInTheFirstPrefixAloneIsAnUpdate() throws Exception {
        Answer a = post(az().replace("\"10.79.3.0/24\"", "\"10.79.4.0/24\""));
        assertEquals(200, a.status(), a.body()::toString);
        assertEquals(1, a.body().path("updated").asInt(), a.body()::toString);
        assertEquals(1, a.body().path("unchanged").asInt(), a.body()::toString);
        listed("shapes-mp-app-subnet", "10.79.4.0/24", "10.79.4.0/24", "10.79.10.0/24");
        Gql.post(CONTAINING, "a", "10.79.3.9").body("data.subnets.name", equalTo(List.of()));
    }
}
