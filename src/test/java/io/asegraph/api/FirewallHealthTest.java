package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * environmentHealth of an ASE force-tunnelled to an Azure Firewall ({@code hub-fw} of
 * {@code src/test/resources/estates/hub-firewall.json}, with {@code locked-ase} imported as an ASEv1 or ASEv2): the
 * outbound-route row evaluates the firewall's rules for the dependencies' ports and names the rule or the implicit
 * deny, instead of failing forced tunnelling as such.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class FirewallHealthTest {
    static final String HEALTH =
            """
            query($e: String!) { environmentHealth(environment: $e) {
              kind checks { name status detail decidedBy } } }""";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The estate as the other tests of this profile expect it (locked-ase an ASEv3, hub-fw's own rules). */
    @AfterEach
    void restore() throws Exception {
        importDoc(read());
    }

    @Test
    void anAseV2ForceTunnelledToAFirewallThatDeniesItsDependenciesNamesTheImplicitDeny() throws Exception {
        ArrayNode doc = read();
        ase(doc).put("kind", "ASEV2");
        importDoc(doc);
        Gql.post(HEALTH, "e", "locked-ase")
                .body("errors", nullValue())
                .body("data.environmentHealth.kind", equalTo("ASEV2"))
                .body("data.environmentHealth.checks.find { it.name == 'outbound-route' }.status", equalTo("WARN"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        containsString("Forced tunnelling to Azure Firewall hub-fw"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        containsString("TCP 80 DENIED (10.200.0.0/24 denied by (no rule matches) (the implicit deny))"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.decidedBy",
                        hasItem("hub-fw (no rule matches) (the implicit deny)"));
    }

    @Test
    void anAseV2ForceTunnelledToAFirewallThatAdmitsItsDependenciesPassesNamingTheRule() throws Exception {
        ArrayNode doc = read();
        ase(doc).put("kind", "ASEV2");
        addDependencyRule(doc, "1433");
        importDoc(doc);
        Gql.post(HEALTH, "e", "locked-ase")
                .body("errors", nullValue())
                .body("data.environmentHealth.checks.find { it.name == 'outbound-route' }.status", equalTo("PASS"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        containsString("TCP 443 ALLOWED (10.200.0.0/24 admitted by ase-dependencies/"
                                + "storage-sql-out (priority 150))"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        not(containsString("DENIED")))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.decidedBy",
                        hasItem("hub-fw ase-dependencies/storage-sql-out (priority 150)"));
    }

    @Test
    void anAseV1FailsWhenTheFirewallDeniesOneOfItsDependencyPorts() throws Exception {
        ArrayNode doc = read();
        ase(doc).put("kind", "ASEV1");
        addDependencyRule(doc, "1433");
        importDoc(doc);
        Gql.post(HEALTH, "e", "locked-ase")
                .body("errors", nullValue())
                .body("data.environmentHealth.checks.find { it.name == 'outbound-route' }.status", equalTo("FAIL"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        containsString(
                                "TCP 445 DENIED (10.200.0.0/24 denied by (no rule matches) (the implicit deny))"))
                .body(
                        "data.environmentHealth.checks.find { it.name == 'outbound-route' }.detail",
                        containsString("TCP 80 ALLOWED"));
    }

    private void importDoc(ArrayNode doc) throws Exception {
        Answer a = ImportResourceTest.post(http, importUrl, "", "application/json", ImportResourceTest.bytes(doc));
        assertEquals(200, a.status(), a.body()::toString);
    }

    private static ArrayNode read() throws Exception {
        return (ArrayNode)
                TestEstate.read(Files.readString(Path.of(FirewallEstateTest.DOCUMENT), StandardCharsets.UTF_8));
    }

    private static ObjectNode ase(ArrayNode doc) {
        return named(doc, "locked-ase");
    }

    /** A network rule collection admitting the ASE subnet anywhere on TCP 80, 443 and {@code sqlPorts}. */
    private static void addDependencyRule(ArrayNode doc, String sqlPorts) {
        ArrayNode collections =
                (ArrayNode) named(doc, "hub-fw").path("properties").path("networkRuleCollections");
        collections.add(TestEstate.read(
                """
                {"name": "ase-dependencies", "properties": {"priority": 150, "action": {"type": "Allow"},
                  "rules": [{"name": "storage-sql-out", "protocols": ["TCP"], "sourceAddresses": ["10.200.0.0/24"],
                    "destinationAddresses": ["*"], "destinationPorts": ["80", "443", "%s"]}]}}"""
                        .formatted(sqlPorts)));
    }

    private static ObjectNode named(ArrayNode doc, String name) {
        for (JsonNode r : doc) {
            if (r.path("name").asText().equals(name)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalStateException("no " + name + " in " + FirewallEstateTest.DOCUMENT);
    }
}
