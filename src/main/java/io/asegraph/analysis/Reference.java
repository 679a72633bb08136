package io.asegraph.analysis;

import io.asegraph.net.Ipv4;
import io.asegraph.topology.Resource;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved reference string. {@code resource} is the resource it names; {@code address} is present when the
 * string was an IPv4 address. A destination address keeps kind {@link ReferenceKind#ADDRESS} and carries the one
 * resource holding it when there is exactly one (an ASE's VIP or ILB address, a network interface); a located
 * address ({@code from}, {@code source}, {@code target}) becomes the network interface holding it, or the subnet.
 */
public record Reference(
        String text, ReferenceKind kind, Optional<Resource> resource, Optional<Long> address, Resolution resolvedBy) {
    public Reference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
        if (kind != ReferenceKind.ADDRESS && resource.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.label() + " reference needs its resource");
        }
        if (kind == ReferenceKind.ADDRESS && address.isEmpty()) {
            throw new IllegalArgumentException("an address reference needs its address");
        }
    }

    public static Reference of(String text, Resource resource, Resolution how) {
        return new Reference(text, ReferenceKind.of(resource), Optional.of(resource), Optional.empty(), how);
    }

    /** A short label for messages: the resource's name and kind, or the address. */
    public String describe() {
        if (resource.isPresent()) {
            return kind.label() + " " + resource.get().name();
        }
        return "address " + address.map(Ipv4::format).orElse(text);
    }
}
