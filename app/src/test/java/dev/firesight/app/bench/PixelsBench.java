package dev.firesight.app.bench;

import dev.firesight.app.tasks.AppEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The "file to pixels" part of the benchmark ({@code -Dbench.mode=pixels}): starts the real app in a
 * fresh JVM per run, on an X display, with {@code -Dfiresight.events}, and reads the app's own events
 * to learn when its window was first laid out and when its flame graph control drew the first and the
 * final flame graph. Each figure is measured from the moment the benchmark starts the process, so a
 * run's time includes the JVM's own start, as a double-click does.
 *
 * <p>Needs an X display: the one in {@code DISPLAY}, or else an {@code Xvfb} of 1600×1000 that the
 * benchmark starts itself (and stops at the end). Beside each recording it times async-profiler's
 * converter making its HTML flame graph of the same file, then a headless Chromium drawing that page to a
 * screenshot, when both are installed; the converter's heap is the smallest of 1, 2 and 4 GB at which it
 * succeeded in the warm-up run.
 */
public final class PixelsBench {
    private static final long MB = 1L << 20;
    /** How long one open may take before the run counts as failed. */
    private static final long RUN_TIMEOUT_MS = 600_000;

    private final Path firesightJar;
    private final Path converterJar;
    private final Path dir;
    private final int runs;
    private final Bench.Report report;

    PixelsBench(Path firesightJar, Path converterJar, Path dir, int runs, Bench.Report report) {
        this.firesightJar = firesightJar;
        this.converterJar = converterJar;
        this.dir = dir;
        this.runs = runs;
        this.report = report;
    }

    /**
     * What the app said about one run, in milliseconds from the process start; -1 where it said nothing.
     * {@code viewComplete} is when the view shown was read exact on its own, before the other views (a large JDK
     * recording's CPU samples), and {@code openComplete} when every view was.
     */
    public record Milestones(long window, long openStarted, long firstPaint, long viewComplete, long openComplete,
                             long finalPaint, int firstPaintFrames, boolean firstWasPartial) {
    }

    /**
     * Reads an event log ({@link AppEvents}' format). The final flame graph is the first the main flame
     * graph control drew after a query that followed the end of the shown view's read (the open's end, or the
     * end of its first read when that view was read on its own first); every earlier one is partial.
     * Times are relative to {@code launchEpochMs}.
     */
    public static Milestones milestones(List<String> events, long launchEpochMs) {
        long window = -1;
        long openStarted = -1;
        long firstPaint = -1;
        long openComplete = -1;
        long viewComplete = -1;
        long finalPaint = -1;
        int firstFrames = 0;
        boolean queriedAfterOpen = false;
        for (String line : events) {
            String[] f = line.split(" ", 3);
            if (f.length < 3) {
                continue;
            }
            long t = Long.parseLong(f[0]) - launchEpochMs;
            String what = f[2];
            if (what.equals("window shown") && window < 0) {
                window = t;
            } else if (what.startsWith("open started ") && openStarted < 0) {
                openStarted = t;
            } else if (what.startsWith("open complete ") && openComplete < 0) {
                openComplete = t;
            } else if (what.startsWith("open view complete ") && viewComplete < 0) {
                viewComplete = t;
            } else if (what.startsWith("query done ") && (openComplete >= 0 || viewComplete >= 0)) {
                queriedAfterOpen = true;
            } else if (what.startsWith("flame painted flame-graph ")) {
                if (firstPaint < 0) {
                    firstPaint = t;
                    firstFrames = Integer.parseInt(what.substring(what.indexOf("frames=") + 7));
                }
                if (queriedAfterOpen && finalPaint < 0) {
                    finalPaint = t;
                }
            }
        }
        return new Milestones(window, openStarted, firstPaint, viewComplete, openComplete, finalPaint, firstFrames,
                firstPaint >= 0 && firstPaint != finalPaint);
    }

    // ---- file to pixels ----

