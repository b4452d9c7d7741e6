package dev.firesight.parser.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assertions;

/**
 * Real recordings of the test workloads, made in child JVMs on first use and cached under
 * {@code target/recordings/} (reused while the file is there and non-empty, so all tests of a build share
 * them). Each recording has a {@code .log} beside it with the child's output (and, for async-profiler,
 * a {@code .agent.log} with the agent's log).
 *
 * <p>Methods that need something this machine may not have (JDK 25, an async-profiler build for this
 * platform) fail the calling test when it is missing, never skip it; the {@code ...IfAvailable} variants
 * return {@link Optional} instead. Failures to record throw {@link UncheckedIOException} with the
 * child's output in the message.
 *
 * <p>The directory is {@code <module>/target/recordings} when the test classes are a directory, else
 * {@code ./target/recordings}; the system property {@code firesight.recordings.dir} overrides both.
 */
public final class TestRecordings {
    /** Bump when a workload or the settings change, so stale cached recordings are not reused. */
    public static final int FIXTURE_VERSION = 7;
    /** Async-profiler agent options of {@link #asyncProfiler()} (all of these coexist in 4.2). */
    public static final String ASYNC_PROFILER_OPTIONS = "event=cpu,interval=5ms,alloc=256k,lock=0,wall=5ms,live";
    /** The async-profiler release on the test class path, whose agent {@link #asyncProfiler()} uses. */
    public static final String CURRENT_ASYNC_PROFILER = "4.2";
    /** How many times {@link #multiChunk()} makes JFR start a new chunk. */
    public static final int MULTI_CHUNK_ROTATIONS = 2;
    /** Fixed TLAB size of the {@link #halved(double)} child JVMs. */
    public static final String HALVED_TLAB_SIZE = "128k";

    private static final long TIMEOUT_SECONDS = 120;

    private TestRecordings() {
    }

    /** Where recordings are cached. */
    public static Path directory() {
        String override = System.getProperty("firesight.recordings.dir");
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        Path classes = ChildJvm.testClassPath();
        Path target = Files.isDirectory(classes) ? classes.getParent() : Path.of("target").toAbsolutePath();
        return target.resolve("recordings");
    }

    /** {@link Workload} for 3 s on JDK 17 with {@link JfrSettings} (fails the test if there is no JDK 17). */
    public static Path jdk17() {
        return assumed(jdkIfAvailable(17), "no JDK 17 found (set firesight.jdk17.home)");
    }

    /** {@link Workload} for 3 s on JDK 25 with {@link JfrSettings} (fails the test if there is no JDK 25). */
    public static Path jdk25() {
        return assumed(jdkIfAvailable(25), "no JDK 25 found (set firesight.jdk25.home)");
    }

    /** {@link Workload} recorded by JFR on the JDK with this feature version, if that JDK is installed. */
    public static Optional<Path> jdkIfAvailable(int feature) {
        return Jdks.home(feature).map(home -> jfrRecording("workload-jdk" + feature, home,
                new ChildJvm(home, Workload.class)));
    }

    /**
     * {@link Workload} for 3 s on JDK 17 under async-profiler with {@link #ASYNC_PROFILER_OPTIONS}
     * (cpu, alloc, lock, wall and live in one recording). Skips the test where async-profiler has no build.
     */
    public static Path asyncProfiler() {
        return assumed(asyncProfilerIfAvailable(), "async-profiler has no build for this platform or no JDK 17");
    }

