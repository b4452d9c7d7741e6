package dev.firesight.app.bench;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Query;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Child process of the huge-file benchmark: opens one recording (or folder; with a second argument
 * {@code per-sample}, keeping every sample on its own, or {@code budget=BYTES}) and prints, as {@code key=value} words
 * on one line, the time to open it, the heap the open profile retains, the peak heap during the open,
 * and the recording's sample and event counts. Run it with {@code -XX:+UseSerialGC} so the pools'
 * peaks are those of one simple collector.
 */
public final class OpenProbe {
    private OpenProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        // "per-sample" keeps every sample on its own (no sample budget), as before bucketing existed
        boolean perSample = args.length > 1 && args[1].equals("per-sample");
        // "budget=BYTES" sets the sample budget, to force buckets on a heap where the default would not
        long budget = args.length > 1 && args[1].startsWith("budget=") ? Long.parseLong(args[1].substring(7)) : 0;
        long before = usedAfterGc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Profile profile = Recordings.open(file, LoadOptions.defaults()
                .withSampleBudget(perSample ? Long.MAX_VALUE : budget));
        long openNanos = System.nanoTime() - start;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long retained = usedAfterGc() - before;
        long samples = 0;
        long rows = 0;
        StringBuilder views = new StringBuilder();
        for (ViewKind v : profile.views()) {
            samples += profile.samples(v).sampleCount();
            rows += profile.samples(v).size();
            views.append(views.length() == 0 ? "" : ",").append(v.id()).append(':')
                    .append(profile.samples(v).sampleCount());
        }
        long events = 0;
        for (Map.Entry<String, Long> e : profile.info().eventCounts().entrySet()) {
            events += e.getValue();
        }
        System.out.printf(Locale.ROOT, "open_ms=%d retained=%d peak=%d samples=%d events=%d stacks=%d frames=%d"
                        + " chunks=%d views=%s rows=%d bucket_ns=%d%n", openNanos / 1_000_000, retained, peak - before,
                samples, events, profile.stacks().size(), profile.frames().size(), profile.info().chunkCount(), views,
                rows, profile.resolutionNanos());
        if (!profile.warnings().isEmpty()) {
            System.err.println("warnings: " + profile.warnings().size() + " warnings");
        }
        if (Boolean.getBoolean("probe.tree")) {
            printFirstQuery(profile, before);
        }
    }

    /**
     * With {@code -Dprobe.tree=true}: what the window's first query of the CPU view costs on top of the open
     * profile (its flame graph's call tree and hot methods), in time and retained heap.
     */
    private static void printFirstQuery(Profile profile, long before) {
        ViewKind view = profile.has(ViewKind.CPU) ? ViewKind.CPU : profile.views().iterator().next();
        long start = System.nanoTime();
        Query run = profile.query(ProfileQuery.of(view));
        CallTree tree = run.visibleCallTree(new int[0], () -> false);
        long treeNanos = System.nanoTime() - start;
        int methods = run.hotMethods(null, () -> false).size();
        long queryNanos = System.nanoTime() - start;
        long retained = usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "query_ms=%d tree_ms=%d prefix_nodes=%d tree_nodes=%d methods=%d"
                + " retained_with_query=%d%n", queryNanos / 1_000_000, treeNanos / 1_000_000,
                profile.stacks().nodeCount(), tree.size(), methods, retained);
        java.lang.ref.Reference.reachabilityFence(tree);
        // then what a user does next: reverse the flame graph, and switch to the allocation view
        start = System.nanoTime();
        CallTree reversed = profile.query(ProfileQuery.of(view).withReverse(true)).visibleCallTree(new int[0],
                () -> false);
        long reverseNanos = System.nanoTime() - start;
        long allocNanos = 0;
        int allocNodes = 0;
        if (profile.has(ViewKind.ALLOC)) {
            start = System.nanoTime();
            Query alloc = profile.query(ProfileQuery.of(ViewKind.ALLOC));
            allocNodes = alloc.visibleCallTree(new int[0], () -> false).size();
            alloc.hotMethods(null, () -> false);
            allocNanos = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "reversed_ms=%d reversed_nodes=%d alloc_ms=%d alloc_nodes=%d"
                + " retained_after=%d%n", reverseNanos / 1_000_000, reversed.size(), allocNanos / 1_000_000,
                allocNodes, usedAfterGc() - before);
        if (Boolean.getBoolean("probe.diff")) {
            // what the comparison tab computes for "Compare with rest" of the middle tenth of the time
            long from = profile.info().startNanos() + profile.info().durationNanos() * 45 / 100;
            long to = from + profile.info().durationNanos() / 10;
            DiffTreeBuilder.Capture base = new DiffTreeBuilder.Capture(profile, ProfileQuery.of(view), "all");
            DiffTreeBuilder.Capture target = new DiffTreeBuilder.Capture(profile,
                    ProfileQuery.of(view).withRange(from, to), "tenth");
            start = System.nanoTime();
            DiffTree diff = DiffTreeBuilder.build(base, target, () -> false);
            CallTree b = CallTreeBuilder.build(profile, base.query());
            CallTree t = CallTreeBuilder.build(profile, target.query());
            System.out.printf(Locale.ROOT, "diff_ms=%d diff_nodes=%d base_nodes=%d target_nodes=%d retained_with_diff=%d%n",
                    (System.nanoTime() - start) / 1_000_000, diff.size(), b.size(), t.size(), usedAfterGc() - before);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
