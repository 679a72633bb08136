package io.asegraph.api.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Ignore;

/**
 * The rows of a GraphQL answer (a list of records, the very objects the resolver returns) as CSV: one column per scalar
 * field of the row type, in the type's order — strings, numbers, booleans and enums as the GraphQL answer writes them,
 * lists of scalars joined with {@code "; "}, a nested object's scalar fields as {@code object.field} columns (empty when
 * the object is null), null as an empty cell. Fields hidden from GraphQL ({@code @Ignore}) and lists of objects are not
 * columns; a report may add derived columns of its own after them. Quoting is Jackson's CSV generator's (RFC 4180: a
 * value with a comma, quote or line break is quoted, quotes doubled), with a header row.
 */
final class CsvTable<T extends Record> {
    static final String LIST_SEPARATOR = "; ";
    /** Quotes exactly the cells that need it (not every cell longer than 24 characters, Jackson's default). */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /** One column: its header and how a row gives its value (already a cell: a string, or null for empty). */
    record Column<T>(String name, Function<T, String> value) {}

    private final List<Column<T>> columns;

    private CsvTable(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The columns of {@code type}'s scalar fields, then {@code extra}. */
    @SafeVarargs
    static <T extends Record> CsvTable<T> of(Class<T> type, Column<T>... extra) {
        List<Column<T>> columns = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (hidden(c)) {
                continue;
            }
            if (isScalar(c.getType()) || isScalarList(c)) {
                columns.add(new Column<>(c.getName(), row -> cell(read(c, row))));
            } else if (c.getType().isRecord()) {
                for (RecordComponent inner : c.getType().getRecordComponents()) {
                    if (!hidden(inner) && (isScalar(inner.getType()) || isScalarList(inner))) {
                        columns.add(new Column<>(c.getName() + "." + inner.getName(), row -> {
                            Object nested = read(c, row);
                            return nested == null ? null : cell(read(inner, nested));
                        }));
                    }
                }
            }
        }
        columns.addAll(List.of(extra));
        return new CsvTable<>(columns);
    }

    List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /** The header row and one row per element of {@code rows}, as CSV text. */
    String write(List<? extends T> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header().forEach(schema::addColumn);
        List<Map<String, String>> cells = new ArrayList<>(rows.size());
        for (T row : rows) {
            Map<String, String> line = new LinkedHashMap<>();
            for (Column<T> c : columns) {
                line.put(c.name(), c.value().apply(row));
            }
            cells.add(line);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CSV report could not be written", e);
        }
    }

    /** A value as one cell: lists joined with {@link #LIST_SEPARATOR}, enums by name, null as null (an empty cell). */
    static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(LIST_SEPARATOR, list.stream().map(CsvTable::cell).toList());
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    private static boolean isScalar(Class<?> type) {
        return type == String.class
                || Number.class.isAssignableFrom(type)
                || type == Boolean.class
                || type.isPrimitive()
                || type.isEnum();
    }

    private static boolean isScalarList(RecordComponent c) {
        if (!List.class.isAssignableFrom(c.getType())
                || !(c.getGenericType() instanceof java.lang.reflect.ParameterizedType p)) {
            return false;
        }
        return p.getActualTypeArguments()[0] instanceof Class<?> element && isScalar(element);
    }

    /** Hidden from GraphQL: {@code @Ignore} lands on the record's field and accessor, not on the component. */
    private static boolean hidden(RecordComponent c) {
        try {
            return c.getAccessor().isAnnotationPresent(Ignore.class)
                    || c.getDeclaringRecord().getDeclaredField(c.getName()).isAnnotationPresent(Ignore.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record without the field of its component " + c.getName(), e);
        }
    }

    private static Object read(RecordComponent c, Object row) {
        try {
            return c.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + row.getClass(), e);
        }
    }
}
