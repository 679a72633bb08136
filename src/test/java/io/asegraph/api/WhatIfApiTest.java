package io.asegraph.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code whatIf} through the real service: proposed changes evaluated without writing, on the reference topology
 * (read only: a what-if writes nothing, which these tests check too) and on the hub-and-spoke firewall estate this
 * class imports itself ({@code src/test/resources/estates/hub-firewall.json}, idempotent).
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class WhatIfApiTest {
    static final String NET =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network";
    static final String DB_NSG = NET + "/networkSecurityGroups/db-nsg";
    static final String ASE_TWO_NSG = NET + "/networkSecurityGroups/ase-two-nsg";

    static final String WHAT_IF =
            """
            query($document: String!, $flows: [FlowQuestion], $audits: Boolean) {
              whatIf(document: $document, flows: $flows, audits: $audits) {
                version warnings resources { id name type change details }
                flows { from to port protocol before after changed gained lost beforeSource afterSource
                        beforeFlow { allowedSourceRanges } afterFlow { allowedSourceRanges deniedSourceRanges reason } }
                health { environment name check before after detail }
                exposures { added { target port } removed { target port } }
                shadowedRules { added { nsg rule } removed { nsg rule } } } }""";

    static final Map<String, Object> ASE_ONE_TO_DB = Map.of("from", "ase-one", "to", "db-vm-nic", "port", 1433);
    static final Map<String, Object> ASE_TWO_TO_DB = Map.of("from", "ase-two", "to", "db-vm-nic", "port", 1433);

    @TestHTTPResource("/import")
    URL importUrl;

    /** The reference topology's resource {@code name}, as the seed document has it. */
    static ObjectNode seeded(String name) throws Exception {
        for (JsonNode r : TestEstate.MAPPER.readTree(
                Path.of("graph-seed/reference-topology.az.json").toFile())) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r.deepCopy();
            }
        }
        throw new AssertionError("no " + name + " in the seed");
    }

    /** db-nsg with allow-sql-from-ase-one narrowed to the first half of ase-one's subnet, as an import document. */
    static String narrowedDbNsg() throws Exception {
        ObjectNode nsg = seeded("db-nsg");
        for (JsonNode rule : nsg.path("properties").path("securityRules")) {
            if (rule.path("name").asText().equals("allow-sql-from-ase-one")) {
                ((ObjectNode) rule.path("properties")).put("sourceAddressPrefix", "10.0.1.0/27");
            }
        }
        return TestEstate.text(nsg);
    }

    static String edits(Object... edits) throws Exception {
        return TestEstate.MAPPER.writeValueAsString(Map.of("edits", List.of(edits)));
    }

    /** A putSecurityRule edit of db-nsg: an inbound TCP 1433 allow from {@code source}. */
    static Map<String, Object> putDbRule(String name, int priority, String source) {
        return Map.of(
                "putSecurityRule",
                Map.of(
                        "nsg",
                        DB_NSG,
                        "rule",
                        Map.of(
                                "name",
                                name,
                                "priority",
                                priority,
                                "direction",
                                "INBOUND",
                                "access",
                                "ALLOW",
                                "protocol",
                                "TCP",
                                "sourceAddressPrefixes",
                                List.of(source),
                                "destinationAddressPrefixes",
                                List.of("*"),
                                "destinationPortRanges",
                                List.of("1433"))));
    }

    static Map<String, Object> narrowByEdit() {
        return putDbRule("allow-sql-from-ase-one", 100, "10.0.1.0/27");
    }

    private static int currentVersion() {
        return Gql.post(WHAT_IF, "document", "[]", "audits", false)
                .body("errors", nullValue())
                .extract()
                .path("data.whatIf.version");
    }

    @Test
    void narrowingARuleByImportDocumentTurnsAllowedIntoPartialWithTheHalfLost() throws Exception {
        Gql.post(WHAT_IF, "document", narrowedDbNsg(), "flows", List.of(ASE_ONE_TO_DB), "audits", false)
                .body("errors", nullValue())
                .body("data.whatIf.flows[0].before", equalTo("ALLOWED"))
                .body("data.whatIf.flows[0].after", equalTo("PARTIAL"))
                .body("data.whatIf.flows[0].changed", equalTo(true))
                .body("data.whatIf.flows[0].lost", contains("10.0.1.32/27"))
                .body("data.whatIf.flows[0].gained", empty())
                .body("data.whatIf.flows[0].beforeFlow.allowedSourceRanges", contains("10.0.1.0/26"))
                .body("data.whatIf.flows[0].afterFlow.allowedSourceRanges", contains("10.0.1.0/27"))
                .body("data.whatIf.health", nullValue())
                .body("data.whatIf.resources.name", contains("db-nsg"))
                .body("data.whatIf.resources[0].change", equalTo("UPDATED"))
                .body("data.whatIf.resources[0].type", equalTo("NETWORK_SECURITY_GROUP"))
                .body("data.whatIf.resources[0].details", hasItem(containsString("10.0.1.0/27")));
        // Nothing was written: the flow itself still answers as before.
        Gql.post("{ flow(from: \"ase-one\", to: \"db-vm-nic\", port: 1433) { verdict } }")
                .body("data.flow.verdict", equalTo("ALLOWED"));
    }

    @Test
    void theSameNarrowingAsAnEditsDocumentAnswersTheSame() throws Exception {
        Gql.post(WHAT_IF, "document", edits(narrowByEdit()), "flows", List.of(ASE_ONE_TO_DB, ASE_TWO_TO_DB))
                .body("errors", nullValue())
                .body("data.whatIf.flows.before", contains("ALLOWED", "DENIED"))
                .body("data.whatIf.flows.after", contains("PARTIAL", "DENIED"))
                .body("data.whatIf.flows.changed", contains(true, false))
                .body("data.whatIf.flows[0].lost", contains("10.0.1.32/27"))
                .body("data.whatIf.flows[1].lost", empty())
                .body("data.whatIf.health", empty());
    }

    @Test
    void editsApplyInOrderAndADeleteWithCascadeDetachesTheNsg() throws Exception {
        // Deleting db-nsg with cascade takes it off db-vm-nic: ase-two's SQL calls, denied by deny-sql-from-vnet
        // before, are allowed after it (nothing filters them any more).
        Gql.post(
                        WHAT_IF,
                        "document",
                        edits(narrowByEdit(), Map.of("deleteResource", Map.of("id", DB_NSG, "cascade", true))),
                        "flows",
                        List.of(ASE_ONE_TO_DB, ASE_TWO_TO_DB),
                        "audits",
                        false)
                .body("errors", nullValue())
                .body("data.whatIf.flows.before", contains("ALLOWED", "DENIED"))
                .body("data.whatIf.flows.after", contains("ALLOWED", "ALLOWED"))
                .body("data.whatIf.flows[1].gained", contains("10.0.1.64/26"))
                .body("data.whatIf.resources.find { it.name == 'db-nsg' }.change", equalTo("REMOVED"))
                .body("data.whatIf.resources.find { it.name == 'db-vm-nic' }.change", equalTo("UPDATED"))
                .body("data.whatIf.flows[0].changed", equalTo(false));
    }

    @Test
    void aProblemAnswersInvalidDocumentLocatedAndWritesNothing() throws Exception {
        int version = currentVersion();
        String bad = narrowedDbNsg().replace("\"priority\" : 100", "\"priority\" : 99");
        Gql.post(WHAT_IF, "document", bad, "flows", List.of(ASE_ONE_TO_DB))
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].extensions.problems[0].location", containsString("priority"))
                .body("errors[0].message", containsString("nothing was written"))
                .body("data", nullValue());
        Map<String, Object> badRule = putDbRule("too-low", 99, "10.0.1.0/27");
        Gql.post(
                        WHAT_IF,
                        "document",
                        edits(
                                Map.of(
                                        "removeRoute",
                                        Map.of("routeTable", NET + "/routeTables/no-such-table", "name", "x")),
                                badRule,
                                Map.of("deleteResource", Map.of("id", DB_NSG)),
                                Map.of("frobnicate", Map.of())))
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body(
                        "errors[0].extensions.problems.location",
                        containsInAnyOrder(
                                "$.edits[0].removeRoute.routeTable",
                                "$.edits[1].putSecurityRule.rule.priority",
                                "$.edits[2].deleteResource.id",
                                "$.edits[3]"))
                .body("errors[0].extensions.problems.message", hasItem(containsString("still referenced")));
        assertEquals(version, currentVersion());
        Gql.post("{ flow(from: \"ase-one\", to: \"db-vm-nic\", port: 1433) { verdict } }")
                .body("data.flow.verdict", equalTo("ALLOWED"));
    }

    @Test
    void removingTheManagementRuleFlipsTheAsesInboundManagementCheckToFail() throws Exception {
        Gql.post(
                        WHAT_IF,
                        "document",
                        edits(Map.of("removeSecurityRule", Map.of("nsg", ASE_TWO_NSG, "name", "ALLOW-AzureMngmt"))))
                .body("errors", nullValue())
                .body("data.whatIf.health.name", hasItem("ase-two"))
                .body("data.whatIf.health.find { it.check == 'inbound-management' }.before", equalTo("PASS"))
                .body("data.whatIf.health.find { it.check == 'inbound-management' }.after", equalTo("FAIL"))
                .body("data.whatIf.health.name", org.hamcrest.Matchers.not(hasItem("ase-one")));
        Gql.post("{ environmentHealth(environment: \"ase-two\") { status } }")
                .body("data.environmentHealth.status", equalTo("PASS"));
    }

    @Test
    void addingARouteToTheFirewallTurnsAPublicVipCallIntoAzureFirewall() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String file : List.of(FirewallEstateTest.DOCUMENT, FirewallEstateTest.TAGS)) {
            Answer a =
                    ImportResourceTest.post(http, importUrl, "", "application/json", Files.readAllBytes(Path.of(file)));
            assertEquals(200, a.status(), a.body()::toString);
        }
        String hub = "/subscriptions/22222222-0000-0000-0000-000000000000/resourceGroups/hub-rg/providers"
                + "/Microsoft.Network";
        ArrayNode doc = (ArrayNode) TestEstate.read(
                """
                [{"id": "HUB/routeTables/open-ase-routes", "name": "open-ase-routes",
                  "type": "Microsoft.Network/routeTables", "location": "westeurope",
                  "properties": {"routes": [{"name": "default-to-firewall", "properties": {"addressPrefix": "0.0.0.0/0",
                    "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.100.1.4"}}]}},
                 {"id": "HUB/virtualNetworks/hub-vnet/subnets/ase3-subnet", "name": "ase3-subnet",
                  "type": "Microsoft.Network/virtualNetworks/subnets",
                  "properties": {"addressPrefix": "10.100.3.0/24",
                    "routeTable": {"id": "HUB/routeTables/open-ase-routes"}}}]"""
                        .replace("HUB", hub));
        Map<String, Object> toPartner = Map.of("from", "open-ase", "to", "hubfw-partner", "port", 443);
        Gql.post(WHAT_IF, "document", TestEstate.text(doc), "flows", List.of(toPartner), "audits", false)
                .body("errors", nullValue())
                .body("data.whatIf.flows[0].beforeSource", equalTo("PUBLIC_VIP"))
                .body("data.whatIf.flows[0].afterSource", equalTo("AZURE_FIREWALL"))
                .body("data.whatIf.flows[0].changed", equalTo(true))
                .body("data.whatIf.flows[0].afterFlow.reason", containsString("hub-fw"));
        Gql.post("{ callSource(from: \"open-ase\", to: \"hubfw-partner\") { kind } }")
                .body("data.callSource.kind", equalTo("PUBLIC_VIP"));
    }

    @Test
    void aReaderMayAskAndAUserWithoutARoleIsRefused() throws Exception {
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Gql.body(WHAT_IF, "document", narrowedDbNsg(), "flows", List.of(ASE_ONE_TO_DB), "audits", false))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.whatIf.flows[0].after", equalTo("PARTIAL"));
        Gql.as(Gql.NOBODY, Gql.NOBODY_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Gql.body(WHAT_IF, "document", narrowedDbNsg()))
                .post("/graphql")
                .then()
                .statusCode(403);
    }
}