    void run(List<Path> files, List<Path> launchers) throws Exception {
        Files.createDirectories(dir);
        try (Display display = Display.start(dir)) {
            Bench.log("File to pixels on display %s", display.name);
            report.line("## File to pixels: from launch to a painted flame graph");
            report.line("");
            report.line("The real app (`" + (LAUNCHER.isBlank() ? "java -jar firesight.jar" : LAUNCHER)
                    + " FILE`, default heap), a fresh JVM per run, on an X display"
                    + " of 1600×1000 (" + display.kind + "); times from the benchmark starting the process, read"
                    + " from the app's own events (`-Dfiresight.events`): *window* is the first pulse that laid out"
                    + " the shown window, *first/final paint* the flame graph control's layout pass that drew the"
                    + " first and the complete flame graph of the view shown (a large recording whose shown view is a"
                    + " small part of its samples reads that view on its own first: its exact flame graph), *all"
                    + " views read* the end of the whole read. Median of " + runs + " runs, the app and the"
                    + " converter path alternating; the converter's first run, which finds its heap, reads the file"
                    + " into the page cache before them (-Dbench.pixels.warmup=true adds a warm-up run of the app). *CPU* is the app process's user + system"
                    + " time up to the final paint and the whole read. The converter path is async-profiler's jfr-converter writing"
                    + " its HTML flame graph, then a headless Chromium loading that page and drawing it to a"
                    + " 1600×1000 screenshot.");
            report.line("");
            report.line("| File | Size (MB) | Window (s) | First paint (s) | Open to first paint (s) | Final paint (s)"
                    + " | Open to final paint (s) | Open to all views read (s) | App CPU (s) | Converter → HTML (s)"
                    + " | Browser draws it (s) | Converter + browser (s) | Converter heap |");
            report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Path file : files) {
                filePixels(file, display);
            }
            report.line("");
            launchToWindow(launchers, display);
        }
    }

    private void filePixels(Path file, Display display) throws Exception {
        Bench.log("File to pixels: %s", file.getFileName());
        Path html = dir.resolve("pixels-" + file.getFileName() + ".html");
        String heap = null;
        for (String h : List.of("1g", "2g", "4g")) {
            ChildProcess.Run r = converter(file, html, h);
            Bench.log("  converter warm-up at -Xmx%s: %s", h, r.ok() ? "ok" : "failed");
            if (r.ok()) {
                heap = h;
                break;
            }
        }
        String browser = Chromium.find();
        if (heap != null && browser != null) {
            Chromium.draw(browser, html, dir);
        }
        if (Boolean.getBoolean("bench.pixels.warmup")) {
            appRun(file, display); // the converter's first run above has already read the file into the page cache
        }
        List<double[]> app = new ArrayList<>();
        List<Double> conv = new ArrayList<>();
        List<Double> draw = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] a = appRun(file, display);
            if (a != null) {
                app.add(a);
            }
            if (heap != null) {
                ChildProcess.Run r = converter(file, html, heap);
                Bench.log("  run %d: converter %.2f s%s", i, r.wallSeconds(), r.ok() ? "" : " (failed)");
                if (r.ok()) {
                    conv.add(r.wallSeconds());
                    if (browser != null) {
                        double d = Chromium.draw(browser, html, dir);
                        Bench.log("  run %d: browser %.2f s", i, d);
                        if (d >= 0) {
                            draw.add(d);
                        }
                    }
                }
            }
        }
        double convMedian = median(conv.stream().mapToDouble(Double::doubleValue).toArray());
        double drawMedian = median(draw.stream().mapToDouble(Double::doubleValue).toArray());
        report.line(String.format(Locale.ROOT, "| `%s` | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                file.getFileName(), Files.size(file) / MB, column(app, 0), column(app, 1), column(app, 5),
                column(app, 2), column(app, 3), column(app, 6), column(app, 4), heap == null ? "out of memory at 4 GB" : seconds(convMedian),
                browser == null ? "no browser" : seconds(drawMedian),
                heap == null || browser == null ? "" : seconds(convMedian + drawMedian),
                heap == null ? "" : "-Xmx" + heap));
    }

    private ChildProcess.Run converter(Path file, Path html, String heap) throws Exception {
        Files.deleteIfExists(html);
        return ChildProcess.run(List.of(ChildProcess.java(), "-Xmx" + heap, "-jar", converterJar.toString(),
                file.toString(), html.toString()), dir.resolve("scratch-pixels"), 1800);
    }

    /**
     * The launcher the files are opened with: {@code -Dbench.pixels.launcher=PATH} (the app image's
     * {@code bin/firesight}, what its menu entry and a double-click start), or else {@code java -jar} on this JVM.
     */
    private static final String LAUNCHER = System.getProperty("bench.pixels.launcher", "");

    /**
     * One open: window, first paint, final paint, open to final paint (s), CPU (s) and open to first paint (s);
     * null when it failed.
     */
    private double[] appRun(Path file, Display display) throws Exception {
        Started s = LAUNCHER.isBlank()
                ? startApp(List.of(ChildProcess.java(), "-D" + AppEvents.PROPERTY + "=" + events(),
                        "-jar", firesightJar.toString(), file.toString()), display, false)
                : startApp(List.of(LAUNCHER, file.toString()), display, true);
        try {
            Milestones m = waitFor(s, ev -> {
                Milestones seen = milestones(ev, s.epochMs);
                return seen.finalPaint() >= 0 && seen.openComplete() >= 0;
            });
            if (m == null || m.finalPaint() < 0) {
                Bench.log("  app run failed: %s", m);
                return null;
            }
            double cpu = s.cpuSeconds();
            Bench.log("  app: window %d ms, open %d, first paint %d (%s, %d frames), open complete %d, final paint"
                            + " %d ms, CPU %.2f s", m.window(), m.openStarted(), m.firstPaint(),
                    m.firstWasPartial() ? "partial" : "final", m.firstPaintFrames(), m.openComplete(), m.finalPaint(), cpu);
            return new double[] {m.window() / 1000.0, m.firstPaint() / 1000.0, m.finalPaint() / 1000.0,
                (m.finalPaint() - m.openStarted()) / 1000.0, cpu, (m.firstPaint() - m.openStarted()) / 1000.0,
                (m.openComplete() - m.openStarted()) / 1000.0};
        } finally {
            s.stop();
        }
    }

    // ---- launch to window ----

    /**
     * Whether an app image's launcher runs another jar than the one measured: one left from an earlier build
     * started an old app, which the launch part then waited on for its events. Jars are compared by their
     * entries' names and checksums, not their bytes: the benchmark's own build packs the same classes again
     * with new timestamps, and a byte comparison skipped an image built from the same commit. Only Firesight's
     * own entries count: the installer's build bundles async-profiler's library in the jar and the benchmark's
     * does not, and comparing every entry skipped the app image of the very commit measured.
     */
    private boolean stale(Path launcher) throws java.io.IOException {
        Path bundled = launcher.toAbsolutePath().getParent().resolveSibling("lib/app/firesight.jar");
        return Files.exists(bundled) && !entries(bundled).equals(entries(firesightJar));
    }

    /** Each of Firesight's own entries (under {@code dev/firesight/}) by name, with its CRC-32. */
    private static Map<String, Long> entries(Path jar) throws java.io.IOException {
        Map<String, Long> crcs = new java.util.HashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            zip.stream().filter(e -> e.getName().startsWith("dev/firesight/")).forEach(e -> crcs.put(e.getName(), e.getCrc()));
        }
        return crcs;
    }

    private void launchToWindow(List<Path> launchers, Display display) throws Exception {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        String property = "-D" + AppEvents.PROPERTY + "=" + events();
        commands.put("`java -jar firesight.jar`", List.of(ChildProcess.java(), property, "-jar", firesightJar.toString()));
        for (Path l : launchers) {
            if (Files.isExecutable(l) && stale(l)) {
                Bench.log("  skipping %s: its jar is not the one this build made (run -Pinstaller again)", l);
            } else if (Files.isExecutable(l)) {
                commands.put("`" + Path.of("").toAbsolutePath().relativize(l.toAbsolutePath()) + "`",
                        List.of(l.toString()));
            }
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        commands.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int round = -1; round < runs; round++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                // Launchers other than the plain java command pass the property in JAVA_TOOL_OPTIONS.
                Started s = startApp(c.getValue(), display, !c.getValue().get(0).equals(ChildProcess.java()));
                try {
                    Milestones m = waitFor(s, ev -> milestones(ev, s.epochMs).window() >= 0);
                    double cpu = s.cpuSeconds();
                    Bench.log("  %s %s: window %s ms, CPU %.2f s", round < 0 ? "warm-up" : "run " + round, c.getKey(),
                            m == null ? "none" : m.window(), cpu);
                    if (round >= 0 && m != null && m.window() >= 0) {
                        results.get(c.getKey()).add(new double[] {m.window() / 1000.0, cpu});
                    }
                } finally {
                    s.stop();
                }
            }
        }
        report.line("## Launch to window");
        report.line("");
        report.line("No file; from starting the process to the first pulse that laid out the shown window, median of "
                + runs + " runs after a warm-up run each, launchers alternating. CPU is the process's user + system"
                + " time until then (JIT and GC threads included).");
        report.line("");
        report.line("| Launcher | Window (s) | CPU (s) |");
        report.line("|---|---:|---:|");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            report.line("| " + e.getKey() + " | " + column(e.getValue(), 0) + " | " + column(e.getValue(), 1) + " |");
        }
        report.line("");
    }

    // ---- processes ----

    private Path events() {
        return dir.resolve("scratch-pixels").resolve("events.txt").toAbsolutePath();
    }

    private record Started(Process process, long epochMs, Path events) {
        /** User + system CPU of the process so far, from /proc (0 where there is none). */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime; USER_HZ is 100
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /**
         * Ends the app as a desktop would, with SIGTERM. A launcher script's JVM goes first and is given time
         * to exit (its first run writes a class data sharing archive then), so the script can finish too.
         */
        void stop() throws InterruptedException {
            for (ProcessHandle child : process.descendants().toList()) {
                child.destroy();
                try {
                    child.onExit().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    child.destroyForcibly();
                }
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
    }

    private Started startApp(List<String> command, Display display, boolean toolOptions) throws IOException {
        Path ev = events();
        Files.createDirectories(ev.getParent());
        Files.deleteIfExists(ev);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("scratch-pixels").resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("scratch-pixels").resolve("stderr.txt").toFile());
        pb.environment().put("DISPLAY", display.name);
        // A settings directory of the benchmark's own, which only its runs write to: a window layout the user
        // saved (a timeline dragged down to fill the tab) would change what is drawn and how long it takes.
        Path config = dir.resolve("scratch-pixels").resolve("config");
        Files.createDirectories(config);
        pb.environment().put("XDG_CONFIG_HOME", config.toString());
        if (toolOptions) {
            pb.environment().put("JAVA_TOOL_OPTIONS", "-D" + AppEvents.PROPERTY + "=" + ev);
        }
        long epoch = System.currentTimeMillis();
        return new Started(pb.start(), epoch, ev);
    }

    private static Milestones waitFor(Started s, java.util.function.Predicate<List<String>> done) throws Exception {
        long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline && s.process.isAlive()) {
            List<String> ev = Files.exists(s.events) ? Files.readAllLines(s.events) : List.of();
            if (done.test(ev)) {
                return milestones(ev, s.epochMs);
            }
            Thread.sleep(20);
        }
        return Files.exists(s.events) ? milestones(Files.readAllLines(s.events), s.epochMs) : null;
    }

    /** The X display the app opens its window on. */
    private static final class Display implements AutoCloseable {
        final String name;
        final String kind;
        private final Process xvfb;

        private Display(String name, String kind, Process xvfb) {
            this.name = name;
            this.kind = kind;
            this.xvfb = xvfb;
        }

        static Display start(Path dir) throws Exception {
            String current = System.getenv("DISPLAY");
            if (current != null && !current.isBlank()) {
                return new Display(current, "DISPLAY " + current, null);
            }
            for (int n = 90; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
                for (int i = 0; i < 50 && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) {
                    Thread.sleep(100);
                }
                if (p.isAlive()) {
                    return new Display(":" + n, "Xvfb, started by the benchmark", p);
                }
            }
            throw new IOException("no DISPLAY is set and Xvfb could not be started: install xvfb or run under one");
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A headless Chromium drawing the converter's page, the browser half of the converter path. */
    private static final class Chromium {
        static String find() {
            for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
                if (Files.isExecutable(Path.of(c))) {
                    return c;
                }
            }
            return null;
        }

        /** Seconds from starting the browser until it has written the page's screenshot; -1 when it failed. */
        static double draw(String browser, Path html, Path dir) throws Exception {
            Path shot = dir.resolve("scratch-pixels").resolve("browser.png");
            Files.deleteIfExists(shot);
            ChildProcess.Run r = ChildProcess.run(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--window-size=1600,1000", "--screenshot=" + shot,
                    html.toUri().toString()), dir.resolve("scratch-browser"), 600);
            return r.ok() && Files.exists(shot) ? r.wallSeconds() : -1;
        }
    }

    // ---- figures ----

    private static String column(List<double[]> rows, int i) {
        return rows.isEmpty() ? "failed" : seconds(median(rows.stream().mapToDouble(r -> r[i]).toArray()));
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.2f", s);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
