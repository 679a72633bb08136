package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Action;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Readers for firewall policies ({@code az network firewall policy list/show}: {@code snat.privateRanges},
 * {@code basePolicy}, {@code ruleCollectionGroups[].id}) and their rule collection groups
 * ({@code az network firewall policy rule-collection-group list/show}: {@code priority} and {@code ruleCollections},
 * filter collections whose rules are {@code NetworkRule} or {@code ApplicationRule}, and NAT collections of
 * {@code NatRule}s), flattened or under {@code properties}. Every problem names its JSON location.
 */
final class FirewallPolicyReaders {
    private FirewallPolicyReaders() {}

    static void firewallPolicy(Session s, Res r) {
        Header h = s.header(r, ResourceKind.FIREWALL_POLICY);
        String owner = "firewall policy " + h.label();
        int before = s.problems.size();
        Optional<List<String>> ranges = Optional.empty();
        Field snat = r.get("snat");
        if (s.object(snat)) {
            ranges = FirewallReaders.privateRangeList(s, snat.get("privateRanges"), owner);
        }
        Optional<ResourceId> base = Optional.empty();
        Field baseField = r.get("basePolicy");
        if (s.object(baseField)) {
            base = s.text(baseField.get("id")).map(ResourceId::of);
        }
        List<ResourceId> groups = new ArrayList<>();
        for (Field g : s.array(r.get("ruleCollectionGroups"))) {
            if (s.object(g)) {
                s.requiredText(g.get("id"), "ruleCollectionGroups of " + owner + " must give each group's id")
                        .map(ResourceId::of)
                        .ifPresent(groups::add);
            }
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(
                    NetworkTypes.FIREWALL_POLICY,
                    new FirewallPolicy(h.id(), h.name(), h.location(), ranges, base, groups));
        }
    }

    /** An IP group: {@code ipAddresses}, each an address, a prefix or a range {@code a-b}. */
    static void ipGroup(Session s, Res r) {
        Header h = s.header(r, ResourceKind.IP_GROUP);
        String owner = "IP group " + h.label();
        int before = s.problems.size();
        List<String> addresses = new ArrayList<>();
        for (Field e : s.strings(r.get("ipAddresses"))) {
            String a = e.node().asText().trim();
            Optional<String> problem = FirewallReaders.addressProblem(a, false);
            if (problem.isPresent()) {
                s.problem(e.path(), e.node(), "ipAddresses of " + owner + ": " + problem.get());
            } else {
                addresses.add(a);
            }
        }
        if (!r.states("ipAddresses")) {
            s.problem(r.get("ipAddresses").path(), "", "ipAddresses of " + owner + " is required");
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(NetworkTypes.IP_GROUP, new IpGroup(h.id(), h.name(), h.location(), addresses));
        }
    }

    static void ruleCollectionGroup(Session s, Res r) {
        Header h = s.header(r, ResourceKind.RULE_COLLECTION_GROUP);
        String owner = "rule collection group " + h.label();
        int before = s.problems.size();
        Optional<ResourceId> policy =
                h.id() == null ? Optional.empty() : Ids.parentOf(h.id(), "firewallPolicies", "ruleCollectionGroups");
        if (h.id() != null && policy.isEmpty()) {
            s.problem(
                    r.top("id").path(),
                    h.id().value(),
                    "id of " + owner + " does not have the shape <firewall policy id>/ruleCollectionGroups/<name>");
        }
        OptionalInt priority = FirewallReaders.priority(s, r.get("priority"), owner);
        List<FirewallRuleCollection> collections = new ArrayList<>();
        for (Field e : s.array(r.get("ruleCollections"))) {
            if (s.object(e)) {
                collection(s, new Res(s, e.node(), e.path()), owner, collections);
            }
        }
        if (s.problems.size() == before && h.complete() && policy.isPresent() && priority.isPresent()) {
            s.resources.add(
                    NetworkTypes.RULE_COLLECTION_GROUP,
                    new FirewallRuleCollectionGroup(h.id(), h.name(), policy.get(), priority.getAsInt(), collections));
        }
    }

    /** One collection: a NAT collection, or a filter collection split by rule type (network, application). */
    private static void collection(Session s, Res c, String group, List<FirewallRuleCollection> out) {
        int before = s.problems.size();
        Optional<String> name = s.requiredText(c.top("name"), "every rule collection needs a name");
        String label = "rule collection " + name.map(n -> "'" + n + "'").orElse("(unnamed)") + " of " + group;
        OptionalInt priority = FirewallReaders.priority(s, c.get("priority"), label);
        String type = s.text(c.get("ruleCollectionType")).orElse("FirewallPolicyFilterRuleCollection");
        boolean nat = type.toLowerCase(Locale.ROOT).contains("nat");
        Action action = FirewallReaders.action(s, c.get("action"), nat ? Kind.NAT : Kind.NETWORK, label);
        List<FirewallRule> network = new ArrayList<>();
        List<FirewallRule> application = new ArrayList<>();
        for (Field rf : s.array(c.get("rules"))) {
            if (!s.object(rf)) {
                continue;
            }
            Res rule = new Res(s, rf.node(), rf.path());
            String ruleType = s.text(rule.get("ruleType")).orElse(nat ? "NatRule" : "NetworkRule");
            Kind kind =
                    switch (ruleType.toLowerCase(Locale.ROOT)) {
                        case "applicationrule" -> Kind.APPLICATION;
                        case "natrule" -> Kind.NAT;
                        case "networkrule" -> Kind.NETWORK;
                        default -> null;
                    };
            if (kind == null || (kind == Kind.NAT) != nat) {
                s.problem(
                        rule.get("ruleType").path(),
                        ruleType,
                        "ruleType of a rule of " + label + " must be "
                                + (nat ? "NatRule" : "NetworkRule or ApplicationRule") + ", got '" + ruleType + "'");
                continue;
            }
            FirewallReaders.rule(s, rule, kind, label)
                    .ifPresent(x -> (kind == Kind.APPLICATION ? application : network).add(x));
        }
        if (s.problems.size() != before || name.isEmpty() || priority.isEmpty() || action == null) {
            return;
        }
        int p = priority.getAsInt();
        if (nat) {
            out.add(new FirewallRuleCollection(name.get(), Kind.NAT, p, action, network));
            return;
        }
        if (!network.isEmpty() || application.isEmpty()) {
            out.add(new FirewallRuleCollection(name.get(), Kind.NETWORK, p, action, network));
        }
        if (!application.isEmpty()) {
            out.add(new FirewallRuleCollection(name.get(), Kind.APPLICATION, p, action, application));
        }
    }
}
