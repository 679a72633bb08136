package io.asegraph.api;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One GraphQL document per mutation of the running service's schema, read by introspection: every required argument
 * gets a well-formed value of its type (strings "x", the first value of an enum, input objects with their required
 * fields), so the call passes validation and reaches the resolver, where the role check decides.
 */
final class MutationDocuments {
    private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
    static final String INTROSPECTION = "{ __schema { mutationType { fields { name args { name type { " + TYPE_REF
            + " } } type { " + TYPE_REF + " } } } types { name kind enumValues { name } inputFields { name type { "
            + TYPE_REF + " } } } } }";

    private MutationDocuments() {}

    @SuppressWarnings("unchecked")
    static List<String> all(JsonPath schema) {
        Map<String, Map<String, Object>> types = new HashMap<>();
        for (Map<String, Object> t : schema.<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) t.get("name"), t);
        }
        List<String> documents = new ArrayList<>();
        for (Map<String, Object> field : schema.<Map<String, Object>>getList("data.__schema.mutationType.fields")) {
            List<Map<String, Object>> args = (List<Map<String, Object>>) field.get("args");
            String arguments = args.stream()
                    .filter(a -> "NON_NULL".equals(((Map<String, Object>) a.get("type")).get("kind")))
                    .map(a -> a.get("name") + ": " + literal((Map<String, Object>) a.get("type"), types))
                    .collect(Collectors.joining(", "));
            Map<String, Object> result = named((Map<String, Object>) field.get("type"));
            String selection = "OBJECT".equals(result.get("kind")) ? " { __typename }" : "";
            documents.add("mutation { " + field.get("name") + (arguments.isEmpty() ? "" : "(" + arguments + ")")
                    + selection + " }");
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Map<String, Object> type) {
        while (type.get("name") == null) {
            type = (Map<String, Object>) type.get("ofType");
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static String literal(Map<String, Object> type, Map<String, Map<String, Object>> types) {
        String kind = (String) type.get("kind");
        if (kind.equals("NON_NULL")) {
            return literal((Map<String, Object>) type.get("ofType"), types);
        }
        if (kind.equals("LIST")) {
            return "[" + literal((Map<String, Object>) type.get("ofType"), types) + "]";
        }
        String name = (String) type.get("name");
        Map<String, Object> full = types.get(name);
        return switch (kind) {
            case "ENUM" -> (String)
                    ((List<Map<String, Object>>) full.get("enumValues")).get(0).get("name");
            case "INPUT_OBJECT" -> "{"
                    + ((List<Map<String, Object>>) full.get("inputFields"))
                            .stream()
                                    .filter(f -> "NON_NULL".equals(((Map<String, Object>) f.get("type")).get("kind")))
                                    .map(f ->
                                            f.get("name") + ": " + literal((Map<String, Object>) f.get("type"), types))
                                    .collect(Collectors.joining(", "))
                    + "}";
            default -> switch (name) {
                case "Int" -> "1";
                case "Float" -> "1.0";
                case "Boolean" -> "false";
                default -> "\"x\"";
            };
        };
    }
}
