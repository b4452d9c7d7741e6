package dev.firesight.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a child process under {@code /usr/bin/time}, so each run reports its wall time,
 * CPU time (user + system, which a busy machine disturbs far less than wall time) and peak resident
 * set size.
 */
final class ChildProcess {
    /** What one run measured. */
    record Run(int exitCode, double wallSeconds, double cpuSeconds, long peakRssBytes, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    private ChildProcess() {
    }

    static Run run(List<String> command, Path scratch, long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path timeFile = scratch.resolve("time.txt");
        Path out = scratch.resolve("stdout.txt");
        Path err = scratch.resolve("stderr.txt");
        Files.deleteIfExists(timeFile);
        List<String> full = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            full.addAll(List.of(TIME.toString(), "-o", timeFile.toString(), "-f", "%e %U %S %M"));
        }
        full.addAll(command);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return new Run(-1, timeoutSeconds, 0, 0, Files.readString(out), "timed out after " + timeoutSeconds + " s");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = 0;
        long rss = 0;
        int exit = p.exitValue();
        if (timed && Files.exists(timeFile)) {
            // The last line holds the figures; an earlier one may say "Command exited with non-zero status".
            List<String> lines = Files.readAllLines(timeFile);
            String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
            cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
            rss = Long.parseLong(f[3]) * 1024;
        }
        return new Run(exit, wall, cpu, rss, Files.readString(out), Files.readString(err));
    }

    /** The java launcher of the JVM running the benchmark, so every child uses the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
