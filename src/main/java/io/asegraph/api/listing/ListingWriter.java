package io.asegraph.api.listing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import graphql.GraphQLContext;
import io.asegraph.api.listing.ListingPlan.Arg;
import io.asegraph.api.listing.ListingPlan.Field;
import io.asegraph.api.listing.ListingPlan.Kind;
import io.asegraph.api.listing.ListingPlan.Root;
import io.asegraph.api.listing.ListingPlan.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

/**
 * Runs a {@link ListingPlan} against the read API and writes its answer as graphql-java would: the same resolver
 * methods (the root query method, then each relationship's batch method once per level for all its parents, as
 * SmallRye's data loaders do), the same scalar and enum serialization (the schema's own coercing), the same field
 * order and null rules, written once with Jackson's generator instead of through graphql-java's per-field execution.
 * Anything it meets that it cannot answer exactly — a resolver's error, a null where the schema says non-null, a value
 * of a kind it does not write — throws {@link Fallback}, and SmallRye answers the request instead.
 */
final class ListingWriter {
    private static final JsonFactory JSON = new JsonFactory();

    /** Why a plan was not answered here; {@code structural} when no request of that plan can be. */
    static final class Fallback extends RuntimeException {
        final boolean structural;

        Fallback(String reason, boolean structural, Throwable cause) {
            super(reason, cause, false, false);
            this.structural = structural;
        }
    }

    /** How one field's value is read from its parents. */
    private interface Accessor {
        List<Object> fetch(List<Object> parents, Timing timing);
    }

    /** Where the time of each resolver call goes (SmallRye's per-operation timers, which it would have recorded). */
    interface Timing {
        void record(String field, boolean source, long nanos);
    }

    private final Function<Class<?>, Object> beans;
    private final java.util.function.Predicate<Class<?>> ready;
    private final Map<Class<?>, List<SourceMethod>> sources;
    private final Map<Class<?>, Map<String, Accessor>> accessors = new ConcurrentHashMap<>();

    /** A {@code @Source} field method of a GraphQL API bean: the field it adds to {@code type}. */
    private record SourceMethod(
            Class<?> type, String name, Class<?> bean, Method method, boolean batch, boolean usable) {}

