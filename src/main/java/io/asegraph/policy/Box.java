package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import java.util.List;

/**
 * A product of per-dimension sets: source addresses × destination addresses × source ports × destination ports ×
 * protocols (a bit mask over TCP, UDP, ICMP, ESP, AH). The unit of the exact "header space" arithmetic of the
 * NSG engine: a rule's match is one box, and {@link #subtractInto} splits a box at a rule's boundaries into disjoint
 * boxes.
 */
record Box(AddressSet src, AddressSet dst, PortSet srcPorts, PortSet dstPorts, int protocols) {
    static final int ALL_PROTOCOLS = (1 << 5) - 1;
    static final Box EMPTY = new Box(AddressSet.EMPTY, AddressSet.EMPTY, PortSet.EMPTY, PortSet.EMPTY, 0);

    static int mask(Protocol protocol) {
        return switch (protocol) {
            case TCP -> 1;
            case UDP -> 1 << 1;
            case ICMP -> 1 << 2;
            case ESP -> 1 << 3;
            case AH -> 1 << 4;
            case ANY -> ALL_PROTOCOLS;
        };
    }

    static Box of(FlowSpace space) {
        return new Box(
                space.sources(),
                space.destinations(),
                space.sourcePorts(),
                space.destinationPorts(),
                mask(space.protocol()));
    }

    boolean isEmpty() {
        return protocols == 0 || src.isEmpty() || dst.isEmpty() || srcPorts.isEmpty() || dstPorts.isEmpty();
    }

    /** Cheapest dimensions first; no dimension may be empty in a non-empty intersection. */
    boolean overlaps(Box o) {
        return (protocols & o.protocols) != 0
                && !dstPorts.intersect(o.dstPorts).isEmpty()
                && !srcPorts.intersect(o.srcPorts).isEmpty()
                && dst.overlaps(o.dst)
                && src.overlaps(o.src);
    }

    boolean containsAll(Box o) {
        return (o.protocols & ~protocols) == 0
                && dstPorts.containsAll(o.dstPorts)
                && srcPorts.containsAll(o.srcPorts)
                && dst.containsAll(o.dst)
                && src.containsAll(o.src);
    }

    Box intersect(Box o) {
        return new Box(
                src.intersect(o.src),
                dst.intersect(o.dst),
                srcPorts.intersect(o.srcPorts),
                dstPorts.intersect(o.dstPorts),
                protocols & o.protocols);
    }

    /**
     * Adds {@code this \ o} to {@code out} as disjoint boxes, splitting dimension by dimension (source addresses first,
     * so the pieces keep as much of the source range together as possible).
     */
    void subtractInto(Box o, List<Box> out) {
        if (!overlaps(o)) {
            out.add(this);
            return;
        }
        AddressSet srcOut = src.minus(o.src);
        if (!srcOut.isEmpty()) {
            out.add(new Box(srcOut, dst, srcPorts, dstPorts, protocols));
        }
        AddressSet srcIn = src.intersect(o.src);
        AddressSet dstOut = dst.minus(o.dst);
        if (!dstOut.isEmpty()) {
            out.add(new Box(srcIn, dstOut, srcPorts, dstPorts, protocols));
        }
        AddressSet dstIn = dst.intersect(o.dst);
        int protocolsOut = protocols & ~o.protocols;
        if (protocolsOut != 0) {
            out.add(new Box(srcIn, dstIn, srcPorts, dstPorts, protocolsOut));
        }
        int protocolsIn = protocols & o.protocols;
        PortSet srcPortsOut = srcPorts.minus(o.srcPorts);
        if (!srcPortsOut.isEmpty()) {
            out.add(new Box(srcIn, dstIn, srcPortsOut, dstPorts, protocolsIn));
        }
        PortSet srcPortsIn = srcPorts.intersect(o.srcPorts);
        PortSet dstPortsOut = dstPorts.minus(o.dstPorts);
        if (!dstPortsOut.isEmpty()) {
            out.add(new Box(srcIn, dstIn, srcPortsIn, dstPortsOut, protocolsIn));
        }
    }
}
