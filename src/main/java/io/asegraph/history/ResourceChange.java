package io.asegraph.history;

import io.asegraph.topology.ResourceKind;
import java.util.List;

/**
 * One resource that differs between two states: its id, name and kind, how it changed, and what changed in it as
 * human-readable lines ("rule deny-all priority 4000 → 4010", "route default-to-fw nextHopIpAddress 10.50.1.4 →
 * 10.50.1.5", "networkSecurityGroup nsg-a → nsg-b"). A created resource's lines give what it holds; a removed
 * resource has none.
 */
public record ResourceChange(String id, String name, ResourceKind kind, ChangeKind change, List<String> details) {
    public ResourceChange {
        details = List.copyOf(details);
    }
}
