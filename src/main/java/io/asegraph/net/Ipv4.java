package io.asegraph.net;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * Strict IPv4 parsing and formatting. Addresses are held as {@code long} in [0, 2^32-1].
 * Parsing goes through IPAddress with every lenient form switched off: no empty string (which IPAddress
 * would read as loopback), no {@code *}, no ranges, no inet_aton forms, no zone.
 */
public final class Ipv4 {
    public static final long MAX = 0xFFFF_FFFFL;

    static final IPAddressStringParameters STRICT = strictParameters();

    private static IPAddressStringParameters strictParameters() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowMask(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE);
        inet.ipaddr.ipv4.IPv4AddressStringParameters.Builder v4 = builder.getIPv4AddressParametersBuilder();
        v4.allow_inet_aton(false);
        v4.allowLeadingZeros(false);
        v4.allowPrefixesBeyondAddressSize(false);
        v4.allowWildcardedSeparator(false);
        inet.ipaddr.ipv6.IPv6AddressStringParameters.Builder v6 = builder.getIPv6AddressParametersBuilder();
        v6.allowZone(false);
        v6.allowWildcardedSeparator(false);
        return builder.toParams();
    }

    private Ipv4() {}

    /** Parses a single IPv4 address such as {@code 10.0.1.5}; rejects blocks, IPv6 and every loose form. */
    public static long parse(String text) {
        IPAddress address = toAddress(text, "an IPv4 address");
        if (address.isPrefixed()) {
            throw new InvalidAddressException("'" + text + "' is a block, not a single IPv4 address");
        }
        return address.getValue().longValue();
    }

    /** True when {@code text} parses strictly as an IPv4 address (no prefix). */
    public static boolean isAddress(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    /** True when {@code text} is an IPv6 address or block (accepted in documents, never matching an IPv4 flow). */
    public static boolean isIpv6(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        IPAddressString s = new IPAddressString(text.trim(), STRICT);
        return s.isValid() && s.isIPv6();
    }

    static IPAddress toAddress(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException("an empty string is not " + what);
        }
        IPAddressString s = new IPAddressString(text.trim(), STRICT);
        IPAddress address;
        try {
            address = s.toAddress();
        } catch (AddressStringException e) {
            throw new InvalidAddressException("'" + text + "' is not " + what);
        }
        if (address == null) {
            throw new InvalidAddressException("'" + text + "' is not " + what);
        }
        if (!address.isIPv4()) {
            throw new InvalidAddressException("'" + text + "' is IPv6; only IPv4 is modelled here");
        }
        return address;
    }

    /** The address {@code a.b.c.d}; every octet must be in 0..255. */
    public static long of(int a, int b, int c, int d) {
        if (((a | b | c | d) & ~0xFF) != 0) {
            throw new InvalidAddressException(a + "." + b + "." + c + "." + d + " has an octet outside 0..255");
        }
        return ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d;
    }

    public static String format(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }
}
