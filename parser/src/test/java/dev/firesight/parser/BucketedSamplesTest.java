package dev.firesight.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.query.Butterfly;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Sandwich;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.query.TimeRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples kept per (time bucket, thread, stack) once they pass their budget answer every view exactly as the
 * samples kept one by one: the same recording is opened with a budget small enough to force buckets and with
 * none, and every view's totals, call tree, hot methods, butterfly, sandwich, diff significance and bucket-aligned
 * time selection must be equal. Committed real recordings (see {@code golden/} and {@code public/}) keep it
 * deterministic.
 */
class BucketedSamplesTest {
    private static final Path JDK17 = resource("golden/jdk17/workload-jdk17.jfr");
    private static final Path JDK25 = resource("golden/jdk25/workload-jdk25.jfr");
    /** async-profiler's CPU and wall-clock samples as execution samples told apart by thread state. */
    private static final Path ASYNC = resource("public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz");
    private static final Path MULTI_CHUNK = resource("public/v2.0-ap2.8.3-multichunk.jfr");

    private static Path resource(String name) {
        try {
            return Path.of(BucketedSamplesTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** Every sample on its own: a budget no recording reaches. */
    private static Profile perSample(Path path) throws Exception {
        return Recordings.open(path, LoadOptions.defaults().withSampleBudget(Long.MAX_VALUE));
    }

    /** A budget of half of what the samples take one by one, so they must be kept per bucket. */
    private static Profile bucketed(Path path, Profile perSample) throws Exception {
        return bucketed(path, perSample, 2);
    }

    /** A budget of {@code 1/divisor} of what the samples take one by one. */
    private static Profile bucketed(Path path, Profile perSample, int divisor) throws Exception {
        long used = 0;
        for (ViewKind v : perSample.views()) {
            SampleTable t = perSample.samples(v);
            used += t.counted() == null ? t.size() * 16L : 0;
        }
        Profile p = Recordings.open(path, LoadOptions.defaults().withSampleBudget(Math.max(1, used / divisor)));
        assertTrue(p.resolutionNanos() > 0, path + " was read into buckets");
        return p;
    }

    @Test
    void everyViewOfABucketedRecordingEqualsItsPerSampleViews() throws Exception {
        for (Path path : List.of(JDK17, JDK25, ASYNC, MULTI_CHUNK)) {
            Profile exact = perSample(path);
            Profile coarse = bucketed(path, exact);
            assertEquals(exact.views(), coarse.views(), path + " views");
            long exactRows = 0;
            long coarseRows = 0;
            for (ViewKind view : exact.views()) {
                String what = path.getFileName() + " " + view.id();
                assertEquals(exact.samples(view).totalWeight(), coarse.samples(view).totalWeight(), what);
                assertEquals(exact.samples(view).sampleCount(), coarse.samples(view).sampleCount(), what);
                exactRows += exact.samples(view).size();
                coarseRows += coarse.samples(view).size();
                assertSameAnswers(exact, coarse, ProfileQuery.of(view), what);
                assertSameAnswers(exact, coarse, ProfileQuery.of(view).withReverse(true), what + " reversed");
                assertSameAnswers(exact, coarse, ProfileQuery.of(view).withPerThread(true), what + " per thread");
            }
            assertTrue(coarseRows < exactRows, path + ": buckets hold several samples, " + coarseRows + " rows");
            for (ViewKind view : ViewKind.values()) {
                assertEquals(exact.eventsWithoutStack(view), coarse.eventsWithoutStack(view), view.id());
            }
            assertEquals(exact.notes().size() + 1, coarse.notes().size(), coarse.notes()::toString);
        }
    }

    @Test
    void aSelectionOnBucketBoundariesEqualsThePerSampleSelection() throws Exception {
        for (Path path : List.of(JDK17, ASYNC)) {
            Profile exact = perSample(path);
            Profile coarse = bucketed(path, exact);
            long width = coarse.resolutionNanos();
            long origin = coarse.samples(coarse.views().iterator().next()).originNanos();
            long span = coarse.info().durationNanos();
            assertTrue(width < span / 4, "buckets finer than a quarter of the recording: " + width);
            long from = origin + (span / 3 / width) * width;
            long to = origin + (2 * span / 3 / width) * width - 1;
            TimeRange aligned = new TimeRange(from, to);
            assertEquals(aligned, coarse.snap(aligned), "an aligned selection stays as it is");
            for (ViewKind view : exact.views()) {
                String what = path.getFileName() + " " + view.id() + " in " + aligned;
                ProfileQuery inside = ProfileQuery.of(view).withRange(from, to);
                assertSameAnswers(exact, coarse, inside, what);
                assertSameAnswers(exact, coarse, ProfileQuery.of(view).withoutRange(from, to), what + " outside");
                assertTrue(weights(exact, inside).total() < exact.samples(view).totalWeight()
                        || exact.samples(view).size() < 10, what + " selects part of the samples");
            }
        }
    }

    /**
     * A budget of a twentieth of the samples makes the buckets widen pass after pass, a pass going several
     * doublings at once once an earlier one has shown how the rows shrink: the width stays a power-of-two
     * multiple of the first, and every view, whole or in a bucket-aligned selection, still equals per sample.
     */
    @Test
    void bucketsWidenedInSeveralPassesStillEqualThePerSampleViews() throws Exception {
        for (Path path : List.of(JDK17, ASYNC, MULTI_CHUNK)) {
            Profile exact = perSample(path);
            long first = bucketed(path, exact, 2).resolutionNanos();
            Profile coarse = bucketed(path, exact, 20);
            long width = coarse.resolutionNanos();
            assertTrue(width > first && width % first == 0 && Long.bitCount(width / first) == 1,
                    path + ": " + width + " ns buckets after " + first);
            long origin = coarse.samples(coarse.views().iterator().next()).originNanos();
            long from = origin + (coarse.info().durationNanos() / 3 / width) * width;
            long to = from + width * Math.max(1, coarse.info().durationNanos() / 3 / width) - 1;
            for (ViewKind view : exact.views()) {
                String what = path.getFileName() + " " + view.id();
                assertEquals(exact.samples(view).totalWeight(), coarse.samples(view).totalWeight(), what);
                assertEquals(exact.samples(view).sampleCount(), coarse.samples(view).sampleCount(), what);
                assertSameAnswers(exact, coarse, ProfileQuery.of(view), what);
                assertSameAnswers(exact, coarse, ProfileQuery.of(view).withRange(from, to), what + " in a selection");
            }
        }
    }

    @Test
    void aSelectionOffBucketBoundariesSnapsOutwardToWholeBuckets() throws Exception {
        Profile exact = perSample(JDK17);
        Profile coarse = bucketed(JDK17, exact);
        long width = coarse.resolutionNanos();
        long origin = coarse.samples(ViewKind.CPU).originNanos();
        long span = coarse.info().durationNanos();
        long from = origin + (span / 3 / width) * width + width / 3;
        long to = origin + (2 * span / 3 / width) * width + width / 2;
        TimeRange snapped = coarse.snap(new TimeRange(from, to));
        assertEquals(new TimeRange(from - width / 3, to - width / 2 + width - 1), snapped);
        assertEquals(new TimeRange(from, to), exact.snap(new TimeRange(from, to)), "samples kept one by one: no snap");
        for (ViewKind view : exact.views()) {
            assertSameAnswers(exact, coarse, ProfileQuery.of(view).withRange(from, to), view.id() + " raw",
                    ProfileQuery.of(view).withRange(snapped.fromNanos(), snapped.toNanos()));
        }
    }

    @Test
    void aDiffOfBucketedRecordingsHasThePerSampleSignificanceAtEveryNode() throws Exception {
        Profile exactBase = perSample(JDK17);
        Profile exactTarget = perSample(JDK25);
        Profile coarseBase = bucketed(JDK17, exactBase);
        Profile coarseTarget = bucketed(JDK25, exactTarget);
        for (ViewKind view : List.of(ViewKind.ALLOC, ViewKind.CPU, ViewKind.LOCK)) {
            DiffTree exact = diff(exactBase, exactTarget, view);
            DiffTree coarse = diff(coarseBase, coarseTarget, view);
            assertEquals(exact.size(), coarse.size(), view.id() + " nodes");
            int significant = 0;
            for (int n = 1; n < exact.size(); n++) {
                String what = view.id() + " " + String.join(";", exact.path(n));
                assertEquals(String.join(";", exact.path(n)), String.join(";", coarse.path(n)), what);
                assertEquals(exact.baseTotal(n), coarse.baseTotal(n), what);
                assertEquals(exact.targetTotal(n), coarse.targetTotal(n), what);
                assertEquals(exact.baseSelfSquares(n), coarse.baseSelfSquares(n), what);
                assertEquals(exact.targetSelfSquares(n), coarse.targetSelfSquares(n), what);
                assertEquals(exact.change(n), coarse.change(n), what);
                significant += exact.change(n).significant() ? 1 : 0;
            }
            assertTrue(significant > 0, view.id() + ": some node differs significantly between JDK 17 and 25 runs");
        }
    }

    @Test
    void aFolderOfSeveralFilesBucketedEqualsTheSameFolderPerSample(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dumps"));
        for (Path p : List.of(JDK17, JDK25, MULTI_CHUNK)) {
            Files.copy(p, folder.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Profile exact = perSample(folder);
        Profile coarse = bucketed(folder, exact);
        assertTrue(coarse.sources().count() >= 2, "several JVMs: " + coarse.sources().count());
        for (ViewKind view : exact.views()) {
            assertEquals(exact.samples(view).totalWeight(), coarse.samples(view).totalWeight(), view.id());
            assertSameAnswers(exact, coarse, ProfileQuery.of(view), "folder " + view.id());
        }
    }

    @Test
    void theNoteSaysSoExactlyWhenSamplesAreBucketed() throws Exception {
        Profile exact = perSample(JDK17);
        Profile coarse = bucketed(JDK17, exact);
        assertFalse(exact.notes().stream().anyMatch(n -> n.startsWith("Samples are kept per")), exact.notes()::toString);
        assertEquals(0, exact.resolutionNanos());
        List<String> notes = coarse.notes().stream().filter(n -> n.startsWith("Samples are kept per")).toList();
        assertEquals(1, notes.size(), coarse.notes()::toString);
        assertTrue(notes.get(0).contains(Wording.shortTime(coarse.resolutionNanos()) + " bucket")
                && notes.get(0).contains("every total is exact"), notes.get(0));
        for (ViewKind view : coarse.views()) {
            assertEquals(coarse.resolutionNanos(), coarse.samples(view).bucketNanos(), view.id() + ": one width");
        }
        Profile defaults = Recordings.open(JDK17);
        assertEquals(0, defaults.resolutionNanos(), "a small recording keeps every sample under the default budget");
    }

    @Test
    void timelineSeriesAreNeverFinerThanTheBuckets() throws Exception {
        Profile exact = perSample(JDK17);
        Profile coarse = bucketed(JDK17, exact);
        TimeSeries rate = coarse.series().get(TimeSeries.Kind.CPU_SAMPLES);
        assertTrue(rate.bucketNanos() >= coarse.resolutionNanos() && rate.bucketNanos() % coarse.resolutionNanos() == 0,
                rate.bucketNanos() + " per point over " + coarse.resolutionNanos() + " buckets");
        double sum = 0;
        for (int i = 0; i < rate.size(); i++) {
            sum += rate.value(i) * rate.bucketNanos() / 1e9;
        }
        assertEquals(coarse.samples(ViewKind.CPU).totalWeight(), sum, 1e-6 * sum, "every sample is in a point");
        assertNotEquals(0, rate.size());
    }

    private static DiffTree diff(Profile base, Profile target, ViewKind view) {
        return DiffTreeBuilder.build(new DiffTreeBuilder.Capture(base, ProfileQuery.of(view), "base"),
                new DiffTreeBuilder.Capture(target, ProfileQuery.of(view), "target"), () -> false);
    }

    private static StackWeights weights(Profile p, ProfileQuery q) {
        return StackWeights.compute(p, q, () -> false);
    }

    private static void assertSameAnswers(Profile exact, Profile coarse, ProfileQuery q, String what) {
        assertSameAnswers(exact, coarse, q, what, q);
    }

    /** The per-sample profile's answers to {@code exactQuery} equal the bucketed profile's to {@code q}. */
    private static void assertSameAnswers(Profile exact, Profile coarse, ProfileQuery q, String what,
                                          ProfileQuery exactQuery) {
        StackWeights a = weights(exact, exactQuery);
        StackWeights b = StackWeights.withSquares(coarse, q, () -> false);
        StackWeights aSquares = StackWeights.withSquares(exact, exactQuery, () -> false);
        assertEquals(a.total(), b.total(), what + " total");
        assertEquals(a.samples(), b.samples(), what + " samples");
        assertEquals(squaresByStack(exact, aSquares), squaresByStack(coarse, b), what + " squared weights");
        CallTree ta = CallTreeBuilder.build(exact, exactQuery);
        CallTree tb = CallTreeBuilder.build(coarse, q);
        assertEquals(Collapsed.toMap(ta), Collapsed.toMap(tb), what + " call tree");
        assertEquals(ta.samples(), tb.samples(), what + " call tree samples");
        List<HotMethods.Method> ha = HotMethods.of(exact, a);
        List<HotMethods.Method> hb = HotMethods.of(coarse, b);
        assertEquals(ha, hb, what + " hot methods");
        if (!ha.isEmpty()) {
            HotMethods.Method top = HotMethods.topBySelf(ha, 1).get(0);
            Butterfly ba = Butterfly.of(exact, a, top.nameId(), () -> false);
            Butterfly bb = Butterfly.of(coarse, b, top.nameId(), () -> false);
            assertEquals(ba.callers(), bb.callers(), what + " callers of " + top.name());
            assertEquals(ba.callees(), bb.callees(), what + " callees of " + top.name());
            if (!exactQuery.perThread()) {
                Sandwich sa = Sandwich.of(exact, exactQuery, top.nameId(), () -> false);
                Sandwich sb = Sandwich.of(coarse, q, top.nameId(), () -> false);
                assertEquals(sa.total(), sb.total(), what + " sandwich of " + top.name());
                assertEquals(Collapsed.toMap(sa.callers()), Collapsed.toMap(sb.callers()), what + " sandwich callers");
                assertEquals(Collapsed.toMap(sa.callees()), Collapsed.toMap(sb.callees()), what + " sandwich callees");
            }
        }
    }

    /** Each stack's (and thread's) exact sum of squared weights, keyed by the stack and its frames. */
    private static Map<String, Double> squaresByStack(Profile p, StackWeights w) {
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < w.size(); i++) {
            List<String> frames = new ArrayList<>();
            for (int node = p.stacks().node(w.stack(i)); node != StackTable.ROOT; node = p.stacks().parent(node)) {
                frames.add(p.frames().name(p.stacks().nodeFrame(node)));
            }
            out.put(w.thread(i) + ":" + w.stack(i) + ":" + String.join(";", frames), w.squares(i));
        }
        return out;
    }
}
