package dev.firesight.app.window;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A folder of dumps from two JVMs opens from File ▸ Open Folder as one recording, in one tab, and the source
 * filter shows one JVM: the flame graph then weighs exactly that JVM's samples.
 */
@ExtendWith(ApplicationExtension.class)
class FolderWindowTest {
    @TempDir
    Path temp;
    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @Test
    void aFolderOpensAsOneRecordingAndFiltersToOneSource(FxRobot robot) throws Exception {
        Path folder = TestRecordings.twoJvms();
        support.dialogs.nextFolder = folder;
        fxRun(robot, () -> support.window().showOpenFolderDialog());
        RecordingTabView tab = support.window().selectedTab();
        RecordingTabViewModel vm = tab.viewModel();
        assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertEquals(1, fx(robot, () -> support.window().tabPane().getTabs().size()), "one tab for the folder");

        Profile reference = Recordings.open(folder);
        assertEquals(2, reference.sources().count(), "two JVMs: " + reference.sources().names());
        ViewKind view = fx(robot, () -> vm.viewProperty().get());
        assertEquals(StackWeights.compute(reference, ProfileQuery.of(view), () -> false).total(),
                (long) fx(robot, () -> tab.flameGraph().getTree().total()), "every JVM's samples at first");

        @SuppressWarnings("unchecked")
        ComboBox<Integer> sources = robot.lookup("#source-filter").queryAs(ComboBox.class);
        assertTrue(fx(robot, sources::isVisible), "the source filter shows for two JVMs");
        assertEquals(3, (int) fx(robot, () -> sources.getItems().size()), "all, and each JVM");
        for (int source = 0; source < 2; source++) {
            int pick = source + 1;
            fxRun(robot, () -> sources.setValue(pick));
            long expected = StackWeights.compute(reference, ProfileQuery.of(view)
                    .withThreads(reference.sources().threads(pick - 1)), () -> false).total();
            assertEquals(expected, (long) fx(robot, () -> tab.flameGraph().getTree().total()),
                    reference.sources().names().get(pick - 1));
            assertTrue(expected > 0, "each JVM has samples");
        }
        fxRun(robot, () -> sources.setValue(0));
        assertEquals(null, fx(robot, () -> vm.threadsProperty().get()), "all JVMs again");
        assertTrue(fx(robot, () -> robot.lookup("#compare-source").query().isDisabled()),
                "nothing to compare with all JVMs shown");

        // One JVM against the others: a diff whose target weighs that JVM and whose baseline weighs the rest.
        fxRun(robot, () -> sources.setValue(2));
        robot.clickOn("#compare-source");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        java.util.List<javafx.scene.control.Tab> extra = fx(robot, () -> support.window().extraTabs());
        assertEquals(1, extra.size(), "a comparison tab opens");
        dev.firesight.app.compare.ComparisonViewModel diff =
                ((dev.firesight.app.compare.ComparisonView) extra.get(0).getUserData()).viewModel();
        long all = StackWeights.compute(reference, ProfileQuery.of(view), () -> false).total();
        long second = StackWeights.compute(reference, ProfileQuery.of(view)
                .withThreads(reference.sources().threads(1)), () -> false).total();
        assertEquals(second, StackWeights.compute(reference, diff.target().query(), () -> false).total());
        assertEquals(all - second, StackWeights.compute(reference, diff.base().query(), () -> false).total());
        assertTrue(diff.target().label().endsWith(reference.sources().names().get(1)), diff.target().label());
        assertTrue(diff.base().label().endsWith("other JVMs"), diff.base().label());
    }

    @Test
    void theTimelineHasALaneRowPerJvm(FxRobot robot) throws Exception {
        Path folder = TestRecordings.twoJvms();
        Profile reference = Recordings.open(folder);
        dev.firesight.app.timeline.TimelineModel model = dev.firesight.app.timeline.TimelineModel.of(reference);
        assertEquals(2, model.sources().rows().size(), "a row for each JVM");
        for (var row : model.sources().rows()) {
            assertEquals(reference.sources().names().get(row.thread()), row.name());
            long cpu = StackWeights.compute(reference, ProfileQuery.of(reference.has(ViewKind.CPU) ? ViewKind.CPU
                    : ViewKind.WALL).withThreads(reference.sources().threads(row.thread())), () -> false).total();
            assertEquals(cpu, row.totalCpu(), row.name() + ": its threads' samples");
        }
        assertEquals(null, dev.firesight.app.timeline.TimelineModel.of(Recordings.open(TestRecordings.jdk17()))
                .sources(), "one JVM: no JVM lane");
    }

