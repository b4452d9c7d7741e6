package dev.firesight.app.attach;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Busy child JVMs ({@code DemoService}) with the JDK's remote JMX agent on 127.0.0.1, for the CLI and dialog tests. */
public final class RemoteChildren {
    private RemoteChildren() {
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts a child whose agent listens on {@code port} and waits (bounded) until it accepts connections; with
     * owner-only {@code passwords} and {@code access} files it authenticates, with nulls it does not.
     */
    public static AutoCloseable start(Path log, int port, Path passwords, Path access, String... more)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(DemoChild.jmxAgent(port, passwords, access));
        options.addAll(List.of(more));
        DemoChild child = DemoChild.start(log, options);
        try {
            awaitPort(port);
            return child;
        } catch (AssertionError | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the child's JMX agent did not open port " + port);
    }
}
