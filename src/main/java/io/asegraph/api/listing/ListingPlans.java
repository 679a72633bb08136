package io.asegraph.api.listing;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import io.asegraph.api.listing.ListingPlan.Arg;
import io.asegraph.api.listing.ListingPlan.Field;
import io.asegraph.api.listing.ListingPlan.Kind;
import io.asegraph.api.listing.ListingPlan.Root;
import io.asegraph.api.listing.ListingPlan.Selection;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;

/**
 * Compiles a GraphQL document into a {@link ListingPlan}, or says it has none. A plan exists only for what this can
 * answer exactly as graphql-java would: one query operation (no directives) whose root fields are listings of the read
 * API with literal or variable scalar arguments, and whose selections below are fields without arguments of object
 * types, scalars and enums (fragments spread in place, {@code __typename}), within the depth and complexity limits.
 * Anything else — a mutation, a {@code where} or {@code sort} argument, an interface, a directive, an unknown field, a
 * document that does not validate — has no plan: SmallRye GraphQL answers it, errors included.
 */
final class ListingPlans {
    private final GraphQLSchema schema;
    private final Map<String, Method> roots;
    private final int maxDepth;
    private final int maxComplexity;
    private final ParserOptions parserOptions;

    /**
     * @param schema        the service's schema
     * @param apis          the read API classes whose {@code @Query} methods may be roots
     * @param maxDepth      the depth limit ({@code asegraph.api.max-query-depth})
     * @param maxComplexity the complexity limit ({@code asegraph.api.max-query-complexity})
     */
    ListingPlans(GraphQLSchema schema, List<Class<?>> apis, int maxDepth, int maxComplexity) {
        this.schema = schema;
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions();
        Map<String, Method> found = new HashMap<>();
        for (Class<?> api : apis) {
            for (Method m : api.getMethods()) {
                Query q = m.getAnnotation(Query.class);
                if (q != null && Modifier.isPublic(m.getModifiers())) {
                    found.put(q.value().isEmpty() ? m.getName() : q.value(), m);
                }
            }
        }
        this.roots = Map.copyOf(found);
    }

    /** The root fields that may be answered here. */
    Set<String> rootFields() {
        return roots.keySet();
    }

