package io.asegraph.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test documents: the reference export, edited at JSON Pointers, and small JSON builders. */
final class Docs {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String NET = ReferenceExportTest.NET;
    static final String WEB = ReferenceExportTest.WEB;
    static final String VNET = ReferenceExportTest.VNET;

    private Docs() {}

    /** A fresh copy of graph-seed/reference-topology.az.json. */
    static ArrayNode reference() {
        try {
            return (ArrayNode) MAPPER.readTree(Files.readString(Path.of("graph-seed/reference-topology.az.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies edits written {@code /pointer=json && /pointer=json}; an index equal to the array's size appends.
     * The value {@code null} makes the field JSON null, which the parser reads as absent.
     */
    static JsonNode edit(JsonNode doc, String edits) {
        for (String edit : edits.split(" && ")) {
            int eq = edit.indexOf('=');
            set(doc, edit.substring(0, eq).trim(), json(edit.substring(eq + 1).trim()));
        }
        return doc;
    }

    static void set(JsonNode doc, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = doc.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i == a.size()) {
                a.add(value);
            } else {
                a.set(i, value);
            }
        } else {
            throw new IllegalArgumentException("no container at " + p.head() + " for " + pointer);
        }
    }

    static String text(JsonNode doc) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument parse(JsonNode doc) {
        return ImportParser.parse(text(doc));
    }

    static ParsedDocument parse(JsonNode doc, KnownResources known) {
        return ImportParser.parse(text(doc), known);
    }

    /** The single problem of a result, failing with all of them listed otherwise. */
    static ImportProblem onlyProblem(ParsedDocument d) {
        assertEquals(1, d.problems().size(), () -> "expected one problem, got " + d.problems());
        return d.problems().get(0);
    }

    static void assertProblem(ImportProblem p, String location, String... fragments) {
        assertEquals(location, p.location(), () -> "location of " + p);
        for (String f : fragments) {
            assertTrue(p.message().contains(f), () -> "message of " + p + " lacks: " + f);
        }
    }

    /** Moves every {@code properties} object's fields up into its owner, as most {@code az network} commands print. */
    static JsonNode flatten(JsonNode node) {
        if (node instanceof ArrayNode a) {
            for (JsonNode e : a) {
                flatten(e);
            }
        } else if (node instanceof ObjectNode o) {
            JsonNode props = o.remove("properties");
            if (props instanceof ObjectNode p) {
                Iterator<Map.Entry<String, JsonNode>> it = p.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    o.set(e.getKey(), e.getValue());
                }
            }
            for (JsonNode child : List.copyOf(iterable(o))) {
                flatten(child);
            }
        }
        return node;
    }

    private static List<JsonNode> iterable(ObjectNode o) {
        List<JsonNode> out = new java.util.ArrayList<>();
        o.elements().forEachRemaining(out::add);
        return out;
    }
}
