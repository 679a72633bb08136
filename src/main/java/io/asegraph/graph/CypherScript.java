package io.asegraph.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Cypher file into statements on {@code ;} outside string literals and comments, dropping {@code //}
 * line comments and blank statements.
 */
final class CypherScript {
    private CypherScript() {}

    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < n) {
                    current.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                add(out, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** Schema commands (constraints and indexes) run in their own transactions on every start. */
    static boolean isSchema(String statement) {
        String s = statement.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.startsWith("CREATE CONSTRAINT")
                || s.startsWith("CREATE INDEX")
                || s.startsWith("CREATE RANGE INDEX")
                || s.startsWith("CREATE TEXT INDEX")
                || s.startsWith("CREATE POINT INDEX")
                || s.startsWith("CREATE FULLTEXT INDEX")
                || s.startsWith("DROP CONSTRAINT")
                || s.startsWith("DROP INDEX");
    }
}
