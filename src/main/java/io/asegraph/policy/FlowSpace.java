package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import java.util.Objects;

/**
 * A set of flows evaluated at once: every combination of a source address, a destination address, a source port, a
 * destination port and a protocol from the given sets. {@code protocol} {@link Protocol#ANY} means every protocol
 * (TCP, UDP, ICMP, ESP and AH), evaluated exactly as a dimension: a TCP-only allow rule then decides only the TCP
 * part, and since a source is allowed only when it is allowed for the whole space, such a source is denied (the
 * decisions still show the TCP allow). Azure does not document how a rule's ports apply to port-less protocols
 * (ICMP, ESP, AH); ports are a dimension for every protocol here, so evaluate a port-less flow with {@code *}
 * ({@link PortSet#ALL}): a port-restricted rule then decides only part of it, which is the conservative reading.
 * Every dimension must be non-empty: an empty space has no verdict.
 */
public record FlowSpace(
        AddressSet sources, AddressSet destinations, PortSet sourcePorts, PortSet destinationPorts, Protocol protocol) {
    public FlowSpace {
        Objects.requireNonNull(protocol, "protocol");
        requireNonEmpty(sources.isEmpty(), "source addresses");
        requireNonEmpty(destinations.isEmpty(), "destination addresses");
        requireNonEmpty(sourcePorts.isEmpty(), "source ports");
        requireNonEmpty(destinationPorts.isEmpty(), "destination ports");
    }

    private static void requireNonEmpty(boolean empty, String what) {
        if (empty) {
            throw new IllegalArgumentException("a flow space needs at least one of its " + what);
        }
    }

    /** Every source port, one destination port: what a client call looks like. */
    public static FlowSpace of(AddressSet sources, AddressSet destinations, int destinationPort, Protocol protocol) {
        return new FlowSpace(sources, destinations, PortSet.ALL, PortSet.single(destinationPort), protocol);
    }

    /** One 5-tuple. */
    public static FlowSpace point(
            long source, int sourcePort, long destination, int destinationPort, Protocol protocol) {
        return new FlowSpace(
                AddressSet.host(source),
                AddressSet.host(destination),
                PortSet.single(sourcePort),
                PortSet.single(destinationPort),
                protocol);
    }

    /** The same space restricted to other source addresses. */
    public FlowSpace withSources(AddressSet newSources) {
        return new FlowSpace(newSources, destinations, sourcePorts, destinationPorts, protocol);
    }
}
