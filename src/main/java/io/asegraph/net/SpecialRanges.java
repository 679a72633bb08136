package io.asegraph.net;

/** IPv4 ranges with a fixed meaning, in one place. */
public final class SpecialRanges {
    /**
     * Private (RFC 1918), shared (RFC 6598), this-network, loopback, link-local, multicast and reserved space: all that
     * is not public unicast. Its complement is the {@code Internet} service tag; Azure services' prefixes are never in
     * it.
     */
    public static final AddressSet NOT_PUBLIC = AddressSet.parse(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "224.0.0.0/4",
            "240.0.0.0/4");

    private SpecialRanges() {}
}
