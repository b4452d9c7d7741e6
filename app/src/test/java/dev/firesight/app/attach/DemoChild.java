package dev.firesight.app.attach;

import dev.firesight.attach.demo.DemoService;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real child JVM running {@link DemoService}; always killed on close (and SIGCONT'ed first if frozen). */
final class DemoChild implements AutoCloseable {
    private final Process process;
    private volatile boolean frozen;

    private DemoChild(Process process) {
        this.process = process;
    }

    static DemoChild start(Path log) throws IOException {
        return start(log, List.of());
    }

    /** With more JVM options, e.g. those of a remote JMX agent ({@link #jmxAgent}). */
    static DemoChild start(Path log, List<String> options) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", classesOf(DemoService.class).toString(), DemoService.class.getName()));
        return new DemoChild(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /**
     * The options of a remote JMX agent on 127.0.0.1:{@code port}, registry and connector on the one port as
     * behind a port-forward; with {@code passwordFile} and {@code accessFile} (owner-only) it authenticates.
     */
    static List<String> jmxAgent(int port, Path passwordFile, Path accessFile) {
        List<String> options = new java.util.ArrayList<>(List.of("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.authenticate=" + (passwordFile != null)));
        if (passwordFile != null) {
            options.add("-Dcom.sun.management.jmxremote.password.file=" + passwordFile);
            options.add("-Dcom.sun.management.jmxremote.access.file=" + accessFile);
        }
        return options;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Freezes the child (SIGSTOP): it stays in the process list but answers no attach. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
        frozen = true;
    }

    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
        frozen = false;
    }

    private void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", sig, Long.toString(pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
    }

    /** Kills the child and waits (bounded) until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            if (frozen) {
                thaw();
            }
        } catch (IOException | InterruptedException e) {
            // killed below anyway
        }
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
