package io.asegraph.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The location of a value in a JSON document: shown as JSONPath ({@code $[3].properties.securityRules[2].name}),
 * matched against the text as a JSON Pointer ({@code /3/properties/securityRules/2/name}). Immutable and shared:
 * a child holds its parent.
 */
final class NodePath {
    static final NodePath ROOT = new NodePath(null, null, -1);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final NodePath parent;
    private final String field;
    private final int index;

    private NodePath(NodePath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    NodePath field(String name) {
        return new NodePath(this, name, -1);
    }

    NodePath index(int i) {
        return new NodePath(this, null, i);
    }

    NodePath parent() {
        return parent;
    }

    /** The JSON Pointer of this location ({@code ""} for the root), escaped as RFC 6901 says. */
    String pointer() {
        if (parent == null) {
            return "";
        }
        String segment = field != null ? field.replace("~", "~0").replace("/", "~1") : Integer.toString(index);
        return parent.pointer() + "/" + segment;
    }

    /** This location's pointer and those of its ancestors, deepest first. */
    List<String> pointersUpward() {
        List<String> out = new ArrayList<>();
        for (NodePath p = this; p != null; p = p.parent) {
            out.add(p.pointer());
        }
        return out;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        if (field == null) {
            return parent + "[" + index + "]";
        }
        if (IDENTIFIER.matcher(field).matches()) {
            return parent + "." + field;
        }
        return parent + "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
}
