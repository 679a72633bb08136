package io.asegraph.analysis.audit;

import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each NSG is applied: the subnets and network interfaces it is associated with, each with the subnet whose
 * evaluation context (VirtualNetwork expansion) applies there (a NIC's own subnet). Built once per topology snapshot
 * in one pass, so audits over every NSG never scan the estate per NSG.
 */
final class NsgPlacements {
    /** One association: the NSG applied at {@code appliedTo}, evaluated in the context of {@code subnet}. */
    record Placement(ResourceId appliedTo, Subnet subnet) {
        Placement {
            Objects.requireNonNull(appliedTo, "appliedTo");
            Objects.requireNonNull(subnet, "subnet");
        }
    }

    private final Map<ResourceId, List<Placement>> byNsg;

    NsgPlacements(Topology topology) {
        Map<ResourceId, List<Placement>> m = new HashMap<>();
        for (Subnet s : topology.subnets()) {
            s.nsgId()
                    .ifPresent(n -> m.computeIfAbsent(n, k -> new ArrayList<>()).add(new Placement(s.id(), s)));
        }
        for (NetworkInterface nic : topology.nics()) {
            if (nic.nsgId().isEmpty()) {
                continue;
            }
            topology.subnet(nic.subnetId())
                    .ifPresent(s -> m.computeIfAbsent(nic.nsgId().get(), k -> new ArrayList<>())
                            .add(new Placement(nic.id(), s)));
        }
        Map<ResourceId, List<Placement>> frozen = new HashMap<>();
        m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        byNsg = Collections.unmodifiableMap(frozen);
    }

    /** The places {@code nsg} is applied, subnets first; empty when it is attached nowhere. */
    List<Placement> of(ResourceId nsg) {
        return byNsg.getOrDefault(nsg, List.of());
    }
}
