package dev.firesight.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Makes the benchmark's recordings by running {@link JavacWorkload} under a profiler, and caches them
 * under {@code target/bench/recordings}; a recording is reused while its file exists.
 *
 * <ul>
 *   <li>async-profiler: CPU samples every 100 µs with VM-internal frames ({@code cstack=vm}) plus
 *   allocation samples every 16 KB, in JFR format. The stack-trace pool is written at the end, so the
 *   run is bounded by time, and repeated longer when the file comes out below the target.</li>
 *   <li>JDK Flight Recorder: {@code settings=profile} plus allocation events in and outside TLABs
 *   (with small fixed TLABs so there are many), stopped once the disk repository reaches the target; the
 *   small file has the profile settings alone.</li>
 * </ul>
 */
final class RecordingGenerator {
    private final Path dir;
    private final Path asyncProfilerJar;

    RecordingGenerator(Path dir, Path asyncProfilerJar) {
        this.dir = dir;
        this.asyncProfilerJar = asyncProfilerJar;
    }

    /**
     * An async-profiler recording of javac of at least {@code minBytes}, and at most half as large again where
     * three runs allow. async-profiler writes its file when it stops, so the run length is a guess: a first run
     * of {@code firstSeconds}, then runs scaled by the size it gave. On a quiet machine 360 s of javac gave
     * 790 MB, where on a loaded one it had given 226 MB: the tables compare files of one size.
     */
    Path asyncProfiler(String name, long minBytes, int firstSeconds) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr");
        if (Files.exists(file) && Files.size(file) >= minBytes) {
            return file;
        }
        Path lib = extractAgent();
        int seconds = firstSeconds;
        for (int attempt = 0; attempt < 3; attempt++) {
            Files.deleteIfExists(file);
            Path tmp = dir.resolve(name + ".partial.jfr");
            Files.deleteIfExists(tmp);
            String agent = "-agentpath:" + lib + "=start,event=cpu,interval=100us,alloc=16k,cstack=vm,jfr,file=" + tmp;
            runWorkload(List.of(agent), tmp, Long.MAX_VALUE, seconds, name);
            long size = Files.size(tmp);
            Bench.log("  %s: %,d bytes after %d s of javac", name, size, seconds);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            if (size >= minBytes && (size <= minBytes * 3 / 2 || attempt == 2)) {
                return file;
            }
            seconds = (int) Math.ceil(seconds * 1.15 * minBytes / Math.max(1, size));
        }
        throw new IOException("could not make an async-profiler recording of " + minBytes + " bytes");
    }

    /** A JDK Flight Recorder recording of javac of about {@code targetBytes}, with allocation events in and outside TLABs. */
    Path jdkFlightRecorder(String name, long targetBytes) throws IOException, InterruptedException {
        return jdkFlightRecorder(name, targetBytes, true);
    }

    /**
     * A JDK Flight Recorder recording of javac of about {@code targetBytes}. Without the TLAB events (and their small
     * TLABs) it has the profile settings' allocation samples alone, and grows about a tenth as fast: the JDK writes
     * whole chunks, and with the TLAB events a recording asked for 10 MB came out at 48 MiB.
     */
    Path jdkFlightRecorder(String name, long targetBytes, boolean tlabEvents) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr");
        if (Files.exists(file) && Files.size(file) >= targetBytes * 9 / 10) {
            return file;
        }
        Path repo = dir.resolve(name + ".repository");
        deleteTree(repo);
        Files.createDirectories(repo);
        Files.deleteIfExists(file);
        List<String> jvm = new ArrayList<>();
        if (tlabEvents) {
            jvm.addAll(List.of("-XX:TLABSize=4k", "-XX:-ResizeTLAB"));
        }
        jvm.add("-XX:FlightRecorderOptions:repository=" + repo + ",stackdepth=128");
        jvm.add("-XX:StartFlightRecording:settings=profile,"
                + (tlabEvents ? "jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true," : "")
                + "jdk.ExecutionSample#period=1ms,"
                + "maxsize=4g,filename=" + file); // the JDK caps a recording at 250 MB by default
        runWorkload(jvm, repo, targetBytes, 3600, name);
        deleteTree(repo);
        Bench.log("  %s: %,d bytes", name, Files.size(file));
        return file;
    }

    private void runWorkload(List<String> jvmOptions, Path watch, long targetBytes, int seconds, String name)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildProcess.java());
        cmd.add("-Xmx1g");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JavacWorkload.class.getName(),
                dir.resolve("javac-work").toString(), watch.toString(), Long.toString(targetBytes),
                Integer.toString(seconds)));
        Bench.log("  recording %s (javac under a profiler; this takes minutes)", name);
        ChildProcess.Run run = ChildProcess.run(cmd, dir.resolve("scratch-" + name), 4L * 3600);
        if (!run.ok()) {
            throw new IOException("the javac workload failed (exit " + run.exitCode() + "): " + run.stderr());
        }
    }

    /** async-profiler's linux-x64 agent, taken out of the Maven artifact once. */
    Path extractAgent() throws IOException {
        Path lib = dir.resolve("libasyncProfiler.so");
        if (Files.exists(lib)) {
            return lib;
        }
        Files.createDirectories(dir);
        try (ZipFile zip = new ZipFile(asyncProfilerJar.toFile())) {
            ZipEntry entry = zip.getEntry("linux-x64/libasyncProfiler.so");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return lib;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
