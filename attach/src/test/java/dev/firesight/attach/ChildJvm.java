package dev.firesight.attach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real child JVM running one of the test workloads; always killed on close. */
final class ChildJvm implements AutoCloseable {
    static final Path JDK17 = Path.of(System.getProperty("java.home"));
    static final Path TEMURIN25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final Process process;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** The Temurin 25 JDK when installed (CI images may not have it). */
    static Optional<Path> jdk25() {
        String configured = System.getenv("FIRESIGHT_TEST_JDK21PLUS");
        Path home = configured != null ? Path.of(configured) : TEMURIN25;
        return Files.isExecutable(home.resolve("bin/java")) ? Optional.of(home) : Optional.empty();
    }

    /** Starts {@code mainClass} from the test classes on {@code javaHome} and waits (bounded) for "ready". */
    static ChildJvm start(Path javaHome, Class<?> mainClass, String... jvmOptions) throws IOException {
        return startAs(List.of(), javaHome, mainClass, jvmOptions);
    }

    /** Like {@link #start}, with a command prefix such as {@code setpriv --reuid=65534} to run as another user. */
    static ChildJvm startAs(List<String> prefix, Path javaHome, Class<?> mainClass, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaHome.resolve("bin/java").toString());
        command.add("-Xmx256m");
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        // Another user may not be able to read the checkout (a 0700 folder): give it a readable copy.
        command.add((prefix.isEmpty() ? classesOf(mainClass) : readableCopy(classesOf(mainClass))).toString());
        command.add(mainClass.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildJvm child = new ChildJvm(process);
        try {
            child.awaitReady();
            return child;
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** A copy of a classes folder that every user can read, in a fresh folder under the system temp folder. */
    private static Path readableCopy(Path classes) throws IOException {
        java.nio.file.attribute.FileAttribute<?> open = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.createTempDirectory("firesight-child-classes", open);
        try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
                Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(source) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        copy.toFile().deleteOnExit();
        return copy;
    }

    long pid() {
        return process.pid();
    }

    /** Asks the child to exit (SIGTERM) and waits for it, at most 10 s. */
    void terminate() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        return "ready";
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            return seen.toString();
        });
        try {
            String answer = ready.get(120, TimeUnit.SECONDS); // a hang guard: at load 20 a JVM took over 20 s to start
            if (!answer.equals("ready")) {
                throw new IOException("child JVM did not start: " + answer);
            }
        } catch (Exception e) {
            throw e instanceof IOException ? (IOException) e : new IOException("child JVM did not start in time", e);
        }
        // keep draining the output so the child never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (reader.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // child gone
            }
        }, "child-output-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
