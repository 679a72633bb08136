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
     * {@code owner}'s kind: wherever the analyses know what a placeholder means, so that it makes the answers that
     * depend on it UNDETERMINED instead of silently changing them:
     * <ul>
     *   <li>an NSG (what it would decide is not known), a route table or NAT gateway of a subnet (the subnet's routes,
     *       or the source address of what leaves through the NAT gateway, are not known), an application security
     *       group of a network interface or a security rule (a rule naming it cannot be evaluated);</li>
     *   <li>the subnet of a network interface, private endpoint, ASE, virtual network gateway (its GatewaySubnet, and
     *       the VNet it names when that is not imported either) or Azure Firewall, which is then held out of the
     *       analyses until its subnet is imported;</li>
     *   <li>a gateway's default site (forced tunnelling's site is not known);</li>
     *   <li>a public IP of a network interface, NAT gateway or Azure Firewall (the source address of what leaves
     *       through it is not known);</li>
     *   <li>the remote virtual network of a peering (the routes the peering adds are not known), and the gateways of a
     *       connection (the routes it adds are not known);</li>
     *   <li>the ASE of an app (which is then held out of the analyses until its ASE is imported).</li>
     * </ul>
     * Other references are refused as in {@link #REJECT} mode.
     */
    static boolean placeholderFor(ResourceKind expected, ResourceKind owner) {
        return switch (expected) {
            case NETWORK_SECURITY_GROUP, ROUTE_TABLE, NAT_GATEWAY, APPLICATION_SECURITY_GROUP -> true;
            case SUBNET -> owner == ResourceKind.NETWORK_INTERFACE
                    || owner == ResourceKind.PRIVATE_ENDPOINT
                    || owner == ResourceKind.APP_SERVICE_ENVIRONMENT
                    || owner == ResourceKind.VIRTUAL_NETWORK_GATEWAY
                    || owner == ResourceKind.AZURE_FIREWALL;
            case PUBLIC_IP_ADDRESS -> owner == ResourceKind.NETWORK_INTERFACE
                    || owner == ResourceKind.NAT_GATEWAY
                    || owner == ResourceKind.AZURE_FIREWALL;
            case VIRTUAL_NETWORK -> owner == ResourceKind.VIRTUAL_NETWORK
                    || owner == ResourceKind.PEERING
                    || owner == ResourceKind.VIRTUAL_NETWORK_GATEWAY;
            case VIRTUAL_NETWORK_GATEWAY -> owner == ResourceKind.CONNECTION;
            case LOCAL_NETWORK_GATEWAY -> owner == ResourceKind.CONNECTION
                    || owner == ResourceKind.VIRTUAL_NETWORK_GATEWAY;
            case APP_SERVICE_ENVIRONMENT -> owner == ResourceKind.APP;
            default -> false;
        };
    }
}
