package io.asegraph.topology;

import java.util.List;
import java.util.Objects;

/**
 * A rule collection of an Azure Firewall (classic rules) or of a firewall policy's rule collection group: its kind,
 * priority (100-65000, lower first), the action every rule of it takes, and its rules.
 */
public record FirewallRuleCollection(String name, Kind kind, int priority, Action action, List<FirewallRule> rules) {
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

    public FirewallRuleCollection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        rules = List.copyOf(rules);
    }
}