    /**
     * Replicas each have their own heap: the heap, memory and CPU-load lanes draw one JVM, named on the lane,
     * and follow the JVM chooser; with all JVMs shown they draw the one nearest its limit.
     */
    @Test
    void theMemoryLanesDrawTheJvmChosen(FxRobot robot) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(temp.resolve("replicas"));
        java.nio.file.Files.copy(TestRecordings.memory("leak"), folder.resolve("replica-leak.jfr"));
        java.nio.file.Files.copy(TestRecordings.memory("churn"), folder.resolve("replica-churn.jfr"));
        support.dialogs.nextFolder = folder;
        fxRun(robot, () -> support.window().showOpenFolderDialog());
        Profile reference = Recordings.open(folder);
        dev.firesight.app.timeline.RecordingTimeline timeline = robot.lookup(
                n -> n instanceof dev.firesight.app.timeline.RecordingTimeline).query();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        dev.firesight.app.timeline.TimelineModel all = fx(robot, timeline::getModel);
        int nearest = dev.firesight.parser.query.MemoryBudget.nearestLimit(reference);
        assertTrue(reference.jvms().get(nearest).name().endsWith(" in replica-leak.jfr"), "the leaking JVM");
        assertEquals(shortName(reference.jvms().get(nearest)) + ", nearest its limit", all.jvm(),
                "all JVMs: the one nearest its limit, and why");
        assertEquals(shortName(reference.jvms().get(nearest)), all.jvmName(),
                "the CPU-load lane names it without that reason, which is about memory");
        assertEquals("2 JVMs", all.spikeJvms(), "the spike list has the pauses of both");
        assertEquals(reference.jvms().stream().mapToInt(j -> j.get(dev.firesight.parser.TimeSeries.Kind.GC_PAUSE).size())
                .sum(), all.spikes().pauses().size(), "each JVM's pauses, none merged");

        @SuppressWarnings("unchecked")
        ComboBox<Integer> sources = robot.lookup("#source-filter").queryAs(ComboBox.class);
        for (int source = 0; source < 2; source++) {
            int pick = source + 1;
            fxRun(robot, () -> sources.setValue(pick));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            dev.firesight.app.timeline.TimelineModel m = fx(robot, timeline::getModel);
            dev.firesight.parser.JvmSeries jvm = reference.jvms().get(source);
            assertEquals(shortName(jvm), m.jvm());
            // The axis shows that JVM's own hours, not both recordings' with the other's between.
            dev.firesight.parser.Sources.Span span = reference.sources().span(source);
            assertEquals(new dev.firesight.parser.query.TimeRange(span.fromNanos(), span.toNanos()), m.full(),
                    jvm.name() + ": its recording's time");
            assertTrue(m.full().durationNanos() < all.full().durationNanos(), "shorter than both JVMs' time");
            assertEquals(shortName(jvm), fx(robot, () -> sources.getButtonCell().getText()),
                    "the chooser shows the file that tells replicas apart, not a cut start time");
            assertEquals(jvm.name(), m.memory().jvm());
            dev.firesight.parser.TimeSeries heap = jvm.get(dev.firesight.parser.TimeSeries.Kind.HEAP_AFTER_GC);
            assertEquals(heap.size(), m.heapAfterGc().size(), jvm.name() + ": its own collections");
            assertEquals(heap.max(), m.heapAfterGc().max(), jvm.name());
            // The allocation lane weighs that JVM's samples only, as the flame graph does.
            dev.firesight.parser.query.StackedRate rate = m.allocationRate(
                    dev.firesight.parser.query.AllocationSites.By.METHOD);
            double drawn = 0;
            for (int b = 0; b < rate.buckets(); b++) {
                drawn += rate.total(b) * rate.bucketNanos() / 1e9;
            }
            long expected = StackWeights.compute(reference, ProfileQuery.of(ViewKind.ALLOC)
                    .withThreads(reference.sources().threads(source)), () -> false).total();
            assertEquals(expected, drawn, expected * 1e-9, jvm.name() + ": allocated bytes drawn");
            assertTrue(expected > 0 && expected < StackWeights.compute(reference, ProfileQuery.of(ViewKind.ALLOC),
                    () -> false).total(), "one JVM's share");
            assertEquals(shortName(jvm), m.filterLabel(), "the lane says whose rate it is");
            assertEquals(jvm.get(dev.firesight.parser.TimeSeries.Kind.GC_PAUSE).size(), m.spikes().pauses().size(),
                    jvm.name() + ": the spikes list its own pauses");
            assertEquals(shortName(jvm), m.spikeJvms(), "and say whose");
        }

