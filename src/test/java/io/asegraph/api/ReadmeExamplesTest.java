package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every example of README.md, run in order on a fresh service with the reference topology (as the README's first
 * command starts it), each shown answer compared with the real one field by field ({@link ReadmeExamples}). An example
 * that changes the state changes it for those after it, as for a reader who runs them in order.
 */
@QuarkusTest
@TestProfile(ReadmeExamplesTest.Fresh.class)
class ReadmeExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A service of its own, on a fresh data directory seeded with the reference topology. */
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asegraph.store.data-directory", "target/test-data/readme-" + UUID.randomUUID());
        }
    }

    static List<ReadmeExamples.Step> readme() throws Exception {
        return ReadmeExamples.parse(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    }

    @Test
    void everyExampleOfTheReadmeGivesTheAnswerItShows() throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder answers = new StringBuilder();
        int answered = 0;
        for (ReadmeExamples.Step step : readme()) {
            if (step instanceof ReadmeExamples.Import imp) {
                int status = Gql.given()
                        .contentType(ContentType.JSON)
                        .body(Files.readAllBytes(imp.file()))
                        .post("/import")
                        .then()
                        .extract()
                        .statusCode();
                if (status != 200) {
                    problems.add("README line " + imp.line() + ": import of " + imp.file() + " answered " + status);
                }
                continue;
            }
            ReadmeExamples.Example ex = (ReadmeExamples.Example) step;
            JsonNode response = JSON.readTree(Gql.given()
                    .contentType(ContentType.JSON)
                    .body(Gql.body(ex.document()))
                    .post("/graphql")
                    .then()
                    .extract()
                    .asString());
            answers.append("README line ")
                    .append(ex.line())
                    .append(":\n")
                    .append(response)
                    .append("\n\n");
            if (ex.shown() == null) {
                if (response.has("errors")) {
                    problems.add("README line " + ex.line() + ": " + response.get("errors"));
                }
                continue;
            }
            answered++;
            for (String m : ReadmeExamples.mismatches(JSON.readTree(ex.shown()), response)) {
                problems.add("README line " + ex.line() + ": " + m);
            }
        }
        // Every real answer, for whoever updates the README: target/readme-answers.txt.
        Files.writeString(Path.of("target/readme-answers.txt"), answers);
        assertEquals(List.of(), problems);
        assertTrue(answered >= 15, "the README's examples with answers were found: " + answered);
    }

    @Test
    void anAnswerEditedToAWrongValueIsCaught() throws Exception {
        // The check itself can fail: the README's first example with an answer, its first shown string changed.
        ReadmeExamples.Example first = readme().stream()
                .filter(s -> s instanceof ReadmeExamples.Example e && e.shown() != null)
                .map(ReadmeExamples.Example.class::cast)
                .findFirst()
                .orElseThrow();
        JsonNode response = JSON.readTree(Gql.given()
                .contentType(ContentType.JSON)
                .body(Gql.body(first.document()))
                .post("/graphql")
                .then()
                .extract()
                .asString());
        JsonNode shown = JSON.readTree(first.shown());
        assertEquals(List.of(), ReadmeExamples.mismatches(shown, response));
        JsonNode wrong = shown.deepCopy();
        assertTrue(editFirstString(wrong), "the first example shows a string");
        assertFalse(ReadmeExamples.mismatches(wrong, response).isEmpty());
    }

    @Test
    void theWildcardsStandForAnyRunOfCharacters() {
        assertTrue(ReadmeExamples.glob(".../networkSecurityGroups/ase-two-nsg")
                .matcher(
                        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/ase-two-nsg")
                .matches());
        assertTrue(
                ReadmeExamples.glob("W/\"…\"").matcher("W/\"0000000000000007\"").matches());
        assertFalse(ReadmeExamples.glob(".../ase-two-nsg")
                .matcher(".../ase-one-nsg")
                .matches());
        assertFalse(ReadmeExamples.glob("10.0.1.0/26").matcher("10.0.1.0/27").matches());
    }

    private static boolean editFirstString(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (var it = o.fields(); it.hasNext(); ) {
                var f = it.next();
                if (f.getValue().isTextual()) {
                    o.put(f.getKey(), f.getValue().asText() + "-edited");
                    return true;
                }
                if (editFirstString(f.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode c : node) {
                if (editFirstString(c)) {
                    return true;
                }
            }
        }
        return false;
    }
}
