package io.asegraph.net;

/**
 * A TCP or UDP port number, 0 to 65535: the one place that range is checked. Callers that take a port from a
 * request ask {@link #isPort} and report their own error with {@link #problem}.
 */
public final class Port {
    public static final int MIN = 0;
    public static final int MAX = 65535;

    private Port() {}

    /** True when {@code port} is a port number (null is not). */
    public static boolean isPort(Integer port) {
        return port != null && port >= MIN && port <= MAX;
    }

    /** The sentence for a value that is not a port: "{@code name} 70000 is not a port (0-65535)". */
    public static String problem(String name, Integer port) {
        return name + " " + port + " is not a port (" + MIN + "-" + MAX + ")";
    }
}
