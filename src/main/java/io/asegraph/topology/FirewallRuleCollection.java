package io.asegraph.topology;

import java.util.List;
import java.util.Objects;

/**
 * A rule collection of an Azure Firewall (classic rules) or of a firewall policy's rule collection group: its kind,
 * priority (100-65000, lower first), the action every rule of it takes, its rules, and the priority of its rule
 * collection group (0 for classic rules). A policy's filter collection that holds both network and application rules
 * is two of these, one per kind, with the same name and priority.
 */
public record FirewallRuleCollection(
        String name, Kind kind, int priority, Action action, List<FirewallRule> rules, int groupPriority) {
    /** Which traffic a collection's rules describe; classic firewalls keep them in three lists. */
    public enum Kind {
        /** {@code natRuleCollections}: inbound destination NAT. */
        NAT,
        /** {@code networkRuleCollections}: addresses, protocols and ports. */
        NETWORK,
        /** {@code applicationRuleCollections}: HTTP/S and MSSQL by FQDN. */
        APPLICATION
    }

    /** What a matching rule does. */
    public enum Action {
        ALLOW,
        DENY,
        DNAT
    }

    /** A classic firewall's collection (no rule collection group). */
    public FirewallRuleCollection(String name, Kind kind, int priority, Action action, List<FirewallRule> rules) {
        this(name, kind, priority, action, rules, 0);
    }

    /** This collection in a rule collection group of that priority. */
    public FirewallRuleCollection inGroup(int priority) {
        return new FirewallRuleCollection(name, kind, this.priority, action, rules, priority);
    }

    public FirewallRuleCollection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        rules = List.copyOf(rules);
    }
}
