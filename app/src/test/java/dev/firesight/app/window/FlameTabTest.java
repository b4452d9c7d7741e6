package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.FlameGraphSkin;
import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FrameText;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, items 2 and 4, in the main recording tab: focus and exclude from the frame's menu, the breadcrumb,
 * colour mode and legend; the timeline split that drags, collapses and is remembered; the wheel, the scroll
 * bar of a fresh tab, and where a deep tree opens.
 */
@ExtendWith(ApplicationExtension.class)
class FlameTabTest {
    /** async-profiler 2.9, CPU: stacks 55 frames deep with frames over 5% of the samples 42 frames down. */
    static final Path DEEP = publicRecording("v2.0-ap2.9-cpu-lock-alloc.jfr.gz");

    @TempDir
    Path temp;
    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    /**
     * A committed public recording as a file: straight from the test classes, or copied out of the parser's
     * test jar, which is where a full reactor build serves it from.
     */
    static Path publicRecording(String name) {
        var url = FlameTabTest.class.getResource("/public/" + name);
        if (url == null) {
            return Path.of("../parser/src/test/resources/public", name);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = java.nio.file.Files.createTempDirectory("firesight-public").resolve(name);
            try (var in = url.openStream()) {
                java.nio.file.Files.copy(in, copy);
            }
            copy.toFile().deleteOnExit();
            copy.getParent().toFile().deleteOnExit();
            return copy;
        } catch (java.net.URISyntaxException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private RecordingTabView open(FxRobot robot, Path recording) {
        return support.open(robot, recording);
    }

    /** The middle of the widest on-screen run of a frame the predicate accepts, in canvas coordinates. */
    private static Point2D pointOf(FxRobot robot, FlameGraph flame, IntPredicate wanted) {
        return fx(robot, () -> {
            FlameGraphSkin skin = (FlameGraphSkin) flame.getSkin();
            Node canvas = flame.lookup("." + FlameGraph.CANVAS_STYLE_CLASS);
            double w = canvas.getLayoutBounds().getWidth();
            double h = canvas.getLayoutBounds().getHeight();
            Point2D best = null;
            double bestRun = 0;
            for (double y = 9; y < h; y += 18) {
                int runNode = -1;
                double runStart = 0;
                for (double x = 1; x <= w; x++) {
                    int n = x < w ? skin.nodeAt(x, y) : -1;
                    if (n != runNode) {
                        if (runNode > 0 && wanted.test(runNode) && x - runStart > bestRun) {
                            bestRun = x - runStart;
                            best = new Point2D((runStart + x) / 2, y);
                        }
                        runNode = n;
                        runStart = x;
                    }
                }
            }
            return best;
        });
    }

    private static Point2D onScreen(FxRobot robot, FlameGraph flame, Point2D p) {
        return fx(robot, () -> flame.lookup("." + FlameGraph.CANVAS_STYLE_CLASS).localToScreen(p));
    }

    /** A frame two below the root holding part of the samples, not all: the node and its full name. */
    private static int partialFrame(CallTree t) {
        int best = -1;
        for (int n = 1; n < t.size(); n++) {
            if (t.depth(n) == 2 && t.total(n) < t.total() && (best < 0 || t.total(n) > t.total(best))) {
                best = n;
            }
        }
        assertTrue(best > 0, "a frame at depth 2 with part of the samples");
        return best;
    }

    @Test
    void focusAndExcludeFromTheFramesMenuNarrowTheTabToTheModel(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        RecordingTabView tab = open(robot, recording);
        FlameGraph flame = tab.flameGraph();
        CallTree tree = flame.getTree();
        int node = partialFrame(tree);
        String name = tree.name(node);
        Profile model = Recordings.open(recording);
        ProfileQuery cpu = ProfileQuery.of(ViewKind.CPU);
        long all = StackWeights.compute(model, cpu, () -> false).total();
        long focused = StackWeights.compute(model, cpu.withInclude(Pattern.compile(Pattern.quote(name))),
                () -> false).total();
        long excluded = StackWeights.compute(model, cpu.withExclude(Pattern.compile(Pattern.quote(name))),
                () -> false).total();
        assertTrue(focused > 0 && focused < all && excluded < all, "the frame holds part of the samples");

        Point2D at = pointOf(robot, flame, n -> n == node);
        assertNotNull(at, "the frame is on screen");
        robot.rightClickOn(onScreen(robot, flame, at));
        robot.clickOn("Focus on frame (filter)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(focused, flame.getTree().total(), "only stacks through the frame");
        Button chip = robot.lookup("#flame-clear-focus").queryButton();
        assertTrue(chip.isVisible() && chip.getText().contains(FrameText.withoutPackage(FrameText.display(name))),
                chip.getText());

        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all, flame.getTree().total(), "removing the chip removes the focus");
        assertTrue(robot.lookup("#flame-clear-focus").tryQuery().isEmpty());

        int again = flame.getTree().find(tree.pathIds(node));
        Point2D at2 = pointOf(robot, flame, n -> n == again);
        robot.rightClickOn(onScreen(robot, flame, at2));
        robot.clickOn("Exclude frame");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(excluded, flame.getTree().total(), "stacks through the frame are dropped");
        fxRun(robot, () -> tab.viewModel().viewProperty().set(ViewKind.ALLOC));
        long allocExcluded = StackWeights.compute(model, ProfileQuery.of(ViewKind.ALLOC)
                .withExclude(Pattern.compile(Pattern.quote(name))), () -> false).total();
        assertEquals(allocExcluded, flame.getTree().total(), "the filters apply to every view");
    }

    @Test
    void zoomingShowsABreadcrumbAndTheColourModeChangesTheLegend(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        FlameGraph flame = tab.flameGraph();
        CallTree tree = flame.getTree();
        int node = partialFrame(tree);
        robot.clickOn(onScreen(robot, flame, pointOf(robot, flame, n -> n == node)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(node, flame.getZoomNode());

        Node crumbs = flame.breadcrumbBar();
        assertTrue(fx(robot, () -> crumbs.getScene() != null && crumbs.isVisible() && crumbs.getLayoutBounds().getHeight() > 0),
                "the breadcrumb is placed in the tab");
        Label current = (Label) crumbs.lookup(".current");
        String shown = current.getText().replace("\u2026", "");
        String full = FrameText.display(tree.name(node));
        assertTrue(shown.length() > 5 && FrameText.withoutPackage(full).startsWith(shown), current.getText());
        assertEquals(full, current.getTooltip().getText(), "the zoomed frame's whole name on hover");
        Node link = crumbs.lookup(".hyperlink");
        assertNotNull(link, "the ancestors are links");
        robot.clickOn(crumbs.lookup(".reset-zoom"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CallTree.ROOT, flame.getZoomNode(), "the breadcrumb resets the zoom");

        Node legend = flame.legend();
        assertTrue(fx(robot, () -> legend.getScene() != null && legend.isVisible()), "the legend is placed in the tab");
        List<String> byKind = fx(robot, () -> legend.lookupAll(".legend-entry").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertFalse(byKind.isEmpty());
        assertEquals(ColorMode.KIND, flame.colorModeProperty().get());
        robot.clickOn(flame.colorModeChoice());
        robot.clickOn("Colour: " + ColorMode.PACKAGE.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ColorMode.PACKAGE, flame.colorModeProperty().get());
        List<String> byPackage = fx(robot, () -> legend.lookupAll(".legend-entry").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertNotEquals(byKind, byPackage, "the legend explains the package colours");
    }

    @Test
    void theTimelineSplitDragsCollapsesAndIsRemembered(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        SplitPane split = tab.timelineSplit();
        assertEquals(2, fx(robot, () -> split.getItems().size()), "timeline above, flame graph below");
        double before = fx(robot, () -> split.getDividers().get(0).getPosition());
        assertEquals(WindowLayout.DEFAULT.timelineSplit(), before, 0.02);
        double flameBefore = fx(robot, () -> tab.flameGraph().getHeight());

        Node divider = fx(robot, () -> split.lookup(".split-pane-divider"));
        robot.drag(divider).dropBy(0, -120);
        WaitForAsyncUtils.waitForFxEvents();
        double after = fx(robot, () -> split.getDividers().get(0).getPosition());
        assertTrue(after < before - 0.05, "dragged up: " + before + " -> " + after);
        assertTrue(fx(robot, () -> tab.flameGraph().getHeight()) > flameBefore + 80, "the flame graph got the room");
        assertEquals(after, support.vm().layoutProperty().get().timelineSplit(), 1e-3, "the window remembers it");
        Path store = support.recentStore.resolveSibling("layout");
        assertEquals(after, WindowLayout.read(store).timelineSplit(), 1e-3, "and keeps it across restarts");

        RecordingTabView second = open(robot, DEEP);
        assertEquals(after, fx(robot, () -> second.timelineSplit().getDividers().get(0).getPosition()), 0.01,
                "a new tab opens with the remembered split");

        double flameHeight = fx(robot, () -> second.flameGraph().getHeight());
        robot.clickOn("#timeline-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx(robot, () -> second.timelineSplit().getItems().size()), "the timeline collapsed");
        assertTrue(fx(robot, () -> second.flameGraph().getHeight()) > flameHeight + 50);
        assertFalse(WindowLayout.read(store).timelineShown(), "collapsed is remembered too");
        assertEquals(1, fx(robot, () -> tab.timelineSplit().getItems().size()), "for every tab");
        robot.clickOn("#timeline-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, fx(robot, () -> second.timelineSplit().getItems().size()));
        assertEquals(after, fx(robot, () -> second.timelineSplit().getDividers().get(0).getPosition()), 0.01,
                "shown again where it was");
    }

    @Test
    void aFreshTabPlacesItsScrollBarAndTheWheelScrollsTheSameWay(FxRobot robot) {
        RecordingTabView tab = open(robot, DEEP);
        FlameGraph flame = tab.flameGraph();
        ScrollBar bar = fx(robot, () -> (ScrollBar) flame.lookup(".scroll-bar"));
        assertTrue(fx(robot, bar::isVisible), "55 frames deep need a scroll bar");
        Bounds b = fx(robot, bar::getBoundsInParent);
        double w = fx(robot, flame::getWidth);
        double h = fx(robot, flame::getHeight);
        assertEquals(h, b.getHeight(), 1, "the scroll bar spans the graph's height");
        assertEquals(w, b.getMaxX(), 1, "at its right edge, not over the frames at the top-left");
        assertTrue(b.getMinX() > w / 2);

        for (boolean icicle : new boolean[] {false, true}) {
            fxRun(robot, () -> tab.viewModel().icicleProperty().set(icicle));
            fxRun(robot, () -> bar.setValue(bar.getMax() / 2));
            double middle = fx(robot, bar::getValue);
            Node canvas = flame.lookup("." + FlameGraph.CANVAS_STYLE_CLASS);
            // A wheel turned away from the user (positive delta) shows what is above, as the thumb moved up.
            fxRun(robot, () -> canvas.fireEvent(wheel(40)));
            assertEquals(middle - 40, fx(robot, bar::getValue), 0.5, "icicle " + icicle);
            fxRun(robot, () -> canvas.fireEvent(wheel(-40)));
            assertEquals(middle, fx(robot, bar::getValue), 0.5, "icicle " + icicle);
        }
    }

    private static ScrollEvent wheel(double deltaY) {
        return new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false, false, false,
                0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void aDeepTreeOpensWithItsWidestDeepFramesInView(FxRobot robot) {
        RecordingTabView tab = open(robot, DEEP);
        FlameGraph flame = tab.flameGraph();
        CallTree tree = flame.getTree();
        int deepest = 0;
        for (int n = 1; n < tree.size(); n++) {
            if (tree.total(n) >= 0.05 * tree.total()) {
                deepest = Math.max(deepest, tree.depth(n));
            }
        }
        int rowsShown = (int) (fx(robot, flame::getHeight) / 18);
        assertTrue(deepest > rowsShown, "the test needs wide frames deeper than the graph is high: " + deepest
                + " vs " + rowsShown);
        int d = deepest;
        for (boolean icicle : new boolean[] {false, true}) {
            fxRun(robot, () -> tab.viewModel().icicleProperty().set(icicle));
            fxRun(robot, () -> flame.setZoomPath(new int[0]));
            assertNotNull(pointOf(robot, flame, n -> tree.depth(n) == d && tree.total(n) >= 0.05 * tree.total()),
                    "a frame over 5% wide at depth " + d + " is in view (icicle " + icicle + ")");
        }
        // Zoomed to a shallow frame above that deep one, the zoomed frame itself stays in view.
        fxRun(robot, () -> tab.viewModel().icicleProperty().set(false));
        int deep = -1;
        for (int n = 1; n < tree.size() && deep < 0; n++) {
            if (tree.depth(n) == d && tree.total(n) >= 0.05 * tree.total()) {
                deep = n;
            }
        }
        int zoomed = deep;
        while (tree.depth(zoomed) > 3) {
            zoomed = tree.parent(zoomed);
        }
        int z = zoomed;
        fxRun(robot, () -> flame.zoomTo(z));
        assertNotNull(pointOf(robot, flame, n -> n == z), "the zoomed frame is in view");
        robot.type(KeyCode.ESCAPE);
    }
}
