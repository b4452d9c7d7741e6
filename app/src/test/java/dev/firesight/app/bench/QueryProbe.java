package dev.firesight.app.bench;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Query;
import dev.firesight.parser.query.SearchPattern;
import dev.firesight.parser.query.StackWeights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Child process of the query benchmark: opens a recording once, then times the queries the window runs
 * on its CPU view: the call tree of the whole recording, of a 10% time selection (re-aggregation when
 * the user drags over the timeline), split per thread, and the hot-methods table. Each query runs a few
 * times to warm up, then {@code RUNS} times; one line per query: name, median and min milliseconds,
 * and the size of the result.
 *
 * <p>Then what the window runs when the user acts (weights, the flame graph's tree and the hot methods, as
 * {@code RecordingQueryViewModel} does): switching view to allocations and back, a 10% range, the reversed
 * (bottom-up) tree as the window builds it, only where it can be drawn, against the complete one, and a search.
 * The machine's load average is printed before and after.
 */
public final class QueryProbe {
    private static final int WARMUP = 3;
    private static final int RUNS = 10;

    private QueryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Profile profile = Recordings.open(Path.of(args[0]));
        ViewKind view = ViewKind.CPU;
        SampleTable table = profile.samples(view);
        long first = table.timeNanos(0);
        long last = table.timeNanos(table.size() - 1);
        long span = last - first;
        long from = first + span * 45 / 100;
        ProfileQuery all = ProfileQuery.of(view);
        ProfileQuery tenth = all.withRange(from, from + span / 10);
        System.out.printf(Locale.ROOT, "info samples=%d stacks=%d frames=%d names=%d threads=%d%n", table.size(),
                profile.stacks().size(), profile.frames().size(), profile.frames().nameCount(), profile.threadCount());
        System.out.printf(Locale.ROOT, "info load_before=%s%n", load());
        time("Call tree, whole recording", () -> CallTreeBuilder.build(profile, all).size());
        time("Call tree, 10% time range", () -> CallTreeBuilder.build(profile, tenth).size());
        time("Call tree, per thread", () -> CallTreeBuilder.build(profile, all.withPerThread(true)).size());
        ProfileQuery reversed = all.withReverse(true);
        StackWeights reversedWeights = StackWeights.compute(profile, reversed, () -> false);
        // The complete reversed tree, as before: the first one builds the profile's shared bottom-up tree of all
        // stacks (once per profile, so timed once), later ones project onto it.
        long start = System.nanoTime();
        long completeSize = CallTreeBuilder.build(profile, reversed, reversedWeights, () -> false).size();
        System.out.printf(Locale.ROOT, "query %.1f %.1f %d %s%n", (System.nanoTime() - start) / 1e6,
                (System.nanoTime() - start) / 1e6, completeSize,
                "Reversed tree, complete (before): first, building the shared bottom-up tree (1 run)");
        time("Reversed tree, complete: later, projected on the shared tree (kept for exports)",
                () -> CallTreeBuilder.build(profile, reversed, reversedWeights, () -> false).size());
        time("Reversed tree on demand: first level only",
                () -> CallTreeBuilder.buildReversedLevels(profile, reversed, reversedWeights, 1, () -> false).size());
        time("Reversed tree on demand: every level a flame graph can draw (after)",
                () -> CallTreeBuilder.buildVisible(profile, reversed, reversedWeights, new int[0], () -> false).size());
        CallTree visible = CallTreeBuilder.buildVisible(profile, reversed, reversedWeights, new int[0], () -> false);
        int[] deep = heaviestLeafPath(visible);
        time("Reversed tree on demand: zoomed " + deep.length + " levels deep on the heaviest path",
                () -> CallTreeBuilder.buildVisible(profile, reversed, reversedWeights, deep, () -> false).size());
        Runnable cpuShown = () -> shown(profile, all);
        time("Window: reverse on (weights, on-demand tree, hot methods)", cpuShown, () -> shown(profile, reversed));
        if (profile.has(ViewKind.ALLOC)) {
            ProfileQuery alloc = ProfileQuery.of(ViewKind.ALLOC);
            time("Window: view switch cpu to alloc", cpuShown, () -> shown(profile, alloc));
            time("Window: view switch alloc to cpu", () -> shown(profile, alloc), () -> shown(profile, all));
        }
        time("Window: 10% range re-aggregation", cpuShown, () -> shown(profile, tenth));
        CallTree cpuTree = CallTreeBuilder.build(profile, all);
        SearchPattern pattern = SearchPattern.of("HashMap", true, false);
        time("Window: search \"HashMap\", CPU tree", () -> FrameSearch.run(cpuTree, pattern).matchCount());
        time("Window: search \"HashMap\", on-demand reversed tree",
                () -> FrameSearch.run(visible, pattern).matchCount());
        System.out.printf(Locale.ROOT, "info visible=%d complete=%d load_after=%s%n", visible.size(), completeSize,
                load());
        time("Hot methods, whole recording",
                () -> HotMethods.of(profile, StackWeights.compute(profile, all, () -> false)).size());
        time("Hot methods, 10% time range",
                () -> HotMethods.of(profile, StackWeights.compute(profile, tenth, () -> false)).size());
    }

    /** What the window computes for a query: its weights, the flame graph's tree and the hot methods. */
    private static long shown(Profile profile, ProfileQuery q) {
        Query run = profile.query(q);
        run.weights(() -> false);
        long size = run.visibleCallTree(new int[0], () -> false).size();
        run.hotMethods(null, () -> false);
        return size;
    }

    /** Name ids from the root along the heaviest child at each level, down to a leaf. */
    private static int[] heaviestLeafPath(CallTree tree) {
        int[] path = new int[0];
        for (int node = CallTree.ROOT; ; ) {
            int best = CallTree.NONE;
            for (int c = tree.firstChild(node); c != CallTree.NONE; c = tree.nextSibling(c)) {
                if (best == CallTree.NONE || tree.total(c) > tree.total(best)) {
                    best = c;
                }
            }
            if (best == CallTree.NONE) {
                return path;
            }
            path = Arrays.copyOf(path, path.length + 1);
            path[path.length - 1] = tree.nameId(best);
            node = best;
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "," + f[1] + "," + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void time(String name, LongSupplier query) {
        time(name, () -> { }, query);
    }

    /**
     * As above, with {@code before} run untimed before each run: the state the window is in when the user acts. A
     * profile keeps the sums of its last query for the next one that differs only in direction (or not at all),
     * so a switch timed again and again would otherwise time the second ask of the same query.
     */
    private static void time(String name, Runnable before, LongSupplier query) {
        long result = 0;
        for (int i = 0; i < WARMUP; i++) {
            before.run();
            result = query.getAsLong();
        }
        // Wall clock, and this thread's CPU time: on a loaded machine the second says what the query costs.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            before.run();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            result = query.getAsLong();
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "query %.1f %.1f %d %s%n", ms[RUNS / 2], ms[0], result, name);
        System.out.printf(Locale.ROOT, "cpu %.1f %s%n", cpu[RUNS / 2], name);
    }
}
