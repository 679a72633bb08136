package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator's streamed JSON ({@link BenchJson#generator}): every string reads back with a plain Jackson mapper
 * exactly as written, text is UTF-8 as az writes it, and the two layouts of {@link JsonLayout} are exact.
 */
class JsonLayoutTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Writes with the bench's generator and returns the bytes as text. */
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String written(boolean pretty, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = BenchJson.generator(bytes, pretty)) {
            body.write(json);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "quote \" inside",
                "back\\slash",
                "new\nline\ttab\rreturn",
                "\u0000\u0001\u001f",
                "Z\u00fcrich \u2013 \u20ac",
                "emoji \ud83d\ude00",
                "Requested by \"Contoso Z\u00fcrich\" (see \\\\share\\net)",
                ""
            })
    void stringsRoundTrip(String text) throws IOException {
        for (boolean pretty : new boolean[] {false, true}) {
            String json = written(pretty, g -> {
                g.writeStartObject();
                g.writeStringField(text, text);
                g.writeArrayFieldStart("list");
                g.writeString(text);
                g.writeNumber(7);
                g.writeBoolean(true);
                g.writeNull();
                g.writeEndArray();
                g.writeEndObject();
            });
            JsonNode node = PLAIN.readTree(json);
            assertEquals(text, node.path(text).textValue(), json);
            assertEquals(text, node.path("list").get(0).textValue());
            assertEquals(7, node.path("list").get(1).intValue());
            assertTrue(node.path("list").get(2).booleanValue());
            assertTrue(node.path("list").get(3).isNull());
        }
    }

    @Test
    void writesTextAsUtf8AndEscapesOnlyQuoteBackslashAndControlCharacters() throws IOException {
        String text = "\"Z\u00fcrich\" \u2013 \\\\share \ud83d\ude00 \u001f\n";
        String json = written(false, g -> g.writeArray(new String[] {text}, 0, 1));
        assertEquals("[\n\"\\\"Z\u00fcrich\\\" \u2013 \\\\\\\\share \ud83d\ude00 \\u001f\\n\"\n]\n", json);
    }

    @Test
    void compactLayoutPutsEachTopLevelElementOnItsOwnLine() throws IOException {
        String json = written(false, g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeNumberField("a", 1);
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("b", "x");
            g.writeArrayFieldStart("c");
            g.writeNumber(1);
            g.writeNumber(2);
            g.writeEndArray();
            g.writeObjectFieldStart("d");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        });
        assertEquals("[\n{\"a\":1},\n{\"b\":\"x\",\"c\":[1,2],\"d\":{}}\n]\n", json);
    }

    @Test
    void compactLayoutWritesATopLevelObjectOnOneLine() throws IOException {
        String json = written(false, g -> {
            g.writeStartObject();
            g.writeNumberField("changeNumber", 7);
            g.writeArrayFieldStart("values");
            g.writeStartObject();
            g.writeNullField("networkFeatures");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
        assertEquals("{\"changeNumber\":7,\"values\":[{\"networkFeatures\":null}]}\n", json);
    }

    @Test
    void emptyTopLevelArrayIsOneLine() throws IOException {
        assertEquals("[]\n", written(false, g -> {
            g.writeStartArray();
            g.writeEndArray();
        }));
        assertEquals("[]\n", written(true, g -> {
            g.writeStartArray();
            g.writeEndArray();
        }));
    }

    @Test
    void prettyLayoutIndentsByTwoSpacesAsAzPrints() throws IOException {
        String json = written(true, g -> {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("name", "vnet-1");
            g.writeObjectFieldStart("properties");
            g.writeArrayFieldStart("addressPrefixes");
            g.writeString("10.0.0.0/16");
            g.writeEndArray();
            g.writeArrayFieldStart("dnsServers");
            g.writeEndArray();
            g.writeBooleanField("enableDdosProtection", false);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        });
        assertEquals(
                """
                [
                  {
                    "name": "vnet-1",
                    "properties": {
                      "addressPrefixes": [
                        "10.0.0.0/16"
                      ],
                      "dnsServers": [],
                      "enableDdosProtection": false
                    }
                  }
                ]
                """,
                json);
    }

    @Test
    void prettyLayoutIndentsBeyondItsPrecomputedSpaces() throws IOException {
        int depth = 150;
        String json = written(true, g -> {
            for (int i = 0; i < depth; i++) {
                g.writeStartArray();
            }
            g.writeNumber(1);
            for (int i = 0; i < depth; i++) {
                g.writeEndArray();
            }
        });
        String[] lines = json.split("\n");
        assertEquals(2 * depth + 1, lines.length);
        for (int i = 0; i < lines.length; i++) {
            int level = i <= depth ? i : 2 * depth - i;
            String expected = " ".repeat(2 * level) + (i < depth ? "[" : i == depth ? "1" : "]");
            assertEquals(expected, lines[i], "line " + i);
        }
    }
}
