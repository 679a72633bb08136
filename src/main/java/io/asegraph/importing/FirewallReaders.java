package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Port;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reader for Azure Firewalls as {@code az network firewall show/list} and ARM print them (flattened or under
 * {@code properties}): the IP configurations (private address, public IPs, the {@code AzureFirewallSubnet}), the
 * private-range setting in {@code additionalProperties} ({@code Network.SNAT.PrivateRanges}, a comma-separated
 * string or a list), the classic {@code networkRuleCollections}, {@code applicationRuleCollections} and
 * {@code natRuleCollections}, and the {@code firewallPolicy} reference. Every problem names its JSON location.
 */
final class FirewallReaders {
    static final int MIN_PRIORITY = 100;
    static final int MAX_PRIORITY = 65000;
    private static final List<String> NETWORK_PROTOCOLS = List.of("TCP", "UDP", "ICMP", "ANY");
    private static final List<String> APPLICATION_PROTOCOLS = List.of("HTTP", "HTTPS", "MSSQL");

    private FirewallReaders() {}

    static void azureFirewall(Session s, Res r) {
        Header h = s.header(r, ResourceKind.AZURE_FIREWALL);
        String owner = "Azure Firewall " + h.label();
        int before = s.problems.size();
        Optional<ResourceId> subnet = Optional.empty();
        Optional<Long> privateIp = Optional.empty();
        List<ResourceId> publicIps = new ArrayList<>();
        for (Field e : s.array(r.get("ipConfigurations"))) {
            if (!s.object(e)) {
                continue;
            }
            Res c = new Res(s, e.node(), e.path());
            Field ipField = c.get("privateIPAddress");
            if (ipField.present() && privateIp.isEmpty()) {
                privateIp = address(s, ipField, "privateIPAddress of " + owner);
            }
            Optional<ResourceId> sn = s.reference(c.get("subnet"), ResourceKind.SUBNET, false, owner);
            if (subnet.isEmpty()) {
                subnet = sn;
            }
            s.reference(c.get("publicIPAddress"), ResourceKind.PUBLIC_IP_ADDRESS, false, owner)
                    .ifPresent(publicIps::add);
        }
        Field hub = r.get("hubIPAddresses");
        if (hub.present()) {
            s.warn(
                    hub.path(),
                    owner + " is a secured virtual hub firewall (hubIPAddresses); virtual WAN hubs are not modelled, so"
                            + " no route reaches it");
        }
        Optional<List<String>> privateRanges = privateRanges(s, r.get("additionalProperties"), owner);
        List<FirewallRuleCollection> collections = new ArrayList<>();
        collections(s, r.get("networkRuleCollections"), Kind.NETWORK, owner, collections);
        collections(s, r.get("applicationRuleCollections"), Kind.APPLICATION, owner, collections);
        collections(s, r.get("natRuleCollections"), Kind.NAT, owner, collections);
        Optional<ResourceId> policy = Optional.empty();
        Field policyField = r.get("firewallPolicy");
        if (s.object(policyField)) {
            policy = s.text(policyField.get("id")).map(ResourceId::of);
        }
        if (policy.isEmpty()
                && !r.states("networkRuleCollections")
                && !r.states("applicationRuleCollections")
                && !r.states("natRuleCollections")) {
            s.unstated(h.id(), StatePart.FIREWALL_RULES);
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(
                    NetworkTypes.AZURE_FIREWALL,
                    new AzureFirewall(
                            h.id(),
                            h.name(),
                            h.location(),
                            subnet,
                            privateIp,
                            publicIps,
                            privateRanges,
                            collections,
                            policy));
        }
    }

