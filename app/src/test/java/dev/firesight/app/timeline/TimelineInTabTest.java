package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.app.window.FxFileDialogs;
import dev.firesight.app.window.MethodRow;
import dev.firesight.app.window.RecentFiles;
import dev.firesight.app.window.RecordingTabView;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.BurstRecording;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.testing.BurstWorkload;
import dev.firesight.parser.query.TimeRange;

import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline inside a real recording tab: dragging on it sets the tab's query range, and the flame graph
 * and hot methods then hold exactly the samples inside the range.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineInTabTest {
    private static BurstRecording burst;

    @TempDir
    static Path temp;

    private FiresightApp app;

    @BeforeAll
    static void load() throws Exception {
        burst = BurstRecording.load();
    }

    @Start
    void start(Stage stage) {
        app = new FiresightApp(new SynchronousTaskRunner(), new RecentFiles(temp.resolve("recent")),
                new FxFileDialogs(), List.of());
        app.start(stage);
    }

    private RecordingTabView open(FxRobot robot) {
        robot.interact(() -> app.window().viewModel().openFiles(List.of(burst.path()), ViewKind.ALLOC));
        WaitForAsyncUtils.waitForFxEvents();
        RecordingTabView tab = app.window().selectedTab();
        assertNotNull(tab);
        assertEquals(RecordingTabViewModel.State.READY, tab.viewModel().stateProperty().get(),
                tab.viewModel().messageProperty().get());
        assertEquals(ViewKind.ALLOC, tab.viewModel().viewProperty().get());
        return tab;
    }

    private static long[] inRange(Profile profile, long from, long to) {
        SampleTable table = profile.samples(ViewKind.ALLOC);
        StackTable stacks = profile.stacks();
        long total = 0;
        long burstTotal = 0;
        for (int i = 0; i < table.size(); i++) {
            long t = table.timeNanos(i);
            if (t < from || t > to) {
                continue;
            }
            total += table.weight(i);
            int s = table.stack(i);
            for (int d = 0; d < stacks.depth(s); d++) {
                if (profile.frames().name(stacks.frame(s, d)).equals(BurstWorkload.frame("burst"))) {
                    burstTotal += table.weight(i);
                    break;
                }
            }
        }
        return new long[] {total, burstTotal};
    }

    @Test
    void draggingOnTheTimelineFiltersTheFlameGraphAndHotMethodsToTheRange(FxRobot robot) {
        RecordingTabView tab = open(robot);
        RecordingTimeline timeline = robot.lookup("." + RecordingTimeline.STYLE_CLASS).queryAs(RecordingTimeline.class);
        assertNotNull(timeline.getModel(), "the timeline got its model");
        RecordingTimelineSkin skin = (RecordingTimelineSkin) timeline.getSkin();
        Profile profile = tab.viewModel().profileProperty().get();
        long start = profile.info().startNanos();
        double y = skin.laneMiddle("ALLOCATION");
        double x0 = skin.xOf(burst.burstStartNanos());
        double x1 = skin.xOf(burst.burstEndNanos());
        Point2D p0 = skin.canvas().localToScreen(x0, y);
        Point2D p1 = skin.canvas().localToScreen(x1, y);
        robot.moveTo(p0).press(MouseButton.PRIMARY).moveTo(p1).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        TimeRange s = timeline.getSelection();
        assertNotNull(s);
        TimeRange r = tab.viewModel().timeRangeProperty().get();
        assertEquals(s.fromNanos(), r.fromNanos());
        assertEquals(s.toNanos(), r.toNanos());
        assertTrue(s.fromNanos() > start, "range starts inside the recording");

        long[] expected = inRange(profile, s.fromNanos(), s.toNanos());
        assertTrue(expected[0] > 0);
        assertEquals(expected[0], tab.flameGraph().getTree().total(), "flame graph total = samples in range");
        MethodRow burstRow = tab.viewModel().hotMethods().stream()
                .filter(m -> m.name().equals(BurstWorkload.frame("burst"))).findFirst().orElseThrow();
        assertEquals(expected[1], burstRow.total(), "BurstWorkload.burst total = its samples in range");
        assertTrue(burstRow.total() > 0.9 * expected[0], "the burst is most of the range's allocation");

        // Clearing the selection gives the whole recording back: by double-click, and by Esc in the window.
        robot.moveTo(p0).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(tab.viewModel().timeRangeProperty().get());
        assertEquals(profile.samples(ViewKind.ALLOC).totalWeight(), tab.flameGraph().getTree().total());
        robot.moveTo(p0).press(MouseButton.PRIMARY).moveTo(p1).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(tab.viewModel().timeRangeProperty().get());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(tab.viewModel().timeRangeProperty().get(), "Esc clears the selection in the tab");
    }

    @Test
    void theSpikeFinderSelectsTheBurstInTheTab(FxRobot robot) {
        RecordingTabView tab = open(robot);
        RecordingTimeline timeline = robot.lookup("." + RecordingTimeline.STYLE_CLASS).queryAs(RecordingTimeline.class);
        Spikes.Window top = timeline.getModel().spikes().windowsByPeak().get(0);
        robot.interact(() -> timeline.select(top));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(top.startNanos(), tab.viewModel().timeRangeProperty().get().fromNanos());
        long[] expected = inRange(tab.viewModel().profileProperty().get(), top.startNanos(), top.endNanos());
        assertEquals(expected[0], tab.flameGraph().getTree().total());
    }
}
