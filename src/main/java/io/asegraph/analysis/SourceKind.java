package io.asegraph.analysis;

/**
 * Which address a call appears from at its destination (design.md "Call source"; azure-semantics §2.1, §2.7),
 * the contract's {@code SourceKind}.
 */
public enum SourceKind {
    /** The ASE's public VIP (its outbound NAT address) or its recorded outbound addresses. */
    PUBLIC_VIP,
    /** The public address of a NAT gateway attached to the source subnet. */
    NAT_GATEWAY,
    /** Some address in the source ASE subnet's CIDR; which one is not fixed. */
    SUBNET_RANGE,
    /** One private address (a network interface's, or a host's in a subnet). */
    PRIVATE_ADDRESS,
    /** The public address(es) of the Azure Firewall the call leaves through (SNAT); any of them may be used. */
    AZURE_FIREWALL,
    /** A network interface's own public IP address. */
    PUBLIC_IP,
    /** Decided outside the model (forced tunnelling, a virtual appliance, default outbound access, an unknown tag). */
    UNDETERMINED,
    /** The call cannot be delivered (a None route, a destination in the ASE's own subnet, nothing at the address). */
    UNREACHABLE
}
