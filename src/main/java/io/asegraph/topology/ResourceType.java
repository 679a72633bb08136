package io.asegraph.topology;

import java.util.Objects;

/**
 * A {@link ResourceKind} with the domain record that stands for it: the typed key of a {@link ResourceSet}, so that
 * {@code set.of(NetworkTypes.SUBNET)} is a {@code List<Subnet>} without a cast. The network kinds are declared in
 * {@link NetworkTypes}; the kinds of the policy model (NSGs, ASGs, service tags) in {@code PolicyTypes} of the policy
 * package, as topology does not depend on policy.
 *
 * <p>{@code type} is the record class itself (records are final and take no type parameters here), so two keys are
 * equal exactly when their kind and their class are.
 *
 * @param <T> the domain record of this kind
 */
public record ResourceType<T>(ResourceKind kind, Class<T> type) {
    public ResourceType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return kind + " (" + type.getSimpleName() + ")";
    }
}
