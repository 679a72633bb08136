package io.asegraph.graph;

import java.util.List;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Strict reads of driver values: a missing key is absent, never the string "null". */
final class Values {
    private Values() {}

    static Optional<String> string(Record r, String key) {
        if (!r.containsKey(key)) {
            return Optional.empty();
        }
        Value v = r.get(key);
        return v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }

    static String string(Record r, String key, String fallback) {
        return string(r, key).orElse(fallback);
    }

    static List<String> strings(Record r, String key) {
        if (!r.containsKey(key) || r.get(key).isNull()) {
            return List.of();
        }
        return r.get(key).asList(Value::asString);
    }

    static boolean bool(Record r, String key, boolean fallback) {
        if (!r.containsKey(key) || r.get(key).isNull()) {
            return fallback;
        }
        return r.get(key).asBoolean();
    }

    static long number(Record r, String key, long fallback) {
        if (!r.containsKey(key) || r.get(key).isNull()) {
            return fallback;
        }
        return r.get(key).asLong();
    }
}
