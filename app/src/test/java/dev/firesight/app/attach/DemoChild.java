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
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", classesOf(DemoService.class).toString(),
                DemoService.class.getName());
        return new DemoChild(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
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
