package io.asegraph.history;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The inverse of {@link ResourceState#of}: the domain record a recorded state describes, so that the estate at a past
 * version can be rebuilt from the change log. Every rebuilt record is checked by deriving its state again: a state
 * that does not come back exactly is refused ({@link NotRebuildable}, naming the resource and the property), never
 * guessed.
 *
 * <p>What a state leaves out comes back as the loader would hold it where it does not change what the estate means:
 * an NSG's service-owned {@code etag} empty, a rule collection's group priority from its group (classic collections
 * 0), children in their state's (name) order, which the estate re-sorts where order matters (rules by priority,
 * collections by group priority and priority).
 */
public final class ResourceRecords {
    private static final Map<ResourceKind, Class<?>> TYPES = types();
    /** A child key {@link ResourceState} made unique: the second child of the same name is {@code name#2}. */
    private static final Pattern DUPLICATE = Pattern.compile("(.*)#(\\d+)");

    private ResourceRecords() {}

    /** A state that cannot be turned back into its record exactly; the message names the resource and the cause. */
    public static final class NotRebuildable extends RuntimeException {
        NotRebuildable(String message) {
            super(message);
        }
    }

    /**
     * The record {@code state} describes (a {@code Resource} or a {@code ServiceTag}).
     *
     * @throws NotRebuildable when it cannot be told exactly
     */
    public static Object record(ResourceState state) {
        Class<?> type = TYPES.get(state.kind());
        if (type == null) {
            throw new NotRebuildable(state.kind() + " " + state.id() + ": no record type for its kind");
        }
        String what = state.kind().armType() + " " + state.name() + " (" + state.id() + ")";
        Object r;
        try {
            r = build(type, state.id(), state.name(), state.properties(), what, true);
        } catch (RuntimeException e) {
            if (e instanceof NotRebuildable n) {
                throw n;
            }
            throw new NotRebuildable(what + ": its recorded state cannot be read back (" + e.getMessage() + ")");
        }
        ResourceState again = ResourceState.of(r);
        if (!again.equals(state)) {
            throw new NotRebuildable(what + ": its recorded state does not come back from the record rebuilt from it ("
                    + firstDifference(state.properties(), again.properties()) + ")");
        }
        return r;
    }

    private static Map<ResourceKind, Class<?>> types() {
        Map<ResourceKind, Class<?>> m = new EnumMap<>(ResourceKind.class);
        Stream.concat(NetworkTypes.ALL.stream(), PolicyTypes.ALL.stream())
                .forEach((ResourceType<?> t) -> m.put(t.kind(), t.type()));
        return m;
    }

    private static Object build(
            Class<?> type, String id, String name, Map<String, Object> props, String what, boolean top) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String n = c.getName();
            if (top && n.equals("id") && c.getType() == ResourceId.class) {
                args[i] = ResourceId.of(id);
            } else if (n.equals("name") && c.getType() == String.class) {
                args[i] = name;
            } else if (n.equals("etag")) {
                args[i] = "";
            } else if (n.equals("groupPriority")) {
                args[i] = 0; // a group's constructor puts its own priority in
            } else {
                String property = ResourceState.propertyName(type, n);
                args[i] = value(c.getGenericType(), n, props.get(property), what + " " + property);
            }
        }
        return construct(type, components, args);
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
        try {
            Constructor<?> k = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            k.setAccessible(true);
            return k.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object value(Type t, String component, Object v, String where) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type arg = p.getActualTypeArguments()[0];
            if (raw == Optional.class) {
                if (v == null) {
                    return Optional.empty(); // an optional list given empty is recorded as an empty list
                }
                return Optional.of(value(arg, component, v, where));
            }
            if (raw == List.class) {
                return list(arg, component, v, where);
            }
        }
        return scalar((Class<?>) t, component, v, where);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Type item, String component, Object v, String where) {
        if (v == null) {
            return List.of();
        }
        Class<?> itemClass = (Class<?>) item;
        List<Object> out = new ArrayList<>();
        if (itemClass.isRecord() && named(itemClass)) {
            Map<String, Object> children = (Map<String, Object>) v;
            children.forEach((key, props) -> {
                Matcher m = DUPLICATE.matcher(key);
                String childName = m.matches() && children.containsKey(m.group(1)) ? m.group(1) : key;
                out.add(build(itemClass, null, childName, (Map<String, Object>) props, where + " " + childName, false));
            });
            return out;
        }
        for (Object x : (List<Object>) v) {
            out.add(scalar(itemClass, component, x, where));
        }
        return out;
    }

    private static boolean named(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .anyMatch(c -> c.getName().equals("name") && c.getType() == String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object scalar(Class<?> type, String component, Object v, String where) {
        if (v == null) {
            if (type == String.class) {
                return "";
            }
            throw new NotRebuildable(where + ": not recorded, and it has no absent form");
        }
        String s = (String) v;
        if (type == String.class) {
            return s;
        }
        if (type == ResourceId.class) {
            return ResourceId.of(s);
        }
        if (type == long.class || type == Long.class) {
            return ResourceState.ADDRESS.matcher(component).matches() ? Ipv4.parse(s) : Long.parseLong(s);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(s);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(s);
        }
        if (type == Cidr.class) {
            return Cidr.parseBlock(s);
        }
        if (type == PortRange.class) {
            return PortRange.parse(s);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, s);
        }
        if (type.isRecord()) {
            return unnamed(type, s, where);
        }
        throw new NotRebuildable(where + ": a " + type.getSimpleName() + " cannot be read back from its state");
    }

    /**
     * A child without a name, recorded as its values joined by spaces (a subnet's service endpoint: the service, then
     * its locations): each scalar takes one word, a list at the end the rest.
     */
    private static Object unnamed(Class<?> type, String text, String where) {
        String[] words = text.isBlank() ? new String[0] : text.trim().split(" ");
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        int w = 0;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            boolean isList = c.getType() == List.class;
            if (isList && i != components.length - 1) {
                throw new NotRebuildable(where + ": a " + type.getSimpleName() + " cannot be read back from its state");
            }
            if (isList) {
                Type item = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                List<Object> rest = new ArrayList<>();
                for (; w < words.length; w++) {
                    rest.add(scalar((Class<?>) item, c.getName(), words[w], where));
                }
                args[i] = rest;
            } else {
                args[i] = scalar(c.getType(), c.getName(), w < words.length ? words[w++] : null, where);
            }
        }
        return construct(type, components, args);
    }

    private static String firstDifference(Map<String, Object> recorded, Map<String, Object> rebuilt) {
        for (var e : recorded.entrySet()) {
            Object other = rebuilt.get(e.getKey());
            if (!e.getValue().equals(other)) {
                return e.getKey() + " recorded " + e.getValue() + ", rebuilt " + other;
            }
        }
        for (var e : rebuilt.entrySet()) {
            if (!recorded.containsKey(e.getKey())) {
                return e.getKey() + " not recorded, rebuilt " + e.getValue();
            }
        }
        return "the same properties, in another form";
    }
}
