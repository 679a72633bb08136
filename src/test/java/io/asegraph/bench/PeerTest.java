package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/run --peer} without npm (CI has none): the option, the row check between our answer and the peer's,
 * what a run without Node says, the side-by-side table, and the committed peer files (pinned versions, no download
 * addresses, type definitions naming our store's labels and relationship types).
 */
class PeerTest {
    private static LoadDriver.Measurement ok(String scenario, int clients, double p50, double throughput) {
        return new LoadDriver.Measurement(
                scenario, clients, LoadDriver.Status.OK, "", 100, 0, 1, throughput, p50, p50, p50, p50, p50);
    }

    @Test
    void peerIsAFlagThatNeedsAStartedServiceAndWrk() {
        assertTrue(BenchOptions.parse("--size", "small", "--peer").peer());
        // the peer's install, start and windows get ten more minutes of cap, unless --max-minutes says otherwise
        assertEquals(
                java.time.Duration.ofMinutes(15),
                BenchOptions.parse("--size", "small", "--peer").cap());
        assertEquals(
                java.time.Duration.ofMinutes(7),
                BenchOptions.parse("--size", "small", "--peer", "--max-minutes", "7")
                        .cap());
        assertFalse(BenchOptions.parse("--size", "small").peer());
        assertThrows(
                IllegalArgumentException.class, () -> BenchOptions.parse("--peer", "--url", "http://127.0.0.1:8080"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--peer", "--driver", "jdk"));
    }

    @Test
    void rowsAreTheTotalTheIdsInOrderAndTheNestedObjectsWhetherObjectOrList() {
        String ours =
                """
                {"data": {"subnetsConnection": {"totalCount": 7, "edges": [
                  {"node": {"id": "/s/a", "name": "a", "virtualNetwork": {"id": "/v", "name": "v"}, "networkSecurityGroup": null}},
                  {"node": {"id": "/s/b", "name": "b", "virtualNetwork": {"id": "/v", "name": "v"},
                    "networkSecurityGroup": {"id": "/n", "name": "n"}}}]}}}""";
        String peer =
                """
                {"data": {"subnetsConnection": {"totalCount": 7, "edges": [
                  {"node": {"id": "/s/a", "name": "a", "virtualNetwork": [{"id": "/v", "name": "v"}], "networkSecurityGroup": []}},
                  {"node": {"id": "/s/b", "name": "b", "virtualNetwork": [{"id": "/v", "name": "v"}],
                    "networkSecurityGroup": [{"id": "/n", "name": "n"}]}}]}}}""";
        Peer.Rows a = Peer.Rows.of(ours, "subnetsConnection");
        Peer.Rows b = Peer.Rows.of(peer, "subnetsConnection");
        assertEquals(new Peer.Rows(7, List.of("/s/a", "/s/b"), 3), a);
        assertEquals(Optional.empty(), a.differsFrom(b));
    }

    @Test
    void anotherTotalAnotherOrderOrAMissingNestedObjectIsADifference() {
        Peer.Rows ours = new Peer.Rows(3, List.of("x", "y"), 4);
        assertTrue(ours.differsFrom(new Peer.Rows(2, List.of("x", "y"), 4))
                .orElseThrow()
                .contains("totalCount 3 here, 2 from the peer"));
        assertTrue(ours.differsFrom(new Peer.Rows(3, List.of("y", "x"), 4)).isPresent());
        assertTrue(ours.differsFrom(new Peer.Rows(3, List.of("x", "y"), 3))
                .orElseThrow()
                .contains("4 nested objects here, 3 from the peer"));
    }

    @Test
    void anAnswerWithErrorsOrWithoutTheFieldIsRefused() {
        assertThrows(
                BenchException.class,
                () -> Peer.Rows.of("{\"errors\": [{\"message\": \"no\"}], \"data\": null}", "subnetsConnection"));
        assertThrows(BenchException.class, () -> Peer.Rows.of("{\"data\": {}}", "subnetsConnection"));
    }

    @Test
    void withoutNodeOrNpmTheRunSaysHowToInstallThem() {
        String said = Peer.missingTools(c -> c.equals("node")).orElseThrow();
        assertTrue(said.startsWith("npm not installed"), said);
        assertTrue(said.contains("apt-get install nodejs npm"), said);
        assertEquals(Optional.empty(), Peer.missingTools(c -> true));
        assertTrue(Peer.missingTools(c -> false).orElseThrow().startsWith("node and npm not installed"));
    }

    @Test
    void theTableHasTheFloorAndOneRowPerListingWithTheRatioAtOneAndEightClients() {
        BenchResults r = new BenchResults();
        r.measurements.add(ok(BenchScenarios.FLOOR, 1, 0.12, 7000));
        r.measurements.add(ok(BenchScenarios.FLOOR, 8, 0.3, 20000));
        r.peerVersion = "@neo4j/graphql 7.6.3";
        r.peerListings.add(new BenchResults.PeerListing("NSGs", "nsgRules", "peer-nsgRules", 8, 8, null));
        r.peerListings.add(new BenchResults.PeerListing(
                "ASEs", "environmentsApps", "peer-environmentsApps", 3, 3, "totalCount 3 here, 2 from the peer"));
        r.peerMeasurements.add(ok("nsgRules", 1, 1.0, 900));
        r.peerMeasurements.add(ok("peer-nsgRules", 1, 8.0, 100));
        r.peerMeasurements.add(ok("nsgRules", 8, 2.0, 2000));
        r.peerMeasurements.add(ok("peer-nsgRules", 8, 16.0, 400));
        String md = r.markdown();
        assertTrue(md.contains("| floor `{ __typename }` |  | 0.120 ms | 7,000 | 0.300 ms | 20,000 |"), md);
        assertTrue(
                md.contains(
                        "| NSGs | 8 (8) | 1.00 ms | 900 | 2.00 ms | 2,000 | 8.00 ms | 100 | 16.0 ms | 400 | 9.00 | 5.00 |"),
                md);
        assertTrue(
                md.contains(
                        "| ASEs | 3 (3) | not timed: the peer's rows differ (totalCount 3 here, 2 from the peer) |"),
                md);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listings =
                (List<Map<String, Object>>) ((Map<String, Object>) r.json().get("peer")).get("listings");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels =
                (List<Map<String, Object>>) listings.get(0).get("levels");
        assertEquals(9.0, (Double) levels.get(0).get("throughputRatio"), 1e-9);
        assertEquals(5.0, (Double) levels.get(1).get("throughputRatio"), 1e-9);
    }

    @Test
    void aRunWithoutThePeerHasNoPeerSection() {
        assertFalse(new BenchResults().markdown().contains("side by side with the peer"));
    }

    // ---- the committed peer files ----

    @Test
    void thePeersPackagesArePinnedAndItsLockFileNamesNoDownloadAddress() throws IOException {
        JsonNode pkg = BenchJson.parseObject(Files.readString(PeerRun.DIR.resolve("package.json")));
        for (String name : List.of("@neo4j/graphql", "@apollo/server", "graphql", "neo4j-driver")) {
            String version = pkg.path("dependencies").path(name).asText();
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), name + " pinned: " + version);
        }
        assertTrue(pkg.path("dependencies").path("@neo4j/graphql").asText().startsWith("7."));
        String lock = Files.readString(PeerRun.DIR.resolve("package-lock.json"));
        assertFalse(lock.contains("\"resolved\""), "the lock file names where packages came from");
        assertTrue(Files.readString(PeerRun.DIR.resolve(".gitignore")).lines().anyMatch("node_modules/"::equals));
    }

    @Test
    void theTypeDefinitionsNameOurStoresLabelsAndRelationshipTypes() throws IOException {
        String defs = Files.readString(PeerRun.DIR.resolve("typeDefs.graphql"));
        Set<String> labels = Set.copyOf(io.asegraph.graph.Labels.RESOURCES);
        Matcher type = Pattern.compile("type (\\w+) @node").matcher(defs);
        int types = 0;
        while (type.find()) {
            assertTrue(labels.contains(type.group(1)), type.group(1) + " is a label of our store");
            types++;
        }
        assertEquals(7, types);
        Path relation = Path.of("src/main/java/io/asegraph/graph/Relation.java");
        String relations = Files.readString(relation);
        Matcher rel = Pattern.compile("@relationship\\(type: \"(\\w+)\"").matcher(defs);
        while (rel.find()) {
            assertTrue(relations.contains(":" + rel.group(1) + "]"), rel.group(1) + " is a relationship type we write");
        }
    }
}
