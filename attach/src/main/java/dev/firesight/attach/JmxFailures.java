package dev.firesight.attach;

import dev.firesight.attach.RemoteJvmException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what the JMX client throws (RMI, JNDI, TLS and security exceptions nested several deep) into one
 * sentence that says what happened and what to try.
 */
final class JmxFailures {
    private JmxFailures() {
    }

    /** A failure while connecting to {@code target}. */
    static AttachException connecting(JmxTarget target, Throwable e) {
        if (e instanceof AttachException a) {
            return a;
        }
        JmxAddress a = target.address();
        Throwable ssl = find(e, SSLException.class);
        String all = messages(e);
        if (find(e, SecurityException.class) != null) {
            if (all.contains("sslrmiclientsocketfactory")) {
                return new RemoteJvmException(Kind.TLS, "The JMX agent at " + a + " does not use TLS; untick TLS, or"
                        + " start the JVM with -Dcom.sun.management.jmxremote.ssl=true.", e);
            }
            if (all.contains("credentials required")) {
                return new RemoteJvmException(Kind.AUTHENTICATION, "The JMX agent at " + a
                        + " requires a user name and password; enter them and connect again.", e);
            }
            return new RemoteJvmException(Kind.AUTHENTICATION, "The JMX agent at " + a
                    + " refused the user name or password; check both (they are in the JVM's jmxremote.password"
                    + " file).", e);
        }
        if (ssl != null) {
            String lower = messages(ssl);
            if (lower.contains("certification path") || lower.contains("pkix") || lower.contains("certificate")) {
                return new RemoteJvmException(Kind.TLS, "The TLS certificate of " + a + " is not trusted here; add it"
                        + " to a trust store and start Firesight with -Djavax.net.ssl.trustStore=FILE.", e);
            }
            return new RemoteJvmException(Kind.TLS, target.tls()
                    ? "The JMX agent at " + a + " does not speak TLS; untick TLS."
                    : "The JMX agent at " + a + " expects TLS; tick TLS.", e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new RemoteJvmException(Kind.REFUSED, "The host " + a.host() + " is unknown; check its name.", e);
        }
        java.rmi.ConnectException refused = find(e, java.rmi.ConnectException.class);
        if (refused != null || find(e, java.net.ConnectException.class) != null) {
            String elsewhere = refusedHost(refused);
            if (elsewhere != null && !elsewhere.equalsIgnoreCase(a.host()) && !(a.isLocal() && isLoopback(elsewhere))) {
                return new RemoteJvmException(Kind.REFUSED, "The JMX agent at " + a + " told Firesight to connect to "
                        + elsewhere + ", which cannot be reached; start the JVM with -Dcom.sun.management.jmxremote"
                        + ".rmi.port=" + a.port() + " and -Djava.rmi.server.hostname=" + a.host()
                        + " so everything goes through the one forwarded port.", e);
            }
            return new RemoteJvmException(Kind.REFUSED, "Nothing accepts connections at " + a + "; is the port"
                    + " forwarded (kubectl port-forward pod/NAME " + a.port() + ":" + a.port() + ", or ssh -L " + a.port()
                    + ":localhost:" + a.port() + " HOST) and the JVM started with -Dcom.sun.management.jmxremote.port="
                    + a.port() + "?", e);
        }
        if (all.contains("non-jrmp server") || find(e, EOFException.class) != null
                || find(e, java.rmi.ConnectIOException.class) != null || all.contains("connection reset")) {
            return new RemoteJvmException(Kind.NOT_JMX, target.tls()
                    ? "Something answers at " + a + ", but not a JMX agent over TLS; check the port and whether the"
                    + " agent uses TLS (untick TLS if not)."
                    : "Something answers at " + a + ", but not a JMX agent; check the port number (the JVM's"
                    + " com.sun.management.jmxremote.port), or tick TLS if the agent uses it.", e);
        }
        return new RemoteJvmException(Kind.FAILED, "Connecting to the JMX agent at " + a + " failed ("
                + Attacher.oneLine(deepest(e).getMessage()) + "); check the address and the JVM's"
                + " com.sun.management.jmxremote options.", e);
    }

    /** The time limit ran out while connecting: something accepted the connection but never answered. */
    static AttachTimeoutException connectTimeout(JmxTarget target, TimeLimit limit, AttachTimeoutException e) {
        JmxAddress a = target.address();
        return new AttachTimeoutException("The JMX agent at " + a + " did not answer within "
                + limit.limit().toSeconds() + " s; check that the port is the JVM's JMX port, that every port it"
                + " uses is forwarded (start it with -Dcom.sun.management.jmxremote.rmi.port=" + a.port()
                + "), and that it is not paused.", e);
    }

    /** True when {@code e} says the connection to a JVM that used to answer is broken (it exited or the tunnel closed). */
    static boolean connectionLost(Throwable e) {
        return find(e, IOException.class) != null && find(e, SecurityException.class) == null;
    }

    private static String refusedHost(java.rmi.ConnectException e) {
        if (e == null || e.getMessage() == null) {
            return null;
        }
        String m = e.getMessage();
        int at = m.indexOf("refused to host: ");
        if (at < 0) {
            return null;
        }
        String rest = m.substring(at + "refused to host: ".length());
        int end = rest.indexOf(';');
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof java.lang.reflect.UndeclaredThrowableException u && u.getUndeclaredThrowable() != null
                    && type.isInstance(u.getUndeclaredThrowable())) {
                return type.cast(u.getUndeclaredThrowable());
            }
        }
        return null;
    }

    /** Every message in the cause chain, lower case, for matching. */
    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    static Throwable deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
