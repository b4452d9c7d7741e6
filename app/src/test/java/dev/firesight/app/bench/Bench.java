package dev.firesight.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance benchmark, run by {@code mvn -Pbench -DskipTests -pl app -am verify}. Not a test: it
 * makes its own recordings of a real workload (javac), then measures, each tool in its own child JVM:
 *
 * <ol>
 *   <li>parse: {@code firesight summary} against async-profiler's converter making its HTML flame graph
 *   of the same file, runs alternating (A B C A B C ...), wall time, CPU time and peak RSS;</li>
 *   <li>queries: call trees and hot methods on the CPU view, in one warmed-up JVM;</li>
 *   <li>open: time, retained heap, peak heap and the smallest {@code -Xmx} that opens each recording.</li>
 * </ol>
 *
 * <p>Arguments: {@code MODE FIRESIGHT_JAR BENCH_DIR}. MODE {@code standard} runs all three on the ~100 MB
 * recordings; {@code huge} runs only the open table, adding JDK recordings of 500 MB and 1 GB.
 * {@code pixels} runs only {@link PixelsBench}, file to pixels in the real window (10 MB, 200 MB and 500 MB
 * recordings) and launch to window, writing {@code BENCH_DIR/report-pixels.md}.
 * {@code recordings} only makes (or checks) all the recordings. {@code -Dbench.runs=N} sets the parse
 * runs per tool (default 5); {@code -Dbench.huge=500,1024} the huge recordings' sizes in MB. The report goes to stdout and
 * {@code BENCH_DIR/report.md}.
 */
public final class Bench {
    private static final long MB = 1L << 20;

    private final String mode;
    private final Path firesightJar;
    private final Path dir;
    private final int runs = Integer.getInteger("bench.runs", 5);
    private final StringBuilder report = new StringBuilder();

    private Bench(String mode, Path firesightJar, Path dir) {
        this.mode = mode;
        this.firesightJar = firesightJar;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        new Bench(args[0], Path.of(args[1]), Path.of(args[2])).run();
    }

    static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private void run() throws Exception {
        boolean huge = mode.equals("huge") || mode.equals("recordings");
        Files.createDirectories(dir);
        RecordingGenerator gen = new RecordingGenerator(dir.resolve("recordings"), classPathEntry("async-profiler-"));
        log("Making or reusing recordings in %s", dir.resolve("recordings"));
        if (mode.equals("pixels")) {
            pixels(gen);
            return;
        }
        Path ap = gen.asyncProfiler("async-profiler-javac", 100 * MB, 60);
        Path jdk100 = gen.jdkFlightRecorder("jdk-javac-100m", 100 * MB);
        List<Path> openFiles = new ArrayList<>(List.of(ap, jdk100));
        if (huge) {
            for (String size : System.getProperty("bench.huge", "500,1024").split(",")) {
                int mb = Integer.parseInt(size.trim());
                openFiles.add(gen.jdkFlightRecorder("jdk-javac-" + (mb % 1024 == 0 ? mb / 1024 + "g" : mb + "m"),
                        mb * MB));
            }
        }

        if (mode.equals("recordings")) {
            return;
        }

        header();
        if (!huge) {
            parseBenchmark(ap);
            queryBenchmark(ap);
        }
        openBenchmark(openFiles);
        Files.writeString(dir.resolve("report.md"), report);
        log("Report written to %s", dir.resolve("report.md"));
    }

    /** What the parts of the benchmark write their tables through. */
    interface Report {
        void line(String s);
    }

    // ---- 0. file to pixels, and launch to window ----

    private void pixels(RecordingGenerator gen) throws Exception {
        // The small file is javac under the profile settings alone, about 10 MB; -Dbench.small names another real
        // recording instead (an earlier README's was `firesight demo` recorded for 90 s).
        String smallFile = System.getProperty("bench.small");
        Path small = smallFile != null && !smallFile.isBlank() ? Path.of(smallFile)
                : gen.jdkFlightRecorder("jdk-javac-profile-10m", 10 * MB, false);
        Path ap = gen.asyncProfiler("async-profiler-javac", 200 * MB, 100);
        Path huge = gen.jdkFlightRecorder("jdk-javac-500m", 500 * MB);
        header();
        // The app image exists after -Pinstaller; the script launcher is built beside the jar.
        Path root = firesightJar.toAbsolutePath().getParent().getParent().getParent();
        new PixelsBench(firesightJar, classPathEntry("jfr-converter-"), dir, runs, this::line).run(
                List.of(small, ap, huge), List.of(firesightJar.resolveSibling("firesight"),
                        root.resolve("installer/target/app-image/Firesight/bin/firesight"),
                        root.resolve("installer/target/app-image/Firesight/bin/Firesight")));
        line("Load average after: " + loadAverage());
        Files.writeString(dir.resolve("report-pixels.md"), report);
        log("Report written to %s", dir.resolve("report-pixels.md"));
    }