    public static Optional<Path> asyncProfilerIfAvailable() {
        Optional<Path> home = Jdks.home(17);
        Optional<Path> library;
        try {
            library = AsyncProfilerAgent.library(directory().getParent().resolve("async-profiler"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (home.isEmpty() || library.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(agentRecording("workload-async-profiler", new ChildJvm(home.get(), Workload.class),
                library.get(), ASYNC_PROFILER_OPTIONS));
    }

    /**
     * {@link MemoryWorkload}'s churn for 8 s on JDK 17 with a 64 MB heap under async-profiler (CPU, allocation and
     * live objects, as the memory-leak preset records): its heap readings are the agent's own, once a second.
     */
    public static Path asyncProfilerMemory() {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        Path library = buildsAsyncProfiler();
        return agentRecording("memory-churn-ap42", new ChildJvm(home, MemoryWorkload.class).jvmOption("-Xmx64m")
                .argument("churn").argument("8"), library, "event=cpu,interval=10ms,alloc=512k,live");
    }

    /**
     * {@link Workload} for 3 s on JDK 17 under an async-profiler release with the given agent options
     * (without {@code start} and {@code file}). Releases differ in how they write wall-clock samples and
     * live objects (see docs/recordings.md): 4.2 is the build's own, 2.9 and 3.0 are copied by the build.
     */
    public static Path asyncProfilerRelease(String version, String options) {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        Path library;
        try {
            Path dir = directory().getParent().resolve("async-profiler");
            library = version.equals(CURRENT_ASYNC_PROFILER) ? AsyncProfilerAgent.library(dir).orElseThrow(
                    () -> new IOException("async-profiler has no build for this platform"))
                    : AsyncProfilerAgent.releaseLibrary(version, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "workload-ap" + version.replace(".", "") + "-" + options.replaceAll("[^a-z0-9]+", "_");
        return agentRecording(name, new ChildJvm(home, Workload.class), library, options);
    }

    /** A recording by the async-profiler agent {@code library} with these options, in a child JVM. */
    private static Path agentRecording(String name, ChildJvm jvm, Path library, String options) {
        return cached(name, out -> {
            Path agentLog = sibling(out, ".agent.log");
            Files.deleteIfExists(agentLog);
            jvm.jvmOption("-agentpath:" + library + "=start," + options + ",file=" + out + ",log=" + agentLog)
                    .timeoutSeconds(TIMEOUT_SECONDS)
                    .run(sibling(out, ".log"));
        });
    }

    /**
     * {@link MemoryWorkload} on JDK 17 with a 64 MB heap: {@code leak} runs until {@link OutOfMemoryError}
     * (about 12 s), {@code churn} makes garbage for 8 s without leaking. Its output log is beside it.
     */
    public static Path memory(String mode) {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        // Paths to GC roots (cutoff above 0) and live bytes per class, as the "Memory leak" preset records them.
        return jfrRecording("memory-" + mode + "-jdk17", home, new ChildJvm(home, MemoryWorkload.class)
                .jvmOption("-Xmx64m").jvmOption("-XX:+UseSerialGC").argument(mode)
                .argument(mode.equals("leak") ? "600" : "8"),
                Map.of("jdk.OldObjectSample", Map.of("enabled", "true", "stackTrace", "true", "cutoff", "infinity"),
                        "jdk.ObjectCountAfterGC", Map.of("enabled", "true")));
    }

    /** The build's own async-profiler agent for this platform. */
    private static Path buildsAsyncProfiler() {
        try {
            return AsyncProfilerAgent.library(directory().getParent().resolve("async-profiler")).orElseThrow(
                    () -> new IOException("async-profiler has no build for this platform"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link NativeWorkload} for 3 s under async-profiler 4.2 with {@code nativemem=0} (every allocation), on
     * the JDK with this feature version (17 or 25).
     */
    public static Path nativeMemory(int feature) {
        Path home = assumed(Jdks.home(feature), "no JDK " + feature + " found");
        Path library = buildsAsyncProfiler();
        return agentRecording("native-ap42-jdk" + feature, new ChildJvm(home, NativeWorkload.class), library,
                "event=cpu,interval=10ms,nativemem=0");
    }

    /**
     * {@link MemoryWorkload} churning for 4 s on JDK 25 in a memory cgroup limited to
     * {@value #CONTAINER_LIMIT_MB} MB, as in a container: its recording has the container's limit and usage,
     * and the resident set size, read every 100 ms.
     */
    public static Path container() {
        Path home = assumed(Jdks.home(25), "no JDK 25 found (set firesight.jdk25.home)");
        Map<String, String> often = Map.of("enabled", "true", "period", "100 ms");
        return cached("memory-container-jdk25", out -> {
            try (MemoryCgroup cgroup = MemoryCgroup.create("firesight-test-" + ProcessHandle.current().pid(),
                    CONTAINER_LIMIT_MB << 20)) {
                Path settings = JfrSettings.write(home, sibling(out, ".jfc"), Map.of("jdk.ContainerMemoryUsage", often,
                        "jdk.ResidentSetSize", often, "jdk.ContainerConfiguration", Map.of("enabled", "true")));
                new ChildJvm(home, MemoryWorkload.class).inCgroup(cgroup.procs()).jvmOption("-Xmx64m")
                        .jvmOption("-XX:StartFlightRecording:filename=" + out + ",settings=" + settings + ",dumponexit=true")
                        .argument("churn").argument("4")
                        .timeoutSeconds(TIMEOUT_SECONDS)
                        .run(sibling(out, ".log"));
            }
        });
    }

    /** The memory limit of {@link #container()}. */
    public static final long CONTAINER_LIMIT_MB = 256;

    /** {@link FindingsWorkload} in one mode for 3 s, recorded by JFR on JDK 17 with {@link JfrSettings}. */
    public static Path findings(String mode) {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        return jfrRecording("findings-" + mode + "-jdk17", home, new ChildJvm(home, FindingsWorkload.class)
                .argument(mode).argument("3"), Map.of("jdk.ExceptionStatistics", Map.of("enabled", "true",
                "period", "500 ms")));
    }

    /**
     * {@link FindingsWorkload} boxing for 5 s, recorded by JFR from 2 s in for 2 s ({@code delay=2s}): its threads
     * allocated for two seconds before the recording began, which the first allocation sample of
     * each thread weighs too (JDK-8307488).
     */
    public static Path lateStart(int feature) {
        Path home = assumed(Jdks.home(feature), "no JDK " + feature + " found");
        return cached("late-start-jdk" + feature, out -> {
            // allocation samples only: with TLAB events beside them the alloc view counts allocations twice
            Path settings = JfrSettings.write(home, sibling(out, ".jfc"), Map.of(
                    "jdk.ObjectAllocationInNewTLAB", Map.of("enabled", "false"),
                    "jdk.ObjectAllocationOutsideTLAB", Map.of("enabled", "false")));
            new ChildJvm(home, FindingsWorkload.class).argument("boxing").argument("5")
                    .jvmOption("-XX:StartFlightRecording:delay=2s,duration=2s,filename=" + out + ",settings="
                            + settings)
                    .timeoutSeconds(TIMEOUT_SECONDS)
                    .run(sibling(out, ".log"));
        });
    }

    /**
     * A JFR repository folder left by a JVM killed with SIGKILL: {@link Workload} on JDK 17 recording to disk
     * into its own repository, starting a new chunk (file) three times, killed once three chunk files are
     * there. Its last file is a chunk JFR was still writing.
     */
    public static Path killedRepository() {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        return cachedFolder("killed-repository-jdk17", dir -> {
            Path settings = JfrSettings.write(home, dir.resolveSibling(dir.getFileName() + ".jfc"));
            Process process = new ProcessBuilder(Jdks.javaExecutable(home).toString(),
                    "-XX:StartFlightRecording:settings=" + settings, "-XX:FlightRecorderOptions:repository=" + dir,
                    "-D" + Workload.ROTATIONS_PROPERTY + "=3", "-cp", ChildJvm.testClassPath().toString(),
                    Workload.class.getName(), "8000")
                    .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile())
                    .start();
            try {
                for (long deadline = System.nanoTime() + 90_000_000_000L; System.nanoTime() < deadline; ) {
                    Thread.sleep(250);
                    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                        if (files.filter(f -> f.toString().endsWith(".jfr")).count() >= 3 || !process.isAlive()) {
                            break;
                        }
                    }
                }
                Thread.sleep(1000); // let the current chunk get some events
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                process.destroyForcibly(); // SIGKILL: no shutdown hook, the repository stays as it is
                try {
                    process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /**
     * Periodic dumps from two JVMs of the same workload, as copied from two replicas: {@link Workload} on
     * JDK 25 twice, each starting a new chunk twice and keeping its repository ({@code preserve-repository}),
     * in folders {@code jvm-a/} and {@code jvm-b/}; plus {@code overlap.jfr}, a copy of one of jvm-a's
     * chunk files, as overlapping dumps hold the same chunk twice.
     */
    public static Path twoJvms() {
        Path home = assumed(Jdks.home(25), "no JDK 25 found (set firesight.jdk25.home)");
        return cachedFolder("two-jvms-jdk25", dir -> {
            Path settings = JfrSettings.write(home, dir.resolveSibling(dir.getFileName() + ".jfc"));
            for (String jvm : new String[] {"jvm-a", "jvm-b"}) {
                Path repository = dir.resolve(jvm);
                new ChildJvm(home, Workload.class)
                        .jvmOption("-XX:StartFlightRecording:settings=" + settings)
                        .jvmOption("-XX:FlightRecorderOptions:repository=" + repository + ",preserve-repository=true")
                        .jvmOption("-D" + Workload.ROTATIONS_PROPERTY + "=2")
                        .timeoutSeconds(TIMEOUT_SECONDS)
                        .run(dir.resolveSibling(dir.getFileName() + "-" + jvm + ".log"));
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("jvm-a"))) {
                Path chunk = files.filter(f -> f.toString().endsWith(".jfr")).sorted().findFirst()
                        .orElseThrow(() -> new IOException("jvm-a left no chunk files"));
                Files.copy(chunk, dir.resolve("overlap.jfr"));
            }
        });
    }

    /**
     * Two replicas recorded at the same time, as a pod's: {@link MemoryWorkload} {@code churn} on JDK 17 with a
     * 64 MB heap, twice at once, each recording its own file, {@code pod-a.jfr} and {@code pod-b.jfr}. Both
     * allocate and collect in the same seconds, which recordings made one after the other never do.
     */
    public static Path replicasAtOnce() {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        return cachedFolder("replicas-at-once-jdk17", dir -> {
            Path settings = JfrSettings.write(home, dir.resolveSibling(dir.getFileName() + ".jfc"));
            java.util.List<Thread> replicas = new java.util.ArrayList<>();
            IOException[] failure = new IOException[1];
            for (String pod : new String[] {"pod-a", "pod-b"}) {
                ChildJvm jvm = new ChildJvm(home, MemoryWorkload.class).jvmOption("-Xmx64m")
                        .jvmOption("-XX:+UseSerialGC").argument("churn").argument("6")
                        .jvmOption("-XX:StartFlightRecording:filename=" + dir.resolve(pod + ".jfr") + ",settings="
                                + settings + ",dumponexit=true")
                        .timeoutSeconds(TIMEOUT_SECONDS);
                Thread t = new Thread(() -> {
                    try {
                        jvm.run(dir.resolveSibling(dir.getFileName() + "-" + pod + ".log"));
                    } catch (IOException e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    }
                });
                t.start();
                replicas.add(t);
            }
            for (Thread t : replicas) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while the replicas ran", e);
                }
            }
            synchronized (failure) {
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
        });
    }

    /** Like {@link #cached}, for a folder: made under a temporary name and moved into place when complete. */
    private static synchronized Path cachedFolder(String name, Producer producer) {
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            Path target = dir.resolve(name + "-v" + FIXTURE_VERSION);
            if (Files.isDirectory(target)) {
                return target;
            }
            Path partial = dir.resolve("partial-" + name + "-v" + FIXTURE_VERSION);
            if (Files.isDirectory(partial)) {
                try (java.util.stream.Stream<Path> files = Files.walk(partial)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            Files.createDirectories(partial);
            producer.produce(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot produce recordings " + name + ": " + e.getMessage(), e);
        }
    }

    /** The child output log beside a recording this class made. */
    public static Path log(Path recording) {
        return sibling(recording, ".log");
    }

    /** {@link BurstWorkload} (1.5 s quiet, 1 s burst, 1.5 s quiet) recorded by JFR on JDK 17. */
    public static Path burst() {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        return jfrRecording("burst-jdk17", home, new ChildJvm(home, BurstWorkload.class));
    }

    /**
     * {@link HalvedWorkload} with this factor (1.0 or 0.5) recorded by JFR on JDK 17, with allocation events
     * ObjectAllocationInNewTLAB and ObjectAllocationOutsideTLAB only: jdk.ObjectAllocationSample is off here
     * because its throttled weights are too noisy for a ratio (measured 1.72 for a true 1.0, while the TLAB
     * events gave 0.93). The TLAB is fixed at {@value #HALVED_TLAB_SIZE} ({@code -XX:-ResizeTLAB}): with
     * small, equal TLABs every TLAB event weighs the same and there are ~30k of them, so the measured
     * ratios come out at 1.003 and 0.503 instead of 0.90 and 0.43 with adaptive TLABs. JFR rather than
     * async-profiler, so diff tests run on every platform.
     */
    public static Path halved(double factor) {
        return halved(factor, "");
    }

    /**
     * {@link #halved(double)} recorded again, by a second JVM: the same work with different sampling, for
     * A/A comparisons ({@code run} names the run, e.g. {@code "again"}).
     */
    public static Path halved(double factor, String run) {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        String name = "halved-" + String.format(Locale.ROOT, "%.2f", factor).replace('.', '_')
                + (run.isEmpty() ? "" : "-" + run) + "-jdk17";
        return jfrRecording(name, home,
                new ChildJvm(home, HalvedWorkload.class).argument(Double.toString(factor))
                        .jvmOption("-XX:TLABSize=" + HALVED_TLAB_SIZE).jvmOption("-XX:-ResizeTLAB"),
                Map.of("jdk.ObjectAllocationSample", Map.of("enabled", "false")));
    }

    /**
     * {@link Workload} recorded by JFR on JDK 17, made to start a new chunk {@value #MULTI_CHUNK_ROTATIONS}
     * times during the run (see {@link Workload#ROTATIONS_PROPERTY}), so the file holds several chunks, each
     * with its own metadata and constant pools. (A small {@code maxchunksize} proved unreliable: rotation by
     * size is checked on a timer, and a 3 s run sometimes stayed in one chunk.)
     */
    public static Path multiChunk() {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        return jfrRecording("workload-multichunk-jdk17", home, new ChildJvm(home, Workload.class)
                .jvmOption("-D" + Workload.ROTATIONS_PROPERTY + "=" + MULTI_CHUNK_ROTATIONS));
    }

    /** The stack depth JFR records {@link #deepRecursion()} with, below the workload's recursion. */
    public static final int DEEP_RECURSION_STACK_DEPTH = 16;

    /**
     * {@link DeepRecursionWorkload} recorded by JFR on JDK 17 with a stack depth of
     * {@value #DEEP_RECURSION_STACK_DEPTH}, so the samples in its recursion have stacks JFR marks truncated.
     */
    public static Path deepRecursion() {
        Path home = assumed(Jdks.home(17), "no JDK 17 found");
        return jfrRecording("deep-recursion-jdk17", home, new ChildJvm(home, DeepRecursionWorkload.class)
                .jvmOption("-XX:FlightRecorderOptions:stackdepth=" + DEEP_RECURSION_STACK_DEPTH));
    }

    /** {@link #jdk17()} followed by {@link #burst()} in one file: a valid two-recording, multi-chunk file. */
    public static Path concatenated() {
        Path first = jdk17();
        Path second = burst();
        return cached("concatenated-jdk17-burst", out -> {
            try (OutputStream os = Files.newOutputStream(out)) {
                Files.copy(first, os);
                Files.copy(second, os);
            }
        });
    }

    /** {@link #jdk17()} compressed with gzip (the file name ends in {@code .jfr.gz}). */
    public static Path gzipped() {
        Path source = jdk17();
        return cached("workload-jdk17.jfr.gz", out -> {
            try (InputStream in = Files.newInputStream(source);
                 OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
                in.transferTo(os);
            }
        });
    }

    private static Path jfrRecording(String name, Path home, ChildJvm jvm) {
        return jfrRecording(name, home, jvm, Map.of());
    }

    private static Path jfrRecording(String name, Path home, ChildJvm jvm,
                                     Map<String, Map<String, String>> extraSettings) {
        return cached(name, out -> {
            Path settings = JfrSettings.write(home, sibling(out, ".jfc"), extraSettings);
            jvm.jvmOption("-XX:StartFlightRecording:filename=" + out + ",settings=" + settings
                            + ",dumponexit=true")
                    .timeoutSeconds(TIMEOUT_SECONDS)
                    .run(sibling(out, ".log"));
        });
    }

    @FunctionalInterface
    private interface Producer {
        void produce(Path out) throws IOException;
    }

    /**
     * Returns {@code <directory>/<name>-v<version>.jfr} (or {@code name} as given if it has an extension),
     * producing it first unless it exists and is non-empty. Producers write to a temporary name that is
     * moved in place when complete; a file lock keeps parallel test JVMs from recording the same thing twice.
     */
    private static synchronized Path cached(String name, Producer producer) {
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            String fileName = name.contains(".") ? name.replaceFirst("\\.", "-v" + FIXTURE_VERSION + ".")
                    : name + "-v" + FIXTURE_VERSION + ".jfr";
            Path target = dir.resolve(fileName);
            pruneOtherVersions(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                lockFile.lock(); // released when the channel closes
                if (Files.isRegularFile(target) && Files.size(target) > 0) {
                    return target;
                }
                Path partial = dir.resolve("partial-" + fileName);
                Files.deleteIfExists(partial);
                producer.produce(partial);
                if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                    throw new IOException("recording " + partial + " was not written (see its .log)");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot produce recording " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean pruned;

    /** Once per JVM: deletes cached files of other fixture versions, so target/recordings does not grow. */
    private static void pruneOtherVersions(Path dir) throws IOException {
        if (pruned) {
            return;
        }
        pruned = true;
        Pattern versioned = Pattern.compile(".*-v(\\d+)\\..*");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher m = versioned.matcher(file.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) != FIXTURE_VERSION) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Path sibling(Path recording, String suffix) {
        String name = recording.getFileName().toString().replaceFirst("^partial-", "");
        return recording.resolveSibling(name.replaceFirst("\\.jfr(\\.gz)?$", "") + suffix);
    }

    /** The value, or a failed test: CI must not pass by skipping what it could not run. */
    private static <T> T assumed(Optional<T> value, String reason) {
        Assertions.assertTrue(value.isPresent(), reason + "; the test suite needs it");
        return value.get();
    }
}