        // The heap growth finding is about the leaking JVM: opening it picks that JVM in the chooser.
        fxRun(robot, () -> sources.setValue(0));
        RecordingTabViewModel vm = support.window().selectedTab().viewModel();
        dev.firesight.parser.findings.Finding growth = dev.firesight.parser.findings.Findings.of(reference,
                dev.firesight.parser.findings.Thresholds.DEFAULTS).stream()
                .filter(f -> f.rule().equals("heap-growth")).findFirst().orElseThrow();
        fxRun(robot, () -> vm.insights().open(growth));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(growth.evidence().source() + 1, (int) fx(robot, sources::getValue));
        assertEquals(reference.sources().threads(nearest), fx(robot, () -> vm.threadsProperty().get()));
        // A finding about every JVM shows every JVM's samples, whichever one was picked: its numbers are theirs.
        java.util.List<dev.firesight.parser.findings.Finding> findings = dev.firesight.parser.findings.Findings.of(
                reference, dev.firesight.parser.findings.Thresholds.DEFAULTS);
        dev.firesight.parser.findings.Finding fleet = findings.stream().filter(f -> f.evidence().source() < 0).findFirst()
                .orElse(new dev.firesight.parser.findings.Finding("dominant-site", "Allocation of every JVM", "",
                        0.5, dev.firesight.parser.findings.Finding.Evidence.of(ViewKind.ALLOC)));
        fxRun(robot, () -> vm.insights().open(fleet));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, fx(robot, () -> vm.threadsProperty().get()), fleet.title());
        assertEquals(0, (int) fx(robot, sources::getValue), "the chooser says all JVMs");

        // The Findings tab follows the chooser: a JVM's own findings and those about all, not another JVM's.
        int other = 1 - growth.evidence().source();
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(robot, () -> !vm.insights().shownSuspects().isEmpty()));
        for (int pick : new int[] {growth.evidence().source() + 1, other + 1, 0}) {
            fxRun(robot, () -> sources.setValue(pick));
            java.util.List<String> listed = fx(robot, () -> vm.insights().shownFindings().stream()
                    .map(dev.firesight.parser.findings.Finding::rule).toList());
            assertEquals(pick != other + 1, listed.contains("heap-growth"), "picked " + pick + ": " + listed);
            assertEquals(findings.stream().filter(f -> pick == 0 || f.evidence().source() < 0
                    || f.evidence().source() == pick - 1).map(dev.firesight.parser.findings.Finding::rule).toList(),
                    listed, "that JVM's findings and those about every JVM, picked " + pick);
            assertTrue(findings.stream().filter(f -> f.rule().equals("leak-suspect")).allMatch(f -> f.evidence().source()
                    == growth.evidence().source()), "the leak is the leaking JVM's: " + findings);
            // So does the Leak suspects tab: the leaking JVM's objects are listed with it or all JVMs picked only.
            java.util.List<Integer> suspects = fx(robot, () -> vm.insights().shownSuspects().stream()
                    .map(dev.firesight.parser.query.LeakSuspects.Suspect::source).distinct().toList());
            assertEquals(pick != other + 1, suspects.contains(growth.evidence().source()), "picked " + pick + ": "
                    + suspects);
            assertTrue(pick == 0 || suspects.stream().allMatch(s -> s == pick - 1), "picked " + pick + ": " + suspects);
        }
    }

    /** "pid 4711 in replica-leak.jfr", as the lanes name a JVM. */
    private static String shortName(dev.firesight.parser.JvmSeries jvm) {
        String name = jvm.name();
        return name.substring(0, name.indexOf(" (started ")) + name.substring(name.indexOf(") in ") + 1);
    }

    @Test
    void aSingleRecordingHasNoSourceFilter(FxRobot robot) {
        fxRun(robot, () -> support.vm().openFiles(java.util.List.of(TestRecordings.jdk17())));
        assertFalse(fx(robot, () -> robot.lookup("#source-filter").queryAs(ComboBox.class).isVisible()));
    }
}
