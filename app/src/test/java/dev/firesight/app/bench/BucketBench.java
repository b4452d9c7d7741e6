package dev.firesight.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bucketed samples on a folder of recordings (issue 15): opens the folder as one recording with samples kept per
 * bucket (the default budget) and kept one by one (no budget), each in a fresh JVM at each of the given heaps
 * (largest first, so the smallest that opens it shows), and reports open time, retained and peak heap and rows;
 * When a mode opens at one heap and not at another, the smallest heap that opens it is then bisected to within
 * {@value #BISECT_PERCENT}%. Then it times, alternating in the same session, Firesight's {@code summary} of the folder,
 * the JDK's {@code jfr summary} and async-profiler's converter on each of its files. Not a test: run by hand (see the
 * README's performance section).
 *
 * <p>Arguments: FOLDER [RUNS] [JDK_HOME_FOR_JFR] [CONVERTER_JAR] [HEAPS_BUCKETED] [HEAPS_PER_SAMPLE] [SUMMARY_HEAPS]
 * (heaps in MB, comma-separated, an empty list skips the mode; defaults 1024,512,256 and 1024,2048; summary heaps
 * as -Xmx takes them, default 1g,512m). Reports to stdout as Markdown.
 */
public final class BucketBench {
    /** The smallest heap that opens the folder is bisected until the heaps that open and fail are this close. */
    static final int BISECT_PERCENT = 5;

    private BucketBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path jfr = Path.of(args.length > 2 ? args[2] : "/usr/lib/jvm/temurin-25-jdk-amd64", "bin", "jfr");
        String converter = args.length > 3 ? args[3] : System.getProperty("user.home")
                + "/.m2/repository/tools/profiler/jfr-converter/4.2/jfr-converter-4.2.jar";
        Path scratch = Files.createTempDirectory("bucket-bench");
        List<Path> files;
        try (var walk = Files.walk(folder, 3)) { // a JFR repository nests its chunk files one level down
            files = walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".jfr")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        out("# Bucketed samples: a folder of %d recordings, %,d MB%n", files.size(), bytes >> 20);
        out("Load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        out("## Open (fresh JVM each, -XX:+UseSerialGC)%n");
        out("| Samples kept | -Xmx (MB) | Opens | Open (s) | CPU (s) | Retained (MB) | Peak (MB) | Samples | Rows | Bucket |%n");
        out("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|%n");
        Map<String, String> heaps = new LinkedHashMap<>();
        heaps.put("bucketed", args.length > 4 ? args[4] : "1024,512,256");
        heaps.put("per-sample", args.length > 5 ? args[5] : "1024,2048");
        List<String> smallest = new ArrayList<>();
        for (Map.Entry<String, String> mode : heaps.entrySet()) {
            int opens = Integer.MAX_VALUE;
            int fails = 0;
            for (String heap : mode.getValue().split(",")) {
                if (heap.isBlank()) {
                    continue;
                }
                int mb = Integer.parseInt(heap.trim());
                if (row(folder, mode.getKey(), mb, scratch)) {
                    opens = Math.min(opens, mb);
                } else {
                    fails = Math.max(fails, mb);
                }
            }
            while (opens != Integer.MAX_VALUE && fails > 0 && fails < opens
                    && (opens - fails) * 100L > (long) opens * BISECT_PERCENT) {
                int mb = (opens + fails) / 2;
                if (row(folder, mode.getKey(), mb, scratch)) {
                    opens = mb;
                } else {
                    fails = mb;
                }
            }
            if (opens != Integer.MAX_VALUE && fails > 0 && fails < opens) {
                smallest.add(String.format(Locale.ROOT, "Smallest -Xmx that opens it %s: %d MB (%d MB does not).",
                        mode.getKey(), opens, fails));
            }
        }
        smallest.forEach(line -> out("%n%s%n", line));
        out("%n## Side by side, alternating, %d runs each (wall s / CPU s / peak RSS MB)%n", runs);
        Map<String, List<String>> results = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (String heap : (args.length > 6 ? args[6] : "1g,512m").split(",")) {
                ChildProcess.Run r = ChildProcess.run(List.of(ChildProcess.java(), "-Xmx" + heap, "-cp",
                        System.getProperty("java.class.path"), "dev.firesight.app.Launcher", "summary",
                        folder.toString()), scratch, 3600);
                results.computeIfAbsent("Firesight `summary FOLDER`, -Xmx" + heap, k -> new ArrayList<>())
                        .add(figures(r));
            }
            results.computeIfAbsent("JDK 25 `jfr summary`, each file", k -> new ArrayList<>())
                    .add(perFile(files, f -> List.of(jfr.toString(), "summary", f.toString()), scratch));
            results.computeIfAbsent("jfr-converter 4.2 → HTML, -Xmx4g, each file", k -> new ArrayList<>())
                    .add(perFile(files, f -> List.of(ChildProcess.java(), "-Xmx4g", "-cp", converter, "Main", "--cpu",
                            f.toString(), scratch.resolve("out.html").toString()), scratch));
        }
        out("| Tool | Runs |%n|---|---|%n");
        results.forEach((tool, r) -> out("| %s | %s |%n", tool, String.join("; ", r)));
        out("%nLoad average after: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** One open in a fresh JVM at this heap, as a table row; true when it opened. */
    private static boolean row(Path folder, String mode, int mb, Path scratch) throws Exception {
        Map<String, String> r = probe(folder, mode, mb, scratch);
        if (r == null) {
            out("| %s | %d | no (stops with the memory-budget sentence or out of memory) | | | | | | | |%n", mode, mb);
            return false;
        }
        out("| %s | %d | yes | %.1f | %s | %d | %d | %,d | %,d | %s |%n", mode, mb,
                Long.parseLong(r.get("open_ms")) / 1e3, r.get("cpu_s"), Long.parseLong(r.get("retained")) >> 20,
                Long.parseLong(r.get("peak")) >> 20, Long.parseLong(r.get("samples")),
                Long.parseLong(r.get("rows")), r.get("bucket_ns").equals("0") ? "per sample"
                        : String.format(Locale.ROOT, "%.1f ms", Long.parseLong(r.get("bucket_ns")) / 1e6));
        return true;
    }

    private interface Command {
        List<String> of(Path file);
    }

    /** One tool over every file, one JVM each: summed wall and CPU, the largest peak RSS. */
    private static String perFile(List<Path> files, Command command, Path scratch) throws Exception {
        double wall = 0;
        double cpu = 0;
        long rss = 0;
        int failed = 0;
        for (Path f : files) {
            ChildProcess.Run r = ChildProcess.run(command.of(f), scratch, 3600);
            wall += r.wallSeconds();
            cpu += r.cpuSeconds();
            rss = Math.max(rss, r.peakRssBytes());
            failed += r.ok() ? 0 : 1;
        }
        return String.format(Locale.ROOT, "%.1f / %.1f / %d%s", wall, cpu, rss >> 20,
                failed == 0 ? "" : " (" + failed + " files failed)");
    }

    private static String figures(ChildProcess.Run r) {
        return r.ok() ? String.format(Locale.ROOT, "%.1f / %.1f / %d", r.wallSeconds(), r.cpuSeconds(),
                r.peakRssBytes() >> 20) : "failed (" + firstLine(r.stderr()) + ")";
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static Map<String, String> probe(Path folder, String mode, int xmxMb, Path scratch) throws Exception {
        ChildProcess.Run run = ChildProcess.run(List.of(ChildProcess.java(), "-XX:+UseSerialGC", "-Xmx" + xmxMb + "m",
                "-cp", System.getProperty("java.class.path"), OpenProbe.class.getName(), folder.toString(), mode),
                scratch, 3600);
        System.err.printf(Locale.ROOT, "  %s -Xmx%dm: %s%n", mode, xmxMb, run.ok() ? "ok" : "failed");
        if (!run.ok()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cpu_s", String.format(Locale.ROOT, "%.1f", run.cpuSeconds())); // the whole child JVM: JIT and GC too
        for (String word : run.stdout().trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                out.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return out;
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
    }
}
