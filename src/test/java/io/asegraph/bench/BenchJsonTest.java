package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bench's small JSON documents: the answer check, strict parsing, and how results and request bodies are written. */
class BenchJsonTest {

    @ParameterizedTest(name = "{0} has a top-level errors member: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"errors\":[{\"message\":\"x\"}],\"data\":null}                 | true",
                "  {\"data\":{\"a\":1},\"errors\":[]}                             | true",
                "{\"data\":{\"errors\":[1]}}                                      | false",
                "{\"data\":{\"name\":\"errors\"}}                                 | false",
                "{\"data\":{\"name\":\"say \\\"errors\\\" twice\"},\"x\":\"errors\"} | false",
                "[{\"errors\":1}]                                                 | false",
                "{\"data\":[{\"errors\":1}],\"extensions\":{}}                    | false",
            })
    void findsOnlyATopLevelMember(String json, boolean expected) {
        assertEquals(expected, BenchJson.topLevelKeys(json).contains("errors"));
    }

    @Test
    void listsEveryTopLevelMemberAndNoNestedOne() {
        assertEquals(
                Set.of("data", "extensions"),
                BenchJson.topLevelKeys(
                        "{\"data\":{\"flow\":{\"allowed\":true,\"hops\":[{\"x\":1}]}},\"extensions\":{}}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "{\"data\":{\"a\":1}", "{\"data\":1} x", "{\"data\":1} {\"b\":2}", "{\"data\":}", "null"})
    void aTextThatIsNotOneWellFormedObjectHasNoMembers(String json) {
        assertEquals(Set.of(), BenchJson.topLevelKeys(json));
    }

    @Test
    void parsesWhatItWritesBackToTheSameValues() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "quote \" backslash \\ newline \n tab \t é ✓ \ud83d\ude00");
        tree.put("whole", 42L);
        tree.put("negative", -7L);
        tree.put("fraction", 0.125);
        tree.put("flag", true);
        tree.put("nothing", null);
        tree.put("status", LoadDriver.Status.NOT_AVAILABLE);
        tree.put("list", List.of(1L, "two", List.of(), Map.of()));
        for (String text : List.of(BenchJson.write(tree), BenchJson.writePretty(tree))) {
            JsonNode back = BenchJson.parseObject(text);
            List<String> names = new ArrayList<>();
            back.fieldNames().forEachRemaining(names::add);
            assertEquals(List.copyOf(tree.keySet()), names, text);
            assertEquals(tree.get("text"), back.path("text").textValue());
            assertEquals(42L, back.path("whole").longValue());
            assertEquals(-7L, back.path("negative").longValue());
            assertEquals(0.125, back.path("fraction").doubleValue());
            assertTrue(back.path("flag").booleanValue());
            assertTrue(back.path("nothing").isNull());
            assertEquals("NOT_AVAILABLE", back.path("status").textValue());
            assertEquals("[1,\"two\",[],{}]", back.path("list").toString());
        }
    }

    @Test
    void writesDoublesWithSixSignificantDigitsAndNaNAsNull() {
        assertEquals(
                "[0.333333,2,1234570,null,null,0.000123457]",
                BenchJson.write(List.of(1.0 / 3, 2.0, 1234567.0, Double.NaN, Double.POSITIVE_INFINITY, 0.0001234567)));
    }

    @Test
    void writesResultsInThePrettyLayoutEndingWithANewline() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("size", "small");
        tree.put("empty", List.of());
        tree.put("none", Map.of());
        tree.put("rows", List.of(Map.of("p50Ms", 0.5)));
        assertEquals(
                """
                {
                  "size": "small",
                  "empty": [],
                  "none": {},
                  "rows": [
                    {
                      "p50Ms": 0.5
                    }
                  ]
                }
                """,
                BenchJson.writePretty(tree));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1} x", "{\"a\":}", "{\"a\":1", "[1]", "\"text\"", "", "{\"a\":1}{\"b\":2}"})
    void refusesWhatIsNotOneJsonObject(String text) {
        assertThrows(IllegalArgumentException.class, () -> BenchJson.parseObject(text));
    }
}
