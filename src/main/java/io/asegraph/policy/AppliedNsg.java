package io.asegraph.policy;

import io.asegraph.topology.ResourceId;
import java.util.Objects;

/** An NSG as applied at one place: the subnet or network interface it is associated with. */
public record AppliedNsg(NetworkSecurityGroup nsg, ResourceId appliedTo, NsgLevel level) {
    public AppliedNsg {
        Objects.requireNonNull(nsg, "nsg");
        Objects.requireNonNull(appliedTo, "appliedTo");
        Objects.requireNonNull(level, "level");
    }
}
