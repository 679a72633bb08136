package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The served schema against the public contract ({@code src/test/resources/contract.graphql}, a copy of the project's
 * {@code shared/api/contract.graphql}): every operation, argument (with its default), type, field and enum value the
 * contract names is served under the same name with the same type. The service may add; it may not drop or retype.
 */
@QuarkusTest
class SchemaContractTest {

    static TypeDefinitionRegistry served() {
        String sdl = Gql.given()
                .get("/graphql/schema.graphql")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new SchemaParser().parse(sdl);
    }

    static TypeDefinitionRegistry contract() throws IOException {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/contract.graphql")) {
            String text =
                    new String(Objects.requireNonNull(in, "contract.graphql").readAllBytes(), StandardCharsets.UTF_8);
            // The contract writes one description as a "…" string over two lines, which GraphQL allows only as a
            // """…""" block string: read such strings as blocks (the names and types are what is compared).
            return new SchemaParser().parse(blockStrings(text));
        }
    }

    /** Each "…" description that runs over several lines, as a """…""" block string. */
    static String blockStrings(String sdl) {
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (String line : sdl.split("\n", -1)) {
            String t = line.strip();
            if (!open && t.startsWith("\"") && !t.startsWith("\"\"\"") && (t.length() == 1 || !t.endsWith("\""))) {
                open = true;
                line = line.replaceFirst("\"", "\"\"\"");
            } else if (open && t.endsWith("\"")) {
                open = false;
                line = line + "\"\"";
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Test
    void everyNameOfTheContractIsServedWithTheSameType() throws IOException {
        assertEquals(List.of(), differences(contract(), served()));
    }

    @Test
    void aContractElementTheServiceDoesNotServeIsReported() throws IOException {
        // The check itself can fail: a contract with one field and one enum value the service does not have, and
        // a field whose type differs, is reported element by element.
        TypeDefinitionRegistry wrong = new SchemaParser()
                .parse("type Query { callSource(from: String!, to: String!): CallSource! noSuchQuery: Int }\n"
                        + "type CallSource { kind: String! }\n"
                        + "enum Verdict { ALLOWED NOT_A_VERDICT }\n");
        assertEquals(
                List.of(
                        "CallSource.kind: contract String!, served SourceKind!",
                        "Query.noSuchQuery: not served",
                        "Verdict.NOT_A_VERDICT: not served"),
                differences(wrong, served()));
    }

    /** Every element of {@code contract} that {@code served} lacks or types differently, sorted. */
    static List<String> differences(TypeDefinitionRegistry contract, TypeDefinitionRegistry served) {
        List<String> out = new ArrayList<>();
        for (TypeDefinition<?> t : contract.types().values()) {
            TypeDefinition<?> s = served.types().get(t.getName());
            if (s == null) {
                out.add(t.getName() + ": not served");
                continue;
            }
            if (t instanceof ObjectTypeDefinition o) {
                if (!(s instanceof ObjectTypeDefinition so)) {
                    out.add(t.getName() + ": not an object type");
                    continue;
                }
                fields(t.getName(), o.getFieldDefinitions(), so.getFieldDefinitions(), out);
            } else if (t instanceof InputObjectTypeDefinition i) {
                if (!(s instanceof InputObjectTypeDefinition si)) {
                    out.add(t.getName() + ": not an input type");
                    continue;
                }
                inputs(t.getName(), i.getInputValueDefinitions(), si.getInputValueDefinitions(), out);
            } else if (t instanceof EnumTypeDefinition e) {
                if (!(s instanceof EnumTypeDefinition se)) {
                    out.add(t.getName() + ": not an enum");
                    continue;
                }
                Map<String, EnumValueDefinition> values =
                        byName(se.getEnumValueDefinitions(), EnumValueDefinition::getName);
                e.getEnumValueDefinitions().stream()
                        .filter(v -> !values.containsKey(v.getName()))
                        .forEach(v -> out.add(t.getName() + "." + v.getName() + ": not served"));
            }
        }
        out.sort(null);
        return out;
    }

    private static void fields(
            String type, List<FieldDefinition> wanted, List<FieldDefinition> have, List<String> out) {
        Map<String, FieldDefinition> served = byName(have, FieldDefinition::getName);
        for (FieldDefinition f : wanted) {
            FieldDefinition s = served.get(f.getName());
            String at = type + "." + f.getName();
            if (s == null) {
                out.add(at + ": not served");
                continue;
            }
            sameType(at, AstPrinter.printAst(f.getType()), AstPrinter.printAst(s.getType()), out);
            inputs(at, f.getInputValueDefinitions(), s.getInputValueDefinitions(), out);
            // An argument the contract does not name must be optional, or the contract's calls would not validate.
            Map<String, InputValueDefinition> named =
                    byName(f.getInputValueDefinitions(), InputValueDefinition::getName);
            s.getInputValueDefinitions().stream()
                    .filter(a -> !named.containsKey(a.getName()))
                    .filter(a -> AstPrinter.printAst(a.getType()).endsWith("!") && a.getDefaultValue() == null)
                    .forEach(
                            a -> out.add(at + "(" + a.getName() + "): a required argument the contract does not have"));
        }
    }

    private static void inputs(
            String at, List<InputValueDefinition> wanted, List<InputValueDefinition> have, List<String> out) {
        Map<String, InputValueDefinition> served = byName(have, InputValueDefinition::getName);
        for (InputValueDefinition a : wanted) {
            InputValueDefinition s = served.get(a.getName());
            String arg = at + "(" + a.getName() + ")";
            if (s == null) {
                out.add(arg + ": not served");
                continue;
            }
            sameType(arg, AstPrinter.printAst(a.getType()), AstPrinter.printAst(s.getType()), out);
            String want = a.getDefaultValue() == null ? null : AstPrinter.printAst(a.getDefaultValue());
            String got = s.getDefaultValue() == null ? null : AstPrinter.printAst(s.getDefaultValue());
            if (want != null && !want.equals(got)) {
                out.add(arg + ": contract default " + want + ", served " + got);
            }
        }
    }

    private static void sameType(String at, String want, String got, List<String> out) {
        if (!want.equals(got)) {
            out.add(at + ": contract " + want + ", served " + got);
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
    }
}
