package dev.firesight.attach;

import java.util.Locale;

/**
 * Where a remote JVM's JMX agent listens: the host and the port given to the JVM with
 * {@code -Dcom.sun.management.jmxremote.port}. Usually a forwarded port on this machine
 * ({@code kubectl port-forward}, {@code ssh -L}), so usually {@code localhost:PORT}.
 */
public record JmxAddress(String host, int port) {
    public JmxAddress {
        host = host == null ? "" : host.strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Say which host runs the JVM, e.g. localhost for a forwarded port.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port must be a number from 1 to 65535, not " + port + ".");
        }
    }

    /**
     * Reads {@code HOST:PORT}, {@code [IPv6]:PORT} or a bare {@code PORT} (meaning localhost, the usual end of a
     * forwarded port).
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static JmxAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "localhost" : s.substring(0, colon);
        String port = colon < 0 ? s : s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("Write an IPv6 address in brackets, e.g. [::1]:9091, not '" + s + "'.");
        }
        return new JmxAddress(host, port(port, s));
    }

    private static int port(String text, String whole) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Write the address as HOST:PORT, e.g. localhost:9091, not '" + whole
                    + "'.");
        }
    }

    /** The JDK agent's registry URL: the RMI registry at the port, naming the connector {@code jmxrmi}. */
    String serviceUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "service:jmx:rmi:///jndi/rmi://" + h + ":" + port + "/jmxrmi";
    }

    boolean isLocal() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
