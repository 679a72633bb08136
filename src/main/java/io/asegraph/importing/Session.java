package io.asegraph.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.asegraph.net.Cidr;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The state of one parse: what was read so far, every problem and warning, the ids declared and the references and
 * address checks left for {@link CrossChecks}. Also the typed accessors every reader uses: each one reports a
 * problem at the field's location when the value has the wrong JSON type, and never throws.
 */
final class Session {
    final KnownResources known;
    final UnresolvedReferences unresolvedMode;
    /** The kind of the top-level resource being read (the owner of the references recorded meanwhile). */
    ResourceKind reading;
    /** Placeholders for references that resolve nowhere ({@link UnresolvedReferences#PLACEHOLDER}), by id. */
    final Map<ResourceId, PlaceholderRef> placeholders = new java.util.LinkedHashMap<>();

    final List<ImportProblem> problems = new ArrayList<>();
    /** The location of each problem, index for index, to find its line and column later. */
    final List<NodePath> problemPaths = new ArrayList<>();

    final List<ImportWarning> warnings = new ArrayList<>();

    /** The domain records read so far, per kind in document order. */
    final ResourceSet.Builder resources = ResourceSet.builder();

    ServiceTagsFile serviceTagsFile;

    /** Every id declared in the document, with its kind and where. */
    final Map<ResourceId, Declared> declared = new HashMap<>();

    final List<Reference> references = new ArrayList<>();
    /** Address spaces of the VNets in the document (also of VNets with problems elsewhere). */
    final Map<ResourceId, VnetSpace> vnetSpaces = new HashMap<>();
    /** Subnets to check against their VNet's space and their siblings. */
    final List<Placement> placements = new ArrayList<>();
    /** Addresses that must lie in a given subnet (NIC private address, ASE internal address). */
    final List<AddressCheck> addressChecks = new ArrayList<>();
    /** Where each VNet of the document lists its subnets: the VNet's subnets are exactly those listed (or declared). */
    final Map<ResourceId, NodePath> vnetSubnetLists = new HashMap<>();
    /** Per resource, the parts of its state the document has no key for: an import keeps what is stored. */
    final Map<ResourceId, Set<StatePart>> unstated = new HashMap<>();
    /** Resources listed without any properties: references, checked to exist in the graph. */
    final List<Listed> listed = new ArrayList<>();
    /** Service tag names seen (lower case) and where, for duplicates. */
    final Map<String, NodePath> serviceTagNames = new HashMap<>();

    record Declared(ResourceKind kind, NodePath at, String name) {}

    /** A resource given without properties, with where it stands. */
    record Listed(ResourceId id, ResourceKind kind, String name, NodePath at) {}

    /** Records that the document has no key for {@code part} of {@code id} (nothing when the id is unknown). */
    void unstated(ResourceId id, StatePart part) {
        if (id != null) {
            unstated.computeIfAbsent(id, k -> EnumSet.noneOf(StatePart.class)).add(part);
        }
    }

    /**
     * A reference from the document to a resource of the {@code expected} kind, from a top-level resource of
     * {@code ownerKind}; {@code written} when the document gives the id (not derived from another id).
     */
    record Reference(
            NodePath at,
            String field,
            ResourceId id,
            ResourceKind expected,
            String owner,
            ResourceKind ownerKind,
            boolean written) {}

    record VnetSpace(String name, List<Cidr> prefixes, NodePath at) {}

    /** A subnet of the document with its IPv4 prefixes, each where the document gives it. */
    record Placement(ResourceId subnetId, String name, ResourceId vnetId, List<PlacedPrefix> prefixes) {
        Placement {
            prefixes = List.copyOf(prefixes);
        }

        List<Cidr> cidrs() {
            return prefixes.stream().map(PlacedPrefix::prefix).toList();
        }
    }

    /** One IPv4 prefix of a subnet in the document: {@code field} names its key in sentences. */
    record PlacedPrefix(Cidr prefix, NodePath at, String field) {}

    record AddressCheck(ResourceId subnetId, long address, NodePath at, String field, String owner) {}

    /** The resource-level header: id and name as given (either may be missing, a problem already reported). */
    record Header(ResourceId id, String name, String location) {
        boolean complete() {
            return id != null && name != null;
        }

