package dev.firesight.app.bench;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;

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
        time("Call tree, whole recording", () -> CallTreeBuilder.build(profile, all).size());
        time("Call tree, 10% time range", () -> CallTreeBuilder.build(profile, tenth).size());
        time("Call tree, per thread", () -> CallTreeBuilder.build(profile, all.withPerThread(true)).size());
        time("Call tree, reversed (callers of hot methods)",
                () -> CallTreeBuilder.build(profile, all.withReverse(true)).size());
        time("Hot methods, whole recording",
                () -> HotMethods.of(profile, StackWeights.compute(profile, all, () -> false)).size());
        time("Hot methods, 10% time range",
                () -> HotMethods.of(profile, StackWeights.compute(profile, tenth, () -> false)).size());
    }

    private static void time(String name, LongSupplier query) {
        long result = 0;
        for (int i = 0; i < WARMUP; i++) {
            result = query.getAsLong();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = query.getAsLong();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "query %.1f %.1f %d %s%n", ms[RUNS / 2], ms[0], result, name);
    }
}
