package dev.firesight.parser.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module's test classes in a child JVM, with a bounded timeout and the
 * child's stdout and stderr captured in a log file.
 */
public final class ChildJvm {
    private final Path javaHome;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Class<?> mainClass;
    private long timeoutSeconds = 60;
    private Path cgroupProcs;

    public ChildJvm(Path javaHome, Class<?> mainClass) {
        this.javaHome = javaHome;
        this.mainClass = mainClass;
    }

    public ChildJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public ChildJvm argument(String argument) {
        arguments.add(argument);
        return this;
    }

    /**
     * Runs the child inside a cgroup: the process joins it (writes its pid to this {@code cgroup.procs}) before
     * it becomes the JVM, so the JVM starts under the cgroup's limits and sees them.
     */
    public ChildJvm inCgroup(Path cgroupProcs) {
        this.cgroupProcs = cgroupProcs;
        return this;
    }

    public ChildJvm timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** The class path the child runs with: where this class was loaded from (test-classes or test-jar). */
    public static Path testClassPath() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the test classes of " + ChildJvm.class.getName(), e);
        }
    }

    /**
     * Runs the child to completion and writes its output to {@code log}.
     *
     * @throws IOException if it cannot start, exits non-zero, or runs past the timeout (then it is killed)
     */
    public void run(Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (cgroupProcs != null) {
            command.addAll(List.of("/bin/sh", "-c", "echo $$ > '" + cgroupProcs + "' && exec \"$@\"", "sh"));
        }
        command.add(Jdks.javaExecutable(javaHome).toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(testClassPath().toString());
        command.add(mainClass.getName());
        command.addAll(arguments);

        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException("child JVM timed out after " + timeoutSeconds + " s: " + command
                        + "\n" + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for child JVM: " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("child JVM exited with " + process.exitValue() + ": " + command
                    + "\n" + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
