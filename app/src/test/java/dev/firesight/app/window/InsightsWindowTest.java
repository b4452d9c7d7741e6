package dev.firesight.app.window;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.query.LeakSuspects;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;
import java.util.List;
import dev.firesight.parser.ViewKind;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side panel explains a recording: clicking a finding opens its view, range and frame; clicking a leak
 * suspect opens where it was allocated, with its chain of holders shown; a recording without old-object
 * samples says so in a sentence instead of an empty list.
 */
@ExtendWith(ApplicationExtension.class)
class InsightsWindowTest {
    private static final String LEAK_SITE = "dev.firesight.parser.testing.MemoryWorkload$AuditLog.record";

    @TempDir
    Path temp;
    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    private RecordingTabView open(FxRobot robot, Path recording, String sideTab) {
        fxRun(robot, () -> support.vm().openFiles(List.of(recording)));
        RecordingTabView tab = support.window().selectedTab();
        assertEquals(RecordingTabViewModel.State.READY, tab.viewModel().stateProperty().get(),
                tab.viewModel().messageProperty().get());
        TabPane side = robot.lookup("#side-panel").queryAs(TabPane.class);
        fxRun(robot, () -> side.getSelectionModel().select(side.getTabs().stream()
                .filter(t -> sideTab.equals(t.getId())).findFirst().orElseThrow()));
        return tab;
    }

    /** The Findings list, once its findings are computed (in the background, after the first flame graph). */
    @SuppressWarnings("unchecked")
    private static ListView<Finding> findings(FxRobot robot) {
        ListView<Finding> list = robot.lookup("#findings").queryAs(ListView.class);
        try {
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(robot, () -> !list.getItems().isEmpty()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no findings computed", e);
        }
        return list;
    }

    /** Clicks the list's cell holding {@code item}, as a user does. */
    private static <T> void click(FxRobot robot, ListView<T> list, T item) {
        fxRun(robot, () -> list.scrollTo(item));
        ListCell<?> cell = robot.lookup(".list-cell").match(c -> c instanceof ListCell<?> l && item.equals(l.getItem()))
                .queryAs(ListCell.class);
        robot.clickOn(cell);
    }

    @Test
    void clickingAFindingOpensItsViewRangeAndFrame(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.findings("boxing"), "findings-tab");
        ListView<Finding> list = findings(robot);
        List<Finding> findings = fx(robot, () -> List.copyOf(list.getItems()));
        Finding focused = findings.stream().filter(f -> f.evidence().frame() != null).findFirst()
                .orElseThrow(() -> new AssertionError("a finding that names a frame: " + findings));
        click(robot, list, focused);

        RecordingTabViewModel vm = tab.viewModel();
        Finding.Evidence e = focused.evidence();
        assertEquals(e.view(), fx(robot, () -> vm.viewProperty().get()));
        TimeRange range = fx(robot, () -> vm.timeRangeProperty().get());
        if (e.fromNanos() == Long.MIN_VALUE) {
            assertEquals(null, range, "the whole recording");
        } else {
            assertEquals(e.fromNanos(), range.fromNanos());
        }
        Profile profile = vm.profileProperty().get();
        int selected = fx(robot, () -> vm.selectedMethodProperty().get());
        assertEquals(e.frame(), profile.frames().nameOf(selected), "the finding's frame is selected");
        assertEquals(e.frame(), fx(robot, () -> vm.searchTextProperty().get()), "and searched for");
        assertTrue(fx(robot, () -> tab.flameGraph().getTree() != null && vm.searchProperty().get() != null
                && vm.searchProperty().get().matchCount() > 0), "the flame graph marks it");

        Finding searched = findings.stream().filter(f -> f.evidence().search() != null).findFirst().orElse(null);
        if (searched != null) { // boxing: a search over the boxing methods
            click(robot, list, searched);
            assertEquals(searched.evidence().search(), fx(robot, () -> vm.searchTextProperty().get()));
            assertFalse(fx(robot, () -> vm.search().plainTextProperty().get()), "as a regular expression");
        }
    }

