package io.asegraph.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens as an OpenID Connect provider (Entra ID) issues them, signed here with an RSA key made for the test
 * run: the service verifies them with the public key ({@code mp.jwt.verify.publickey.location}) and the issuer, and
 * takes the roles from the {@code roles} claim. An expired token and one signed by another key get 401.
 */
@QuarkusTest
@TestProfile(BearerTokenTest.Tokens.class)
class BearerTokenTest {
    static final String ISSUER = "https://login.example.test/tenant/v2.0";
    /** The key pair lives in files: the profile and the test may be loaded by different class loaders. */
    static final Path KEYS = Path.of("target", "test-jwt");

    public static class Tokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            keys();
            return Map.of(
                    "mp.jwt.verify.publickey.location",
                    KEYS.resolve("public.pem").toAbsolutePath().toString(),
                    "mp.jwt.verify.issuer",
                    ISSUER,
                    "%test.asegraph.store.data-directory",
                    "target/test-data/tokens-" + java.util.UUID.randomUUID(),
                    "asegraph.seed.enabled",
                    "false");
        }
    }

    /** Writes a fresh RSA key pair to {@link #KEYS} unless one is there; returns the private key. */
    static synchronized PrivateKey keys() {
        try {
            Path priv = KEYS.resolve("private.b64");
            if (!Files.isRegularFile(priv)) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair pair = g.generateKeyPair();
                Files.createDirectories(KEYS);
                Files.writeString(
                        KEYS.resolve("public.pem"),
                        "-----BEGIN PUBLIC KEY-----\n"
                                + Base64.getMimeEncoder()
                                        .encodeToString(pair.getPublic().getEncoded())
                                + "\n-----END PUBLIC KEY-----\n");
                Files.writeString(
                        priv,
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            }
            byte[] der = Base64.getDecoder().decode(Files.readString(priv).trim());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(List<String> roles, Instant expires, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .upn("alice@example.test")
                .claim("roles", roles)
                .issuedAt(expires.minusSeconds(3600))
                .expiresAt(expires)
                .sign(key);
    }

    private static ValidatableResponse post(String token, String document) {
        return RestAssured.given()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Gql.body(document))
                .post("/graphql")
                .then();
    }

    @Test
    void aValidTokenWithTheRoleReaderReadsButMayNotWrite() {
        String t = token(List.of("reader"), Instant.now().plusSeconds(600), keys());
        post(t, "{ environments { name } }").statusCode(200).body("errors", nullValue());
        post(t, "mutation { importResources(document: \"[]\", dryRun: true) { dryRun } }")
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aValidTokenWithTheRoleWriterWrites() {
        String t = token(List.of("reader", "writer"), Instant.now().plusSeconds(600), keys());
        post(t, "mutation { importResources(document: \"[]\", dryRun: true) { dryRun } }")
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.importResources.dryRun", equalTo(true));
    }

    @Test
    void anExpiredTokenIs401() {
        String t = token(List.of("reader", "writer"), Instant.now().minusSeconds(600), keys());
        post(t, "{ environments { name } }").statusCode(401).header("WWW-Authenticate", notNullValue());
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String t = token(
                List.of("reader", "writer"),
                Instant.now().plusSeconds(600),
                g.generateKeyPair().getPrivate());
        post(t, "{ environments { name } }").statusCode(401).header("WWW-Authenticate", notNullValue());
    }
}