        /** How messages name the resource. */
        String label() {
            return name != null ? "'" + name + "'" : id != null ? "'" + id.name() + "'" : "(unnamed)";
        }
    }

    /**
     * The member {@code name} of a JSON object, its key matched case-insensitively (Azure's JSON is not consistent:
     * {@code privateIPAddress} in current output, {@code privateIpAddress} in older CLI output, {@code virtualIP} in
     * REST and {@code virtualIp} in the CLI): the exact key if there is one, else the first key equal to it ignoring
     * case; {@code null} when {@code obj} is not an object or has no such key. Every reader looks fields up through
     * here ({@link Field#get}, {@link Res#get}, {@link Res#top}).
     */
    static Member member(JsonNode obj, String name) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        JsonNode exact = obj.get(name);
        if (exact != null) {
            return new Member(name, exact);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return new Member(e.getKey(), e.getValue());
            }
        }
        return null;
    }

    /** A member of a JSON object: its key as written and its value (maybe JSON null). */
    record Member(String key, JsonNode value) {
        boolean isNull() {
            return value == null || value.isNull();
        }
    }

    /** The value of {@link #member}, or {@code null} when absent. */
    static JsonNode value(JsonNode obj, String name) {
        Member m = member(obj, name);
        return m == null ? null : m.value();
    }

    /**
     * A field of a JSON object: its value ({@code null} when absent or JSON null) and its location. Its name is the
     * key as the document writes it when present, else the name asked for.
     */
    record Field(String name, JsonNode node, NodePath path) {
        boolean present() {
            return node != null && !node.isNull() && !node.isMissingNode();
        }

        /** A child field of this (object) value, matched case-insensitively; absent when this is absent or not an object. */
        Field get(String child) {
            Member m = present() ? member(node, child) : null;
            String key = m == null ? child : m.key();
            return new Field(key, m == null || m.isNull() ? null : m.value(), path.field(key));
        }
    }

    /**
     * A resource object (or an embedded child such as a subnet or rule) with its {@code properties} bag. ARM and
     * {@code az resource show} nest the properties under {@code properties}; most {@code az network ... show}
     * commands print them flattened beside {@code id} and {@code name}. {@link #get} looks in {@code properties}
     * first, then at the top level, so both shapes read the same.
     */
    static final class Res {
        final JsonNode node;
        final NodePath path;
        private final JsonNode props;
        /** The key of the properties bag as written ({@code properties}, in whatever case). */
        private final String propertiesKey;
        /** {@code properties} was there but not an object (a problem already reported). */
        private final boolean malformedProperties;

        Res(Session s, JsonNode node, NodePath path) {
            this.node = node;
            this.path = path;
            Member pm = member(node, "properties");
            String pkey = pm == null ? "properties" : pm.key();
            this.propertiesKey = pkey;
            JsonNode p = pm == null ? null : pm.value();
            if (p != null && !p.isNull() && !p.isObject()) {
                s.problem(path.field(pkey), p, "properties must be an object, got " + kindOf(p));
            }
            this.malformedProperties = p != null && !p.isNull() && !p.isObject();
            if (malformedProperties) {
                p = null;
            }
            this.props = p == null || p.isNull() ? null : p;
        }

        Field get(String name) {
            if (props != null) {
                Member m = member(props, name);
                if (m != null && !m.isNull()) {
                    return new Field(
                            m.key(), m.value(), path.field(propertiesKey).field(m.key()));
                }
            }
            Member m = member(node, name);
            if (m != null && !m.isNull()) {
                return new Field(m.key(), m.value(), path.field(m.key()));
            }
            return new Field(name, null, (props != null ? path.field(propertiesKey) : path).field(name));
        }

        /**
         * False when the resource gives no key for {@code name} (or {@code null}): that part of its state is not
         * stated, and an import keeps what the graph holds. True too when {@code properties} was malformed, a problem
         * already reported.
         */
        boolean states(String name) {
            return malformedProperties || get(name).present();
        }

        /** A resource-level field ({@code id}, {@code name}, {@code type}, {@code location}, {@code kind}, {@code etag}). */
        Field top(String name) {
            Member m = member(node, name);
            String key = m == null ? name : m.key();
            return new Field(key, m == null || m.isNull() ? null : m.value(), path.field(key));
        }
    }

    Session(KnownResources known) {
        this(known, UnresolvedReferences.REJECT);
    }

    Session(KnownResources known, UnresolvedReferences unresolvedMode) {
        this.known = known;
        this.unresolvedMode = unresolvedMode;
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    void problem(NodePath at, JsonNode value, String message) {
        problem(at, show(value), message);
    }

    void problem(NodePath at, String value, String message) {
        problems.add(new ImportProblem(at.toString(), value, message, Optional.empty()));
        problemPaths.add(at);
    }

    void warn(NodePath at, String message) {
        warnings.add(new ImportWarning(at.toString(), message));
    }

    static String show(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    static String kindOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string '" + n.asText() + "'";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.isBoolean() ? "the boolean " + n : "the number " + n;
    }

    // ---- typed accessors -------------------------------------------------------------------------------------

    /** A string field; absent, null or blank is empty; another JSON type is a problem. Trimmed. */
    Optional<String> text(Field f) {
        if (!f.present()) {
            return Optional.empty();
        }
        if (!f.node().isTextual()) {
            problem(f.path(), f.node(), f.name() + " must be a string, got " + kindOf(f.node()));
            return Optional.empty();
        }
        String t = f.node().asText().trim();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** A string field that must be present and not blank; {@code why} completes "NAME is required: ...". */
    Optional<String> requiredText(Field f, String why) {
        if (!f.present() || (f.node().isTextual() && f.node().asText().isBlank())) {
            problem(f.path(), f.node(), f.name() + " is required: " + why);
            return Optional.empty();
        }
        return text(f);
    }

    /** An integer field; absent is empty; anything but an integral number is a problem. */
    OptionalInt integer(Field f, String owner) {
        if (!f.present()) {
            return OptionalInt.empty();
        }
        if (!f.node().isIntegralNumber() || !f.node().canConvertToInt()) {
            problem(f.path(), f.node(), f.name() + " of " + owner + " must be an integer, got " + kindOf(f.node()));
            return OptionalInt.empty();
        }
        return OptionalInt.of(f.node().intValue());
    }

    /** A whole-number field such as a change number: an integral number or a string of digits. */
    OptionalLong wholeNumber(Field f, String owner) {
        if (!f.present()) {
            return OptionalLong.empty();
        }
        JsonNode n = f.node();
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return OptionalLong.of(n.longValue());
        }
        if (n.isTextual() && n.asText().trim().matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(n.asText().trim()));
        }
        problem(f.path(), n, f.name() + " of " + owner + " must be a whole number, got " + kindOf(n));
        return OptionalLong.empty();
    }

    /** A boolean field; absent is {@code absent}; anything but true/false is a problem. */
    boolean bool(Field f, boolean absent, String owner) {
        if (!f.present()) {
            return absent;
        }
        if (!f.node().isBoolean()) {
            problem(f.path(), f.node(), f.name() + " of " + owner + " must be true or false, got " + kindOf(f.node()));
            return absent;
        }
        return f.node().booleanValue();
    }

    /** The elements of an array field; absent or null is empty; another JSON type is a problem. */
    List<Field> array(Field f) {
        if (!f.present()) {
            return List.of();
        }
        if (!f.node().isArray()) {
            problem(f.path(), f.node(), f.name() + " must be an array, got " + kindOf(f.node()));
            return List.of();
        }
        List<Field> out = new ArrayList<>(f.node().size());
        for (int i = 0; i < f.node().size(); i++) {
            JsonNode e = f.node().get(i);
            out.add(new Field(
                    f.name() + "[" + i + "]", e.isNull() ? null : e, f.path().index(i)));
        }
        return out;
    }

    /** The strings of an array of strings; a non-string or blank element is a problem. */
    List<Field> strings(Field f) {
        List<Field> out = new ArrayList<>();
        for (Field e : array(f)) {
            if (!e.present() || !e.node().isTextual() || e.node().asText().isBlank()) {
                problem(e.path(), e.node(), f.name() + " must hold non-empty strings, got " + kindOf(e.node()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** True when the field is an object; reports a problem when it is present but not an object. */
    boolean object(Field f) {
        if (!f.present()) {
            return false;
        }
        if (!f.node().isObject()) {
            problem(f.path(), f.node(), f.name() + " must be an object, got " + kindOf(f.node()));
            return false;
        }
        return true;
    }

    /**
     * A reference {@code {"id": "..."}} to a resource of {@code kind}, recorded for resolution. A missing required
     * reference, a reference without an id, or a non-object is a problem.
     */
    Optional<ResourceId> reference(Field f, ResourceKind kind, boolean required, String owner) {
        if (!f.present()) {
            if (required) {
                problem(f.path(), "", f.name() + ".id is required: " + owner + " must name its " + kind.noun());
            }
            return Optional.empty();
        }
        if (!object(f)) {
            return Optional.empty();
        }
        Field idField = f.get("id");
        Optional<String> id =
                requiredText(idField, f.name() + " of " + owner + " must give the " + kind.noun() + "'s id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ResourceId rid = ResourceId.of(id.get());
        references.add(new Reference(idField.path(), f.name() + ".id", rid, kind, owner, reading, true));
        return Optional.of(rid);
    }

    /** Records a reference whose id was derived rather than written (a subnet's VNet from the subnet id). */
    void derivedReference(NodePath at, String what, ResourceId id, ResourceKind kind, String owner) {
        references.add(new Reference(at, what, id, kind, owner, reading, false));
    }

    // ---- resource headers and ids ----------------------------------------------------------------------------

    /** Reads and declares a top-level resource's id, name and location; missing id or name is a problem. */
    Header header(Res r, ResourceKind kind) {
        Optional<String> id = requiredText(r.top("id"), "every resource needs its Azure resource id");
        Optional<String> name = requiredText(r.top("name"), "every resource needs a name");
        String location = Syntax.location(text(r.top("location")).orElse(""));
        ResourceId rid = id.flatMap(i -> resourceId(r.top("id"), i)).orElse(null);
        if (rid != null) {
            declare(rid, kind, r.path, name.orElse(rid.name()));
        }
        return new Header(rid, name.orElse(null), location);
    }

    /** Parses an id the document declares: it must be a path starting with {@code /}. */
    Optional<ResourceId> resourceId(Field f, String text) {
        if (!text.startsWith("/") || text.chars().anyMatch(Character::isWhitespace)) {
            problem(
                    f.path(),
                    text,
                    f.name() + " '" + text + "' is not a resource id: ids are paths such as "
                            + "/subscriptions/<sub>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>");
            return Optional.empty();
        }
        return Optional.of(ResourceId.of(text));
    }

    /**
     * The id of an embedded child (subnet, peering): as written, which must be {@code parent/collection/name}, or
     * derived from the parent when absent (ARM templates omit child ids). Declares it.
     */
    Optional<ResourceId> childId(
            Res r, ResourceId parent, String collection, String name, ResourceKind kind, String parentNoun) {
        Field f = r.top("id");
        Optional<String> written = text(f);
        ResourceId id = null;
        if (written.isPresent()) {
            id = resourceId(f, written.get()).orElse(null);
            if (id != null && parent != null && name != null) {
                ResourceId expected = parent.child(collection, name);
                if (!expected.equals(id)) {
                    problem(
                            f.path(),
                            written.get(),
                            "id '" + written.get() + "' of " + kind.noun() + " '" + name + "' does not belong to its "
                                    + parentNoun + ": expected " + expected);
                }
            }
        } else if (parent != null && name != null) {
            id = parent.child(collection, name);
        }
        if (id != null) {
            declare(id, kind, r.path, name != null ? name : id.name());
        }
        return Optional.ofNullable(id);
    }

    void declare(ResourceId id, ResourceKind kind, NodePath at, String name) {
        Declared first = declared.putIfAbsent(id, new Declared(kind, at, name));
        if (first != null) {
            problem(
                    at.field("id"),
                    id.value(),
                    "id '" + id.value() + "' appears twice in this document: this " + kind.noun() + " and the "
                            + first.kind().noun() + " at " + first.at());
        }
    }
}
