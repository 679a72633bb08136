package io.asegraph.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order in which Azure combines subnet and network-interface NSGs
 * (<a href="https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works">how network
 * security groups filter traffic</a>): inbound, the subnet NSG then the NIC NSG; outbound, the NIC NSG then the subnet
 * NSG. A deny is final (the next NSG is never evaluated for that traffic); a level without an NSG allows everything;
 * a flow passes only if every NSG allows it. The chain is evaluated by the path engine's {@code ChainEvaluator}.
 */
public final class NsgChain {
    private NsgChain() {}

    /**
     * The NSGs that apply at a subnet and a network interface in it (as {@link AppliedNsg}s, or as any other
     * description of them), in Azure's evaluation order for {@code direction}. Absent levels are left out: they allow
     * everything.
     */
    public static <T> List<T> order(Direction direction, Optional<T> subnet, Optional<T> nic) {
        List<T> out = new ArrayList<>(2);
        if (direction == Direction.INBOUND) {
            subnet.ifPresent(out::add);
            nic.ifPresent(out::add);
        } else {
            nic.ifPresent(out::add);
            subnet.ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
