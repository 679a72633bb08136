package io.asegraph.api.read;

import java.util.List;
import java.util.Map;

/** Typed reads of a graph row (a node's property map). */
final class Row {
    private Row() {}

    static String str(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? null : v.toString();
    }

    static String str(Map<String, Object> row, String key, String fallback) {
        Object v = row.get(key);
        return v == null ? fallback : v.toString();
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> row, String key) {
        Object v = row.get(key);
        if (v == null) {
            return List.of();
        }
        return ((List<Object>) v).stream().map(Object::toString).toList();
    }

    static boolean bool(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Boolean b && b;
    }

    static Integer integer(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    static Long number(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? null : ((Number) v).longValue();
    }

    static String key(Map<String, Object> row) {
        return str(row, "key");
    }
}
