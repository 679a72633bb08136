package io.asegraph.analysis;

import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.EffectiveRoute;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.Resource;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Subnet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Network Watcher's next hop (azure-semantics §3.2;
 * <a href="https://learn.microsoft.com/azure/network-watcher/next-hop-overview">next hop overview</a>) over reference
 * strings: from a subnet, a network interface or an ASE (an address inside a subnet locates one of them) to one
 * IPv4 address. The answer's {@code routeTableId} is the user route table's id or "System Route".
 */
public final class NextHopQuery {
    private final ReferenceResolver resolver;
    private final Routing routing;

    public NextHopQuery(ReferenceResolver resolver, Routing routing) {
        this.resolver = resolver;
        this.routing = routing;
    }

    /**
     * @throws InvalidArgumentException when {@code destinationAddress} is not an IPv4 address or {@code source} is not a
     *                                  subnet, network interface or ASE
     */
    public NextHop nextHop(String source, String destinationAddress) {
        long destination;
        try {
            destination = Ipv4.parse(destinationAddress);
        } catch (InvalidAddressException e) {
            throw new InvalidArgumentException("destinationAddress: " + e.getMessage());
        }
        Reference ref = resolver.resolveLocated(source);
        EffectiveRoutes routes = routing.effectiveRoutes(sourceSubnet(ref));
        NextHop hop = routes.lookup(destination);
        List<EffectiveRoute> missing = routes.missingIn(hop);
        if (!missing.isEmpty()) {
            throw new UnresolvedReferenceException("the next hop from "
                    + routes.subnet().label() + " toward "
                    + Ipv4.format(destination) + " cannot be told: "
                    + missing.stream().map(EffectiveRoute::describeUnresolved).collect(Collectors.joining("; "))
                    + " may cover it");
        }
        return hop;
    }

    /** The subnet whose routes apply to {@code ref}: a subnet, a network interface's or an ASE's subnet. */
    public Subnet sourceSubnet(Reference ref) {
        switch (ref.kind()) {
            case SUBNET, NETWORK_INTERFACE, APP_SERVICE_ENVIRONMENT -> {
                Optional<Subnet> subnet = ref.resource().map(Resource::id).flatMap(routing::subnetOf);
                return subnet.orElseThrow(
                        () -> new IllegalStateException(ref.describe() + " has no subnet in the snapshot"));
            }
            default -> throw new InvalidArgumentException("'" + ref.text() + "' is a "
                    + ref.kind().label() + "; next hop starts from a subnet, a network interface or an ASE");
        }
    }
}
