package io.asegraph.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import java.io.IOException;

/**
 * The two layouts of the bench's JSON files, as a Jackson {@link PrettyPrinter}. {@link #lines()} is compact with one
 * element of a top-level array per line (files that still diff and grep by resource); {@link #pretty()} indents by
 * two spaces as {@code az ... -o json} prints ({@code "name": value}, empty containers as {@code []} and {@code {}}).
 * Both end a top-level array or object with a newline. A layout counts the nesting of the one document it writes,
 * so every generator needs its own ({@link #createInstance()} gives an {@code ObjectWriter} a fresh one per document).
 */
final class JsonLayout implements PrettyPrinter, Instantiatable<JsonLayout> {
    private static final char[] INDENT = ("\n" + " ".repeat(128)).toCharArray();

    private final boolean pretty;
    private int depth;
    private boolean topLevelArray;

    private JsonLayout(boolean pretty) {
        this.pretty = pretty;
    }

    /** Compact, one element of the top-level array per line. */
    static JsonLayout lines() {
        return new JsonLayout(false);
    }

    /** Two-space indentation, {@code "name": value}. */
    static JsonLayout pretty() {
        return new JsonLayout(true);
    }

    @Override
    public JsonLayout createInstance() {
        return new JsonLayout(pretty);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        // Every document already ends with a newline.
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        open(g, '{', false);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        beforeEntry(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        if (pretty) {
            g.writeRaw(": ");
        } else {
            g.writeRaw(':');
        }
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        beforeEntry(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        open(g, '[', true);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        beforeEntry(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        beforeEntry(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, ']', values);
    }

    private void open(JsonGenerator g, char bracket, boolean array) throws IOException {
        if (depth == 0) {
            topLevelArray = array;
        }
        depth++;
        g.writeRaw(bracket);
    }

    private void close(JsonGenerator g, char bracket, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            if (pretty) {
                indent(g);
            } else if (depth == 0 && topLevelArray) {
                g.writeRaw('\n');
            }
        }
        g.writeRaw(bracket);
        if (depth == 0) {
            g.writeRaw('\n');
        }
    }

    /** Pretty: every entry on its own indented line; lines: only the entries of a top-level array. */
    private void beforeEntry(JsonGenerator g) throws IOException {
        if (pretty) {
            indent(g);
        } else if (depth == 1 && topLevelArray) {
            g.writeRaw('\n');
        }
    }

    /** A newline and two spaces per open container. */
    private void indent(JsonGenerator g) throws IOException {
        int length = 1 + 2 * depth;
        if (length <= INDENT.length) {
            g.writeRaw(INDENT, 0, length);
            return;
        }
        g.writeRaw(INDENT, 0, INDENT.length);
        for (int left = length - INDENT.length; left > 0; left -= INDENT.length - 1) {
            g.writeRaw(INDENT, 1, Math.min(left, INDENT.length - 1));
        }
    }
}
