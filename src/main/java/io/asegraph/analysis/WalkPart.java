package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.ResourceId;
import java.util.Optional;

/**
 * What the walk decided for one part of the destination (the addresses one route takes): the source kind and
 * addresses, the sentence, the hops (cut where the path's later steps go), the route, where it is delivered, and the
 * firewall it passes, if any.
 */
record WalkPart(
        SourceKind kind,
        AddressSet sources,
        String reason,
        WalkTrace trace,
        NextHop nextHop,
        Optional<ResourceId> destinationSubnet,
        Optional<ResourceId> destinationNic,
        AddressSet addresses,
        Optional<ResourceId> firewall) {
    WalkPart through(AzureFirewall fw) {
        return new WalkPart(
                kind,
                sources,
                reason,
                trace,
                nextHop,
                destinationSubnet,
                destinationNic,
                addresses,
                Optional.of(fw.id()));
    }
}
