package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code estateChanged} over a real WebSocket at {@code /graphql} (the JDK's client, protocol
 * {@code graphql-transport-ws}, basic auth on the upgrade request): an import by another user through
 * {@code POST /import} arrives as one event with the store version, operation, principal and counts of that import;
 * an upgrade without credentials is refused.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class EstateChangedSubscriptionTest {
    static final String SUBSCRIPTION =
            "subscription { estateChanged { version operation principal at created updated unchanged removed } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URL graphql;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Text frames as they arrive, one message each. */
    static final class Frames implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.path("type").asText().equals("ping")) {
                        ws.sendText("{\"type\":\"pong\"}", true); // the protocol's keep-alive, not an event
                    } else {
                        messages.add(message);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        /** The next message, or null after {@code seconds}. */
        JsonNode next(long seconds) throws InterruptedException {
            return messages.poll(seconds, TimeUnit.SECONDS);
        }
    }

    private URI websocket() {
        return URI.create(graphql.toString().replaceFirst("^http", "ws"));
    }

    private WebSocket open(Frames frames, String authorization) throws Exception {
        WebSocket.Builder b =
                http.newWebSocketBuilder().subprotocols("graphql-transport-ws").connectTimeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.buildAsync(websocket(), frames).get(30, TimeUnit.SECONDS);
    }

    private static void send(WebSocket ws, Map<String, Object> message) throws Exception {
        ws.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    /** Imports {@code p}'s estate as the writer-only user {@code operator}; its answer. */
    private static JsonPath importAsOperator(String p) {
        return new JsonPath(Gql.as(ChangesApiTest.OPERATOR, ChangesApiTest.OPERATOR_PASSWORD)
                .body(ImportResourceTest.bytes(TestEstate.estate(p)))
                .post("/import")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static long storeVersion() {
        return ((Number) Gql.post("{ changes(limit: 1) { version } }")
                        .extract()
                        .jsonPath()
                        .get("data.changes[0].version"))
                .longValue();
    }

    @Test
    void anImportArrivesAsOneEventWithItsVersionOperationPrincipalAndCounts() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = open(frames, Gql.basic(Gql.READER, Gql.READER_PASSWORD));
        try {
            send(ws, Map.of("type", "connection_init", "payload", Map.of()));
            JsonNode ack = frames.next(20);
            assertNotNull(ack, "no connection_ack");
            assertEquals("connection_ack", ack.path("type").asText(), ack.toString());
            send(ws, Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", SUBSCRIPTION)));
            // The subscription is live once an event arrives: probe with imports of estates of their own until one does
            // (the server attaches the subscription asynchronously after the subscribe message).
            JsonNode first = null;
            for (int probe = 0; first == null && probe < 10; probe++) {
                importAsOperator("sub-probe" + probe);
                first = frames.next(3);
            }
            assertNotNull(first, "no event after 10 probe imports");
            assertEquals("next", first.path("type").asText(), first.toString());
            while (frames.next(1) != null) {
                // events of probe imports that were in flight
            }

            JsonPath imported = importAsOperator("sub");
            long version = storeVersion();
            JsonNode event = frames.next(20);
            assertNotNull(event, "no event for the import");
            assertEquals("next", event.path("type").asText(), event.toString());
            assertEquals("1", event.path("id").asText());
            JsonNode change = event.path("payload").path("data").path("estateChanged");
            assertEquals(version, change.path("version").asLong(), change.toString());
            assertEquals("POST /import", change.path("operation").asText());
            assertEquals(ChangesApiTest.OPERATOR, change.path("principal").asText());
            assertEquals(imported.getLong("created"), change.path("created").asLong());
            assertEquals(imported.getLong("updated"), change.path("updated").asLong());
            assertEquals(imported.getLong("unchanged"), change.path("unchanged").asLong());
            assertEquals(imported.getLong("removed"), change.path("removed").asLong());
            assertTrue(change.path("created").asLong() > 0, "the import created resources: " + change);
            assertEquals(
                    Gql.post("{ changes(limit: 1) { at } }")
                            .extract()
                            .jsonPath()
                            .getString("data.changes[0].at"),
                    change.path("at").asText(),
                    "the event is the change record of that version");
            assertNull(frames.next(1), "one event per write");
            send(ws, Map.of("id", "1", "type", "complete"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void anUpgradeWithoutCredentialsIsRefusedWith401() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(websocket(), new Frames())
                .get(30, TimeUnit.SECONDS));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(401, refused.getResponse().statusCode());
    }

    @Test
    void anUpgradeByAUserWithoutARoleIsRefusedWith403() {
        ExecutionException e = assertThrows(
                ExecutionException.class, () -> open(new Frames(), Gql.basic(Gql.NOBODY, Gql.NOBODY_PASSWORD)));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(403, refused.getResponse().statusCode());
    }
}
