package io.asegraph.analysis.audit;

import io.asegraph.net.AddressSet;
import java.util.Optional;

/**
 * The addresses on one side of a requirement, resolved for one ASE ({@link Parties}). {@code exact} is false when the
 * model only knows a superset of them ({@code because} then says why); an allow over the superset still proves the
 * requirement. {@code note} says how the set was chosen when that is not obvious.
 */
record Party(AddressSet addresses, String description, boolean exact, Optional<String> because, Optional<String> note) {
    Party(AddressSet addresses, String description) {
        this(addresses, description, true, Optional.empty(), Optional.empty());
    }
}
