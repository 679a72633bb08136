package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * A subnet of a virtual network, with the NSG, route table and NAT gateway attached to it, if any, and its service
 * endpoints.
 */
public record Subnet(
        ResourceId id,
        String name,
        ResourceId vnetId,
        Cidr prefix,
        Optional<ResourceId> nsgId,
        Optional<ResourceId> routeTableId,
        Optional<ResourceId> natGatewayId,
        List<ServiceEndpoint> serviceEndpoints)
        implements Resource {
    public Subnet {
        serviceEndpoints = List.copyOf(serviceEndpoints);
    }

    /** A subnet without service endpoints. */
    public Subnet(
            ResourceId id,
            String name,
            ResourceId vnetId,
            Cidr prefix,
            Optional<ResourceId> nsgId,
            Optional<ResourceId> routeTableId,
            Optional<ResourceId> natGatewayId) {
        this(id, name, vnetId, prefix, nsgId, routeTableId, natGatewayId, List.of());
    }

    /** This subnet with other attachments (NSG, route table, NAT gateway), its service endpoints kept. */
    public Subnet with(
            Optional<ResourceId> nsgId, Optional<ResourceId> routeTableId, Optional<ResourceId> natGatewayId) {
        return new Subnet(id, name, vnetId, prefix, nsgId, routeTableId, natGatewayId, serviceEndpoints);
    }
}
