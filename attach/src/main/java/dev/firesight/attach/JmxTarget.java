package dev.firesight.attach;

import java.util.Arrays;
import java.util.Optional;

/**
 * A remote JVM to connect to and how: its address, the JMX user and password when the agent authenticates
 * ({@code com.sun.management.jmxremote.authenticate}), and whether it speaks TLS
 * ({@code com.sun.management.jmxremote.ssl}, trusted through this runtime's {@code javax.net.ssl.trustStore}).
 * The password lives only in memory; nothing here is ever written to disk.
 */
public final class JmxTarget {
    private final JmxAddress address;
    private final String user;
    private final char[] password;
    private final boolean tls;

    private JmxTarget(JmxAddress address, String user, char[] password, boolean tls) {
        this.address = address;
        this.user = user == null || user.isBlank() ? null : user.strip();
        this.password = password == null ? new char[0] : password.clone();
        this.tls = tls;
    }

    /** Without authentication or TLS (an agent started with authenticate=false and ssl=false). */
    public static JmxTarget plain(JmxAddress address) {
        return new JmxTarget(address, null, null, false);
    }

    /** With a user and password; an empty user means no authentication. */
    public static JmxTarget of(JmxAddress address, String user, char[] password, boolean tls) {
        return new JmxTarget(address, user, password, tls);
    }

    public JmxAddress address() {
        return address;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public boolean tls() {
        return tls;
    }

    /** The JMX credentials: the connector's API takes a String pair, which stays in memory only. */
    String[] credentials() {
        return user == null ? null : new String[] {user, new String(password)};
    }

    /** An independent copy, for a second connection that closes (and forgets its password) on its own. */
    JmxTarget copy() {
        return new JmxTarget(address, user, password, tls);
    }

    /** Forgets the password (the copy this object holds). */
    public void clearPassword() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + address + (tls ? " (TLS)" : "");
    }
}
