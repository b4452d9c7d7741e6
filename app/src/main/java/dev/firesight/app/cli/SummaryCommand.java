package dev.firesight.app.cli;

import dev.firesight.app.format.Units;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Warning;
import dev.firesight.parser.query.Transforms;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.findings.Findings;
import dev.firesight.parser.findings.Thresholds;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.query.StackWeights;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * {@code summary FILE}: recording facts, samples per view, top methods, allocation rate, GC pauses and the
 * memory budget.
 */
final class SummaryCommand implements Command {
    private static final int TOP = 10;
    /** How many spike windows and GC pauses the summary lists. */
    private static final int SPIKES = 5;

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String usage() {
        return "summary FILE [--views cpu,alloc,...] [--from T] [--to T] [--max-stack-depth N]\n"
                + "                                 [--transform SPEC]... [--only-my-code] (as export)\n"
                + "                                 recording facts, views, hot methods, GC pauses";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        java.util.Set<String> valued = new java.util.HashSet<>(LoadArguments.VALUED);
        valued.addAll(TransformOptions.VALUED);
        Args parsed = new Args(args, valued, TransformOptions.SWITCHES);
        LoadArguments load = new LoadArguments(parsed);
        Transforms transforms = TransformOptions.of(parsed);
        if (parsed.positional().size() != 1) {
            throw new UsageException("summary takes exactly one recording file.");
        }
        Profile profile = ProfileFiles.open(parsed.positional().get(0), err, load);
        printFacts(profile.info(), profile.sources().count() == 1, out);
        if (profile.sources().count() > 1) {
            out.printf(Locale.ROOT, "Sources    %d JVMs: %s%n", profile.sources().count(),
                    String.join(", ", profile.sources().names()));
        }
        printViews(profile, out);
        printFindings(profile, out);
        // Transforms reshape stacks, so they change the hot methods and nothing else summary prints.
        Profile transformed = transforms.apply(profile, () -> false);
        for (ViewKind view : profile.views()) {
            printHotMethods(transformed, view, out);
        }
        printAllocationRate(profile, out);
        printGcPauses(profile, out);
        printSpikes(profile, out);
        MemorySummary.print(profile, out);
        String secrets = dev.firesight.parser.Secrets.notice(profile.info());
        if (secrets != null) {
            out.println();
            out.println("Secrets    " + secrets);
        }
        if (!profile.notes().isEmpty()) {
            out.println();
            out.println("Notes");
            profile.notes().forEach(n -> out.println("  " + n));
        }
        if (!profile.warnings().isEmpty()) {
            out.println();
            out.println("Warnings");
            Warning.grouped(profile.warnings()).forEach(w -> out.println("  " + w));
        }
        return 0;
    }

    /** The recording's facts; those of one JVM (its version, pid and main class) only when it holds one JVM. */
    private static void printFacts(RecordingInfo info, boolean oneJvm, PrintStream out) {
        out.printf(Locale.ROOT, "Recording  %s (%s, %d chunk%s)%n", info.path(), Units.bytes(info.fileSize()),
                info.chunkCount(), info.chunkCount() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "Producer   %s%n", info.producer());
        if (!oneJvm) {
            // a folder of several JVMs: the "Sources" line names them, and these facts were only the first one's
        } else if (info.jvmName() != null || info.jvmVersion() != null) {
            out.printf(Locale.ROOT, "JVM        %s%s%n", firstLine(info.javaVersion() != null
                    ? "Java " + info.javaVersion() : info.jvmName()), info.pid() > 0 ? " (pid " + info.pid() + ")" : "");
        }
        if (oneJvm && info.javaArguments() != null && !info.javaArguments().isBlank()) {
            out.printf(Locale.ROOT, "Main       %s%n", info.javaArguments());
        }
        out.printf(Locale.ROOT, "Start      %s%n", Instant.ofEpochSecond(0, info.startNanos()));
        out.printf(Locale.ROOT, "Duration   %s%n", Units.nanos(info.durationNanos()));
    }

