package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Subnet;
import java.util.List;
import java.util.Optional;

/**
 * Where a call is delivered, as the destination side sees it (the walk's destination translation step,
 * {@link DestinationTranslation}): the subnet and network interface whose NSGs filter it inbound (none outside the
 * modelled subnets), the destination addresses after translation, a sentence saying what translated them, and notes.
 */
public record Destination(
        Optional<Subnet> subnet,
        Optional<NetworkInterface> nic,
        AddressSet translated,
        Optional<String> translation,
        List<String> notes) {
    /** No delivery into the model (an UNREACHABLE or UNDETERMINED walk). */
    static final Destination NONE =
            new Destination(Optional.empty(), Optional.empty(), AddressSet.EMPTY, Optional.empty(), List.of());
}