    // ---- 1. parse: firesight summary vs the converter ----

    private void parseBenchmark(Path file) throws Exception {
        Path html = dir.resolve("converter-flamegraph.html");
        Map<String, List<String>> tools = new LinkedHashMap<>();
        tools.put("Firesight `summary`, -Xmx512m", List.of(ChildProcess.java(), "-Xmx512m", "-jar",
                firesightJar.toString(), "summary", file.toString()));
        tools.put("Firesight `summary`, -Xmx256m", List.of(ChildProcess.java(), "-Xmx256m", "-jar",
                firesightJar.toString(), "summary", file.toString()));
        // The converter needs more than 512 MB for some recordings (deep, varied stacks), so it also
        // runs with 1 GB; the ratios use its first heap size that succeeded every time.
        for (String heap : List.of("512m", "1g")) {
            tools.put("jfr-converter 4.2 → HTML flame graph, -Xmx" + heap, List.of(ChildProcess.java(),
                    "-Xmx" + heap, "-jar", classPathEntry("jfr-converter-").toString(), file.toString(),
                    html.toString()));
        }
        log("Parse benchmark on %s (%d runs each, alternating)", file.getFileName(), runs);
        warmPageCache(file);
        Map<String, List<ChildProcess.Run>> results = new LinkedHashMap<>();
        tools.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int round = -1; round < runs; round++) {
            for (Map.Entry<String, List<String>> tool : tools.entrySet()) {
                ChildProcess.Run run = ChildProcess.run(tool.getValue(), dir.resolve("scratch-parse"), 1800);
                log("  %s %s: exit %d, %.2f s wall, %.2f s CPU, %d MB RSS", round < 0 ? "warm-up" : "run " + round,
                        tool.getKey(), run.exitCode(), run.wallSeconds(), run.cpuSeconds(), run.peakRssBytes() / MB);
                if (!run.ok()) {
                    log("    stderr: %s", run.stderr().strip());
                }
                if (round >= 0) {
                    results.get(tool.getKey()).add(run);
                }
            }
        }
        line("## Parse: open + summarise vs async-profiler's converter");
        line("");
        line("File: `" + file.getFileName() + "`, " + Files.size(file) / MB + " MB. " + runs
                + " runs per tool after one warm-up run each, alternating tools; each run is a fresh JVM.");
        line("");
        String refName = null;
        for (String name : results.keySet()) {
            if (name.startsWith("jfr-converter") && results.get(name).stream().allMatch(ChildProcess.Run::ok)) {
                refName = name;
                break;
            }
        }
        line("| Tool | Wall median (s) | Wall min (s) | CPU median (s) | Peak RSS (MB) | Wall vs converter"
                + " | CPU vs converter | Failed runs |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        List<ChildProcess.Run> ref = refName == null ? List.of() : ok(results.get(refName));
        double refWall = median(ref, true);
        double refCpu = median(ref, false);
        for (Map.Entry<String, List<ChildProcess.Run>> e : results.entrySet()) {
            List<ChildProcess.Run> rs = ok(e.getValue());
            long failures = e.getValue().size() - rs.size();
            if (rs.isEmpty()) {
                line("| " + e.getKey() + " | out of memory | | | | | | " + failures + " |");
                continue;
            }
            double wall = median(rs, true);
            double cpu = median(rs, false);
            long rss = rs.stream().mapToLong(ChildProcess.Run::peakRssBytes).max().orElse(0);
            line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d | %.2f× | %.2f× | %d |", e.getKey(), wall,
                    rs.stream().mapToDouble(ChildProcess.Run::wallSeconds).min().orElse(0), cpu, rss / MB,
                    wall / refWall, cpu / refCpu, failures));
        }
        line("");
        line("Ratios are against " + (refName == null ? "nothing: the converter failed at every heap size"
                : refName) + ". Figures are over successful runs only. CPU is user + system time of the"
                + " whole process (JIT and GC threads included); peak RSS includes the memory-mapped file.");
        line("");
    }

    private static List<ChildProcess.Run> ok(List<ChildProcess.Run> runs) {
        return runs.stream().filter(ChildProcess.Run::ok).toList();
    }

    private static double median(List<ChildProcess.Run> runs, boolean wall) {
        return PixelsBench.median(runs.stream().mapToDouble(r -> wall ? r.wallSeconds() : r.cpuSeconds()).toArray());
    }

    // ---- 2. queries on the CPU view ----

    private void queryBenchmark(Path file) throws Exception {
        log("Query benchmark on %s", file.getFileName());
        ChildProcess.Run run = ChildProcess.run(List.of(ChildProcess.java(), "-Xmx3g", "-cp",
                System.getProperty("java.class.path"), QueryProbe.class.getName(), file.toString()),
                dir.resolve("scratch-query"), 1800);
        if (!run.ok()) {
            throw new IOException("query probe failed: " + run.stderr());
        }
        line("## Queries on the CPU view");
        line("");
        line("File: `" + file.getFileName() + "`, one JVM with -Xmx3g, 3 warm-up runs then 10 timed runs per query.");
        for (String l : run.stdout().split("\n")) {
            if (l.startsWith("info ")) {
                line("CPU view: " + l.substring(5).replace(' ', ',').replace(",", ", ") + ".");
            }
        }
        line("");
        line("| Query | Median (ms) | Min (ms) | Result size |");
        line("|---|---:|---:|---:|");
        for (String l : run.stdout().split("\n")) {
            if (l.startsWith("query ")) {
                String[] f = l.split(" ", 5);
                line("| " + f[4] + " | " + f[1] + " | " + f[2] + " | " + String.format(Locale.ROOT, "%,d",
                        Long.parseLong(f[3])) + " |");
            }
        }
        line("");
    }

    // ---- 3. open: time and memory by file size ----

    private void openBenchmark(List<Path> files) throws Exception {
        line("## Open: time and heap by file size");
        line("");
        line("Each open in a fresh JVM with -XX:+UseSerialGC. *Retained* is the heap the open profile holds;"
                + " *peak* is the sum of the heap pools' peaks during the open (an upper bound); *smallest -Xmx*"
                + " is found by bisection (a run succeeds when the recording opens).");
        line("");
        line("| File | Size (MB) | Events | Samples | Stacks | Open (s), -Xmx4g | Retained (MB) | Peak (MB)"
                + " | Smallest -Xmx (MB) | Open (s) at 2× smallest |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Path file : files) {
            warmPageCache(file);
            log("Open benchmark on %s", file.getFileName());
            Map<String, String> big = openProbe(file, 4096, 3600);
            if (big == null) {
                line("| " + file.getFileName() + " | failed at -Xmx4g | | | | | | | | |");
                continue;
            }
            long openMs = Long.parseLong(big.get("open_ms"));
            long retained = Long.parseLong(big.get("retained"));
            long peak = Long.parseLong(big.get("peak"));
            int lo = (int) Math.max(8, retained / MB);
            int hi = (int) Math.max(lo + 16, peak / MB + 16);
            long timeout = 20 + openMs / 100;
            while (openProbe(file, hi, timeout) == null) {
                lo = hi;
                hi *= 2;
            }
            while (hi - lo > Math.max(8, hi / 20)) {
                int mid = (lo + hi) / 2;
                if (openProbe(file, mid, timeout) != null) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Map<String, String> tight = openProbe(file, 2 * hi, timeout);
            line(String.format(Locale.ROOT, "| `%s` | %d | %,d | %,d | %,d | %.2f | %d | %d | %d | %s |",
                    file.getFileName(), Files.size(file) / MB, Long.parseLong(big.get("events")),
                    Long.parseLong(big.get("samples")), Long.parseLong(big.get("stacks")), openMs / 1000.0,
                    retained / MB, peak / MB, hi,
                    tight == null ? "failed" : String.format(Locale.ROOT, "%.2f",
                            Long.parseLong(tight.get("open_ms")) / 1000.0)));
            log("  %s", big);
        }
        line("");
    }

    /** The probe's figures, or null when it could not open the file with this heap. */
    private Map<String, String> openProbe(Path file, int xmxMb, long timeoutSeconds) throws Exception {
        ChildProcess.Run run = ChildProcess.run(List.of(ChildProcess.java(), "-XX:+UseSerialGC", "-Xmx" + xmxMb + "m",
                "-cp", System.getProperty("java.class.path"), OpenProbe.class.getName(), file.toString()),
                dir.resolve("scratch-open"), timeoutSeconds);
        log("  -Xmx%dm: %s", xmxMb, run.ok() ? "ok" : "failed");
        if (!run.ok()) {
            return null;
        }
        // Only the probe's own line: a SIGQUIT from a tool scanning local JVMs prints a thread dump too.
        String figures = run.stdout().lines().filter(l -> l.startsWith("open_ms=")).findFirst().orElse(null);
        if (figures == null) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String word : figures.split(" ")) {
            int eq = word.indexOf('=');
            m.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return m;
    }

    // ---- helpers ----

    private void header() {
        line("# Firesight benchmark, " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor")
                + "), load average before: " + loadAverage());
        line("");
    }

    private void line(String s) {
        report.append(s).append('\n');
        System.out.println(s);
    }

    private static void warmPageCache(Path file) throws IOException {
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buf) >= 0) {
                // reading is the point
            }
        }
    }

    private static Path classPathEntry(String prefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException(prefix + "*.jar is not on the class path"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
