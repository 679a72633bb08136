package io.asegraph.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource imported but held out of the snapshot because what it lives in was never imported (a placeholder): a
 * virtual network gateway whose GatewaySubnet (or VNet) is a placeholder, with the VNet it serves, or an Azure
 * Firewall whose subnet is, with its private address. Routes through it are not known: they answer UNDETERMINED with
 * {@code why} ("virtual network gateway lone-gw cannot be placed in the network: …"), never as if it were absent.
 */
public record HeldBack(
        ResourceId id,
        ResourceKind kind,
        String name,
        Optional<ResourceId> vnetId,
        Optional<Long> privateIp,
        String why) {
    public HeldBack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
    }
}
