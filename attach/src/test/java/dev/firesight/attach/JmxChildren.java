package dev.firesight.attach;

import dev.firesight.attach.children.AllocatingChild;
import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs with the JDK's remote JMX agent on 127.0.0.1, as a pod's JVM would run behind
 * {@code kubectl port-forward}: the registry and the connector on one port.
 */
final class JmxChildren {
    static final String USER = "firesight";

    private JmxChildren() {
    }

    /** A port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A busy {@link AllocatingChild} whose agent needs no password. */
    static ChildJvm withoutAuthentication(int port, String... more) throws IOException {
        List<String> options = agent(port);
        options.add("-Dcom.sun.management.jmxremote.authenticate=false");
        options.addAll(List.of(more));
        return ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class, options.toArray(String[]::new));
    }

    /**
     * A busy child whose agent lets in {@link #USER} with {@code password} (read-write, which recording needs);
     * the password and access files are owner-only, as the JDK insists.
     */
    static ChildJvm withPassword(int port, String password, Path dir) throws IOException {
        Path passwords = OwnerOnly.newFile(dir.resolve("jmxremote.password"));
        Files.writeString(passwords, USER + " " + password + "\n", StandardCharsets.UTF_8);
        Path access = OwnerOnly.newFile(dir.resolve("jmxremote.access"));
        Files.writeString(access, USER + " readwrite\n", StandardCharsets.UTF_8);
        List<String> options = agent(port);
        options.add("-Dcom.sun.management.jmxremote.authenticate=true");
        options.add("-Dcom.sun.management.jmxremote.password.file=" + passwords);
        options.add("-Dcom.sun.management.jmxremote.access.file=" + access);
        return ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class, options.toArray(String[]::new));
    }

    private static List<String> agent(int port) {
        List<String> options = new ArrayList<>();
        options.add("-Dcom.sun.management.jmxremote.port=" + port);
        options.add("-Dcom.sun.management.jmxremote.rmi.port=" + port);
        options.add("-Dcom.sun.management.jmxremote.host=127.0.0.1");
        options.add("-Djava.rmi.server.hostname=127.0.0.1");
        options.add("-Dcom.sun.management.jmxremote.ssl=false");
        return options;
    }
}
