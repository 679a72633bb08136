package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.ResourceId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an NSG evaluation needs to know about the place it is evaluated for, computed by the caller from the topology.
 *
 * <p>{@code virtualNetwork} is the expansion of the {@code VirtualNetwork} service tag for the subnet whose NSGs are
 * evaluated: its VNet's virtual network topology (own, peered and gateway-connected address spaces), plus
 * 168.63.129.16/32, plus the address prefixes of the user routes on the subnet
 * (<a href="https://learn.microsoft.com/azure/virtual-network/service-tags-overview">service tags overview</a>).
 * Empty when the caller does not know it: a rule naming {@code VirtualNetwork} is then UNDETERMINED, never "any".
 *
 * <p>{@code virtualNetworkWarning} is set when that set was widened to every address because the subnet's route table
 * has a 0.0.0.0/0 user route (Azure then expands the tag to 0.0.0.0/0, so AllowVnetInBound/AllowVnetOutBound allow
 * everything; MicrosoftDocs/azure-docs#22178). Evaluations surface it as a warning whenever a rule naming
 * {@code VirtualNetwork} decided part of a flow.
 *
 * <p>{@code asgMembers} maps an application security group id to the private addresses of its member network
 * interfaces; a rule naming an ASG absent from this map is UNDETERMINED.
 */
public record EvaluationContext(
        Optional<AddressSet> virtualNetwork,
        Optional<String> virtualNetworkWarning,
        Map<ResourceId, AddressSet> asgMembers) {
    public EvaluationContext {
        Objects.requireNonNull(virtualNetwork, "virtualNetwork");
        Objects.requireNonNull(virtualNetworkWarning, "virtualNetworkWarning");
        asgMembers = Map.copyOf(asgMembers);
    }

    /** A context that knows nothing: VirtualNetwork and every ASG are unresolved. */
    public static EvaluationContext unknown() {
        return new EvaluationContext(Optional.empty(), Optional.empty(), Map.of());
    }

    /** A context with the given VirtualNetwork expansion, no widening warning and no ASGs. */
    public static EvaluationContext of(AddressSet virtualNetwork) {
        return new EvaluationContext(Optional.of(virtualNetwork), Optional.empty(), Map.of());
    }

    /** This context with the VirtualNetwork set marked as widened by a 0.0.0.0/0 user route, with the warning text. */
    public EvaluationContext withVirtualNetworkWarning(String warning) {
        return new EvaluationContext(virtualNetwork, Optional.of(warning), asgMembers);
    }

    /** This context with the given ASG membership (ASG id to member NIC private addresses). */
    public EvaluationContext withAsgMembers(Map<ResourceId, AddressSet> members) {
        return new EvaluationContext(virtualNetwork, virtualNetworkWarning, members);
    }
}
