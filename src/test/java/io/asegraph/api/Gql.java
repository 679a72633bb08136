package io.asegraph.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Posts real GraphQL documents with variables to the running service (no hand-escaped JSON), as the test profile's
 * user {@link #USER} (roles reader and writer, from {@code src/test/resources/test-users.properties}) with preemptive
 * basic auth.
 */
public final class Gql {
    /** The test users file's user with both roles. */
    public static final String USER = "tester";

    public static final String PASSWORD = "tester-secret";
    /** The test users file's user with the role reader only. */
    public static final String READER = "reader";

    public static final String READER_PASSWORD = "reader-secret";
    /** The test users file's user without a role. */
    public static final String NOBODY = "nobody";

    public static final String NOBODY_PASSWORD = "nobody-secret";

    private Gql() {}

    /** A request as {@link #USER}. */
    public static RequestSpecification given() {
        return as(USER, PASSWORD);
    }

    /** A request as {@code user} (preemptive basic auth). */
    public static RequestSpecification as(String user, String password) {
        return io.restassured.RestAssured.given().auth().preemptive().basic(user, password);
    }

    /** The {@code Authorization} header value of basic auth for {@code user}. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The body of a GraphQL request: the document and its variables, given as name, value, name, value ... */
    public static Map<String, Object> body(String document, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", vars);
        return body;
    }

    public static ValidatableResponse post(String document, Object... variables) {
        return given().contentType(ContentType.JSON)
                .body(body(document, variables))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200);
    }
}
