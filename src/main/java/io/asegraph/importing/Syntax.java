package io.asegraph.importing;

import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classification of the strings Azure puts in prefix and port fields. Every method either returns what the text
 * is or throws {@link InvalidAddressException} with a message that quotes the text and says what is wrong.
 */
final class Syntax {
    /**
     * A service tag name: letters, digits, {@code _} and {@code -}, starting with a letter, optionally with
     * dot-separated parts ({@code Sql}, {@code Storage.WestUS}, {@code AzureFrontDoor.Backend}, {@code VIRTUAL_NETWORK}).
     */
    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9][A-Za-z0-9_-]*)*");

    private static final Pattern PORT = Pattern.compile("(\\d{1,10})");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,10})\\s*-\\s*(\\d{1,10})");

    /** What an NSG rule address prefix is. */
    enum PrefixKind {
        ANY,
        ADDRESS,
        BLOCK,
        TAG,
        IPV6
    }

    private Syntax() {}

    /** IPv6 text (an address or block); only text with a colon is handed to the full parser. */
    static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0 && Ipv4.isIpv6(text);
    }

    static boolean isAny(String text) {
        String t = text.trim();
        return t.equals("*") || t.equalsIgnoreCase("any");
    }

    static boolean isTagName(String text) {
        return text != null && TAG.matcher(text.trim()).matches();
    }

    /** An NSG rule prefix: {@code *}/{@code Any}, an IPv4 address, an IPv4 block, a service tag, or IPv6. */
    static PrefixKind rulePrefix(String text) {
        String t = text.trim();
        if (isAny(t)) {
            return PrefixKind.ANY;
        }
        if (isIpv6(t)) {
            return PrefixKind.IPV6;
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            if (t.contains("/")) {
                Cidr.parseBlock(t);
                return PrefixKind.BLOCK;
            }
            Ipv4.parse(t);
            return PrefixKind.ADDRESS;
        }
        if (isTagName(t)) {
            return PrefixKind.TAG;
        }
        throw new InvalidAddressException(
                "'" + text + "' is not a CIDR block, an IPv4 address, * or Any, or a service tag name");
    }

    /** A block where a block is meant (VNet, subnet, local site, learned route): host bits must be zero. */
    static Cidr block(String text) {
        return Cidr.parseBlock(text.trim());
    }

    /** An address or a block (endpoint addresses, service tag prefixes): a bare address is a /32. */
    static Cidr addressOrBlock(String text) {
        return Cidr.parsePrefix(text.trim());
    }

    /** One port field value: {@code *}, {@code 80} or {@code 10000-10005}, within 0-65535, low to high. */
    static PortRange port(String text) {
        String t = text.trim();
        if (t.equals("*")) {
            return PortRange.ALL;
        }
        if (t.contains(",")) {
            throw new InvalidAddressException("'" + text + "' is a comma list; a port field takes one port or one range"
                    + " such as 80 or 10000-10005 (several go in the plural ...PortRanges array, one per entry)");
        }
        Matcher single = PORT.matcher(t);
        if (single.matches()) {
            long p = Long.parseLong(single.group(1));
            if (p > 65535) {
                throw new InvalidAddressException("'" + text + "' is above 65535, the highest port");
            }
            return PortRange.single((int) p);
        }
        Matcher range = PORT_RANGE.matcher(t);
        if (range.matches()) {
            long from = Long.parseLong(range.group(1));
            long to = Long.parseLong(range.group(2));
            if (from > 65535 || to > 65535) {
                throw new InvalidAddressException("'" + text + "' goes above 65535, the highest port");
            }
            if (from > to) {
                throw new InvalidAddressException(
                        "'" + text + "' is reversed: write the lower port first (" + to + "-" + from + ")");
            }
            return new PortRange((int) from, (int) to);
        }
        throw new InvalidAddressException(
                "'" + text + "' is not a port (0-65535), a port range such as 10000-10005, or *");
    }

    /** Lower-case, no spaces: {@code "West US"} (as Microsoft.Web prints it) and {@code westus} are one location. */
    static String location(String text) {
        return text == null ? "" : text.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
