package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reader for network security groups and their user rules (azure-semantics §1.1, §1.6, §6.1). The input's
 * {@code defaultSecurityRules} are ignored: the six defaults are the same in every NSG ({@code DefaultRules.ALL}).
 * Singular and plural prefix and port fields are merged; a rule with only plural values is exactly those values.
 */
final class SecurityReaders {
    static final int MIN_PRIORITY = 100;
    static final int MAX_PRIORITY = 4096;

    private SecurityReaders() {}

    /** The prefixes of one side of a rule: those kept (IPv4, tags, any) and how many IPv6 ones were dropped. */
    private record Prefixes(List<String> kept, int ipv6) {}

    static void networkSecurityGroup(Session s, Res r) {
        Header h = s.header(r, ResourceKind.NETWORK_SECURITY_GROUP);
        String nsgLabel = "NSG " + h.label();
        int before = s.problems.size();
        String etag = s.text(r.top("etag")).orElse("");
        List<SecurityRule> rules = new ArrayList<>();
        Map<String, NodePath> names = new HashMap<>();
        Map<String, String> priorities = new HashMap<>();
        if (!r.states(StatePart.RULES.field())) {
            s.unstated(h.id(), StatePart.RULES);
        }
        for (Field e : s.array(r.get("securityRules"))) {
            if (s.object(e)) {
                rule(s, new Res(s, e.node(), e.path()), nsgLabel, names, priorities)
                        .ifPresent(rules::add);
            }
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(
                    PolicyTypes.NETWORK_SECURITY_GROUP,
                    new NetworkSecurityGroup(h.id(), h.name(), h.location(), etag, rules));
        }
    }

    private static Optional<SecurityRule> rule(
            Session s, Res r, String nsgLabel, Map<String, NodePath> names, Map<String, String> priorities) {
        int before = s.problems.size();
        Field nameField = r.top("name");
        Optional<String> name = s.requiredText(nameField, "every security rule needs a name");
        String owner = "rule " + name.map(n -> "'" + n + "'").orElse("(unnamed)") + " of " + nsgLabel;
        if (name.isPresent()) {
            NodePath first = names.putIfAbsent(name.get().toLowerCase(Locale.ROOT), nameField.path());
            if (first != null) {
                s.problem(
                        nameField.path(),
                        name.get(),
                        "name '" + name.get() + "' is used by two rules of " + nsgLabel + " (also at " + first
                                + "); rule names are unique within an NSG");
            }
        }

        Field priorityField = r.get("priority");
        OptionalInt priority = s.integer(priorityField, owner);
        if (!priorityField.present()) {
            s.problem(priorityField.path(), "", "priority of " + owner + " is required (100-4096)");
        } else if (priority.isPresent() && (priority.getAsInt() < MIN_PRIORITY || priority.getAsInt() > MAX_PRIORITY)) {
            s.problem(
                    priorityField.path(),
                    priorityField.node(),
                    "priority " + priority.getAsInt() + " of " + owner + " is outside " + MIN_PRIORITY + "-"
                            + MAX_PRIORITY + ", the range of user rules");
            priority = OptionalInt.empty();
        }
        Direction direction = enumField(s, r.get("direction"), owner, "Inbound or Outbound", Direction::parse);
        Access access = enumField(s, r.get("access"), owner, "Allow or Deny", Access::parse);
        Protocol protocol = enumField(s, r.get("protocol"), owner, "Tcp, Udp, Icmp, Esp, Ah or *", Protocol::parse);
        if (priority.isPresent() && direction != null) {
            String key = direction + "/" + priority.getAsInt();
            String here = name.orElse("(unnamed)") + "' at " + r.path;
            String first = priorities.putIfAbsent(key, here);
            if (first != null) {
                s.problem(
                        priorityField.path(),
                        priorityField.node(),
                        "priority " + priority.getAsInt() + " "
                                + direction.azureName() + " of " + owner + " is already used by rule '" + first
                                + "; two rules of one NSG cannot share a priority and direction");
            }
        }

        Prefixes sources = prefixes(s, r, "sourceAddressPrefix", "sourceAddressPrefixes", owner);
        List<ResourceId> sourceAsgs = asgs(s, r.get("sourceApplicationSecurityGroups"), owner);
        Prefixes destinations = prefixes(s, r, "destinationAddressPrefix", "destinationAddressPrefixes", owner);
        List<ResourceId> destinationAsgs = asgs(s, r.get("destinationApplicationSecurityGroups"), owner);
        List<PortRange> sourcePorts = ports(s, r, "sourcePortRange", "sourcePortRanges", owner);
        List<PortRange> destinationPorts = ports(s, r, "destinationPortRange", "destinationPortRanges", owner);
        if (sources != null && sources.kept().isEmpty() && sources.ipv6() == 0 && sourceAsgs.isEmpty()) {
            s.problem(
                    r.get("sourceAddressPrefix").path(),
                    "",
                    owner + " has no source: sourceAddressPrefix,"
                            + " sourceAddressPrefixes and sourceApplicationSecurityGroups are all empty (use * for any source)");
        }
        if (destinations != null
                && destinations.kept().isEmpty()
                && destinations.ipv6() == 0
                && destinationAsgs.isEmpty()) {
            s.problem(
                    r.get("destinationAddressPrefix").path(),
                    "",
                    owner + " has no destination: destinationAddressPrefix,"
                            + " destinationAddressPrefixes and destinationApplicationSecurityGroups are all empty"
                            + " (use * for any destination)");
        }
        String description = s.text(r.get("description")).orElse("");
        if (s.problems.size() != before || name.isEmpty()) {
            return Optional.empty();
        }
        if ((sources.kept().isEmpty() && sourceAsgs.isEmpty())
                || (destinations.kept().isEmpty() && destinationAsgs.isEmpty())) {
            s.warn(
                    r.path,
                    owner + " names IPv6 addresses only on one side and can never match an IPv4 flow; it was not"
                            + " imported (its priority stays taken)");
            return Optional.empty();
        }
        return Optional.of(new SecurityRule(
                name.get(),
                priority.getAsInt(),
                direction,
                access,
                protocol,
                sources.kept(),
                sourcePorts,
                destinations.kept(),
                destinationPorts,
                sourceAsgs,
                destinationAsgs,
                description,
                false));
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T enumField(Session s, Field f, String owner, String allowed, Parser<T> parser) {
        Optional<String> text = s.requiredText(f, owner + " needs one of " + allowed);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.parse(text.get());
        } catch (IllegalArgumentException e) {
            s.problem(f.path(), text.get(), f.name() + " of " + owner + " is invalid: " + e.getMessage());
            return null;
        }
    }

