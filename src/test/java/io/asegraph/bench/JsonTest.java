package io.asegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @ParameterizedTest(name = "{0} has a top-level errors member: {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"errors\":[{\"message\":\"x\"}],\"data\":null}                 | true",
            "  {\"data\":{\"a\":1},\"errors\":[]}                             | true",
            "{\"data\":{\"errors\":[1]}}                                      | false",
            "{\"data\":{\"name\":\"errors\"}}                                 | false",
            "{\"data\":{\"name\":\"say \\\"errors\\\" twice\"},\"x\":\"errors\"} | false",
            "[{\"errors\":1}]                                                 | false",
            "{\"data\":[{\"errors\":1}],\"extensions\":{}}                    | false",
    })
    void findsOnlyATopLevelMember(String json, boolean expected) {
        assertEquals(expected, Json.hasTopLevelKey(json, "errors"));
    }

    @Test
    void parsesWhatItWritesBackToTheSameTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "quote \" backslash \\ newline \n tab \t é ✓");
        tree.put("whole", 42L);
        tree.put("negative", -7L);
        tree.put("fraction", 0.125);
        tree.put("flag", true);
        tree.put("nothing", null);
        tree.put("list", List.of(1L, "two", List.of(), Map.of()));
        for (boolean pretty : new boolean[] {false, true}) {
            assertEquals(tree, Json.parse(Json.write(tree, pretty)));
        }
    }

    @Test
    void writesDoublesWithSixSignificantDigitsAndNaNAsNull() {
        assertEquals("[0.333333,2,1234570,null]", Json.write(List.of(1.0 / 3, 2.0, 1234567.0, Double.NaN), false));
    }

    @Test
    void rejectsTrailingTextAndBrokenDocuments() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
    }
}
