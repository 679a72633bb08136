package io.asegraph.topology;

import java.util.Locale;

/**
 * An Azure resource id. ARM ids are case-insensitive: {@link #key()} is the normalised form (lower case,
 * no trailing slash) used for identity and storage; {@link #value()} keeps the spelling as given for display.
 */
public record ResourceId(String value, String key) {
    public ResourceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a resource id must not be empty");
        }
    }

    public static ResourceId of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a resource id must not be empty");
        }
        String trimmed = value.trim();
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return new ResourceId(trimmed, normalise(trimmed));
    }

    public static String normalise(String id) {
        String t = id.trim();
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** The last path segment: the resource's name. */
    public String name() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    /** A child id such as {@code <nsg>/securityRules/<name>}. */
    public ResourceId child(String collection, String name) {
        return of(value + "/" + collection + "/" + name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
