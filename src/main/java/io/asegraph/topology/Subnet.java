package io.asegraph.topology;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * A subnet of a virtual network, with its IPv4 address prefixes (one, or several as Azure's {@code addressPrefixes}
 * allows, never overlapping), the NSG, route table and NAT gateway attached to it, if any, its service endpoints, and
 * whether its network policies apply to the private endpoints in it. The subnet's addresses are the union of its
 * prefixes ({@link #addresses()}); the first prefix is Azure's {@code addressPrefix} when there is only one.
 */
public record Subnet(
        ResourceId id,
        String name,
        ResourceId vnetId,
        List<Cidr> prefixes,
        Optional<ResourceId> nsgId,
        Optional<ResourceId> routeTableId,
        Optional<ResourceId> natGatewayId,
        List<ServiceEndpoint> serviceEndpoints,
        PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies)
        implements Resource {
    public Subnet {
        prefixes = List.copyOf(prefixes);
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("subnet " + name + " needs at least one address prefix");
        }
        serviceEndpoints = List.copyOf(serviceEndpoints);
        privateEndpointNetworkPolicies = privateEndpointNetworkPolicies == null
                ? PrivateEndpointNetworkPolicies.DISABLED
                : privateEndpointNetworkPolicies;
    }

    /** A subnet with one prefix and Azure's default private endpoint network policies ({@code Disabled}). */
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
                List.of(prefix),
                nsgId,
                routeTableId,
                natGatewayId,
                serviceEndpoints,
                PrivateEndpointNetworkPolicies.DISABLED);
    }

    /** A subnet with one prefix and without service endpoints. */
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

    /** The first prefix: Azure's {@code addressPrefix}, the only one for most subnets. */
    public Cidr firstPrefix() {
        return prefixes.get(0);
    }

    /** The subnet's addresses: the union of its prefixes. */
    public AddressSet addresses() {
        return prefixes.size() == 1 ? prefixes.get(0).toSet() : AddressSet.of(prefixes);
    }

    /** True when {@code address} lies in one of the subnet's prefixes. */
    public boolean contains(long address) {
        for (Cidr p : prefixes) {
            if (p.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The prefixes as a sentence shows them: {@code 10.0.1.0/24} or {@code 10.0.1.0/24, 10.0.9.0/24}. */
    public String prefixText() {
        return Cidr.join(prefixes);
    }

    /** The name with the prefixes, as sentences name a subnet: {@code ase-subnet (10.0.1.0/24, 10.0.9.0/24)}. */
    public String label() {
        return name + " (" + prefixText() + ")";
    }

    /** This subnet with other attachments (NSG, route table, NAT gateway), its other settings kept. */
    public Subnet with(
            Optional<ResourceId> nsgId, Optional<ResourceId> routeTableId, Optional<ResourceId> natGatewayId) {
        return new Subnet(
                id,
                name,
                vnetId,
                prefixes,
                nsgId,
                routeTableId,
                natGatewayId,
                serviceEndpoints,
                privateEndpointNetworkPolicies);
    }

    /** This subnet with another private endpoint network policy setting. */
    public Subnet with(PrivateEndpointNetworkPolicies policies) {
        return new Subnet(id, name, vnetId, prefixes, nsgId, routeTableId, natGatewayId, serviceEndpoints, policies);
    }
}