    /** What matters in the recording, one sentence each, largest first. */
    private static void printFindings(Profile profile, PrintStream out) {
        List<Finding> findings = Findings.of(profile, Thresholds.DEFAULTS);
        out.println();
        out.println(findings.isEmpty() ? "Findings   none: " + Findings.NONE_FIRED
                : "Findings");
        findings.forEach(f -> out.println("  " + f.title() + ": " + f.sentence()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void printViews(Profile profile, PrintStream out) {
        out.println();
        out.println("Views");
        if (profile.views().isEmpty()) {
            out.println("  (no samples in any view)");
        }
        for (ViewKind view : profile.views()) {
            SampleTable table = profile.samples(view);
            out.printf(Locale.ROOT, "  %-18s %,12d events   total %s%n", view.id(), table.sampleCount(),
                    Units.weight(table.totalWeight(), view.unit()));
        }
    }

    private static void printHotMethods(Profile profile, ViewKind view, PrintStream out) {
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(view), () -> false);
        List<HotMethods.Method> top = HotMethods.topBySelf(HotMethods.of(profile, weights), TOP);
        out.println();
        out.printf(Locale.ROOT, "Top %d methods by self, %s%n", TOP, view.id());
        out.printf(Locale.ROOT, "  %7s %7s  %s%n", "self", "total", "method");
        for (HotMethods.Method m : top) {
            out.printf(Locale.ROOT, "  %7s %7s  %s%n", Units.percent(m.self(), weights.total()),
                    Units.percent(m.total(), weights.total()), m.name());
        }
    }

    private static void printAllocationRate(Profile profile, PrintStream out) {
        TimeSeries rate = profile.series().get(TimeSeries.Kind.ALLOCATION_RATE);
        if (rate == null || rate.size() == 0) {
            return;
        }
        double sum = 0;
        int recorded = 0;
        int peak = 0;
        for (int i = 0; i < rate.size(); i++) {
            if (rate.value(i) > rate.value(peak)) {
                peak = i;
            }
            // A folder's gaps (no file covers them) are not a rate of 0: the mean is over recorded time.
            if (profile.sources().gapAt(rate.timeNanos(i)) == null) {
                sum += rate.value(i);
                recorded++;
            }
        }
        double mean = recorded == 0 ? 0 : sum / recorded;
        out.println();
        out.printf(Locale.ROOT, "Allocation rate  mean %s/s, peak %s/s at +%s (%s buckets)%s%n", Units.bytes(mean),
                Units.bytes(rate.value(peak)), Units.nanos(rate.timeNanos(peak) - profile.info().startNanos()),
                Units.nanos(rate.bucketNanos()), recorded < rate.size() ? ", the mean over recorded time only" : "");
    }

    private static void printGcPauses(Profile profile, PrintStream out) {
        TimeSeries pauses = profile.series().get(TimeSeries.Kind.GC_PAUSE);
        if (pauses == null || pauses.size() == 0) {
            return;
        }
        double[] values = new double[pauses.size()];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = pauses.value(i);
            sum += values[i];
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double p95 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
        out.println();
        // Per collection: a G1 concurrent cycle is one collection with its remark and cleanup pauses summed.
        out.printf(Locale.ROOT, "GC pauses  %d collections, paused %s in all, mean %s, p95 %s, max %s%n", values.length,
                Units.nanos(sum), Units.nanos(sum / values.length), Units.nanos(p95),
                Units.nanos(sorted[sorted.length - 1]));
    }

    /** The peak allocation-rate windows and the longest GC pauses, each with its top allocating methods. */
    private static void printSpikes(Profile profile, PrintStream out) {
        if (!profile.has(ViewKind.ALLOC) && !profile.series().containsKey(TimeSeries.Kind.GC_PAUSE)) {
            return;
        }
        Spikes spikes = Spikes.find(profile);
        long start = profile.info().startNanos();
        if (spikes.rate() != null) {
            out.println();
            out.printf(Locale.ROOT, "Allocation spikes  rate above %s/s (3x median %s/s, at least the mean),"
                    + " peaking at a fifth of the highest or more, %s buckets%n", Units.bytes(spikes.thresholdRate()),
                    Units.bytes(spikes.medianRate()),
                    Units.nanos(spikes.rate().bucketNanos()));
            List<Spikes.Window> windows = spikes.windowsByPeak();
            if (windows.isEmpty()) {
                out.println("  (none: the rate stays near its median)");
            }
            for (Spikes.Window w : windows.subList(0, Math.min(SPIKES, windows.size()))) {
                out.printf(Locale.ROOT, "  +%s .. +%s  peak %s/s at +%s, %s allocated%n",
                        seconds(w.startNanos() - start), seconds(w.endNanos() - start), Units.bytes(w.peakRate()),
                        seconds(w.peakNanos() - start), Units.bytes(w.bytes()));
                printSites(w.topMethods(), out);
            }
        }
        List<Spikes.Pause> pauses = spikes.longestPauses(SPIKES);
        if (!pauses.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "Longest GC pauses  with the top allocating methods in the %s before each"
                    + " (less for one within that of the start)%n",
                    Units.nanos(spikes.options().lookbackNanos()));
            boolean several = profile.jvms().size() > 1; // each pause and its methods are one JVM's
            for (Spikes.Pause p : pauses) {
                out.printf(Locale.ROOT, "  %s at +%s%s%n", Units.nanos(p.durationNanos()), seconds(p.timeNanos() - start),
                        several ? " in " + profile.sources().shortName(p.source()) : "");
                printSites(p.topMethodsBefore(), out);
            }
        }
    }

    private static void printSites(List<AllocationSites.Site> sites, PrintStream out) {
        for (AllocationSites.Site site : sites) {
            out.printf(Locale.ROOT, "      %9s  %s%n", Units.bytes(site.weight()), site.name());
        }
    }

    static String viewList(Profile profile) {
        StringJoiner joiner = new StringJoiner(", ");
        profile.views().forEach(v -> joiner.add(v.id()));
        return profile.views().isEmpty() ? "no samples" : joiner.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
