package dev.firesight.app.bench;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.RangeTrees;
import dev.firesight.parser.query.StackWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: how long re-aggregating a time range takes (the flame graph's call tree plus hot
 * methods, as when the timeline's selection changes). Uses the first argument, else the largest recording
 * under /work/wt-bench/parser/target/bench/, else records {@link RangeWorkload} with dense allocation
 * sampling (about 500,000 samples) into target/bench/range-workload-tlab.jfr.
 *
 * <p>Run: {@code java -cp <app test classpath> dev.firesight.app.bench.RangeBench [file.jfr]}.
 */
public final class RangeBench {
    private RangeBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean unique = args.length > 0 && args[0].equals("--unique-stacks");
        Path file = args.length > 0 && !unique ? Path.of(args[0]) : benchRecording(unique);
        long t0 = System.nanoTime();
        Profile profile = Recordings.open(file);
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%s: %,d bytes, opened in %,d ms%n", file, Files.size(file), openMs);
        for (ViewKind view : profile.views()) {
            System.out.printf(Locale.ROOT, "  %-12s %,d samples%n", view.id(), profile.samples(view).size());
        }
        ViewKind view = largestView(profile);
        long start = profile.info().startNanos();
        long duration = profile.info().durationNanos();
        System.out.printf(Locale.ROOT, "view %s, %,d samples, %,d stacks%n", view.id(), profile.samples(view).size(),
                profile.stacks().size());
        rangeTrees(profile, view);
        System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        for (double fraction : new double[] {0.1, 0.5, 1.0}) {
            long from = start + Math.round(duration * (1 - fraction) / 2);
            long to = from + Math.round(duration * fraction);
            ProfileQuery query = ProfileQuery.of(view).withRange(from, to);
            long[] times = new long[15];
            long[] parts = new long[3];
            long nodes = 0;
            for (int i = 0; i < times.length; i++) {
                long s = System.nanoTime();
                StackWeights weights = StackWeights.compute(profile, query, () -> false);
                long a = System.nanoTime();
                CallTree tree = CallTreeBuilder.build(profile, query, weights, () -> false);
                long b = System.nanoTime();
                List<HotMethods.Method> hot = HotMethods.of(profile, weights);
                long c = System.nanoTime();
                times[i] = c - s;
                if (i >= 5) {
                    parts[0] += a - s;
                    parts[1] += b - a;
                    parts[2] += c - b;
                }
                nodes = tree.size() + hot.size();
            }
            System.out.printf(Locale.ROOT, "  mean split: stack weights %.1f ms, call tree %.1f ms, hot methods %.1f ms%n",
                    parts[0] / 10e6, parts[1] / 10e6, parts[2] / 10e6);
            long[] measured = Arrays.copyOfRange(times, 5, times.length);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "range %3.0f%% of the recording, CallTreeBuilder: call tree + hot methods median %.1f ms,"
                    + " max %.1f ms (first run %.1f ms; %,d nodes+methods)%n", fraction * 100,
                    measured[measured.length / 2] / 1e6, measured[measured.length - 1] / 1e6, times[0] / 1e6, nodes);
        }
    }

    /** The same ranges through {@link RangeTrees}: the whole tree prepared once, each range from it. */
    private static void rangeTrees(Profile profile, ViewKind view) {
        long start = profile.info().startNanos();
        long duration = profile.info().durationNanos();
        long p0 = System.nanoTime();
        RangeTrees trees = RangeTrees.prepare(profile, ProfileQuery.of(view), () -> false);
        System.out.printf(Locale.ROOT, "RangeTrees.prepare (whole tree, once per view and filter): %.1f ms%n",
                (System.nanoTime() - p0) / 1e6);
        for (double fraction : new double[] {0.1, 0.5, 1.0}) {
            long from = start + Math.round(duration * (1 - fraction) / 2);
            long to = from + Math.round(duration * fraction);
            long[] times = new long[15];
            for (int i = 0; i < times.length; i++) {
                long s = System.nanoTime();
                ProfileQuery q = trees.query(from, to);
                StackWeights weights = StackWeights.compute(profile, q, () -> false);
                CallTree tree = trees.tree(q, weights, () -> false);
                List<HotMethods.Method> hot = HotMethods.of(profile, weights);
                times[i] = System.nanoTime() - s;
                if (tree.size() + hot.size() < 0) {
                    throw new AssertionError();
                }
            }
            long[] measured = Arrays.copyOfRange(times, 5, times.length);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "range %3.0f%% of the recording, RangeTrees: call tree + hot methods median"
                    + " %.1f ms, max %.1f ms%n", fraction * 100, measured[measured.length / 2] / 1e6,
                    measured[measured.length - 1] / 1e6);
        }
    }

    private static ViewKind largestView(Profile profile) {
        ViewKind best = ViewKind.CPU;
        int max = -1;
        for (ViewKind v : profile.views()) {
            SampleTable t = profile.samples(v);
            if (t.size() > max) {
                max = t.size();
                best = v;
            }
        }
        return best;
    }

    private static Path benchRecording(boolean unique) throws IOException, InterruptedException {
        Path dir = Path.of("/work/wt-bench/parser/target/bench");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                Path largest = files.filter(p -> p.toString().endsWith(".jfr"))
                        .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElse(null);
                if (largest != null && Files.size(largest) >= 100L << 20) {
                    return largest;
                }
            }
        }
        Path out = Path.of("target/bench/range-workload" + (unique ? "-unique" : "") + ".jfr").toAbsolutePath();
        if (Files.isRegularFile(out) && Files.size(out) > 0) {
            return out;
        }
        Files.createDirectories(out.getParent());
        Path settings = out.resolveSibling("range-workload.jfc");
        Files.writeString(settings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0">
                  <event name="jdk.ObjectAllocationInNewTLAB"><setting name="enabled">true</setting>
                    <setting name="stackTrace">true</setting></event>
                  <event name="jdk.ObjectAllocationOutsideTLAB"><setting name="enabled">true</setting>
                    <setting name="stackTrace">true</setting></event>
                  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting>
                    <setting name="period">10 ms</setting></event>
                  <event name="jdk.GarbageCollection"><setting name="enabled">true</setting></event>
                  <event name="jdk.GCHeapSummary"><setting name="enabled">true</setting></event>
                  <event name="jdk.CPULoad"><setting name="enabled">true</setting>
                    <setting name="period">1 s</setting></event>
                </configuration>
                """);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:filename=" + out + ",settings=" + settings + ",dumponexit=true",
                "-XX:FlightRecorderOptions:stackdepth=96", "-XX:TLABSize=2k", "-XX:-ResizeTLAB",
                "-cp", System.getProperty("java.class.path"), RangeWorkload.class.getName(), "20000",
                unique ? "unique" : "paths"));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("workload failed: " + command);
        }
        return out;
    }
}
