package dev.firesight.app.window;

import dev.firesight.app.export.FlameView;
import dev.firesight.app.tasks.ManualTaskRunner;
import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.query.TimeRange;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tab's view model without any window: loading, cancelling, and queries replacing each other. */
class RecordingTabViewModelTest {
    @Test
    void cancellingALoadSaysSoAndIgnoresTheResult() {
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.jdk17(), runner);
        vm.load();
        assertEquals(RecordingTabViewModel.State.LOADING, vm.stateProperty().get());
        vm.cancelLoad();
        runner.runAll();
        assertEquals(RecordingTabViewModel.State.CANCELLED, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().contains("cancelled"));
        assertNull(vm.profileProperty().get());
    }

    /**
     * The other views' call trees, built so that switching to one is quick, and the findings, leak suspects and
     * growing classes wait until the flame graph shown first is computed: on two cores, building them beside its
     * query took CPU from it.
     */
    @Test
    void theOtherViewsCallTreesAndTheFindingsWaitForTheFirstFlameGraph() {
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.jdk17(), runner);
        vm.load();
        runner.runNext(); // the read
        assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get());
        java.util.List<String> later = java.util.List.of("view trees", "findings", "leak suspects", "growing classes");
        assertTrue(runner.pending() > 0 && java.util.Collections.disjoint(runner.pendingNames(), later),
                runner.pendingNames().toString());
        while (vm.resultProperty().get() == null && runner.pending() > 0) {
            runner.runNext();
        }
        assertNotNull(vm.resultProperty().get(), "the flame graph was computed");
        assertTrue(runner.pendingNames().containsAll(later), runner.pendingNames().toString());
        while (runner.pending() > 0) {
            runner.runNext();
        }
        assertTrue(vm.insights().shownFindingsStatusProperty().get().startsWith("Nothing stands out"),
                "the findings were computed after it: " + vm.insights().shownFindingsStatusProperty().get());
    }

    /** With a transform on as the recording is read, the flame graph is of the transformed copy: findings still come. */
    @Test
    void theFindingsComeWithATransformOn() {
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.jdk17(), runner);
        vm.addTransform(dev.firesight.parser.query.Transform.OnlyMyCode.hiding(java.util.List.of()));
        vm.load();
        while (runner.pending() > 0) {
            runner.runNext();
        }
        assertNotNull(vm.resultProperty().get());
        assertTrue(vm.insights().shownFindingsStatusProperty().get().startsWith("Nothing stands out"),
                vm.insights().shownFindingsStatusProperty().get());
    }

    /**
     * The time a partial profile covers, as the bar says it when reading stops: from its first sample's start to
     * its last sample, no later than the recording's end, and the share of bytes read.
     */
    @Test
    void coverageSaysUpToWhichSampleTimeAndHowManyBytes() throws Exception {
        dev.firesight.parser.Profile p = dev.firesight.parser.Recordings.open(TestRecordings.jdk17());
        String said = RecordingLoadViewModel.coverage(p, 0.4);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("up to ([0-9.]+) s into the recording, from 40% of"
                + " its bytes").matcher(said);
        assertTrue(m.matches(), said);
        double upTo = Double.parseDouble(m.group(1));
        assertTrue(upTo > 0 && upTo <= p.info().durationNanos() / 1e9 + 0.01, said);
    }

    /**
     * A recording opens in CPU, unless its CPU view has next to no samples: a leaking JVM's recording (one CPU
     * sample, 28 thousand allocation events) opens in allocations, a contended lock's in the lock view; a
     * CPU-profiled one in CPU.
     */
    @Test
    void aRecordingOpensInAViewWithSamples() throws Exception {
        for (Path recording : new Path[] {TestRecordings.memory("leak"), TestRecordings.findings("lock"),
                TestRecordings.jdk17()}) {
            RecordingTabViewModel vm = new RecordingTabViewModel(recording, new SynchronousTaskRunner());
            vm.load();
            Profile p = vm.profileProperty().get();
            ViewKind shown = vm.viewProperty().get();
            int cpu = p.has(ViewKind.CPU) ? p.samples(ViewKind.CPU).size() : 0;
            if (cpu >= RecordingQueryViewModel.FEW_SAMPLES) {
                assertEquals(ViewKind.CPU, shown, recording + " has " + cpu + " CPU samples");
            } else {
                for (ViewKind v : p.views()) {
                    assertTrue(p.samples(shown).size() >= p.samples(v).size(), recording + ": " + shown + " of "
                            + p.samples(shown).size() + " samples, " + v + " of " + p.samples(v).size());
                }
            }
        }
        // what the two recordings give, as summary shows them: 1 CPU sample each
        assertEquals(ViewKind.ALLOC, RecordingQueryViewModel.firstView(
                Recordings.open(TestRecordings.memory("leak")), null));
        // The lock workload's recording: its lock events beside JFR's own allocation samples, which outnumber them
        // on some runs (a fresh-clone CI found 'ALLOC'); it opens in whichever has more, never in its few CPU samples.
        Profile lock = Recordings.open(TestRecordings.findings("lock"));
        ViewKind most = lock.samples(ViewKind.LOCK).size() >= lock.samples(ViewKind.ALLOC).size()
                ? ViewKind.LOCK : ViewKind.ALLOC;
        assertEquals(most, RecordingQueryViewModel.firstView(lock, null));
        assertEquals(ViewKind.CPU, RecordingQueryViewModel.firstView(Recordings.open(TestRecordings.jdk17()), null));
        // An async-profiler native-memory recording: a few CPU samples a second beside thousands of allocations.
        Profile nativeMemory = Recordings.open(TestRecordings.nativeMemory(17));
        int cpu = nativeMemory.samples(ViewKind.CPU).size();
        assertTrue(cpu < RecordingQueryViewModel.FEW_CPU_SAMPLES_PER_SECOND * nativeMemory.info().durationNanos() / 1e9
                && nativeMemory.samples(ViewKind.NATIVE_ALLOC).size() > cpu, cpu + " CPU samples");
        assertEquals(ViewKind.NATIVE_ALLOC, RecordingQueryViewModel.firstView(nativeMemory, null));
    }

    @Test
    void aNewerQueryReplacesAnOlderOne() throws Exception {
        Path recording = TestRecordings.jdk17();
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(recording, runner);
        vm.load();
        runner.runAll();
        assertEquals(ViewKind.CPU, vm.resultProperty().get().tree().view());

        vm.viewProperty().set(ViewKind.ALLOC);
        vm.reverseProperty().set(true);
        assertEquals(2, runner.pending());
        runner.runAll();
        CallTree tree = vm.resultProperty().get().tree();
        assertEquals(ViewKind.ALLOC, tree.view());
        assertTrue(tree.query().reverse(), "only the newest request's result is shown");
    }

    @Test
    void theReversedTreeIsBuiltWhereVisibleAndExportedComplete() throws Exception {
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.jdk17(), runner);
        vm.reverseProperty().set(true);
        vm.load();
        runner.runAll();
        CallTree shown = vm.resultProperty().get().tree();
        assertFalse(shown.isComplete(), "the window's reversed tree is built on demand");
        Profile model = Recordings.open(TestRecordings.jdk17());
        CallTree complete = CallTreeBuilder.build(model, ProfileQuery.of(ViewKind.CPU).withReverse(true));
        assertEquals(complete.total(), shown.total());
        // zooming where the tree already has every drawable caller asks for nothing more
        int deepest = 0;
        for (int n = 1; n < shown.size(); n++) {
            deepest = shown.depth(n) > shown.depth(deepest) ? n : deepest;
        }
        vm.zoomPathProperty().set(shown.pathIds(deepest));
        assertEquals(0, runner.pending());
        // an export draws the complete tree: the same collapsed stacks as the command line's
        FlameView exported = new FlameView(shown, new int[0], null, false, null).complete();
        assertTrue(exported.tree().isComplete());
        assertEquals(Collapsed.toMap(complete), Collapsed.toMap(exported.tree()));
    }

    @Test
    void theTimeRangeFiltersEveryView() throws Exception {
        Path recording = TestRecordings.jdk17();
        RecordingTabViewModel vm = new RecordingTabViewModel(recording, new SynchronousTaskRunner());
        vm.load();
        Profile model = Recordings.open(recording);
        long from = model.info().startNanos();
        long to = from + model.info().durationNanos() / 2;
        vm.timeRangeProperty().set(new TimeRange(from, to));
        long expected = StackWeights.compute(model, ProfileQuery.of(ViewKind.CPU).withRange(from, to), () -> false)
                .total();
        assertEquals(expected, vm.resultProperty().get().tree().total());
        vm.viewProperty().set(ViewKind.ALLOC);
        long expectedAlloc = StackWeights.compute(model, ProfileQuery.of(ViewKind.ALLOC).withRange(from, to),
                () -> false).total();
        assertEquals(expectedAlloc, vm.resultProperty().get().tree().total());
    }

    @Test
    void aZoomPathKeepsTheLongestPartTheNewTreeHas() throws Exception {
        Profile model = Recordings.open(TestRecordings.jdk17());
        CallTree cpu = CallTreeBuilder.build(model, ProfileQuery.of(ViewKind.CPU));
        int deepest = 0;
        for (int n = 1; n < cpu.size(); n++) {
            if (cpu.depth(n) > cpu.depth(deepest)) {
                deepest = n;
            }
        }
        int[] path = cpu.pathIds(deepest);
        assertArrayEquals(path, RecordingQueryViewModel.longestPresentPrefix(cpu, path));
        int[] bogus = java.util.Arrays.copyOf(path, path.length + 1);
        bogus[path.length] = Integer.MAX_VALUE - 1;
        assertArrayEquals(path, RecordingQueryViewModel.longestPresentPrefix(cpu, bogus));
    }

    @Test
    void aRetryWithFewerViewsLoadsOnlyThose() {
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.asyncProfiler(),
                new SynchronousTaskRunner());
        vm.retryWith(o -> o.withViews(java.util.EnumSet.of(dev.firesight.parser.ViewKind.CPU,
                dev.firesight.parser.ViewKind.ALLOC)));
        org.junit.jupiter.api.Assertions.assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.EnumSet.of(dev.firesight.parser.ViewKind.CPU,
                dev.firesight.parser.ViewKind.ALLOC), vm.profileProperty().get().views());
        org.junit.jupiter.api.Assertions.assertFalse(vm.outOfMemoryProperty().get());
    }
}
