package io.asegraph.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A name two resources share is AMBIGUOUS_REFERENCE through GraphQL (never INVALID_ARGUMENT or UNKNOWN_REFERENCE), and
 * the message names both candidates by id, so the caller can ask again by id. Two endpoints of this class's own, named
 * alike, imported for each test and deleted after it.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class AmbiguousReferenceApiTest {
    private static final String FIRST = "/asegraph/endpoints/ambiguity-twin-a";
    private static final String SECOND = "/asegraph/endpoints/ambiguity-twin-b";

    @TestHTTPResource("/import")
    URL importUrl;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void importTwins() throws Exception {
        String doc = "[" + twin(FIRST, "198.51.100.21") + "," + twin(SECOND, "198.51.100.22") + "]";
        Answer a =
                ImportResourceTest.post(http, importUrl, "", "application/json", doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.body()::toString);
    }

    private static String twin(String id, String address) {
        return """
                {"id": "%s", "name": "ambiguity-twin", "type": "asegraph/endpoints", "location": "westus",
                 "addresses": ["%s"]}"""
                .formatted(id, address);
    }

    @AfterEach
    void deleteTwins() {
        for (String id : new String[] {FIRST, SECOND}) {
            Gql.post("mutation($id: String!) { deleteResource(id: $id, cascade: true) { deleted } }", "id", id)
                    .body("errors", nullValue());
        }
    }

    @Test
    void aNameTwoEndpointsShareIsAnAmbiguousReferenceNamingBothToEveryQuestion() {
        for (String query : new String[] {
            "{ flow(from: \"ase-one\", to: \"ambiguity-twin\", port: 443) { verdict } }",
            "{ callSource(from: \"ase-one\", to: \"ambiguity-twin\") { kind } }",
            "{ requiredAccess(from: \"ase-one\", to: \"ambiguity-twin\", port: 443) { satisfied } }"
        }) {
            Gql.post(query)
                    .body("errors[0].extensions.code", equalTo("AMBIGUOUS_REFERENCE"))
                    .body("errors[0].message", allOf(containsString(FIRST), containsString(SECOND)));
        }
    }

    @Test
    void eachTwinByItsIdIsAnAnswer() {
        Gql.post("query($to: String!) { flow(from: \"ase-one\", to: $to, port: 443) { verdict } }", "to", FIRST)
                .body("errors", nullValue())
                .body("data.flow.verdict", equalTo("ALLOWED"));
    }
}
