package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.BurstRecording;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.query.StackedRate;
import dev.firesight.parser.query.TimeRange;

import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: drags, edge drags, clearing, zooming and the spike finder on a real burst recording. */
@ExtendWith(ApplicationExtension.class)
class TimelineTest {
    private static BurstRecording burst;
    private static TimelineModel model;
    private RecordingTimeline timeline;

    @BeforeAll
    static void load() throws Exception {
        burst = BurstRecording.load();
        model = TimelineModel.of(burst.profile());
    }

    @Start
    void start(Stage stage) {
        timeline = new RecordingTimeline(model);
        stage.setScene(new Scene(timeline, 1300, 700));
        stage.sizeToScene(); // the stage is shared by the tests, and one of them makes it small
        stage.show();
    }

    private RecordingTimelineSkin skin() {
        return (RecordingTimelineSkin) timeline.getSkin();
    }

    private Point2D screen(double x, double y) {
        Canvas canvas = skin().canvas();
        return canvas.localToScreen(x, y);
    }

    private void drag(FxRobot robot, double x0, double x1, double y) {
        robot.moveTo(screen(x0, y)).press(MouseButton.PRIMARY).moveTo(screen((x0 + x1) / 2, y))
                .moveTo(screen(x1, y)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One pixel of the axis in nanoseconds, the precision a drag can have. */
    private long pixelNanos() {
        return skin().timeAt(201) - skin().timeAt(200);
    }

    @Test
    void modelShowsTheBurstWhereItHappened() {
        StackedRate rate = model.allocationRate(AllocationSites.By.METHOD);
        long peak = rate.timeNanos(model.peakAllocationBucket());
        assertTrue(peak + rate.bucketNanos() > burst.burstStartNanos() && peak < burst.burstEndNanos(),
                "peak at " + peak + " outside the burst");
        assertTrue(model.hasAllocation() && model.hasHeap() && model.threads() != null);
    }

    @Test
    void draggingOnALaneSelectsThatRange(FxRobot robot) {
        long start = model.full().fromNanos();
        double x0 = skin().xOf(start + 1_000_000_000L);
        double x1 = skin().xOf(start + 2_500_000_000L);
        drag(robot, x0, x1, skin().laneMiddle("HEAP"));
        TimeRange s = timeline.getSelection();
        assertNotNull(s);
        long tolerance = 2 * pixelNanos();
        assertEquals(start + 1_000_000_000L, s.fromNanos(), tolerance);
        assertEquals(start + 2_500_000_000L, s.toNanos(), tolerance);
        String label = skin().selectionLabel().getText();
        assertTrue(label.contains(TimeFormat.relative(s.fromNanos() - start))
                && label.contains(TimeFormat.wallClock(s.toNanos(), timeline.getZone())) && label.contains("1.50 s"),
                label);

        // Dragging leftwards selects the same way.
        drag(robot, skin().xOf(start + 3_000_000_000L), skin().xOf(start + 500_000_000L),
                skin().laneMiddle("ALLOCATION"));
        assertEquals(start + 500_000_000L, timeline.getSelection().fromNanos(), tolerance);
        assertEquals(start + 3_000_000_000L, timeline.getSelection().toNanos(), tolerance);
    }

    @Test
    void edgesWidenAndNarrowAndDoubleClickOrEscapeClears(FxRobot robot) {
        long start = model.full().fromNanos();
        long tolerance = 2 * pixelNanos();
        double y = skin().laneMiddle("ALLOCATION");
        drag(robot, skin().xOf(start + 1_000_000_000L), skin().xOf(start + 2_000_000_000L), y);
        // Widen: pull the right edge out.
        drag(robot, skin().xOf(timeline.getSelection().toNanos()), skin().xOf(start + 3_000_000_000L), y);
        assertEquals(start + 1_000_000_000L, timeline.getSelection().fromNanos(), tolerance);
        assertEquals(start + 3_000_000_000L, timeline.getSelection().toNanos(), tolerance);
        // Narrow: pull the left edge in.
        drag(robot, skin().xOf(timeline.getSelection().fromNanos()), skin().xOf(start + 1_500_000_000L), y);
        assertEquals(start + 1_500_000_000L, timeline.getSelection().fromNanos(), tolerance);
        assertEquals(start + 3_000_000_000L, timeline.getSelection().toNanos(), tolerance);

        robot.moveTo(screen(skin().xOf(start + 2_000_000_000L), y)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(timeline.getSelection());

        drag(robot, skin().xOf(start + 1_000_000_000L), skin().xOf(start + 2_000_000_000L), y);
        assertNotNull(timeline.getSelection());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(timeline.getSelection());

        // And the button beside the range's description, there only while there is a range.
        javafx.scene.control.Button clear = robot.lookup("#timeline-clear-selection").queryAs(javafx.scene.control.Button.class);
        assertFalse(clear.isVisible());
        drag(robot, skin().xOf(start + 1_000_000_000L), skin().xOf(start + 2_000_000_000L), y);
        assertTrue(clear.isVisible());
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(timeline.getSelection());
        assertFalse(clear.isVisible());
    }

    @Test
    void zoomingShowsJustTheSelectionAndShowAllUndoesIt(FxRobot robot) {
        long start = model.full().fromNanos();
        double y = skin().laneMiddle("CPU");
        drag(robot, skin().xOf(start + 1_500_000_000L), skin().xOf(start + 3_000_000_000L), y);
        TimeRange s = timeline.getSelection();
        robot.clickOn("Zoom in");
        assertEquals(s, timeline.getVisibleRange());
        assertEquals(Lanes.LEFT, skin().xOf(s.fromNanos()), 0.5);
        // A drag now is finer: the same pixels cover less time.
        drag(robot, skin().xOf(start + 2_000_000_000L), skin().xOf(start + 2_500_000_000L), y);
        assertEquals(start + 2_000_000_000L, timeline.getSelection().fromNanos(), 2 * pixelNanos());
        robot.clickOn("Show all");
        assertEquals(model.full(), timeline.getVisibleRange());
    }

    /** A range chosen from elsewhere (a finding, Back) outside the zoomed axis shows the whole recording again. */
    @Test
    void aRangeChosenOutsideTheZoomedAxisShowsItWhole(FxRobot robot) {
        long start = model.full().fromNanos();
        double y = skin().laneMiddle("CPU");
        drag(robot, skin().xOf(start + 1_500_000_000L), skin().xOf(start + 3_000_000_000L), y);
        robot.clickOn("Zoom in");
        TimeRange zoomed = timeline.getVisibleRange();
        TimeRange inside = new TimeRange(start + 2_000_000_000L, start + 2_500_000_000L);
        robot.interact(() -> timeline.setSelection(inside));
        assertEquals(zoomed, timeline.getVisibleRange(), "a range inside the axis leaves the zoom as it is");
        long end = model.full().toNanos();
        TimeRange outside = new TimeRange(end - 200_000_000L, end);
        robot.interact(() -> timeline.setSelection(outside));
        assertEquals(model.full(), timeline.getVisibleRange(), "one outside it is shown");
        assertEquals(outside, timeline.getSelection());
    }

    @Test
    void spikeFinderSelectsTheBurstWindowAndTheSecondsBeforeAPause(FxRobot robot) {
        Spikes.Window top = model.spikes().windowsByPeak().get(0);
        robot.clickOn(robot.lookup(".list-cell").nth(0).queryAs(javafx.scene.control.ListCell.class));
        assertEquals(new TimeRange(top.startNanos(), top.endNanos()), timeline.getSelection());
        assertTrue(timeline.getSelection().toNanos() > burst.burstStartNanos()
                && timeline.getSelection().fromNanos() < burst.burstEndNanos());

        if (model.spikes().longPauses().isEmpty()) {
            return; // this run's GCs were all short
        }
        Spikes.Pause pause = SpikePanel.longestFirst(model.spikes()).get(0); // the list's first pause: the longest
        int row = model.spikes().windows().size();
        robot.clickOn(robot.lookup(".list-cell").nth(row).queryAs(javafx.scene.control.ListCell.class));
        assertEquals(new TimeRange(pause.lookbackFromNanos(), pause.timeNanos()), timeline.getSelection());
    }

    @Test
    void compareWithRestHandsOverTheSelection(FxRobot robot) {
        AtomicReference<TimeRange> compared = new AtomicReference<>();
        robot.interact(() -> {
            timeline.setOnCompareWithRest(compared::set);
            timeline.setSelection(new TimeRange(model.full().fromNanos(), model.full().fromNanos() + 1_000_000_000L));
        });
        robot.clickOn("Compare with rest");
        assertEquals(timeline.getSelection(), compared.get());
    }

    @Test
    void spikeCellsWrapAndTheirTooltipsNameMethodsInFull() {
        Spikes.Window top = model.spikes().windowsByPeak().get(0);
        javafx.scene.control.ListCell<?> cell = new FxRobot().lookup(".list-cell").nth(0)
                .queryAs(javafx.scene.control.ListCell.class);
        assertTrue(cell.isWrapText(), "long lines wrap within the list instead of being cut");
        assertNotNull(cell.getTooltip(), "the cell's whole text on hover");
        String fullName = top.topMethods().get(0).name();
        assertTrue(fullName.contains(".") && cell.getTooltip().getText().contains(fullName),
                cell.getTooltip().getText() + " names " + fullName);
    }

    @Test
    void aThreadLabelCutShortShowsTheWholeNameOnHover(FxRobot robot) {
        robot.interact(() -> timeline.threadsExpandedProperty().set(true));
        Lanes.Lane lane = skin().lane(Lanes.Kind.THREADS);
        var rows = model.threads().rows();
        for (int r = 0; r < Math.min(rows.size(), Lanes.MAX_THREAD_ROWS); r++) {
            double y = lane.y() + Lanes.THREAD_HEADER + r * Lanes.THREAD_ROW + Lanes.THREAD_ROW / 2;
            assertEquals(rows.get(r).name(), skin().tooltipAt(Lanes.LEFT / 2, y), "row " + r);
        }
        assertNull(skin().tooltipAt(Lanes.LEFT / 2, lane.y() + 2), "the lane's header names no thread");
    }

    @Test
    void theHoverTextGoesWhenAKeyIsPressedOrTheWheelTurns(FxRobot robot) {
        double y = skin().laneMiddle("ALLOCATION");
        robot.moveTo(screen(skin().xOf(model.full().fromNanos() + 1_000_000_000L), y));
        robot.moveBy(3, 0);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node tip = robot.lookup("." + RecordingTimeline.TOOLTIP_STYLE_CLASS).query();
        assertTrue(tip.isVisible(), "hovering a lane shows its values");
        robot.press(KeyCode.SHIFT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!tip.isVisible(), "a key press hides the hover text until the pointer moves");
        robot.moveBy(3, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tip.isVisible());
        robot.interact(() -> timeline.getScene().getWindow().hide());
        assertTrue(!tip.isVisible(), "no hover text survives its window");
    }

    @Test
    void tooltipNamesTheRateAndTheTopMethodAtThePeak() {
        StackedRate rate = model.allocationRate(AllocationSites.By.METHOD);
        long peak = rate.timeNanos(model.peakAllocationBucket()) + rate.bucketNanos() / 2;
        String tip = skin().tooltipAt(skin().xOf(peak), skin().laneMiddle("ALLOCATION"));
        assertTrue(tip.contains("Allocation rate") && tip.contains("BurstWorkload.burst"), tip);
        java.util.List<String> names = tip.lines().filter(l -> l.startsWith("  "))
                .map(l -> l.trim().replaceFirst("  .*", "")).toList();
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "no two series read the same: " + tip);
    }

    @Test
    void theLanesAreThemedThroughCss(FxRobot robot) {
        assertEquals(javafx.scene.paint.Color.web("#f7f7f9"), timeline.color(TimelineColor.LANE_BACKGROUND),
                "timeline.css sets the lane background");
        javafx.scene.paint.Color theme = javafx.scene.paint.Color.web("#102030");
        assertEquals(0, share(robot, theme), 1e-9, "nothing is drawn in the test colour yet");
        robot.interact(() -> timeline.setStyle("-fs-timeline-background: #102030;"
                + " -fs-timeline-lane-background: #102030;"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(theme, timeline.color(TimelineColor.BACKGROUND));
        assertTrue(share(robot, theme) > 0.3, "the backgrounds are repainted in the stylesheet's colour");
        robot.interact(() -> timeline.setStyle(""));
    }

    /**
     * Given less height than its lanes need, the timeline keeps every lane whole and scrolls: the lanes below the
     * allocation rate stay reachable, and scrolling to the end shows the last one.
     */
    @Test
    void lanesTallerThanTheRoomScroll(FxRobot robot) {
        double lanesHeight = Lanes.preferredHeight(model, timeline.isThreadsExpanded(), skin().canvas().getWidth());
        robot.interact(() -> timeline.getScene().getWindow().setHeight(260));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane lanes = robot.lookup("." + RecordingTimelineSkin.LANES_STYLE_CLASS)
                .queryAs(javafx.scene.control.ScrollPane.class);
        assertTrue(lanes.getViewportBounds().getHeight() < lanesHeight, "the room is smaller than the lanes");
        assertTrue(skin().canvas().getHeight() >= lanesHeight, "every lane keeps its height");
        javafx.scene.control.ScrollBar bar = robot.lookup(".scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class)
                .stream().filter(b -> b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())
                .findFirst().orElse(null);
        assertNotNull(bar, "a vertical scroll bar says there is more below");
        Lanes.Lane last = skin().lane(Lanes.Kind.THREADS);
        robot.interact(() -> lanes.setVvalue(lanes.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds shown = lanes.localToScreen(lanes.getLayoutBounds());
        assertTrue(skin().canvas().localToScreen(0, last.bottom() - 1).getY() <= shown.getMaxY(),
                "scrolled to the end, the thread lane is in view");
    }

    /** The share of the canvas's pixels in one colour. */
    private double share(FxRobot robot, javafx.scene.paint.Color c) {
        Canvas canvas = skin().canvas();
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = canvas.snapshot(null, null));
        javafx.scene.image.PixelReader r = img[0].getPixelReader();
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        long same = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                same += r.getArgb(x, y) == argb(c) ? 1 : 0;
            }
        }
        return same / (double) ((w + 1) / 2 * ((h + 1) / 2));
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
