package dev.firesight.app.flame;

import dev.firesight.app.flame.model.FlameLayout;

import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.SearchPattern;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class FlameGraphTest {
    private static final CallTree TREE = SyntheticTrees.of(
            "main;a;x 30",
            "main;a;y 10",
            "main;b 40",
            "main;c;z 1",
            "other 19");

    private FlameGraph graph;

    @Start
    void start(Stage stage) {
        graph = new FlameGraph();
        graph.setTree(TREE);
        BorderPane root = new BorderPane(graph);
        root.setTop(graph.breadcrumbBar());
        root.setBottom(graph.legend());
        stage.setScene(new Scene(root, 800, 400));
        stage.show();
    }

    @BeforeEach
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int node(CallTree tree, String... path) {
        int n = CallTree.ROOT;
        for (String p : path) {
            int c = tree.firstChild(n);
            while (c != CallTree.NONE && !tree.name(c).equals(p)) {
                c = tree.nextSibling(c);
            }
            if (c == CallTree.NONE) {
                return CallTree.NONE;
            }
            n = c;
        }
        return n;
    }

    private FlameGraphSkin skin() {
        return (FlameGraphSkin) graph.getSkin();
    }

    private Canvas canvas(FxRobot robot) {
        return robot.lookup(".flame-canvas").queryAs(Canvas.class);
    }

    /** Screen point at the middle of a node's frame, a little left of centre to miss the outline. */
    private Point2D screenPoint(FxRobot robot, int node) {
        Canvas c = canvas(robot);
        FlameLayout l = skin().currentLayout();
        int i = l.indexOf(node);
        assertTrue(i >= 0, "frame is visible");
        double h = Math.max(c.getHeight(), l.rows() * FlameCanvasPainter.ROW_HEIGHT);
        double x = (l.x(i) + l.width(i) / 2) * c.getWidth();
        double y = FlameLayout.rowTop(l.depth(i), FlameCanvasPainter.ROW_HEIGHT, h, graph.icicleProperty().get())
                + FlameCanvasPainter.ROW_HEIGHT / 2;
        return c.localToScreen(x, y);
    }

    /**
     * Issue 11, item 4: the first paint of a deep tree shows the scroll bar; it must be placed in that same
     * layout pass, not left unplaced (small, at the top-left over the frames) until something else asks for
     * a layout.
     */
    @Test
    void aDeepTreesScrollBarIsPlacedInTheLayoutPassThatShowsIt(FxRobot robot) {
        CallTree deep = SyntheticTrees.random(3000, 7);
        double[] seen = new double[5];
        robot.interact(() -> {
            graph.setTree(deep);
            graph.getParent().layout(); // one pass, as one pulse makes
            javafx.scene.control.ScrollBar bar = (javafx.scene.control.ScrollBar) graph.lookup(".scroll-bar");
            seen[0] = bar.isVisible() ? 1 : 0;
            seen[1] = bar.getHeight();
            seen[2] = bar.getBoundsInParent().getMaxX();
            seen[3] = graph.getHeight() - graph.snappedTopInset() - graph.snappedBottomInset();
            seen[4] = graph.getWidth() - graph.snappedRightInset();
        });
        assertEquals(1, seen[0], "a tree this deep needs the scroll bar");
        assertEquals(seen[3], seen[1], 1, "the scroll bar spans the graph's height");
        assertEquals(seen[4], seen[2], 1, "at the graph's right edge, inside its border");
    }

    @Test
    void clickingAFrameZoomsToIt(FxRobot robot) {
        int a = node(TREE, "main", "a");
        robot.clickOn(screenPoint(robot, a), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(TREE.pathIds(a), graph.getZoomPath());
        assertEquals(a, graph.getZoomNode());
        assertEquals(List.of("all", "main", "a"), graph.breadcrumb());
        FlameLayout l = skin().currentLayout();
        assertEquals(1.0, l.width(l.indexOf(a)), 1e-12);
        assertEquals(0.75, l.width(l.indexOf(node(TREE, "main", "a", "x"))), 1e-12);
        robot.clickOn(screenPoint(robot, CallTree.ROOT), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, graph.getZoomPath().length, "clicking the root resets the zoom");
    }

    @Test
    void hoverShowsATooltipWithTheFramesTotal(FxRobot robot) {
        int b = node(TREE, "main", "b");
        robot.moveTo(screenPoint(robot, b));
        WaitForAsyncUtils.waitForFxEvents();
        Label tip = robot.lookup(".flame-tooltip").queryAs(Label.class);
        assertTrue(tip.isVisible());
        assertEquals(b, skin().hoveredNode());
        String text = tip.getText();
        assertTrue(text.startsWith("b\n"), text);
        assertTrue(text.contains("Total: 40 samples (40.0% of all, 49.4% of parent)"), text);
        assertTrue(text.contains("Self: 40 samples"), text);
        robot.moveTo(screenPoint(robot, node(TREE, "other")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tip.getText().contains("Total: 19 samples (19.0% of all"), tip.getText());
    }

    @Test
    void arrowKeysMoveTheSelectionEnterZoomsEscapeResets(FxRobot robot) {
        robot.interact(() -> graph.requestFocus());
        robot.type(KeyCode.UP);
        assertEquals(CallTree.ROOT, graph.selectedNodeProperty().get(), "the first key selects the zoomed frame");
        robot.type(KeyCode.UP);
        int main = node(TREE, "main");
        assertEquals(main, graph.selectedNodeProperty().get(), "up in a flame graph goes to the widest child");
        robot.type(KeyCode.RIGHT);
        assertEquals(node(TREE, "other"), graph.selectedNodeProperty().get());
        robot.type(KeyCode.LEFT);
        assertEquals(main, graph.selectedNodeProperty().get());
        robot.type(KeyCode.UP);
        assertEquals(node(TREE, "main", "a"), graph.selectedNodeProperty().get(), "a and b tie at 40: the first");
        robot.type(KeyCode.RIGHT);
        assertEquals(node(TREE, "main", "b"), graph.selectedNodeProperty().get());
        robot.type(KeyCode.DOWN);
        assertEquals(main, graph.selectedNodeProperty().get(), "down goes to the parent");
        robot.type(KeyCode.ENTER);
        assertEquals(main, graph.getZoomNode());
        robot.type(KeyCode.ESCAPE);
        assertEquals(CallTree.ROOT, graph.getZoomNode());
        robot.interact(() -> graph.icicleProperty().set(true));
        robot.type(KeyCode.DOWN);
        assertEquals(node(TREE, "main", "a"), graph.selectedNodeProperty().get(), "in an icicle, down is the child");
        robot.type(KeyCode.UP);
        assertEquals(main, graph.selectedNodeProperty().get());
        robot.interact(() -> graph.icicleProperty().set(false));
    }

    /** An empty flame graph under the user's own filter says which filter, and what to do about it. */
    @Test
    void anEmptyTreeUnderAFilterSaysWhichFilter() {
        CallTree none = CallTreeBuilder.build(TREE.profile(), TREE.query().withThreads(new java.util.BitSet()));
        assertEquals(0, none.total());
        assertEquals("No samples in this view for the threads or JVM chosen; pick another view, or widen the filter",
                dev.firesight.app.flame.model.CallFlameTree.of(none).emptyText());
        CallTree whole = CallTreeBuilder.build(TREE.profile(), TREE.query());
        assertEquals("No samples in this view", dev.firesight.app.flame.model.CallFlameTree.of(whole).emptyText());
    }

    @Test
    void zoomPathSurvivesANewTreeAndFallsBackToTheDeepestAncestor(FxRobot robot) {
        int z = node(TREE, "main", "a", "y");
        robot.interact(() -> graph.zoomTo(z));
        int[] path = graph.getZoomPath();
        // Same profile, a filter that removes y: as after the window adds an exclude filter.
        CallTree other = CallTreeBuilder.build(TREE.profile(), TREE.query().withExclude(Pattern.compile("y")));
        robot.interact(() -> graph.setTree(other));
        assertArrayEquals(path, graph.getZoomPath(), "the path is kept for the next tree");
        assertEquals(List.of("all", "main", "a"), graph.breadcrumb());
        assertEquals(node(other, "main", "a"), graph.getZoomNode());
        robot.interact(() -> graph.setTree(TREE));
        assertEquals(z, graph.getZoomNode(), "back on a tree with the frame, the zoom is whole again");
        robot.interact(graph::resetZoom);
        assertEquals(List.of("all"), graph.breadcrumb());
    }

    @Test
    void searchReportsTheMatchedShareAndNextMatchZoomsToHiddenMatches(FxRobot robot) {
        robot.interact(() -> graph.searchProperty().set(search("^[xz]$")));
        FrameSearch r = graph.searchState();
        assertEquals(31, r.matchedWeight());
        assertEquals(31.0, r.percent(), 1e-9);
        assertEquals(2, r.matchCount());
        robot.interact(() -> graph.zoomTo(node(TREE, "main", "b")));
        robot.interact(graph::nextMatch);
        int x = node(TREE, "main", "a", "x");
        assertEquals(x, graph.currentMatchProperty().get(), "the heavier match (30) comes first");
        assertTrue(graph.isInZoom(x), "moving to a hidden match zooms to it");
        robot.interact(graph::nextMatch);
        assertEquals(node(TREE, "main", "c", "z"), graph.currentMatchProperty().get());
        robot.interact(graph::previousMatch);
        assertEquals(x, graph.currentMatchProperty().get());
        robot.interact(() -> {
            graph.searchProperty().set(FrameSearch.none());
            graph.resetZoom();
        });
        assertTrue(graph.searchState().isEmpty());
    }

    @Test
    void nextMatchGoesByWeightNotPositionAndScrollsToADeepMatch(FxRobot robot) {
        StringBuilder deep = new StringBuilder("main");
        for (int i = 1; i <= 60; i++) {
            deep.append(";f").append(i);
        }
        CallTree tall = SyntheticTrees.of("main;light 5", deep + ";leaf 10", "main;heavy 30");
        robot.interact(() -> {
            graph.setTree(tall);
            graph.searchProperty().set(search("^(light|leaf|heavy)$"));
        });
        int heavy = node(tall, "main", "heavy");
        int light = node(tall, "main", "light");
        String[] path = (deep + ";leaf").split(";");
        int leaf = node(tall, path);
        robot.interact(graph::nextMatch);
        assertEquals(heavy, graph.currentMatchProperty().get(), "heaviest first, though it is drawn last");
        robot.interact(graph::nextMatch);
        assertEquals(leaf, graph.currentMatchProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(graph.matchFillProperty().get(), visiblePixel(robot, leaf), "scrolled up to the deep match");
        robot.interact(graph::nextMatch);
        assertEquals(light, graph.currentMatchProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(graph.matchFillProperty().get(), visiblePixel(robot, light), "scrolled back down");
        robot.interact(graph::nextMatch);
        assertEquals(heavy, graph.currentMatchProperty().get(), "wrapping round");
        robot.interact(() -> {
            graph.searchProperty().set(FrameSearch.none());
            graph.setTree(TREE);
        });
    }

    @Test
    void aSearchOfAnotherTreeIsNotShown(FxRobot robot) {
        FrameSearch old = search("^b$");
        robot.interact(() -> graph.setTree(SyntheticTrees.of("main;b 3", "main;c 4")));
        robot.interact(() -> graph.searchProperty().set(old));
        assertTrue(graph.searchState().isEmpty(), "the search was run on the previous tree");
        robot.interact(() -> {
            graph.searchProperty().set(FrameSearch.none());
            graph.setTree(TREE);
        });
    }

    @Test
    void highlightedMethodAndSearchMatchesArePaintedInTheirColours(FxRobot robot) {
        int x = node(TREE, "main", "a", "x");
        robot.interact(() -> graph.highlightedNameIdProperty().set(TREE.nameId(x)));
        Color highlight = graph.highlightFillProperty().get();
        assertEquals(highlight, pixelAt(robot, x));
        robot.interact(() -> {
            graph.highlightedNameIdProperty().set(-1);
            graph.searchProperty().set(search("^b$"));
        });
        assertEquals(graph.matchFillProperty().get(), pixelAt(robot, node(TREE, "main", "b")));
        robot.interact(() -> graph.searchProperty().set(FrameSearch.none()));
    }

    private FrameSearch search(String regex) {
        try {
            return FrameSearch.run(graph.getFlameTree(), SearchPattern.regex(regex));
        } catch (SearchPattern.InvalidSearchException e) {
            throw new AssertionError(e);
        }
    }

    /** The colour in the middle of a frame as drawn now, scrolled as the graph is (the scroll bar's value). */
    private Color visiblePixel(FxRobot robot, int node) {
        Canvas c = canvas(robot);
        FlameLayout l = skin().currentLayout();
        int i = l.indexOf(node);
        double h = Math.max(c.getHeight(), l.rows() * FlameCanvasPainter.ROW_HEIGHT);
        double top = graph.lookupAll(".scroll-bar").stream().map(n -> ((ScrollBar) n).getValue()).findFirst()
                .orElse(0.0);
        int px = (int) ((l.x(i) + l.width(i) / 2) * c.getWidth());
        int py = (int) (FlameLayout.rowTop(l.depth(i), FlameCanvasPainter.ROW_HEIGHT, h, false) - top
                + FlameCanvasPainter.ROW_HEIGHT / 2);
        assertTrue(py >= 0 && py < c.getHeight(), "row " + py + " is outside the canvas");
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = c.snapshot(null, null));
        return img[0].getPixelReader().getColor(px, py);
    }

    @Test
    void contextMenuActionsReportTheFrameName(FxRobot robot) {
        List<String> excluded = new ArrayList<>();
        List<String> focused = new ArrayList<>();
        robot.interact(() -> {
            graph.onExcludeFrameProperty().set((Consumer<String>) excluded::add);
            graph.onFocusFrameProperty().set((Consumer<String>) focused::add);
        });
        robot.rightClickOn(screenPoint(robot, node(TREE, "main", "b")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Exclude frame");
        assertEquals(List.of("b"), excluded);
        robot.rightClickOn(screenPoint(robot, node(TREE, "other")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Focus on frame (filter)");
        assertEquals(List.of("other"), focused);
        assertEquals("main\nb", graph.stackText(node(TREE, "main", "b")));
    }

    /** The colour of a frame's pixel two pixels in from its left edge, away from the text. */
    private Color pixelAt(FxRobot robot, int node) {
        Canvas c = canvas(robot);
        FlameLayout l = skin().currentLayout();
        int i = l.indexOf(node);
        double h = Math.max(c.getHeight(), l.rows() * FlameCanvasPainter.ROW_HEIGHT);
        int px = (int) (l.x(i) * c.getWidth()) + 2;
        int py = (int) FlameLayout.rowTop(l.depth(i), FlameCanvasPainter.ROW_HEIGHT, h, false) + 2;
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = c.snapshot(null, null));
        return img[0].getPixelReader().getColor(px, py);
    }
}
