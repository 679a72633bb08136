package io.asegraph.history;

import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One resource's state in a canonical form that can be stored (as JSON) and compared: its kind, id and name, and an
 * ordered map of its properties under their Azure names. A property's value is a string (a scalar: numbers, flags and
 * enum values as text, IPv4 addresses dotted, references as the referenced resource's id), a list of strings (address
 * prefixes, port ranges; references sorted) or, for child lists whose items have names (an NSG's
 * {@code securityRules}, a route table's {@code routes}, a firewall's {@code ruleCollections} and their rules), a map
 * from each child's name to its own property map, sorted by name. Absent, empty and blank values are left out, so
 * "no NSG" and "no prefixes" read as absent; only an optional list given empty (a firewall's {@code
 * snatPrivateRanges} set to none, which differs from not set) is kept, as an empty list. An NSG's {@code etag} is not part of its state: the service owns it and
 * renews it on every write.
 *
 * <p>The same function, {@link #of}, derives the state of every kind the estate holds from its domain record, so a
 * state stored for a version, one computed from a parsed but unwritten document, and one read from the snapshot are
 * comparable.
 */
public record ResourceState(ResourceKind kind, String id, String name, Map<String, Object> properties) {
    /** Record components under other names in the state (Azure's, or what the reference points at). */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("nsgId", "networkSecurityGroup"),
            Map.entry("routeTableId", "routeTable"),
            Map.entry("natGatewayId", "natGateway"),
            Map.entry("subnetId", "subnet"),
            Map.entry("vnetId", "virtualNetwork"),
            Map.entry("localVnetId", "virtualNetwork"),
            Map.entry("remoteVnetId", "remoteVirtualNetwork"),
            Map.entry("state", "peeringState"),
            Map.entry("prefixes", "addressPrefixes"),
            Map.entry("addressSpace", "addressPrefixes"),
            Map.entry("sourcePrefixes", "sourceAddressPrefixes"),
            Map.entry("destinationPrefixes", "destinationAddressPrefixes"),
            Map.entry("sourcePorts", "sourcePortRanges"),
            Map.entry("destinationPorts", "destinationPortRanges"),
            Map.entry("sourceAsgs", "sourceApplicationSecurityGroups"),
            Map.entry("destinationAsgs", "destinationApplicationSecurityGroups"),
            Map.entry("asgIds", "applicationSecurityGroups"),
            Map.entry("publicIpIds", "publicIpAddresses"),
            Map.entry("nicIds", "networkInterfaces"),
            Map.entry("aseId", "hostingEnvironment"),
            Map.entry("policyId", "firewallPolicy"),
            Map.entry("ruleCollectionGroupIds", "ruleCollectionGroups"),
            Map.entry("gatewayId", "virtualNetworkGateway"),
            Map.entry("peerId", "peer"),
            Map.entry("nextHopIp", "nextHopIpAddress"),
            Map.entry("privateIp", "privateIpAddress"),
            Map.entry("privateIps", "privateIpAddresses"),
            Map.entry("isDefault", "default"),
            Map.entry("NetworkSecurityGroup.rules", "securityRules"),
            Map.entry("FirewallRule.destinationPorts", "destinationPorts"));

    /**
     * Components that are not part of a state: the id and name (held apart), the service-owned NSG etag, and a rule
     * collection's copy of its group's priority (the group's own {@code priority} tells it).
     */
    static final Set<String> LEFT_OUT = Set.of("id", "name", "etag", "groupPriority");

    /** Numbers that are IPv4 addresses, by their component's name. */
    static final Pattern ADDRESS = Pattern.compile("(?i).*(ip|ips|vip|address|addresses)$");

    static final Map<Class<?>, ResourceKind> KINDS = kinds();

    public ResourceState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The state of {@code record}, a resource of any kind the estate holds (a service tag by its name). */
    public static ResourceState of(Object record) {
        ResourceKind kind = KINDS.get(record.getClass());
        if (kind == null) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " is no resource of the estate");
        }
        String id = record instanceof Resource r ? r.id().value() : ((ServiceTag) record).name();
        String name = record instanceof Resource r ? r.name() : ((ServiceTag) record).name();
        return new ResourceState(kind, id, name, properties((Record) record));
    }

    /** The key resources are told apart by (ids are compared case-insensitively, as Azure does). */
    public String key() {
        return id.toLowerCase(Locale.ROOT);
    }

    private static Map<Class<?>, ResourceKind> kinds() {
        Map<Class<?>, ResourceKind> m = new HashMap<>();
        Stream.concat(NetworkTypes.ALL.stream(), PolicyTypes.ALL.stream())
                .forEach((ResourceType<?> t) -> m.put(t.type(), t.kind()));
        return Map.copyOf(m);
    }

    private static Map<String, Object> properties(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (LEFT_OUT.contains(c.getName())) {
                continue;
            }
            Object v = canonical(c.getName(), read(c, record));
            if (v != null) {
                out.put(propertyName(record.getClass(), c.getName()), v);
            }
        }
        return out;
    }

    /** The name in a state of component {@code component} of record class {@code type}. */
    static String propertyName(Class<?> type, String component) {
        return NAMES.getOrDefault(type.getSimpleName() + "." + component, NAMES.getOrDefault(component, component));
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }

    /** A value in canonical form, or null when it is absent, empty or blank. */
    private static Object canonical(String component, Object v) {
        if (v instanceof Optional<?> o) {
            if (o.isPresent() && o.get() instanceof Collection<?> c && c.isEmpty()) {
                return new ArrayList<>(); // an optional list given empty is not one left out (a firewall's SNAT ranges)
            }
            return o.map(x -> canonical(component, x)).orElse(null);
        }
        if (v instanceof Collection<?> list) {
            return list(component, list);
        }
        String s = scalar(component, v);
        return s == null || s.isBlank() ? null : s;
    }

    private static Object list(String component, Collection<?> list) {
        if (list.isEmpty()) {
            return null;
        }
        if (list.iterator().next() instanceof Record r && hasName(r)) {
            Map<String, Object> children = new TreeMap<>();
            for (Object item : list) {
                String childName = (String) read(nameOf((Record) item), (Record) item);
                String key = childName;
                for (int n = 2; children.containsKey(key); n++) {
                    key = childName + "#" + n;
                }
                children.put(key, properties((Record) item));
            }
            return new LinkedHashMap<>(children);
        }
        Stream<String> items = list.stream().map(x -> scalar(component, x));
        if (list.iterator().next() instanceof ResourceId) {
            items = items.sorted(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        }
        return new ArrayList<>(items.toList());
    }

    private static String scalar(String component, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof ResourceId id) {
            return id.value();
        }
        if (v instanceof Long l && ADDRESS.matcher(component).matches()) {
            return Ipv4.format(l);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Cidr || v instanceof PortRange) {
            return v.toString();
        }
        if (v instanceof Record r) {
            // a child without a name (a subnet's service endpoint): its values in order
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object x = canonical(c.getName(), read(c, r));
                if (x != null) {
                    parts.add(
                            x instanceof List<?> l
                                    ? String.join(
                                            " ", l.stream().map(String::valueOf).toList())
                                    : x.toString());
                }
            }
            return String.join(" ", parts);
        }
        return v.toString();
    }

    static boolean hasName(Record r) {
        return nameOf(r) != null;
    }

    static RecordComponent nameOf(Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals("name") && c.getType() == String.class) {
                return c;
            }
        }
        return null;
    }
}
