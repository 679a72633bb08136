package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON reads back with Jackson exactly as written, whatever the string holds. */
class JsonWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" inside", "back\\slash", "new\nline\ttab\rreturn", "\u0000\u0001\u001f",
        "Z\u00fcrich \u2013 \u20ac", "emoji \ud83d\ude00", ""})
    void stringsRoundTrip(String text) throws IOException {
        for (boolean pretty : new boolean[] {false, true}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonWriter json = new JsonWriter(bytes, pretty)) {
                json.beginObject().field(text, text).name("list").beginArray().value(text).value(7).value(true)
                        .nullValue().endArray().endObject();
            }
            JsonNode node = MAPPER.readTree(bytes.toByteArray());
            assertEquals(text, node.path(text).asText());
            assertEquals(text, node.path("list").get(0).asText());
            assertEquals(7, node.path("list").get(1).asInt());
            assertEquals(true, node.path("list").get(2).asBoolean());
            assertEquals(true, node.path("list").get(3).isNull());
        }
    }

    @Test
    void loneSurrogateBecomesTheReplacementCharacter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonWriter json = new JsonWriter(bytes, false)) {
            json.beginArray().value("a\ud800b").endArray();
        }
        assertEquals("a\ufffdb", MAPPER.readTree(bytes.toByteArray()).get(0).asText());
    }

    @Test
    void compactLayoutPutsEachTopLevelElementOnItsOwnLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonWriter json = new JsonWriter(bytes, false)) {
            json.beginArray();
            json.beginObject().field("a", 1).endObject();
            json.beginObject().field("b", "x").name("c").beginArray().value(1).value(2).endArray().endObject();
            json.endArray();
        }
        assertEquals("[\n{\"a\":1},\n{\"b\":\"x\",\"c\":[1,2]}\n]\n", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void rejectsMalformedNesting() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonWriter json = new JsonWriter(bytes, false);
        json.beginObject();
        assertThrows(IllegalStateException.class, () -> json.value("no name"));
        assertThrows(IllegalStateException.class, json::endArray);
        JsonWriter other = new JsonWriter(new ByteArrayOutputStream(), false);
        other.beginArray();
        assertThrows(IllegalStateException.class, () -> other.name("x"));
        assertThrows(IllegalStateException.class, other::close);
    }
}
