package io.asegraph.api.listing;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * One listing document compiled for {@link ListingWriter}: its root fields (each a query method of the read API and
 * the arguments to call it with) and, below each, the fields to write in the document's order. Compiled once per
 * document text by {@link ListingPlans}; a document it cannot express exactly has no plan and goes to SmallRye.
 */
record ListingPlan(List<Root> roots, Map<String, String> variables) {

    /** The scalar types an argument or a variable may have here. */
    enum ArgType {
        INT,
        STRING,
        BOOLEAN
    }

    /**
     * Where an argument's value comes from: a literal, or a variable of the request; a variable absent from the
     * request's variables leaves the argument unset, so {@code literal} then holds the parameter's default (as
     * graphql-java applies it).
     */
    record Arg(Object literal, String variable) {
        static Arg of(Object literal) {
            return new Arg(literal, null);
        }

        static Arg variable(String name, Object defaultValue) {
            return new Arg(defaultValue, name);
        }
    }

    /** A root field: a query method of a read API bean, its arguments in parameter order, what to write. */
    record Root(String key, Class<?> bean, Method method, List<Arg> args, Field field) {}

    /** What a field is in the answer. */
    enum Kind {
        TYPENAME,
        LEAF,
        OBJECT
    }

    /**
     * One selected field: its response key, schema name and type (non-null, a list of one level, its items
     * non-null), the scalar or enum it is written as, or the object selection below it.
     */
    record Field(
            String key,
            String name,
            Kind kind,
            boolean nonNull,
            boolean list,
            boolean itemNonNull,
            GraphQLScalarType scalar,
            GraphQLEnumType enumType,
            Selection selection) {}

    /** The fields selected on one object type, in the document's order (fragments spread in place). */
    record Selection(GraphQLObjectType type, List<Field> fields) {}
}
