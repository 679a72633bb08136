package io.asegraph.topology;

import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * A subnet of a virtual network, with the NSG, route table and NAT gateway attached to it, if any, its service
 * endpoints, and whether its network policies apply to the private endpoints in it.
 */
public record Subnet(
        ResourceId id,
        String name,
        ResourceId vnetId,
        Cidr prefix,
        Optional<ResourceId> nsgId,
        Optional<ResourceId> routeTableId,
        Optional<ResourceId> natGatewayId,
        List<ServiceEndpoint> serviceEndpoints,
        PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies)
        implements Resource {
    public Subnet {
        serviceEndpoints = List.copyOf(serviceEndpoints);
        privateEndpointNetworkPolicies = privateEndpointNetworkPolicies == null
                ? PrivateEndpointNetworkPolicies.DISABLED
                : privateEndpointNetworkPolicies;
    }

    /** A subnet with Azure's default private endpoint network policies ({@code Disabled}). */
    public Subnet(
            ResourceId id,
            String name,
            ResourceId vnetId,
            Cidr prefix,
            Optional<ResourceId> nsgId,
            Optional<ResourceId> routeTableId,
            Optional<ResourceId> natGatewayId,
            List<ServiceEndpoint> serviceEndpoints) {
        this(
                id,
                name,
                vnetId,
                prefix,
                nsgId,
                routeTableId,
                natGatewayId,
                serviceEndpoints,
                PrivateEndpointNetworkPolicies.DISABLED);
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

    /** This subnet with other attachments (NSG, route table, NAT gateway), its other settings kept. */
    public Subnet with(
            Optional<ResourceId> nsgId, Optional<ResourceId> routeTableId, Optional<ResourceId> natGatewayId) {
        return new Subnet(
                id,
                name,
                vnetId,
                prefix,
                nsgId,
                routeTableId,
                natGatewayId,
                serviceEndpoints,
                privateEndpointNetworkPolicies);
    }

    /** This subnet with another private endpoint network policy setting. */
    public Subnet with(PrivateEndpointNetworkPolicies policies) {
        return new Subnet(id, name, vnetId, prefix, nsgId, routeTableId, natGatewayId, serviceEndpoints, policies);
    }
}
