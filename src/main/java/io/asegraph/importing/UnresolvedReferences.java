package io.asegraph.importing;

import io.asegraph.topology.ResourceKind;
import java.util.Locale;

/**
 * What an import does with a reference to a resource that is neither in the document nor in the graph
 * ({@code asegraph.import.unresolved-references}): make a placeholder for it and warn ({@link #PLACEHOLDER}, the
 * default: partial exports import in any order), or refuse the document ({@link #REJECT}).
 */
public enum UnresolvedReferences {
    PLACEHOLDER,
    REJECT;

    /** {@code placeholder} or {@code reject}, any case. */
    public static UnresolvedReferences parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "asegraph.import.unresolved-references must be placeholder or reject, got '" + text + "'");
        }
    }

    /**
     * True when a placeholder may stand for an unresolved {@code expected} resource referenced from a resource of
     * {@code owner}'s kind. Only where the analyses know what a placeholder means: an NSG (an association whose NSG
     * is not known makes what reaches it UNDETERMINED), and the subnet of a network interface, private endpoint or
     * ASE (which is then held out of the analyses until its subnet is imported). Other references are refused as in
     * {@link #REJECT} mode: a route table or NAT gateway that is not known would silently change routes and source
     * addresses.
     */
    static boolean placeholderFor(ResourceKind expected, ResourceKind owner) {
        return switch (expected) {
            case NETWORK_SECURITY_GROUP -> true;
            case SUBNET -> owner == ResourceKind.NETWORK_INTERFACE
                    || owner == ResourceKind.PRIVATE_ENDPOINT
                    || owner == ResourceKind.APP_SERVICE_ENVIRONMENT;
            default -> false;
        };
    }
}