    /**
     * @param apis  the GraphQL API classes whose {@code @Source} methods add fields to types
     * @param beans the bean (its client proxy, interceptors and all) of an API class
     * @param ready whether an API class may be called now without waiting for a newer version than the one held (the
     *              path engine's classes while a write's engine is built: then SmallRye answers)
     */
    ListingWriter(
            Collection<Class<?>> apis, Function<Class<?>, Object> beans, java.util.function.Predicate<Class<?>> ready) {
        this.beans = beans;
        this.ready = ready;
        Map<Class<?>, List<SourceMethod>> found = new ConcurrentHashMap<>();
        for (Class<?> api : apis) {
            for (Method m : api.getMethods()) {
                for (int i = 0; i < m.getParameterCount(); i++) {
                    if (m.getParameters()[i].isAnnotationPresent(Source.class)) {
                        SourceMethod s = sourceMethod(api, m, i);
                        found.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        this.sources = Map.copyOf(found);
    }

    private static SourceMethod sourceMethod(Class<?> api, Method m, int index) {
        Type type = m.getGenericParameterTypes()[index];
        boolean batch = false;
        Class<?> source;
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            batch = true;
            Type item = p.getActualTypeArguments()[0];
            source = item instanceof Class<?> c
                    ? c
                    : item instanceof ParameterizedType q ? (Class<?>) q.getRawType() : Object.class;
        } else {
            source = m.getParameterTypes()[index];
        }
        Name name = m.getAnnotation(Name.class);
        return new SourceMethod(
                source, name != null ? name.value() : m.getName(), api, m, batch, m.getParameterCount() == 1);
    }

    /** The answer to {@code plan}: {@code {"data": {...}}}, UTF-8; each resolver call's time given to {@code timing}. */
    byte[] answer(ListingPlan plan, Map<String, Object> variables, Timing timing) {
        for (Map.Entry<String, String> v : plan.variables().entrySet()) {
            if (v.getValue().endsWith("!") && (variables == null || variables.get(v.getKey()) == null)) {
                throw new Fallback("non-null variable " + v.getKey() + " has no value", false, null);
            }
        }
        List<Object> values = new ArrayList<>(plan.roots().size());
        for (Root root : plan.roots()) {
            long t0 = System.nanoTime();
            Object result = invoke(bean(root.bean()), root.method(), arguments(root, variables));
            timing.record(root.field().name(), false, System.nanoTime() - t0);
            values.add(complete(root.field(), java.util.Collections.singletonList(result), timing)
                    .get(0));
        }
        ByteArrayBuilder bytes = new ByteArrayBuilder(JSON._getBufferRecycler(), 8192);
        try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName("data");
            g.writeStartObject();
            for (int i = 0; i < values.size(); i++) {
                Root root = plan.roots().get(i);
                g.writeFieldName(root.key());
                write(g, root.field(), values.get(i));
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] out = bytes.toByteArray();
        bytes.release();
        return out;
    }

    private static Object[] arguments(Root root, Map<String, Object> variables) {
        Object[] out = new Object[root.args().size()];
        for (int i = 0; i < out.length; i++) {
            Arg a = root.args().get(i);
            out[i] = a.variable() == null || variables == null || !variables.containsKey(a.variable())
                    ? a.literal() // a literal, or the parameter's default when the variable is not given
                    : variable(a.variable(), variables, root.method().getParameterTypes()[i]);
        }
        return out;
    }

    /** A variable's value, as graphql-java coerces it for an Int, String, ID or Boolean argument. */
    private static Object variable(String name, Map<String, Object> variables, Class<?> type) {
        Object v = variables == null ? null : variables.get(name);
        if (v == null) {
            if (type.isPrimitive()) {
                throw new Fallback("variable " + name + " is null", false, null);
            }
            return null;
        }
        if (type == Integer.class || type == int.class) {
            if (v instanceof Integer) {
                return v;
            }
            if (v instanceof Long l && l == l.intValue()) {
                return l.intValue();
            }
        } else if (type == String.class && v instanceof String) {
            return v;
        } else if ((type == Boolean.class || type == boolean.class) && v instanceof Boolean) {
            return v;
        }
        throw new Fallback("variable " + name + " is not of its type", false, null);
    }

    private Object bean(Class<?> api) {
        if (!ready.test(api)) {
            throw new Fallback(api.getSimpleName() + " would wait for a newer version", false, null);
        }
        return beans.apply(api);
    }

    private static Object invoke(Object bean, Method method, Object... args) {
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw new Fallback(method.getName() + " failed", false, e.getCause());
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new Fallback(method.getName() + " cannot be called here", true, e);
        }
    }

    /** One resolved value per raw value of {@code f}: a leaf's written value, an object's row, a list of either. */
    private List<Object> complete(Field f, List<Object> values, Timing timing) {
        List<Object> out = new ArrayList<>(values.size());
        if (f.kind() == Kind.LEAF) {
            for (Object v : values) {
                out.add(leaf(f, v));
            }
            return out;
        }
        List<Object> children = new ArrayList<>();
        for (Object v : values) {
            if (v == null) {
                nullAllowed(f, f.nonNull());
            } else if (f.list()) {
                for (Object item : items(f, v)) {
                    if (item == null) {
                        nullAllowed(f, f.itemNonNull());
                    }
                    children.add(item);
                }
            } else {
                children.add(v);
            }
        }
        List<Object[]> rows = rows(f.selection(), children, timing);
        int next = 0;
        for (Object v : values) {
            if (v == null) {
                out.add(null);
            } else if (f.list()) {
                int size = items(f, v).size();
                out.add(rows.subList(next, next + size));
                next += size;
            } else {
                out.add(rows.get(next++));
            }
        }
        return out;
    }

    private static Collection<?> items(Field f, Object v) {
        if (v instanceof Collection<?> c) {
            return c;
        }
        throw new Fallback(f.name() + " is not a collection", true, null);
    }

    private static void nullAllowed(Field f, boolean nonNull) {
        if (nonNull) {
            throw new Fallback(f.name() + " is null where the schema says non-null", false, null);
        }
    }

    /** The rows of {@code objects} (null stays null) for the fields of {@code selection}, each field fetched once. */
    private List<Object[]> rows(Selection selection, List<Object> objects, Timing timing) {
        List<Object> parents = new ArrayList<>(objects.size());
        for (Object o : objects) {
            if (o != null) {
                parents.add(o);
            }
        }
        int width = selection.fields().size();
        Object[][] filled = new Object[parents.size()][width];
        Class<?> type = parents.isEmpty() ? null : parents.get(0).getClass();
        for (Object p : parents) {
            if (p.getClass() != type) {
                throw new Fallback(selection.type().getName() + " has values of more than one class", true, null);
            }
        }
        for (int i = 0; i < width; i++) {
            Field f = selection.fields().get(i);
            if (f.kind() == Kind.TYPENAME) {
                for (Object[] row : filled) {
                    row[i] = selection.type().getName();
                }
                continue;
            }
            if (parents.isEmpty()) {
                continue;
            }
            List<Object> values = complete(f, accessor(type, f.name()).fetch(parents, timing), timing);
            for (int r = 0; r < filled.length; r++) {
                filled[r][i] = values.get(r);
            }
        }
        List<Object[]> out = new ArrayList<>(objects.size());
        int next = 0;
        for (Object o : objects) {
            out.add(o == null ? null : filled[next++]);
        }
        return out;
    }

    private Object leaf(Field f, Object v) {
        if (v == null) {
            nullAllowed(f, f.nonNull());
            return null;
        }
        if (!f.list()) {
            return scalar(f, v);
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items(f, v)) {
            if (item == null) {
                nullAllowed(f, f.itemNonNull());
                out.add(null);
            } else {
                out.add(scalar(f, item));
            }
        }
        return out;
    }

    /** What graphql-java writes for one scalar or enum value: the schema's serialization of it. */
    private static Object scalar(Field f, Object v) {
        Object out;
        try {
            out = f.scalar() != null
                    ? f.scalar().getCoercing().serialize(v, GraphQLContext.getDefault(), Locale.ROOT)
                    : f.enumType().serialize(v);
        } catch (RuntimeException e) {
            throw new Fallback(f.name() + " does not serialize", false, e);
        }
        if (out instanceof String text && !sameEscapes(text)) {
            throw new Fallback(f.name() + " holds a character the two JSON writers escape differently", false, null);
        }
        if (out instanceof String
                || out instanceof Boolean
                || out instanceof Integer
                || out instanceof Long
                || out instanceof Short
                || out instanceof Byte
                || out instanceof BigInteger) {
            return out;
        }
        throw new Fallback(
                f.name() + " serializes to "
                        + (out == null ? "null" : out.getClass().getName()),
                true,
                null);
    }

    /**
     * Whether Jackson writes {@code text} with the same bytes as SmallRye's JSON-P writer: no surrogate (Jackson
     * escapes a character above U+FFFF, JSON-P writes it raw) and no control character but the five with a short
     * escape (the two write the others' hex digits in different cases).
     */
    static boolean sameEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)
                    || (c < 0x20 && c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r')) {
                return false;
            }
        }
        return true;
    }

    private void write(JsonGenerator g, Field f, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        if (f.kind() == Kind.TYPENAME) {
            g.writeString((String) value);
            return;
        }
        if (f.kind() == Kind.LEAF) {
            if (f.list()) {
                g.writeStartArray();
                for (Object item : (List<?>) value) {
                    writeLeaf(g, item);
                }
                g.writeEndArray();
            } else {
                writeLeaf(g, value);
            }
            return;
        }
        if (f.list()) {
            g.writeStartArray();
            for (Object row : (List<?>) value) {
                writeRow(g, f.selection(), (Object[]) row);
            }
            g.writeEndArray();
        } else {
            writeRow(g, f.selection(), (Object[]) value);
        }
    }

    private void writeRow(JsonGenerator g, Selection selection, Object[] row) throws IOException {
        if (row == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (int i = 0; i < row.length; i++) {
            Field f = selection.fields().get(i);
            g.writeFieldName(f.key());
            write(g, f, row[i]);
        }
        g.writeEndObject();
    }

    private static void writeLeaf(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else {
            g.writeNumber(((Number) v).longValue());
        }
    }

    /** How {@code field} of objects of class {@code type} is read; a {@link Fallback} when it cannot be here. */
    private Accessor accessor(Class<?> type, String field) {
        Map<String, Accessor> byName = accessors.computeIfAbsent(type, k -> new ConcurrentHashMap<>());
        Accessor a = byName.get(field);
        if (a == null) {
            a = find(type, field);
            byName.put(field, a);
        }
        return a;
    }

    private Accessor find(Class<?> type, String field) {
        List<SourceMethod> candidates = new ArrayList<>();
        for (Map.Entry<Class<?>, List<SourceMethod>> e : sources.entrySet()) {
            if (e.getKey().isAssignableFrom(type)) {
                for (SourceMethod s : e.getValue()) {
                    if (s.name().equals(field)) {
                        candidates.add(s);
                    }
                }
            }
        }
        if (candidates.size() == 1 && candidates.get(0).usable()) {
            SourceMethod s = candidates.get(0);
            return s.batch() ? batch(s) : single(s);
        }
        if (!candidates.isEmpty()) {
            return unsupported(type, field);
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Name name = c.getAnnotation(Name.class);
                if ((name != null ? name.value() : c.getName()).equals(field) && plain(c)) {
                    Method m = c.getAccessor();
                    m.trySetAccessible(); // a public accessor of a public record: no access check on every call
                    return (parents, timing) -> {
                        List<Object> out = new ArrayList<>(parents.size());
                        for (Object p : parents) {
                            out.add(invoke(p, m));
                        }
                        return out;
                    };
                }
            }
        }
        return unsupported(type, field);
    }

    /** The annotations a record component may carry and still be read as it is (no format, no transformation). */
    private static final Set<String> PLAIN = Set.of(
            "org.eclipse.microprofile.graphql.Description",
            "org.eclipse.microprofile.graphql.NonNull",
            "org.eclipse.microprofile.graphql.Name");

    private static boolean plain(RecordComponent c) {
        List<java.lang.annotation.Annotation> all = new ArrayList<>(List.of(c.getAnnotations()));
        all.addAll(List.of(c.getAnnotatedType().getAnnotations()));
        all.addAll(List.of(c.getAccessor().getAnnotations()));
        try {
            all.addAll(
                    List.of(c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotations()));
        } catch (NoSuchFieldException e) {
            return false;
        }
        for (var a : all) {
            if (!PLAIN.contains(a.annotationType().getName())) {
                return false;
            }
        }
        Class<?> t = c.getType();
        return t == String.class
                || t.isPrimitive()
                || (Number.class.isAssignableFrom(t) && t.getName().startsWith("java."))
                || t == Boolean.class
                || t.isEnum()
                || t.isRecord()
                || Collection.class.isAssignableFrom(t)
                || c.getGenericType() instanceof java.lang.reflect.TypeVariable<?>; // a connection's node
    }

    private Accessor batch(SourceMethod s) {
        return (parents, timing) -> {
            long t0 = System.nanoTime();
            Object result = invoke(bean(s.bean()), s.method(), parents);
            long nanos = System.nanoTime() - t0;
            for (int i = 0; i < parents.size(); i++) {
                timing.record(s.name(), true, nanos); // SmallRye times each parent's load of the batch
            }
            if (!(result instanceof List<?> list) || list.size() != parents.size()) {
                throw new Fallback(s.name() + " did not answer one value per parent", false, null);
            }
            return new ArrayList<>(list);
        };
    }

    private Accessor single(SourceMethod s) {
        return (parents, timing) -> {
            Object bean = bean(s.bean());
            List<Object> out = new ArrayList<>(parents.size());
            for (Object p : parents) {
                long t0 = System.nanoTime();
                out.add(invoke(bean, s.method(), p));
                timing.record(s.name(), true, System.nanoTime() - t0);
            }
            return out;
        };
    }

    private static Accessor unsupported(Class<?> type, String field) {
        return (parents, timing) -> {
            throw new Fallback(type.getSimpleName() + "." + field + " is not answered here", true, null);
        };
    }
}