    /** Singular then plural prefixes, validated; null when one was invalid (the problem is reported). */
    private static Prefixes prefixes(Session s, Res r, String singularName, String pluralName, String owner) {
        List<Field> fields = new ArrayList<>();
        Field singular = r.get(singularName);
        if (s.text(singular).isPresent()) {
            fields.add(singular);
        }
        fields.addAll(s.strings(r.get(pluralName)));
        List<String> kept = new ArrayList<>();
        int ipv6 = 0;
        boolean ok = true;
        for (Field f : fields) {
            String text = f.node().asText().trim();
            try {
                if (Syntax.rulePrefix(text) == Syntax.PrefixKind.IPV6) {
                    ipv6++;
                    s.warn(
                            f.path(),
                            f.name() + " '" + text + "' of " + owner
                                    + " is IPv6 and was ignored: only IPv4 is modelled");
                } else if (!kept.contains(text)) {
                    kept.add(text);
                }
            } catch (InvalidAddressException e) {
                s.problem(f.path(), text, f.name() + " of " + owner + " is invalid: " + e.getMessage());
                ok = false;
            }
        }
        return ok ? new Prefixes(kept, ipv6) : null;
    }

    private static List<ResourceId> asgs(Session s, Field f, String owner) {
        List<ResourceId> out = new ArrayList<>();
        for (Field e : s.array(f)) {
            s.reference(e, ResourceKind.APPLICATION_SECURITY_GROUP, true, owner).ifPresent(out::add);
        }
        return out;
    }

    /** Singular then plural port ranges; missing altogether is a problem. */
    private static List<PortRange> ports(Session s, Res r, String singularName, String pluralName, String owner) {
        Field singular = r.get(singularName);
        Field plural = r.get(pluralName);
        List<Field> fields = new ArrayList<>();
        if (s.text(singular).isPresent()) {
            fields.add(singular);
        }
        fields.addAll(s.strings(plural));
        List<PortRange> out = new ArrayList<>();
        boolean ok = true;
        for (Field f : fields) {
            String text = f.node().asText();
            try {
                PortRange p = Syntax.port(text);
                if (!out.contains(p)) {
                    out.add(p);
                }
            } catch (InvalidAddressException e) {
                s.problem(f.path(), text, f.name() + " of " + owner + " is invalid: " + e.getMessage());
                ok = false;
            }
        }
        if (fields.isEmpty() && !(plural.present() && !plural.node().isArray())) {
            String side = singularName.startsWith("source") ? "source" : "destination";
            s.problem(
                    singular.path(),
                    "",
                    owner + " has no " + side + " port range: " + singularName + " and " + pluralName
                            + " are both empty (use * for any port)");
        }
        return ok ? out : List.of();
    }
}
