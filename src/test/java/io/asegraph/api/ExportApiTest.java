package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asegraph.graph.GraphStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /export} through the real HTTP stack: only a writer may export; the document holds every resource the
 * store holds, in the form {@code POST /import} takes, so importing it back changes nothing (the whole shared store,
 * every resource unchanged, those held back for a placeholder included, store version unchanged). The exact restore into an empty store is ExportRestoreTest's.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class ExportApiTest {
    @TestHTTPResource("/import")
    URL importUrl;

    @Inject
    GraphStore store;

    @Test
    void onlyAWriterMayExport() {
        RestAssured.given().get("/export").then().statusCode(401);
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .get("/export")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"))
                .body("message", containsString("writer"));
        Gql.as(ChangesApiTest.OPERATOR, ChangesApiTest.OPERATOR_PASSWORD)
                .get("/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("asegraph-export-v"));
    }

    @Test
    void theExportHoldsEveryResourceAndImportsBackUnchanged() throws Exception {
        ImportResourceTest.Answer imported = ImportResourceTest.post(
                HttpClient.newHttpClient(),
                importUrl,
                "",
                "application/json",
                ImportResourceTest.bytes(TestEstate.estate("export18")));
        assertEquals(200, imported.status(), imported.body()::toString);
        // And a resource held back for a placeholder: a NIC whose subnet (and NSG) were never imported.
        String nic = Files.readString(Path.of("src/test/resources/shapes/partial-nic-only.json"))
                .replace("partial-app-rg", "export18-app-rg")
                .replace("partial-net-rg", "export18-net-rg")
                .replace("partial-sec-rg", "export18-sec-rg")
                .replace("lone-nic", "export18-nic");
        ImportResourceTest.Answer held = ImportResourceTest.post(
                HttpClient.newHttpClient(), importUrl, "", "application/json", nic.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, held.status(), held.body()::toString);
        String nicId = TestEstate.read(nic).get(0).path("id").asText().toLowerCase(Locale.ROOT);

        byte[] export = Gql.given()
                .get("/export")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .extract()
                .asByteArray();
        JsonNode document = TestEstate.read(new String(export, StandardCharsets.UTF_8));
        Set<String> ids = new HashSet<>();
        document.forEach(r -> ids.add(r.path("id").asText().toLowerCase(Locale.ROOT)));
        long resources = store.read(tx -> tx.run("MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Unresolved AND NOT"
                                + " n:SecurityRule AND NOT n:Route AND NOT n:ServiceTag AND NOT n:ResourceVersion"
                                + " RETURN count(n) AS c")
                        .single()
                        .get("c")
                        .asLong())
                + store.read(tx -> tx.run("MATCH ()-[r:PEERED_WITH|CONNECTS]->() RETURN count(r) AS c")
                        .single()
                        .get("c")
                        .asLong());
        Set<String> names = new HashSet<>();
        document.forEach(r -> names.add(r.path("name").asText()));
        for (JsonNode r : TestEstate.estate("export18")) {
            // an endpoint may be given without an id (the service makes one from its name)
            assertTrue(
                    r.has("id")
                            ? ids.contains(r.path("id").asText().toLowerCase(Locale.ROOT))
                            : names.contains(r.path("name").asText()),
                    r::toString);
        }

        long version = version();
        ImportResourceTest.Answer back = ImportResourceTest.post(
                HttpClient.newHttpClient(), importUrl, "?dryRun=true&diff=true", "application/json", export);
        assertEquals(200, back.status(), back.body()::toString);
        // Held back, as the snapshot's loader decides it: in a subnet or VNet that is a placeholder, or an app on an
        // ASE that is (or is in one). Each is compared with its stored record, as any other resource: unchanged.
        Set<String> heldBack = new HashSet<>(
                store.read(tx -> tx.run("MATCH (n)-[:DEPLOYED_IN|IN_SUBNET|IN_VNET|HOSTED_ON*1..2]->(u:Unresolved)"
                                + " RETURN DISTINCT toLower(n.id) AS id")
                        .list(r -> r.get("id").asString())));
        assertTrue(heldBack.contains(nicId), () -> "the NIC is held back: " + heldBack);
        assertTrue(ids.contains(nicId), "the export holds the held-back NIC");
        assertEquals(
                0,
                back.body().get("changes").size(),
                () -> "no drift at all: " + back.body().get("changes"));
        assertEquals(0, back.body().get("created").asInt(), back.body()::toString);
        assertEquals(0, back.body().get("updated").asInt(), back.body()::toString);
        assertTrue(back.body().get("unchanged").asLong() >= resources, back.body()::toString);
        assertEquals(version, version(), "a dry run writes nothing");
    }

    private long version() {
        return store.read(tx -> tx.run("MATCH (m:AsegraphMeta) RETURN m.version AS v")
                .single()
                .get("v")
                .asLong());
    }
}
