package io.asegraph.net;

/**
 * A closed port range 0..65535. {@link #parse} takes one Azure port expression: {@code *}, {@code 80} or
 * {@code 10000-10005}. A comma list is rejected, as Azure rejects it in a singular field
 * ("Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535.").
 */
public record PortRange(int from, int to) {
    public static final PortRange ALL = new PortRange(0, 65535);

    public PortRange {
        if (from < 0 || to > 65535 || from > to) {
            throw new InvalidAddressException("port range " + from + "-" + to + " is not within 0-65535 in order");
        }
    }

    public static PortRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException("an empty string is not a port or port range");
        }
        String t = text.trim();
        if (t.equals("*")) {
            return ALL;
        }
        if (t.contains(",")) {
            throw new InvalidAddressException(
                    "'" + text
                            + "' is a list; a port field takes an integer or an integer range with '-' (use the plural field for several)");
        }
        int dash = t.indexOf('-');
        try {
            if (dash < 0) {
                int p = Integer.parseInt(t);
                return new PortRange(p, p);
            }
            return new PortRange(
                    Integer.parseInt(t.substring(0, dash).trim()),
                    Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new InvalidAddressException("'" + text + "' is not a port or port range (0-65535)");
        } catch (InvalidAddressException e) {
            throw new InvalidAddressException(
                    "'" + text + "' is not a valid port range: ports run 0-65535, low to high");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= from && port <= to;
    }

    public boolean isAll() {
        return from == 0 && to == 65535;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