    @Test
    void aFindingReadOnTheTimelineBringsTheTimelineBackAtItsLane(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.memory("leak"), "findings-tab");
        fxRun(robot, () -> support.vm().layoutProperty().set(support.vm().layoutProperty().get().withTimelineShown(false)));
        assertEquals(1, fx(robot, () -> tab.timelineSplit().getItems().size()), "the user collapsed the timeline");
        ListView<Finding> list = findings(robot);
        Finding growth = fx(robot, () -> list.getItems().stream().filter(f -> f.rule().equals("heap-growth")).findFirst()
                .orElseThrow(() -> new AssertionError("the leak's heap growth: " + list.getItems())));
        click(robot, list, growth);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, fx(robot, () -> tab.timelineSplit().getItems().size()), "the finding brings the timeline back");
        dev.firesight.app.timeline.RecordingTimeline timeline = robot.lookup(".timeline")
                .queryAs(dev.firesight.app.timeline.RecordingTimeline.class);
        javafx.scene.control.ScrollPane lanes = robot.lookup(".timeline-lanes").queryAs(javafx.scene.control.ScrollPane.class);
        double[] seen = fx(robot, () -> {
            double room = lanes.getViewportBounds().getHeight();
            double content = lanes.getContent().getLayoutBounds().getHeight();
            double top = lanes.getVvalue() * Math.max(0, content - room);
            double memory = ((dev.firesight.app.timeline.RecordingTimelineSkin) timeline.getSkin()).laneMiddle("MEMORY");
            return new double[] {top, room, memory};
        });
        assertTrue(seen[2] >= seen[0] && seen[2] <= seen[0] + seen[1],
                "the memory lane, where the heap's growth and its projection are drawn, is in view: " + List.of(seen[0], seen[1], seen[2]));
    }

    @Test
    void findingsFollowTheTimeSelection(FxRobot robot) throws Exception {
        dev.firesight.parser.query.BurstRecording burst = dev.firesight.parser.query.BurstRecording.load();
        RecordingTabView tab = open(robot, burst.path(), "findings-tab");
        ListView<Finding> list = findings(robot);
        java.util.function.Supplier<List<String>> rules = () -> fx(robot, () -> list.getItems().stream().map(Finding::rule).toList());
        assertTrue(rules.get().contains("dominant-site"), rules.get().toString());
        RecordingTabViewModel vm = tab.viewModel();
        long start = vm.profileProperty().get().time().fromNanos();
        fxRun(robot, () -> vm.timeRangeProperty().set(new TimeRange(start, burst.burstStartNanos() - 200_000_000L)));
        computed(robot, vm);
        assertFalse(rules.get().contains("dominant-site"), "the quiet part before the burst: " + rules.get());
        assertTrue(fx(robot, () -> vm.insights().shownFindingsStatusProperty().get()).startsWith("Nothing stands out"));
        Label basis = robot.lookup("#findings-basis").queryAs(Label.class);
        assertTrue(fx(robot, basis::isVisible) && basis.getText().startsWith("Of the selected range, +0"),
                "the list says of which part its findings are: " + basis.getText());
        fxRun(robot, () -> vm.timeRangeProperty().set(null));
        computed(robot, vm);
        assertTrue(rules.get().contains("dominant-site"), "the whole recording again: " + rules.get());
        assertFalse(fx(robot, basis::isVisible), "of the whole recording, no line");
    }

    /** Waits until the findings are computed, none or some. */
    private static void computed(FxRobot robot, RecordingTabViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(robot,
                () -> !vm.insights().shownFindingsStatusProperty().get().startsWith("Looking for")));
    }

    @Test
    void backReturnsToWhereTheUserWasBeforeOpeningAFinding(FxRobot robot) throws Exception {
        RecordingTabView tab = open(robot, TestRecordings.findings("boxing"), "findings-tab");
        RecordingTabViewModel vm = tab.viewModel();
        ListView<Finding> list = findings(robot);
        ViewKind findingsView = fx(robot, () -> list.getItems().stream().filter(f -> f.evidence().frame() != null)
                .findFirst().orElseThrow(() -> new AssertionError("a finding that names a frame: " + list.getItems())))
                .evidence().view();
        // The user's own place: another view than the finding's, a quarter of the time, a search of their own.
        ViewKind own = fx(robot, () -> vm.views().stream().filter(v -> v != findingsView).findFirst().orElseThrow());
        Profile profile = vm.profileProperty().get();
        long start = profile.info().startNanos();
        long quarter = (profile.info().endNanos() - start) / 4;
        TimeRange range = new TimeRange(start + quarter, start + 2 * quarter);
        fxRun(robot, () -> {
            vm.viewProperty().set(own);
            vm.timeRangeProperty().set(range);
            vm.searchTextProperty().set("java.util");
        });
        computed(robot, vm); // the findings of that quarter
        Finding focused = fx(robot, () -> list.getItems().stream().filter(f -> f.evidence().frame() != null)
                .findFirst().orElseThrow(() -> new AssertionError("a finding that names a frame: " + list.getItems())));
        Button back = robot.lookup("#back").queryAs(Button.class);
        assertTrue(back.isDisabled(), "nowhere to go back to before a finding was opened");

        for (Runnable goBack : List.<Runnable>of(
                () -> robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT), // View ▸ Back
                () -> { // with the flame graph focused, whose arrow keys move between frames
                    fxRun(robot, () -> tab.flameGraph().requestFocus());
                    robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
                },
                () -> robot.clickOn(back))) {
            click(robot, list, focused);
            assertEquals(focused.evidence().view(), fx(robot, () -> vm.viewProperty().get()), "the finding opened");
            assertEquals(focused.evidence().frame(), fx(robot, () -> vm.searchTextProperty().get()));
            assertFalse(back.isDisabled(), "and there is a place to go back to");

            goBack.run();
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(own, fx(robot, () -> vm.viewProperty().get()), "the view chosen before the finding");
            assertEquals(range, fx(robot, () -> vm.timeRangeProperty().get()), "its time range");
            assertEquals("java.util", fx(robot, () -> vm.searchTextProperty().get()), "its search");
            assertEquals(-1, (int) fx(robot, () -> vm.selectedMethodProperty().get()), "nothing selected, as before");
            assertTrue(back.isDisabled(), "one step back, and no further");
            assertEquals(own, fx(robot, () -> vm.resultProperty().get().tree().query().view()),
                    "the flame graph shows that view again");
        }
    }

    @Test
    void clickingALeakSuspectOpensWhereItWasAllocated(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.memory("leak"), "leak-suspects-tab");
        @SuppressWarnings("unchecked")
        ListView<LeakSuspects.Suspect> list = robot.lookup("#leak-suspects").queryAs(ListView.class);
        LeakSuspects.Suspect top = fx(robot, () -> list.getItems().get(0));
        assertEquals(LEAK_SITE, top.site(), top.reason());
        assertTrue(robot.lookup(".list-cell").match(c -> c instanceof ListCell<?> l && l.getItem() == top)
                .lookup((Label l) -> l.getText().startsWith("GC root") && l.getText().contains("AuditLog.ENTRIES"))
                .tryQuery().isPresent(), "the chain from the GC root names the holding field");
        Label basis = robot.lookup("#leak-suspects-basis").queryAs(Label.class);
        assertTrue(fx(robot, basis::isVisible));
        assertTrue(basis.getText().matches("From [0-9,]+ objects JFR sampled and found still alive\\."), basis.getText());

        click(robot, list, top);
        RecordingTabViewModel vm = tab.viewModel();
        int[] zoom = fx(robot, () -> vm.zoomPathProperty().get());
        assertTrue(zoom.length > 0, "the flame graph zooms along the allocation stack");
        Profile profile = vm.profileProperty().get();
        String zoomedTo = profile.frames().nameOf(zoom[zoom.length - 1]);
        List<String> stack = new java.util.ArrayList<>();
        for (int d = 0; d < profile.stacks().depth(top.stack()); d++) {
            stack.add(profile.frames().name(profile.stacks().frame(top.stack(), d)));
        }
        assertEquals(stack.subList(0, zoom.length).get(zoom.length - 1), zoomedTo);
        assertNotNull(fx(robot, () -> tab.flameGraph().getTree()));
        // the method that made the object is searched, so it is highlighted where the view has it
        assertEquals(stack.get(stack.size() - 2), fx(robot, () -> vm.searchTextProperty().get()));

        // The live set by class ranks the leaking class first, and a click shows where it is allocated.
        TabPane side = robot.lookup("#side-panel").queryAs(TabPane.class);
        fxRun(robot, () -> side.getSelectionModel().select(side.getTabs().stream()
                .filter(t -> "live-set-tab".equals(t.getId())).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        ListView<dev.firesight.parser.query.ClassGrowth.Growth> growth = robot.lookup("#live-set").queryAs(ListView.class);
        var first = fx(robot, () -> growth.getItems().get(0));
        assertEquals("byte[]", first.className(), first.trend().sentence());
        click(robot, growth, first);
        assertEquals(dev.firesight.parser.ViewKind.ALLOC, fx(robot, () -> vm.viewProperty().get()));
        assertEquals("byte[]", fx(robot, () -> vm.searchTextProperty().get()));
        assertEquals(0, fx(robot, () -> vm.zoomPathProperty().get()).length, "the suspect's zoom went with its place");

        // And a suspect opened after that is shown whole: the class's search goes.
        fxRun(robot, () -> side.getSelectionModel().select(side.getTabs().stream()
                .filter(t -> "leak-suspects-tab".equals(t.getId())).findFirst().orElseThrow()));
        click(robot, list, top);
        assertEquals(stack.get(stack.size() - 2), fx(robot, () -> vm.searchTextProperty().get()),
                "the allocating method's search, none left from the class");
        assertTrue(fx(robot, () -> vm.zoomPathProperty().get()).length > 0, "zoomed along its stack again");
    }

    /** The live view keeps what has stayed alive a chosen time: objects allocated that long before the end. */
    @Test
    void theLiveViewFiltersByAge(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.asyncProfiler(), "findings-tab");
        RecordingTabViewModel vm = tab.viewModel();
        fxRun(robot, () -> vm.viewProperty().set(dev.firesight.parser.ViewKind.LIVE));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Long> ages = robot.lookup("#live-age").queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(fx(robot, ages::isVisible), "offered in the live view");
        long age = LiveAgeFilter.AGES.get(1);
        fxRun(robot, () -> ages.setValue(age));
        Profile p = vm.profileProperty().get();
        TimeRange range = fx(robot, () -> vm.timeRangeProperty().get());
        assertEquals(new TimeRange(p.info().startNanos(), Math.max(p.info().startNanos() + 1, p.info().endNanos() - age)),
                range);
        long expected = dev.firesight.parser.query.StackWeights.compute(p, dev.firesight.parser.query.ProfileQuery
                .of(dev.firesight.parser.ViewKind.LIVE).withRange(range.fromNanos(), range.toNanos()), () -> false).total();
        assertEquals(expected, (long) fx(robot, () -> tab.flameGraph().getTree().total()));
        fxRun(robot, () -> ages.setValue(0L));
        assertEquals(null, fx(robot, () -> vm.timeRangeProperty().get()), "any age is the whole recording");
        assertTrue(fx(robot, () -> ages.getItems().stream().allMatch(a -> a < p.info().durationNanos())),
                "no age the recording is too short for: " + ages.getItems());

        // Within a range the user chose: the age narrows it, and "any age" gives it back.
        long start = p.info().startNanos();
        TimeRange chosen = new TimeRange(start + p.info().durationNanos() / 4, start + p.info().durationNanos() * 3 / 4);
        fxRun(robot, () -> vm.timeRangeProperty().set(chosen));
        fxRun(robot, () -> ages.setValue(age));
        assertEquals(new TimeRange(chosen.fromNanos(), Math.max(chosen.fromNanos() + 1,
                Math.min(chosen.toNanos(), p.info().endNanos() - age))), fx(robot, () -> vm.timeRangeProperty().get()));
        fxRun(robot, () -> ages.setValue(0L));
        assertEquals(chosen, fx(robot, () -> vm.timeRangeProperty().get()), "the user's range is back");
        // A range chosen on the timeline while an age applies replaces it, and the chooser says so.
        fxRun(robot, () -> ages.setValue(age));
        fxRun(robot, () -> vm.timeRangeProperty().set(null));
        assertEquals(0L, (long) fx(robot, ages::getValue));
        assertEquals(null, fx(robot, () -> vm.timeRangeProperty().get()));
        fxRun(robot, () -> vm.viewProperty().set(dev.firesight.parser.ViewKind.CPU));
        assertFalse(fx(robot, ages::isVisible), "only in the live view");
        // Leaving the live view with an age chosen gives the user's own range back, not the age's hidden one.
        fxRun(robot, () -> vm.viewProperty().set(dev.firesight.parser.ViewKind.LIVE));
        fxRun(robot, () -> vm.timeRangeProperty().set(chosen));
        fxRun(robot, () -> ages.setValue(age));
        fxRun(robot, () -> vm.viewProperty().set(dev.firesight.parser.ViewKind.CPU));
        assertEquals(chosen, fx(robot, () -> vm.timeRangeProperty().get()));
        assertEquals(0L, (long) fx(robot, () -> vm.query().olderThanProperty().get()));
    }

    @Test
    void noOldObjectSamplesIsASentence(FxRobot robot) {
        open(robot, TestRecordings.asyncProfiler(), "leak-suspects-tab"); // JFR's default settings sample old objects
        @SuppressWarnings("unchecked")
        ListView<LeakSuspects.Suspect> list = robot.lookup("#leak-suspects").queryAs(ListView.class);
        assertTrue(fx(robot, () -> list.getItems().isEmpty()));
        Label placeholder = (Label) ((javafx.scene.layout.VBox) list.getPlaceholder()).getChildren().get(0);
        // async-profiler never writes old-object samples; this recording has live objects, and the sentence points
        // there rather than to the preset that made it
        assertTrue(fx(robot, placeholder::getText).startsWith("The recording has no old-object samples (async-profiler")
                && placeholder.getText().contains("Live objects view"), placeholder.getText());
        assertTrue(fx(robot, () -> placeholder.isVisible() && placeholder.getScene() != null), "shown in the list");
        // at the top of the list, not centred below the fold of a tall side panel
        double top = fx(robot, () -> placeholder.localToScene(0, 0).getY() - list.localToScene(0, 0).getY());
        assertTrue(top < 40, "the sentence starts " + top + " px into the list");
        assertFalse(fx(robot, () -> robot.lookup("#leak-suspects-basis").queryAs(Label.class).isVisible()),
                "no line about objects there are none of");
    }

    /** Suspects without paths to GC roots say how to record them, as summary does, rather than leave the chain out. */
    @Test
    void suspectsWithoutPathsSayHowToGetThem(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17(), "leak-suspects-tab");
        Label basis = robot.lookup("#leak-suspects-basis").queryAs(Label.class);
        Profile p = tab.viewModel().profileProperty().get();
        assertEquals(String.format(java.util.Locale.ROOT, "From %,d objects JFR sampled and found still alive (without"
                + " paths to GC roots: record with path-to-gc-roots=true to see who holds them).", p.oldObjects().size()),
                fx(robot, basis::getText));
        assertTrue(fx(robot, basis::isVisible));
    }
}