    private static Optional<Long> address(Session s, Field f, String what) {
        Optional<String> text = s.text(f);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Ipv4.parse(text.get().trim()));
        } catch (InvalidAddressException e) {
            s.problem(f.path(), text.get(), what + " is not an IPv4 address: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code Network.SNAT.PrivateRanges} of {@code additionalProperties}; empty when not set (the IANA default). */
    static Optional<List<String>> privateRanges(Session s, Field additional, String owner) {
        if (!s.object(additional)) {
            return Optional.empty();
        }
        return privateRangeList(s, additional.get("Network.SNAT.PrivateRanges"), owner);
    }

    /** A private-range list: a comma-separated string or a list of strings; empty when absent. */
    static Optional<List<String>> privateRangeList(Session s, Field f, String owner) {
        if (!f.present()) {
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        if (f.node().isTextual()) {
            for (String e : f.node().asText().split(",")) {
                if (!e.isBlank()) {
                    entries.add(e.trim());
                }
            }
        } else {
            s.strings(f).forEach(e -> entries.add(e.node().asText().trim()));
        }
        List<String> kept = new ArrayList<>();
        for (String e : entries) {
            if (e.equalsIgnoreCase(AzureFirewall.IANA_PRIVATE_RANGES)) {
                kept.add(AzureFirewall.IANA_PRIVATE_RANGES);
                continue;
            }
            try {
                Cidr.parsePrefix(e.contains("/") ? e : e + "/32");
                kept.add(e);
            } catch (InvalidAddressException ex) {
                s.problem(
                        f.path(),
                        e,
                        f.name() + " of " + owner + " holds '" + e
                                + "', which is neither IANAPrivateRanges nor an IPv4 prefix: " + ex.getMessage());
            }
        }
        return Optional.of(kept);
    }

    static OptionalInt priority(Session s, Field priorityField, String label) {
        OptionalInt priority = s.integer(priorityField, label);
        if (!priorityField.present()) {
            s.problem(priorityField.path(), "", "priority of " + label + " is required (100-65000)");
        } else if (priority.isPresent() && (priority.getAsInt() < MIN_PRIORITY || priority.getAsInt() > MAX_PRIORITY)) {
            s.problem(
                    priorityField.path(),
                    priorityField.node(),
                    "priority " + priority.getAsInt() + " of " + label + " is outside 100-65000");
        }
        return priority;
    }

    private static void collections(Session s, Field list, Kind kind, String owner, List<FirewallRuleCollection> out) {
        for (Field e : s.array(list)) {
            if (!s.object(e)) {
                continue;
            }
            Res c = new Res(s, e.node(), e.path());
            int before = s.problems.size();
            Optional<String> name = s.requiredText(c.top("name"), "every rule collection needs a name");
            String label = "rule collection " + name.map(n -> "'" + n + "'").orElse("(unnamed)") + " of " + owner;
            OptionalInt priority = priority(s, c.get("priority"), label);
            Action action = action(s, c.get("action"), kind, label);
            List<FirewallRule> rules = new ArrayList<>();
            for (Field rf : s.array(c.get("rules"))) {
                if (s.object(rf)) {
                    rule(s, new Res(s, rf.node(), rf.path()), kind, label).ifPresent(rules::add);
                }
            }
            if (s.problems.size() == before && name.isPresent() && priority.isPresent() && action != null) {
                out.add(new FirewallRuleCollection(name.get(), kind, priority.getAsInt(), action, rules));
            }
        }
    }

    static Action action(Session s, Field f, Kind kind, String label) {
        Field type = s.object(f) ? f.get("type") : f;
        Optional<String> text = s.requiredText(type, "action.type of " + label + " is required");
        if (text.isEmpty()) {
            return null;
        }
        String t = text.get().trim().toLowerCase(Locale.ROOT);
        Action a =
                switch (t) {
                    case "allow" -> kind == Kind.NAT ? null : Action.ALLOW;
                    case "deny" -> kind == Kind.NAT ? null : Action.DENY;
                    case "dnat" -> kind == Kind.NAT ? Action.DNAT : null;
                    default -> null;
                };
        if (a == null) {
            s.problem(
                    type.path(),
                    text.get(),
                    "action.type of " + label + " must be " + (kind == Kind.NAT ? "Dnat" : "Allow or Deny") + ", got '"
                            + text.get() + "'");
        }
        return a;
    }

    static Optional<FirewallRule> rule(Session s, Res r, Kind kind, String collection) {
        int before = s.problems.size();
        Optional<String> name = s.requiredText(r.top("name"), "every firewall rule needs a name");
        String owner = "rule " + name.map(n -> "'" + n + "'").orElse("(unnamed)") + " of " + collection;
        List<String> protocols = kind == Kind.APPLICATION
                ? applicationProtocols(s, r.get("protocols"), owner)
                : networkProtocols(s, r.get("protocols").present() ? r.get("protocols") : r.get("ipProtocols"), owner);
        List<String> sources = addresses(s, r.get("sourceAddresses"), owner, false);
        List<ResourceId> sourceGroups = ids(s, r.get("sourceIpGroups"));
        List<String> destinations = addresses(s, r.get("destinationAddresses"), owner, true);
        List<ResourceId> destinationGroups = ids(s, r.get("destinationIpGroups"));
        List<String> fqdns = texts(s, r.get("destinationFqdns"));
        List<String> ports = kind == Kind.APPLICATION ? List.of() : ports(s, r.get("destinationPorts"), owner);
        List<String> targets = texts(s, r.get("targetFqdns"));
        List<String> tags = texts(s, r.get("fqdnTags"));
        if (sources.isEmpty() && sourceGroups.isEmpty()) {
            s.problem(
                    r.get("sourceAddresses").path(),
                    "",
                    owner + " has no source: sourceAddresses and sourceIpGroups are both empty (use * for any)");
        }
        if (kind != Kind.APPLICATION && destinations.isEmpty() && destinationGroups.isEmpty() && fqdns.isEmpty()) {
            s.problem(
                    r.get("destinationAddresses").path(),
                    "",
                    owner + " has no destination: destinationAddresses, destinationIpGroups and destinationFqdns are"
                            + " all empty (use * for any)");
        }
        if (kind == Kind.APPLICATION && targets.isEmpty() && tags.isEmpty()) {
            s.problem(
                    r.get("targetFqdns").path(),
                    "",
                    owner + " has no target: targetFqdns and fqdnTags are both empty (use * for any)");
        }
        String translatedAddress = s.text(r.get("translatedAddress")).orElse("");
        String translatedPort = s.text(r.get("translatedPort")).orElse("");
        if (s.problems.size() != before || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FirewallRule(
                name.get(),
                protocols,
                sources,
                sourceGroups,
                destinations,
                destinationGroups,
                fqdns,
                ports,
                targets,
                tags,
                translatedAddress,
                translatedPort));
    }

    private static List<String> texts(Session s, Field f) {
        return s.strings(f).stream().map(e -> e.node().asText().trim()).toList();
    }

    private static List<ResourceId> ids(Session s, Field f) {
        return texts(s, f).stream().map(ResourceId::of).toList();
    }

    private static List<String> networkProtocols(Session s, Field f, String owner) {
        List<String> out = new ArrayList<>();
        List<Field> given = s.strings(f);
        for (Field e : given) {
            String p = e.node().asText().trim().toUpperCase(Locale.ROOT);
            if (!NETWORK_PROTOCOLS.contains(p)) {
                s.problem(e.path(), e.node(), "protocol of " + owner + " must be TCP, UDP, ICMP or Any");
            } else {
                out.add(p);
            }
        }
        if (given.isEmpty() && !f.present()) {
            s.problem(f.path(), "", "protocols of " + owner + " is required (TCP, UDP, ICMP or Any)");
        }
        return out;
    }

    /** {@code [{protocolType: Https, port: 443}]} as {@code HTTPS:443}. */
    private static List<String> applicationProtocols(Session s, Field f, String owner) {
        List<String> out = new ArrayList<>();
        List<Field> given = s.array(f);
        for (Field e : given) {
            if (!s.object(e)) {
                continue;
            }
            Field typeField = e.get("protocolType");
            Optional<String> type = s.requiredText(typeField, "protocolType of " + owner + " is required");
            OptionalInt port = s.integer(e.get("port"), owner);
            String t = type.map(x -> x.trim().toUpperCase(Locale.ROOT)).orElse("");
            if (type.isPresent() && !APPLICATION_PROTOCOLS.contains(t)) {
                s.problem(
                        typeField.path(),
                        typeField.node(),
                        "protocolType of " + owner + " must be Http, Https or Mssql");
            } else if (port.isPresent() && !Port.isPort(port.getAsInt())) {
                s.problem(
                        e.get("port").path(), e.get("port").node(), Port.problem("port of " + owner, port.getAsInt()));
            } else if (type.isPresent()) {
                int dflt = t.equals("HTTP") ? 80 : t.equals("HTTPS") ? 443 : 1433;
                out.add(t + ":" + (port.isPresent() ? port.getAsInt() : dflt));
            }
        }
        if (given.isEmpty() && !f.present()) {
            s.problem(f.path(), "", "protocols of " + owner + " is required (for example Https:443)");
        }
        return out;
    }

    /**
     * Addresses as written: {@code *}, an IPv4 address or prefix, a range {@code a-b}; on the destination side a
     * service tag name too. A malformed numeric entry is a problem.
     */
    private static List<String> addresses(Session s, Field f, String owner, boolean tagsAllowed) {
        List<String> out = new ArrayList<>();
        for (Field e : s.strings(f)) {
            String a = e.node().asText().trim();
            Optional<String> problem = addressProblem(a, tagsAllowed);
            if (problem.isPresent()) {
                s.problem(e.path(), e.node(), f.name() + " of " + owner + ": " + problem.get());
            } else {
                out.add(a);
            }
        }
        return out;
    }

    static Optional<String> addressProblem(String a, boolean tagsAllowed) {
        if (a.equals("*")) {
            return Optional.empty();
        }
        if (!Character.isDigit(a.charAt(0))) {
            return tagsAllowed
                    ? Optional.empty()
                    : Optional.of("'" + a + "' is not an address, prefix or range (service tags are for destinations)");
        }
        try {
            int dash = a.indexOf('-');
            if (dash > 0) {
                long first = Ipv4.parse(a.substring(0, dash).trim());
                long last = Ipv4.parse(a.substring(dash + 1).trim());
                return first <= last ? Optional.empty() : Optional.of("range '" + a + "' ends before it starts");
            }
            Cidr.parsePrefix(a.contains("/") ? a : a + "/32");
            return Optional.empty();
        } catch (InvalidAddressException e) {
            return Optional.of("'" + a + "' is not an IPv4 address, prefix or range: " + e.getMessage());
        }
    }

    private static List<String> ports(Session s, Field f, String owner) {
        List<String> out = new ArrayList<>();
        List<Field> given = s.strings(f);
        for (Field e : given) {
            String p = e.node().asText().trim();
            if (p.equals("*") || portsValid(p)) {
                out.add(p);
            } else {
                s.problem(
                        e.path(),
                        e.node(),
                        "destinationPorts of " + owner + " holds '" + p + "', which is not *, a port or a range a-b of"
                                + " 0-65535");
            }
        }
        if (given.isEmpty() && !f.present()) {
            s.problem(f.path(), "", "destinationPorts of " + owner + " is required (use * for any)");
        }
        return out;
    }

    private static boolean portsValid(String p) {
        String[] parts = p.split("-", -1);
        if (parts.length > 2) {
            return false;
        }
        try {
            int first = Integer.parseInt(parts[0].trim());
            int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
            return Port.isPort(first) && Port.isPort(last) && first <= last;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
