package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The GraphQL UI's documentation explorer is where playground users learn the API: every type, field, argument, input
 * field and enum value of the served schema carries a description.
 */
@QuarkusTest
class SchemaDescribedTest {

    @Test
    void everyElementOfTheServedSchemaIsDescribed() {
        assertEquals(List.of(), undescribed(SchemaContractTest.served()));
    }

    @Test
    void anUndescribedElementIsReported() {
        // The check itself can fail: one undescribed element of each kind is named.
        TypeDefinitionRegistry schema = new SchemaParser()
                .parse("\"q\" type Query { \"f\" f(a: Int): T }\n"
                        + "type T { \"x\" x: Int y: Int }\n"
                        + "\"e\" enum E { \"A\" A B }\n"
                        + "\"i\" input I { \"p\" p: Int q: Int }\n");
        assertEquals(List.of("E.B", "I.q", "Query.f(a)", "T", "T.y"), undescribed(schema));
    }

    /** The undescribed elements, sorted: {@code Type}, {@code Type.field}, {@code Type.field(arg)}, {@code Enum.VALUE}. */
    static List<String> undescribed(TypeDefinitionRegistry schema) {
        List<String> out = new ArrayList<>();
        for (TypeDefinition<?> t : schema.types().values()) {
            String name = t.getName();
            if (t instanceof ObjectTypeDefinition o) {
                if (!name.equals("Query") && !name.equals("Mutation") && !name.equals("Subscription")) {
                    check(name, o.getDescription(), out);
                }
                fields(name, o.getFieldDefinitions(), out);
            } else if (t instanceof InterfaceTypeDefinition i) {
                check(name, i.getDescription(), out);
                fields(name, i.getFieldDefinitions(), out);
            } else if (t instanceof InputObjectTypeDefinition i) {
                check(name, i.getDescription(), out);
                i.getInputValueDefinitions().forEach(v -> check(name + "." + v.getName(), v.getDescription(), out));
            } else if (t instanceof EnumTypeDefinition e) {
                check(name, e.getDescription(), out);
                e.getEnumValueDefinitions().forEach(v -> check(name + "." + v.getName(), v.getDescription(), out));
            } else if (t instanceof UnionTypeDefinition u) {
                check(name, u.getDescription(), out);
            } else if (t instanceof ScalarTypeDefinition s) {
                check(name, s.getDescription(), out);
            }
        }
        out.sort(null);
        return out;
    }

    private static void fields(String type, List<FieldDefinition> fields, List<String> out) {
        for (FieldDefinition f : fields) {
            String at = type + "." + f.getName();
            check(at, f.getDescription(), out);
            for (InputValueDefinition a : f.getInputValueDefinitions()) {
                check(at + "(" + a.getName() + ")", a.getDescription(), out);
            }
        }
    }

    private static void check(String at, Description d, List<String> out) {
        if (d == null || d.getContent() == null || d.getContent().isBlank()) {
            out.add(at);
        }
    }
}