    /** This document's plan, or empty when SmallRye must answer it. */
    Optional<ListingPlan> compile(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(query)
                    .parserOptions(parserOptions)
                    .build());
        } catch (RuntimeException e) { // a syntax error, a parser limit: SmallRye answers it
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new Compilation(document).plan(operationName));
        } catch (NoPlan e) {
            io.quarkus.logging.Log.debugf("no listing plan (%s) for %s", e.where(), query);
            return Optional.empty();
        } catch (RuntimeException e) { // e.g. a malformed @DefaultValue: SmallRye answers the document
            io.quarkus.logging.Log.debugf(e, "no listing plan for %s", query);
            return Optional.empty();
        }
    }

    /** A document this cannot answer exactly. */
    private static final class NoPlan extends RuntimeException {
        NoPlan() {
            super("no plan", null, false, true);
        }

        /** Where in the compilation the document was found not to have a plan (for the debug log). */
        String where() {
            StackTraceElement[] trace = getStackTrace();
            return trace.length > 1 ? trace[1].toString() : "?";
        }
    }

    private static NoPlan no() {
        return new NoPlan();
    }

    private final class Compilation {
        private final Document document;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Set<String> usedFragments = new HashSet<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Set<String> usedVariables = new HashSet<>();
        private final Set<String> spreading = new HashSet<>();
        private int complexity;

        Compilation(Document document) {
            this.document = document;
        }

        ListingPlan plan(String operationName) {
            OperationDefinition operation = null;
            for (Definition<?> d : document.getDefinitions()) {
                if (d instanceof OperationDefinition op) {
                    if (operation != null) {
                        throw no();
                    }
                    operation = op;
                } else if (d instanceof FragmentDefinition f) {
                    if (!f.getDirectives().isEmpty() || fragments.put(f.getName(), f) != null) {
                        throw no();
                    }
                } else {
                    throw no();
                }
            }
            if (operation == null
                    || operation.getOperation() != OperationDefinition.Operation.QUERY
                    || !operation.getDirectives().isEmpty()
                    || (operationName != null && !operationName.equals(operation.getName()))) {
                throw no();
            }
            for (VariableDefinition v : operation.getVariableDefinitions()) {
                if (v.getDefaultValue() != null
                        || !v.getDirectives().isEmpty()
                        || variables.put(v.getName(), typeText(v.getType())) != null) {
                    throw no();
                }
            }
            GraphQLObjectType query = schema.getQueryType();
            List<Root> out = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (graphql.language.Field f : fields(operation.getSelectionSet(), query)) {
                String key = f.getResultKey();
                if (!keys.add(key)) {
                    throw no();
                }
                out.add(root(f, query));
            }
            if (!usedFragments.equals(fragments.keySet())
                    || !usedVariables.equals(variables.keySet())
                    || complexity * 2L > maxComplexity) {
                throw no();
            }
            return new ListingPlan(List.copyOf(out), Map.copyOf(variables));
        }

        /** A variable's declared type, {@code Int} or {@code Int!}; only scalar types this can coerce. */
        private String typeText(Type<?> type) {
            boolean nonNull = type instanceof NonNullType;
            Type<?> inner = nonNull ? ((NonNullType) type).getType() : type;
            if (!(inner instanceof TypeName name) || inner instanceof ListType) {
                throw no();
            }
            if (!Set.of("Int", "String", "ID", "Boolean").contains(name.getName())) {
                throw no();
            }
            return name.getName() + (nonNull ? "!" : "");
        }

        private Root root(graphql.language.Field f, GraphQLObjectType query) {
            Method method = roots.get(f.getName());
            GraphQLFieldDefinition definition = query.getFieldDefinition(f.getName());
            if (method == null || definition == null || !f.getDirectives().isEmpty()) {
                throw no();
            }
            Parameter[] parameters = method.getParameters();
            Arg[] args = new Arg[parameters.length];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < parameters.length; i++) {
                Name name = parameters[i].getAnnotation(Name.class);
                if (name == null && !parameters[i].isNamePresent()) {
                    throw no();
                }
                index.put(name != null ? name.value() : parameters[i].getName(), i);
                DefaultValue d = parameters[i].getAnnotation(DefaultValue.class);
                args[i] = Arg.of(d == null ? null : defaultValue(d.value(), parameters[i].getType()));
            }
            Set<String> given = new HashSet<>();
            for (Argument a : f.getArguments()) {
                Integer i = index.get(a.getName());
                GraphQLArgument argument = definition.getArgument(a.getName());
                if (i == null || argument == null || !given.add(a.getName())) {
                    throw no();
                }
                args[i] = argument(a.getValue(), argument.getType(), parameters[i].getType(), args[i].literal());
            }
            for (GraphQLArgument argument : definition.getArguments()) {
                Integer i = index.get(argument.getName());
                if (!given.contains(argument.getName())
                        && (i == null
                                || argument.getType() instanceof GraphQLNonNull
                                || (argument.hasSetDefaultValue()
                                        && parameters[i].getAnnotation(DefaultValue.class) == null))) {
                    throw no();
                }
            }
            complexity++;
            Field field = field(f, definition.getType(), 1);
            return new Root(f.getResultKey(), method.getDeclaringClass(), method, List.of(args), field);
        }

        /**
         * A parameter's {@code @DefaultValue}, as SmallRye passes it when the argument is not given: a scalar's or an
         * enum constant's text.
         */
        private Object defaultValue(String text, Class<?> javaType) {
            if (javaType == String.class) {
                return text;
            }
            if (javaType == Integer.class || javaType == int.class) {
                return Integer.valueOf(text);
            }
            if (javaType == Boolean.class || javaType == boolean.class) {
                return Boolean.valueOf(text);
            }
            if (javaType.isEnum()) {
                return enumConstant(javaType, text);
            }
            throw no();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object enumConstant(Class<?> javaType, String name) {
            try {
                return Enum.valueOf((Class) javaType, name);
            } catch (IllegalArgumentException e) {
                throw no();
            }
        }

        /** A root argument: a literal of the argument's scalar or enum type, or a variable declared with a scalar's. */
        private Arg argument(Value<?> value, GraphQLInputType type, Class<?> javaType, Object defaultValue) {
            boolean nonNull = type instanceof GraphQLNonNull;
            Object inner = nonNull ? ((GraphQLNonNull) type).getWrappedType() : type;
            if (inner instanceof GraphQLEnumType enumType && javaType.isEnum()) {
                if (value instanceof EnumValue e && enumType.getValue(e.getName()) != null) {
                    return Arg.of(enumConstant(javaType, e.getName()));
                }
                if (value instanceof NullValue && !nonNull) {
                    return Arg.of(null);
                }
                throw no();
            }
            if (!(inner instanceof GraphQLScalarType scalar)) {
                throw no();
            }
            String name = scalar.getName();
            boolean matches =
                    switch (name) {
                        case "Int" -> javaType == Integer.class || javaType == int.class;
                        case "String", "ID" -> javaType == String.class;
                        case "Boolean" -> javaType == Boolean.class || javaType == boolean.class;
                        default -> false;
                    };
            if (!matches) {
                throw no();
            }
            if (value instanceof VariableReference v) {
                String declared = variables.get(v.getName());
                if (declared == null
                        || !declared.replace("!", "").equals(name)
                        || (nonNull && !declared.endsWith("!"))) {
                    throw no();
                }
                usedVariables.add(v.getName());
                return Arg.variable(v.getName(), defaultValue);
            }
            if (value instanceof NullValue && !nonNull && !javaType.isPrimitive()) {
                return Arg.of(null);
            }
            if (name.equals("Int") && value instanceof IntValue i) {
                BigInteger b = i.getValue();
                if (b.bitLength() < 32) {
                    return Arg.of(b.intValue());
                }
            } else if (!name.equals("Int") && !name.equals("Boolean") && value instanceof StringValue s) {
                return Arg.of(s.getValue());
            } else if (name.equals("Boolean") && value instanceof BooleanValue b) {
                return Arg.of(b.isValue());
            }
            throw no();
        }

        /** A selected field of the given output type, {@code depth} levels down (the root field is at 1). */
        private Field field(graphql.language.Field f, GraphQLOutputType type, int depth) {
            if (depth + 1L >= maxDepth) {
                throw no();
            }
            boolean nonNull = false;
            boolean list = false;
            boolean itemNonNull = false;
            Object t = type;
            if (t instanceof GraphQLNonNull n) {
                nonNull = true;
                t = n.getWrappedType();
            }
            if (t instanceof GraphQLList l) {
                list = true;
                t = l.getWrappedType();
                if (t instanceof GraphQLNonNull n) {
                    itemNonNull = true;
                    t = n.getWrappedType();
                }
            }
            String key = f.getResultKey();
            if (t instanceof GraphQLObjectType object) {
                if (f.getSelectionSet() == null) {
                    throw no();
                }
                return new Field(
                        key,
                        f.getName(),
                        Kind.OBJECT,
                        nonNull,
                        list,
                        itemNonNull,
                        null,
                        null,
                        selection(f.getSelectionSet(), object, depth + 1));
            }
            if (f.getSelectionSet() != null) {
                throw no();
            }
            if (t instanceof GraphQLScalarType scalar) {
                return new Field(key, f.getName(), Kind.LEAF, nonNull, list, itemNonNull, scalar, null, null);
            }
            if (t instanceof GraphQLEnumType enumType) {
                return new Field(key, f.getName(), Kind.LEAF, nonNull, list, itemNonNull, null, enumType, null);
            }
            throw no(); // an interface, a union, a list of lists
        }

        private Selection selection(SelectionSet set, GraphQLObjectType type, int depth) {
            List<Field> out = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (graphql.language.Field f : fields(set, type)) {
                if (!keys.add(f.getResultKey())
                        || !f.getDirectives().isEmpty()
                        || !f.getArguments().isEmpty()) {
                    throw no();
                }
                complexity++;
                if (f.getName().equals("__typename")) {
                    if (f.getSelectionSet() != null) {
                        throw no();
                    }
                    out.add(new Field(
                            f.getResultKey(), f.getName(), Kind.TYPENAME, true, false, false, null, null, null));
                    continue;
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(f.getName());
                if (definition == null
                        || f.getName().startsWith("__")
                        || !definition.getArguments().isEmpty()) {
                    throw no();
                }
                out.add(field(f, definition.getType(), depth));
            }
            if (out.isEmpty()) {
                throw no();
            }
            return new Selection(type, List.copyOf(out));
        }

        /** The fields of a selection set on {@code type}, fragments on exactly that type spread in place. */
        private List<graphql.language.Field> fields(SelectionSet set, GraphQLObjectType type) {
            List<graphql.language.Field> out = new ArrayList<>();
            for (graphql.language.Selection<?> s : set.getSelections()) {
                if (s instanceof graphql.language.Field f) {
                    out.add(f);
                } else if (s instanceof InlineFragment i) {
                    if (!i.getDirectives().isEmpty()
                            || (i.getTypeCondition() != null
                                    && !i.getTypeCondition().getName().equals(type.getName()))) {
                        throw no();
                    }
                    out.addAll(fields(i.getSelectionSet(), type));
                } else if (s instanceof FragmentSpread spread) {
                    FragmentDefinition d = fragments.get(spread.getName());
                    if (d == null
                            || !spread.getDirectives().isEmpty()
                            || !d.getTypeCondition().getName().equals(type.getName())
                            || !spreading.add(d.getName())) {
                        throw no();
                    }
                    usedFragments.add(d.getName());
                    out.addAll(fields(d.getSelectionSet(), type));
                    spreading.remove(d.getName());
                } else {
                    throw no();
                }
            }
            return out;
        }
    }
}
