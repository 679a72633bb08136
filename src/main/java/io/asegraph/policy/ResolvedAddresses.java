package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The addresses an NSG rule's source or destination field stands for. {@code addresses} is what is known to match;
 * {@code unresolved} names every part that could not be resolved (a service tag not imported, an ASG without known
 * members, VirtualNetwork without a topology, a malformed prefix). When {@code unresolved} is not empty the field may
 * match any address beyond {@code addresses}: callers must treat that part as unknown, never as empty or as "any".
 */
public record ResolvedAddresses(AddressSet addresses, List<String> unresolved) {
    /** The prefix used in {@link #display()} for an unresolved entry. */
    public static final String UNRESOLVED_MARKER = "UNRESOLVED: ";

    public ResolvedAddresses {
        Objects.requireNonNull(addresses, "addresses");
        unresolved = List.copyOf(unresolved);
    }

    public static ResolvedAddresses of(AddressSet addresses) {
        return new ResolvedAddresses(addresses, List.of());
    }

    public static ResolvedAddresses unresolved(String cause) {
        return new ResolvedAddresses(AddressSet.EMPTY, List.of(cause));
    }

    public boolean isResolved() {
        return unresolved.isEmpty();
    }

    /** Every address this field might match: {@code addresses} when resolved, otherwise every address. */
    public AddressSet possible() {
        return isResolved() ? addresses : AddressSet.ALL;
    }

    public ResolvedAddresses union(ResolvedAddresses other) {
        List<String> causes = new ArrayList<>(unresolved);
        other.unresolved.stream().filter(c -> !causes.contains(c)).forEach(causes::add);
        return new ResolvedAddresses(addresses.union(other.addresses), causes);
    }

    /**
     * The display form used for effective security rules: the minimal CIDR blocks of the known addresses, followed by
     * one {@code UNRESOLVED: <cause>} entry per unresolved part. Never empty for a rule with an unresolved part.
     */
    public List<String> display() {
        List<String> out = new ArrayList<>(addresses.toCidrStrings());
        unresolved.forEach(c -> out.add(UNRESOLVED_MARKER + c));
        return List.copyOf(out);
    }
}
