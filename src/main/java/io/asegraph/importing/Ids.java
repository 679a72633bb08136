package io.asegraph.importing;

import io.asegraph.topology.ResourceId;
import java.util.Optional;

/** ARM id arithmetic: the parent of a child resource id ({@code <vnet>/subnets/<name>} → {@code <vnet>}). */
final class Ids {
    private Ids() {}

    /**
     * The parent id when {@code id} ends with {@code /<parentCollection>/<parent>/<childCollection>/<child>}
     * (collections compared case-insensitively), else empty.
     */
    static Optional<ResourceId> parentOf(ResourceId id, String parentCollection, String childCollection) {
        String[] parts = id.value().split("/");
        int n = parts.length;
        if (n < 5
                || !parts[n - 4].equalsIgnoreCase(parentCollection)
                || !parts[n - 2].equalsIgnoreCase(childCollection)
                || parts[n - 3].isEmpty()
                || parts[n - 1].isEmpty()) {
            return Optional.empty();
        }
        int cut = id.value().length() - parts[n - 1].length() - parts[n - 2].length() - 2;
        return Optional.of(ResourceId.of(id.value().substring(0, cut)));
    }

    /** The VNet of a subnet id, if it has the subnet shape. */
    static Optional<ResourceId> vnetOfSubnet(ResourceId subnetId) {
        return parentOf(subnetId, "virtualNetworks", "subnets");
    }
}
