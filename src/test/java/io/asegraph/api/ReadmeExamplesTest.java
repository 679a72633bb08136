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
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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

    /** The documents whose examples run: the README, then the benchmark's (its shell blocks are all marked). */
    static final List<String> DOCUMENTS = List.of("README.md", "bench/README.md");

    static List<ReadmeExamples.Step> readme() throws Exception {
        return steps("README.md");
    }

    static List<ReadmeExamples.Step> steps(String document) throws Exception {
        return ReadmeExamples.parse(Files.readString(Path.of(document), StandardCharsets.UTF_8));
    }

    @Test
    void everyExampleOfTheReadmeGivesTheAnswerItShows() throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder answers = new StringBuilder();
        int answered = 0;
        for (String document : DOCUMENTS) {
            for (ReadmeExamples.Step step : steps(document)) {
                answered += perform(document, step, problems, answers);
            }
        }
        // Every real answer, for whoever updates the README: target/readme-answers.txt.
        Files.writeString(Path.of("target/readme-answers.txt"), answers);
        assertEquals(List.of(), problems);
        assertTrue(answered >= 15, "the README's examples with answers were found: " + answered);
    }

    /** Performs one step of {@code document}, adding what differs to {@code problems}; 1 when it had an answer. */
    private static int perform(String document, ReadmeExamples.Step step, List<String> problems, StringBuilder answers)
            throws Exception {
        String at = (document.equals("README.md") ? "README" : document) + " line " + step.line() + ": ";
        if (step instanceof ReadmeExamples.Skipped) {
            return 0; // listed by theShellBlocksNotRunAreListedWithTheirReason
        }
        if (step instanceof ReadmeExamples.Command c) {
            problems.addAll(run(at, c, answers));
            return c.shown() == null ? 0 : 1;
        }
        if (step instanceof ReadmeExamples.Import imp) {
            int status = Gql.given()
                    .contentType(ContentType.JSON)
                    .body(Files.readAllBytes(imp.file()))
                    .post("/import")
                    .then()
                    .extract()
                    .statusCode();
            if (status != 200) {
                problems.add(at + "import of " + imp.file() + " answered " + status);
            }
            return 0;
        }
        ReadmeExamples.Example ex = (ReadmeExamples.Example) step;
        JsonNode response = graphql(ex.document());
        answers.append(at).append('\n').append(response).append("\n\n");
        if (ex.shown() == null) {
            if (response.has("errors")) {
                problems.add(at + response.get("errors"));
            }
            return 0;
        }
        for (String m : ReadmeExamples.mismatches(JSON.readTree(ex.shown()), response)) {
            problems.add(at + m);
        }
        return 1;
    }

    /** The whole response to {@code document}, posted as the test's writer. */
    private static JsonNode graphql(String document) throws Exception {
        return JSON.readTree(Gql.given()
                .contentType(ContentType.JSON)
                .body(Gql.body(document))
                .post("/graphql")
                .then()
                .extract()
                .asString());
    }

    /**
     * One curl command of a shell block, performed with REST Assured against this service (no shell: {@link
     * ReadmeCurl} parsed it), its output compared with the one the README shows after the block, if any.
     */
    private static List<String> run(String at, ReadmeExamples.Command c, StringBuilder answers) throws Exception {
        ReadmeCurl curl = c.curl();
        if (curl.problem() != null) {
            return List.of(at + "cannot run (" + curl.problem() + "); mark the block <!-- not run: why -->");
        }
        RequestSpecification request = (curl.authenticated() ? Gql.given() : RestAssured.given())
                .config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(false);
        curl.headers().forEach(request::header);
        byte[] body = null;
        if (curl.dataFile() != null) {
            Path file = Path.of(curl.dataFile());
            if (!Files.isRegularFile(file)) {
                return List.of(at + curl.dataFile() + " is not a file of the repository");
            }
            body = Files.readAllBytes(file);
        } else if (curl.data() != null) {
            body = curl.data().getBytes(StandardCharsets.UTF_8);
        }
        if (body != null) {
            if (curl.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.contentType("application/x-www-form-urlencoded"); // curl's default for -d
            }
            request.body(new String(body, StandardCharsets.UTF_8));
        }
        Response response = request.request(curl.method(), curl.path());
        String text = response.asString();
        answers.append(at).append(curl.method()).append(' ').append(curl.path()).append(" → ");
        answers.append(response.statusCode()).append('\n').append(text).append("\n\n");
        if (response.statusCode() / 100 != 2 && (c.shown() == null || !c.shown().startsWith("HTTP/"))) {
            return List.of(at + curl.path() + " answered " + response.statusCode() + ": " + text);
        }
        if (c.shows() != null
                && text.lines()
                        .noneMatch(
                                l -> ReadmeExamples.glob(c.shows()).matcher(l).matches())) {
            return List.of(at + "no line of the output is '" + c.shows() + "'");
        }
        if (c.shown() == null) {
            return List.of();
        }
        String shown = c.shown().strip();
        if (shown.startsWith("{") || shown.startsWith("[")) {
            // A JSON output (an import's counts): compared as the GraphQL answers are, wildcards and all.
            return ReadmeExamples.mismatchesWhole(JSON.readTree(shown), JSON.readTree(text)).stream()
                    .map(m -> at + m)
                    .toList();
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.getHeaders().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
        return ReadmeCurl.mismatches(c.shown(), response.statusCode(), headers, text).stream()
                .map(m -> at + m)
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> theShellBlocksNotRunAreListedWithTheirReason() throws Exception {
        // Shown as skipped tests, each with the README's reason; a marker without a reason is no marker.
        List<DynamicTest> out = new ArrayList<>();
        for (String document : DOCUMENTS) {
            steps(document).stream()
                    .filter(s -> s instanceof ReadmeExamples.Skipped)
                    .map(ReadmeExamples.Skipped.class::cast)
                    .map(s ->
                            DynamicTest.dynamicTest(document + " line " + s.line() + " not run: " + s.reason(), () -> {
                                assertFalse(s.reason().isBlank());
                                Assumptions.abort(s.reason());
                            }))
                    .forEach(out::add);
        }
        return out.stream();
    }

    @Test
    void curlCommandLinesAreParsedAsAShellWouldSplitThem() {
        ReadmeCurl get = ReadmeCurl.parse(
                "curl -u admin:$(cat data/initial-admin-password) 'localhost:8080/reports/who-can-reach.csv?to=x&port=1' # c");
        assertEquals("GET", get.method());
        assertTrue(get.authenticated());
        assertEquals("/reports/who-can-reach.csv?to=x&port=1", get.path());
        ReadmeCurl post = ReadmeCurl.parse("curl -u \"$AUTH\" -H 'Content-Type: application/json'"
                + " -d '{\"query\":\"{ environments { name } }\"}' localhost:8080/graphql");
        assertEquals("POST", post.method());
        assertEquals(Map.of("Content-Type", "application/json"), post.headers());
        assertEquals("{\"query\":\"{ environments { name } }\"}", post.data());
        assertEquals(
                "src/x.json",
                ReadmeCurl.parse("curl --data-binary @src/x.json localhost:8080/import")
                        .dataFile());
        assertTrue(
                ReadmeCurl.parse("curl -u someone:pw localhost:8080/q/metrics").problem() != null);
        assertTrue(ReadmeCurl.parse("curl https://example.org/").problem() != null);
    }

    @Test
    void aShownOutputEditedToAWrongValueIsCaught() {
        String real = "a,b\nx,ASEV1\n";
        Map<String, String> headers = Map.of("Content-Type", "text/csv;charset=utf-8");
        assertEquals(List.of(), ReadmeCurl.mismatches("a,b\nx,…\n", 200, headers, real));
        assertEquals(
                List.of(),
                ReadmeCurl.mismatches(
                        "HTTP/1.1 200 OK\nContent-Type: text/csv…\n\na,b\nx,ASEV1\n", 200, headers, real));
        assertFalse(ReadmeCurl.mismatches("a,b\nx,ASEV2\n", 200, headers, real).isEmpty());
        assertFalse(ReadmeCurl.mismatches("a,b\n", 200, headers, real).isEmpty());
        assertFalse(ReadmeCurl.mismatches("HTTP/1.1 404 Not Found\n\na,b\nx,ASEV1\n", 200, headers, real)
                .isEmpty());
    }

    @Test
    void anAnswerEditedToAWrongValueIsCaught() throws Exception {
        // The check itself can fail: the README's first example with an answer, its first shown string changed.
        ReadmeExamples.Example first = readme().stream()
                .filter(s -> s instanceof ReadmeExamples.Example e && e.shown() != null)
                .map(ReadmeExamples.Example.class::cast)
                .findFirst()
                .orElseThrow();
        JsonNode response = graphql(first.document());
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
