package dev.firesight.app.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM started by {@code /bin/sh} under {@code umask 022}, the default that makes new files
 * world-readable unless the program asks otherwise, with its own per-user folders.
 */
final class UmaskChild {
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    /** @param environment variables to set (XDG folders, HOME); {@code null} values remove a variable */
    UmaskChild(Map<String, String> environment, List<String> jvmOptions) {
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    Process start(Path workingFolder, Path log, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder.start();
    }

    /** Runs the Firesight launcher with {@code args} to its end; returns its exit code. */
    int firesight(Path workingFolder, Path log, String... args) throws IOException, InterruptedException {
        Process process = start(workingFolder, log, "dev.firesight.app.Launcher", List.of(args));
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("firesight " + String.join(" ", args) + " did not finish; see " + log);
        }
        return process.exitValue();
    }
}
