package io.asegraph.api;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.graph.RowCache;
import io.asegraph.service.Engines;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While a write's new version is still being built, a question from another caller is answered from the previous
 * version after at most {@code asegraph.read.stale-after} (1 s), saying so in {@code extensions.snapshot}; the caller
 * who wrote waits for its own write (read your writes). Both for the path engine and for the listing rows. The build
 * is held deterministically: the test holds the engine's (the row cache's) lock, which the background build of the new
 * version needs — no sleeps decide the outcome.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class StaleWhileBuildingApiTest {
    static final String DB_NSG = WhatIfApiTest.DB_NSG;
    static final String RULE = "stale-test-deny-1434";
    /** Only the name back: the answer to the write must not itself need the version being built. */
    static final String PUT =
            "mutation($nsg: String!, $rule: SecurityRuleInput!) { putSecurityRule(nsg: $nsg, rule: $rule) { name } }";

    static final String FLOW = "{ flow(from: \"ase-one\", to: \"db-vm-nic\", port: 1434, protocol: TCP) { verdict } }";

    static final String LISTING =
            "{ networkSecurityGroupsConnection(where: {name: {eq: \"db-nsg\"}}) { edges { node { id securityRules { name } } } } }";

    @Inject
    Engines engines;

    @Inject
    RowCache rowCache;

    static JsonPath ask(String document, String user, String password) {
        return Gql.as(user, password)
                .contentType(ContentType.JSON)
                .body(Gql.body(document))
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .extract()
                .jsonPath();
    }

    /** Asks {@code document} as the reader until its answer is of the newest version (no marker), at most a minute. */
    static JsonPath askUntilNewest(String document) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonPath answer = ask(document, Gql.READER, Gql.READER_PASSWORD);
        while (answer.get("extensions.snapshot") != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            answer = ask(document, Gql.READER, Gql.READER_PASSWORD);
        }
        return answer;
    }

    /** Removes the test's rule (not asserted: a failure before it must not be hidden by this one). */
    static void removeRule() {
        Gql.post(
                "mutation($nsg: String!, $rule: String!) { removeSecurityRule(nsg: $nsg, name: $rule) { name } }",
                "nsg",
                DB_NSG,
                "rule",
                RULE);
    }

    /**
     * Puts the test's rule as the test user: a deny of TCP 1434 from anywhere into db-nsg (whose own rules are about
     * 1433 only, so 1434 is allowed by the default AllowVnetInBound before it).
     */
    static void putRule() {
        Gql.post(PUT, "nsg", DB_NSG, "rule", ImportApiTest.inboundRule(RULE, 101, "DENY", "*", "1434"))
                .body("errors", nullValue());
    }

    /** Checks that {@code answer} carries the marker of an answer from an older version than the newest one. */
    static void markedOlder(JsonPath answer) {
        long version = answer.getLong("extensions.snapshot.version");
        long newest = answer.getLong("extensions.snapshot.newestVersion");
        assertTrue(newest > version, answer.prettify());
        assertEquals(true, answer.getBoolean("extensions.snapshot.storeAvailable"), answer.prettify());
    }

    @Test
    void anotherCallerGetsThePreviousEngineMarkedWhileTheWriterWaitsForItsOwnWrite() throws Exception {
        String before = askUntilNewest(FLOW).getString("data.flow.verdict");
        assertNotEquals("DENIED", before, "ase-one reaches db-vm-nic on 1434 before the deny");
        Object engine = ClientProxy.unwrap(engines);
        CompletableFuture<JsonPath> writersQuestion;
        try {
            synchronized (engine) { // the background build of the new version cannot finish while this is held
                putRule();
                JsonPath reader = ask(FLOW, Gql.READER, Gql.READER_PASSWORD);
                assertEquals(
                        before, reader.getString("data.flow.verdict"), "answered from the version before the deny");
                markedOlder(reader);

                writersQuestion = CompletableFuture.supplyAsync(() -> ask(FLOW, Gql.USER, Gql.PASSWORD));
                // The writer's question needs the version with its own deny: it cannot be answered while the build is
                // held. (Answered from the previous version, it would be done here, and not DENIED.)
                assertFalse(
                        completesWithin(writersQuestion, 3),
                        () -> "the writer was answered before its write was built: "
                                + writersQuestion.join().prettify());
            }
            JsonPath writer = writersQuestion.get(2, TimeUnit.MINUTES);
            assertEquals("DENIED", writer.getString("data.flow.verdict"), writer.prettify());
            assertNull(writer.get("extensions.snapshot"), "the writer's answer is of the newest version");
            JsonPath reader = askUntilNewest(FLOW);
            assertEquals("DENIED", reader.getString("data.flow.verdict"), "the reader sees the deny once it is built");
        } finally {
            removeRule();
        }
        assertEquals(before, askUntilNewest(FLOW).getString("data.flow.verdict"), "the deny removed again");
    }

    @Test
    void anotherCallerGetsThePreviousListingRowsMarkedWhileTheWriterWaitsForItsOwnWrite() throws Exception {
        assertFalse(ruleNames(askUntilNewest(LISTING)).contains(RULE), "not there before");
        Object rows = ClientProxy.unwrap(rowCache);
        CompletableFuture<JsonPath> writersListing;
        try {
            synchronized (rows) { // the background read of the new version's rows cannot finish while this is held
                putRule();
                JsonPath reader = ask(LISTING, Gql.READER, Gql.READER_PASSWORD);
                assertFalse(
                        ruleNames(reader).contains(RULE),
                        "answered from the rows before the write: " + reader.prettify());
                markedOlder(reader);

                writersListing = CompletableFuture.supplyAsync(() -> ask(LISTING, Gql.USER, Gql.PASSWORD));
                assertFalse(
                        completesWithin(writersListing, 3),
                        () -> "the writer was answered before its rows were read: "
                                + writersListing.join().prettify());
            }
            JsonPath writer = writersListing.get(2, TimeUnit.MINUTES);
            assertTrue(ruleNames(writer).contains(RULE), writer.prettify());
            assertNull(writer.get("extensions.snapshot"), "the writer's answer is of the newest version");
            assertTrue(ruleNames(askUntilNewest(LISTING)).contains(RULE), "the reader sees the rule once it is read");
        } finally {
            removeRule();
        }
        assertFalse(ruleNames(askUntilNewest(LISTING)).contains(RULE), "removed again");
    }

    /** The names of db-nsg's rules in a {@link #LISTING} answer. */
    static List<String> ruleNames(JsonPath answer) {
        List<Map<String, Object>> nodes = answer.getList("data.networkSecurityGroupsConnection.edges.node");
        for (Map<String, Object> n : nodes) {
            if (DB_NSG.equalsIgnoreCase(String.valueOf(n.get("id")))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rules = (List<Map<String, Object>>) n.get("securityRules");
                return rules.stream().map(r -> String.valueOf(r.get("name"))).toList();
            }
        }
        throw new AssertionError("db-nsg listed: " + answer.prettify());
    }

    private static boolean completesWithin(CompletableFuture<?> future, int seconds) {
        try {
            future.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }
}
