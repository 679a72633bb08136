package io.asegraph.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A minimal streaming JSON writer (JDK only): it writes tokens straight to a UTF-8 stream and keeps only a
 * stack of "first element" flags, so a document of any size is written in constant memory.
 *
 * <p>Two layouts: compact with one element of the top-level array per line (the default: small files that still
 * diff and grep by resource), or pretty with two-space indentation as {@code az ... -o json} prints.
 * Strings are escaped per RFC 8259 section 7: quote, backslash and every control character below U+0020;
 * everything else is encoded as UTF-8 here, byte by byte, which is several times faster than a {@code Writer} for
 * this ASCII-heavy output. A lone surrogate (no UTF-8 form) becomes U+FFFD.
 */
final class JsonWriter implements Closeable {
    private static final int MAX_DEPTH = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final OutputStream out;
    private final boolean pretty;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private final boolean[] empty = new boolean[MAX_DEPTH];
    private final boolean[] isArray = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    JsonWriter(OutputStream stream, boolean pretty) {
        this.out = stream;
        this.pretty = pretty;
    }

    JsonWriter beginObject() {
        beforeValue();
        put('{');
        push(false);
        return this;
    }

    JsonWriter endObject() {
        pop('}');
        return this;
    }

    JsonWriter beginArray() {
        beforeValue();
        put('[');
        push(true);
        return this;
    }

    JsonWriter endArray() {
        pop(']');
        return this;
    }

    /** Writes a member name; the next call must write its value. */
    JsonWriter name(String name) {
        if (depth == 0 || isArray[depth - 1] || afterName) {
            throw new IllegalStateException("a member name is only allowed directly inside an object");
        }
        separator();
        string(name);
        put(':');
        if (pretty) {
            put(' ');
        }
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        if (text == null) {
            return nullValue();
        }
        beforeValue();
        string(text);
        return this;
    }

    JsonWriter value(long number) {
        beforeValue();
        raw(Long.toString(number));
        return this;
    }

    JsonWriter value(boolean flag) {
        beforeValue();
        raw(flag ? "true" : "false");
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        raw("null");
        return this;
    }

    JsonWriter field(String name, String text) {
        return name(name).value(text);
    }

    JsonWriter field(String name, long number) {
        return name(name).value(number);
    }

    JsonWriter field(String name, boolean flag) {
        return name(name).value(flag);
    }

    /** {@code "name": {"id": "..."}}, the ARM sub-resource reference shape. */
    JsonWriter reference(String name, String id) {
        return name(name).beginObject().field("id", id).endObject();
    }

    /** {@code "name": [{"id": "..."}, ...]}. */
    JsonWriter references(String name, Iterable<String> ids) {
        name(name).beginArray();
        for (String id : ids) {
            beginObject().field("id", id).endObject();
        }
        return endArray();
    }

    /** {@code "name": ["a", "b"]}. */
    JsonWriter strings(String name, Iterable<String> values) {
        name(name).beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    private void push(boolean array) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nesting deeper than " + MAX_DEPTH);
        }
        empty[depth] = true;
        isArray[depth] = array;
        depth++;
    }

    private void pop(char close) {
        if (depth == 0 || isArray[depth - 1] != (close == ']') || afterName) {
            throw new IllegalStateException("unbalanced JSON: cannot close with '" + close + "' here");
        }
        depth--;
        if (!empty[depth]) {
            if (pretty) {
                lineBreak(depth);
            } else if (depth == 0 && isArray[0]) {
                put('\n');
            }
        }
        put(close);
        if (depth == 0) {
            put('\n');
        }
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0 && !isArray[depth - 1]) {
            throw new IllegalStateException("a value inside an object needs a member name first");
        }
        if (depth > 0) {
            separator();
        }
    }

    private void separator() {
        if (!empty[depth - 1]) {
            put(',');
        }
        empty[depth - 1] = false;
        lineBreak(depth);
    }

    /** Pretty: newline and indentation at every level; compact: a newline only between top-level array elements. */
    private void lineBreak(int level) {
        if (pretty) {
            put('\n');
            for (int i = 0; i < level; i++) {
                put(' ');
                put(' ');
            }
        } else if (level == 1 && isArray[0]) {
            put('\n');
        }
    }

    private void string(String s) {
        put('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> {
                    put('\\');
                    put('"');
                }
                case '\\' -> {
                    put('\\');
                    put('\\');
                }
                case '\n' -> {
                    put('\\');
                    put('n');
                }
                case '\r' -> {
                    put('\\');
                    put('r');
                }
                case '\t' -> {
                    put('\\');
                    put('t');
                }
                case '\b' -> {
                    put('\\');
                    put('b');
                }
                case '\f' -> {
                    put('\\');
                    put('f');
                }
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c);
                    } else if (c < 0x80) {
                        put(c);
                    } else if (c < 0x800) {
                        putByte(0xC0 | (c >> 6));
                        putByte(0x80 | (c & 0x3F));
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        putByte(0xF0 | (cp >> 18));
                        putByte(0x80 | ((cp >> 12) & 0x3F));
                        putByte(0x80 | ((cp >> 6) & 0x3F));
                        putByte(0x80 | (cp & 0x3F));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate has no UTF-8 form and strict parsers reject its escape: U+FFFD instead.
                        putByte(0xEF);
                        putByte(0xBF);
                        putByte(0xBD);
                    } else {
                        putByte(0xE0 | (c >> 12));
                        putByte(0x80 | ((c >> 6) & 0x3F));
                        putByte(0x80 | (c & 0x3F));
                    }
                }
            }
        }
        put('"');
    }

    private void unicodeEscape(char c) {
        put('\\');
        put('u');
        put(HEX[(c >> 12) & 0xF]);
        put(HEX[(c >> 8) & 0xF]);
        put(HEX[(c >> 4) & 0xF]);
        put(HEX[c & 0xF]);
    }

    private void raw(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            put(s.charAt(i));
        }
    }

    /** An ASCII character. */
    private void put(char c) {
        putByte(c);
    }

    private void putByte(int b) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (byte) b;
    }

    private void drain() {
        try {
            out.write(buffer, 0, used);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used = 0;
    }

    /** Flushes and closes the stream; the document must be complete. */
    @Override
    public void close() throws IOException {
        drain();
        out.close();
        if (depth != 0) {
            throw new IllegalStateException("JSON document closed with " + depth + " open containers");
        }
    }
}
