package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.Optional;

/** A subnet of a virtual network, with the NSG, route table and NAT gateway attached to it, if any. */
public record Subnet(
        ResourceId id,
        String name,
        ResourceId vnetId,
        Cidr prefix,
        Optional<ResourceId> nsgId,
        Optional<ResourceId> routeTableId,
        Optional<ResourceId> natGatewayId)
        implements Resource {}
