package io.asegraph.api;

import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The first start with no users file and no token issuer configured, as the README's first command runs: the service
 * creates the user admin (reader and writer) with a random password in {@code <data>/initial-admin-password}, readable
 * by its owner only, and a bcrypt users file beside it.
 */
@QuarkusTest
@TestProfile(InitialAdminTest.FirstStart.class)
class InitialAdminTest {
    /**
     * A config profile of its own, so none of the {@code %test} settings apply (no test users file); a fresh data
     * directory, no seed (nothing here reads it), a random port.
     */
    public static class FirstStart implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "first-start";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            String data = "target/test-data/first-start-" + UUID.randomUUID();
            return Map.of(
                    "quarkus.http.test-port", "0",
                    "asegraph.store.data-directory", data,
                    "asegraph.seed.enabled", "false",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", data + "/" + LOG);
        }
    }

    /** The service's log of this start, in a file of its own in the data directory. */
    static final String LOG = "service.log";

    /** The log names the password's file, never the password (nor the users file's hash of it). */
    @Test
    void theLogNamesThePasswordFileButNeverThePassword() throws Exception {
        String password =
                Files.readString(Path.of(data, "initial-admin-password")).trim();
        String log = Files.readString(Path.of(data, LOG));
        assertTrue(log.contains("initial-admin-password"), log);
        assertFalse(log.contains(password), "the log holds the initial password");
        String hash = Files.readString(Path.of(data, "users.properties")).replaceAll("(?s).*admin=([^;]+);.*", "$1");
        assertFalse(log.contains(hash), "the log holds the password's hash");
    }

    @Inject
    @ConfigProperty(name = "asegraph.store.data-directory")
    String data;

    @Test
    void theInitialPasswordFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = Path.of(data, "initial-admin-password");
        assertTrue(Files.isRegularFile(file), file::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(data, "users.properties"))));
    }

    @Test
    void theUsersFileHoldsABcryptHashNotThePassword() throws Exception {
        String password =
                Files.readString(Path.of(data, "initial-admin-password")).trim();
        String users = Files.readString(Path.of(data, "users.properties"));
        assertFalse(users.contains(password));
        assertTrue(users.contains("admin=$2a$"), users);
        assertTrue(users.contains(";reader,writer"), users);
    }

    @Test
    void adminWithTheInitialPasswordReadsAndWrites() throws Exception {
        String password =
                Files.readString(Path.of(data, "initial-admin-password")).trim();
        Gql.as("admin", password)
                .contentType(ContentType.JSON)
                .body(Gql.body("{ environments { name } }"))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.environments", notNullValue());
        Gql.as("admin", password)
                .contentType(ContentType.JSON)
                .body(Gql.body("mutation { importResources(document: \"[]\", dryRun: true) { dryRun } }"))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue());
        Gql.as("admin", password + "x")
                .contentType(ContentType.JSON)
                .body(Gql.body("{ environments { name } }"))
                .post("/graphql")
                .then()
                .statusCode(401);
        // The test users file is not read in this profile.
        Gql.given()
                .contentType(ContentType.JSON)
                .body(Gql.body("{ environments { name } }"))
                .post("/graphql")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
    }
}
