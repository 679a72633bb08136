package io.asegraph.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The bench's JSON, on Jackson. One mapper reads and writes the small documents: GraphQL request bodies and answers,
 * import results and {@code results.json} (doubles with six significant digits, NaN and infinities as null).
 * {@link #generator} streams the large estate files in constant memory in a {@link JsonLayout}. {@link #topLevelKeys}
 * checks an answer's top-level members on the streaming parser without building a tree (it runs on every measured
 * answer, so that checking costs the load driver little).
 */
final class BenchJson {
    /**
     * UTF-8 as az writes it: non-ASCII text and surrogate pairs as they are, only quote, backslash and control
     * characters escaped (lower-case hex). A generator closed early leaves its document unfinished (visibly broken)
     * rather than closing the open containers.
     */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private BenchJson() {}

    /**
     * The mapper: strict reading (no trailing text after the value), doubles written with six significant digits.
     * Built on first use, so that writing an estate loads no databind.
     */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new SimpleModule("bench-numbers")
                        .addSerializer(Double.class, new SignificantDigits())
                        .addSerializer(Float.class, new SignificantDigits()))
                .build();
    }

    /** Parses one JSON object; anything else (invalid JSON, trailing text, an array, nothing) is refused. */
    static ObjectNode parseObject(String text) {
        JsonNode node;
        try {
            node = Mapper.INSTANCE.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(
                    "invalid JSON" + (at == null ? "" : " at offset " + at.getCharOffset()) + ": "
                            + e.getOriginalMessage(),
                    e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object, got "
                    + (node.isMissingNode()
                            ? "nothing"
                            : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return object;
    }

    /** Compact JSON of a tree of maps, lists, strings, numbers, booleans, enums (by name) and nulls. */
    static String write(Object value) {
        try {
            return Mapper.INSTANCE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** {@link #write} in the {@link JsonLayout#pretty()} layout, ending with a newline. */
    static String writePretty(Object value) {
        try {
            return Mapper.INSTANCE.writer(JsonLayout.pretty()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * A streaming UTF-8 generator on {@code out}, in the pretty or the lines layout of {@link JsonLayout}; closing it
     * flushes and closes {@code out}.
     */
    static JsonGenerator generator(OutputStream out, boolean pretty) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(pretty ? JsonLayout.pretty() : JsonLayout.lines());
        return g;
    }

    /**
     * The member names of the JSON object in {@code json}, read on the streaming parser: each member's value is
     * skipped, never built. A text that is not one well-formed JSON object has no members.
     */
    static Set<String> topLevelKeys(String json) {
        Set<String> keys = new HashSet<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Set.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return Set.of();
            }
            return keys;
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** A double or float in plain notation with six significant digits ({@code 0.333333}, {@code 1234570}). */
    private static final class SignificantDigits extends StdSerializer<Number> {
        private static final MathContext SIX_DIGITS = new MathContext(6);

        SignificantDigits() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator g, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeNumber(new BigDecimal(d).round(SIX_DIGITS).stripTrailingZeros());
            }
        }
    }
}
