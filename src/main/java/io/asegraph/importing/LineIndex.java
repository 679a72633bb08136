package io.asegraph.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the line and column of problem locations. Only run when there are problems: one streaming pass over the
 * text that notes the position of every value whose JSON Pointer was asked for. A missing field takes the position
 * of its nearest enclosing value.
 */
final class LineIndex {
    private LineIndex() {}

    static void locate(JsonFactory factory, ImportParser.Source source, Session s) {
        Set<String> wanted = new HashSet<>();
        for (NodePath p : s.problemPaths) {
            wanted.addAll(p.pointersUpward());
        }
        Map<String, ImportProblem.Position> found = new HashMap<>();
        try (JsonParser parser = source.open(factory)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    context = context.getParent();
                }
                String pointer = context.pathAsPointer().toString();
                if (wanted.contains(pointer) && !found.containsKey(pointer)) {
                    JsonLocation at = parser.currentTokenLocation();
                    found.put(pointer, new ImportProblem.Position(at.getLineNr(), at.getColumnNr()));
                }
            }
        } catch (IOException e) {
            return; // the text parsed once already; positions are a convenience
        }
        for (int i = 0; i < s.problems.size(); i++) {
            List<String> candidates = s.problemPaths.get(i).pointersUpward();
            for (String c : candidates) {
                ImportProblem.Position p = found.get(c);
                if (p != null) {
                    s.problems.set(i, s.problems.get(i).at(p));
                    break;
                }
            }
        }
    }
}
