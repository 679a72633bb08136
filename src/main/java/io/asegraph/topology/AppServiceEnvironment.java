package io.asegraph.topology;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An App Service Environment in a subnet. {@code publicVip} is its public virtual IP, which is also its outbound
 * NAT address for calls outside the VNet topology unless {@code outboundAddresses} says otherwise (an ASEv3's
 * outbound addresses differ from its inbound one); {@code internalAddress} is the ILB address of an internal ASE.
 * {@code windowsOutboundAddresses} and {@code linuxOutboundAddresses} are an ASEv3's two outbound lists as its
 * networking configuration states them (empty when not stated); {@code outboundAddresses} holds every address of both
 * and of {@code outboundIpAddresses}, the addresses a call may leave from. Addresses are IPv4 longs.
 */
public record AppServiceEnvironment(
        ResourceId id,
        String name,
        String location,
        AseKind kind,
        String internalLoadBalancingMode,
        ResourceId subnetId,
        Optional<Long> publicVip,
        List<Long> outboundAddresses,
        Optional<Long> internalAddress,
        List<Long> windowsOutboundAddresses,
        List<Long> linuxOutboundAddresses)
        implements Resource {
    public AppServiceEnvironment {
        outboundAddresses = List.copyOf(outboundAddresses);
        windowsOutboundAddresses = List.copyOf(windowsOutboundAddresses);
        linuxOutboundAddresses = List.copyOf(linuxOutboundAddresses);
        location = location == null ? "" : location;
        internalLoadBalancingMode = internalLoadBalancingMode == null ? "None" : internalLoadBalancingMode;
    }

    /** True when apps are published on an internal load balancer ("Web" or "Web, Publishing"). */
    public boolean isInternal() {
        String m = internalLoadBalancingMode.toLowerCase(Locale.ROOT);
        return !(m.isBlank() || m.equals("none"));
    }
}
