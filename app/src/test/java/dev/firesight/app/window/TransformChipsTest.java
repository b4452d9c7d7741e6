package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.FlameGraphSkin;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.Sandwich;
import dev.firesight.parser.query.Transform;
import dev.firesight.parser.testing.CollapsedStacks;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transforms and the sandwich as a user reaches them on a real recording: the flame graph's context menu
 * merges a method into its callers and shows a chip, every view follows, and the chip's ✕ brings the view
 * back; the toolbar's "Only my code" is a chip too; "Show sandwich" opens callers and callees that each weigh
 * the method's total.
 */
@ExtendWith(ApplicationExtension.class)
class TransformChipsTest {
    private static final Path RECORDING = TestRecordings.jdk17();
    private static final String COMPUTE_HASHES = Workload.frame("computeHashes");

    @TempDir
    Path temp;

    private WindowTestSupport support;
    private RecordingTabView tab;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @BeforeEach
    void open(FxRobot robot) {
        tab = support.openLoaded(robot, RECORDING);
    }

    @Test
    void mergeFromTheContextMenuShowsAChipAndRemovingItRestoresTheView(FxRobot robot) {
        CallTree before = flame().getTree();
        long total = before.total(CallTree.ROOT);
        String statusTotal = ((Label) robot.lookup("#status-total").query()).getText();
        assertTrue(statusTotal.startsWith("CPU total: "), statusTotal);
        Path plain = temp.resolve("plain.txt");
        fxRun(robot, () -> support.window().exportActions().exportTo(tab, dev.firesight.app.export.ExportFormat.COLLAPSED,
                plain));
        assertTrue(totalOf(before, COMPUTE_HASHES) > 0, "the workload spends time in computeHashes");
        assertFalse(bar().isVisible(), "no chips while there are no transforms");

        robot.rightClickOn(pointOn(robot, COMPUTE_HASHES));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Merge into callers");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(bar().isVisible());
        assertEquals(List.of("Merge Workload.computeHashes"), chipTexts());
        CallTree merged = flame().getTree();
        assertEquals(0, totalOf(merged, COMPUTE_HASHES), "the merged frame is gone from the flame graph");
        assertEquals(totalOf(before, Workload.frame("burnCpu")), totalOf(merged, Workload.frame("burnCpu")),
                "its caller keeps its weight");
        assertEquals(total, merged.total(CallTree.ROOT), "the total stays");
        assertEquals(statusTotal, ((Label) robot.lookup("#status-total").query()).getText(),
                "and the status bar still says it");
        assertTrue(tab.viewModel().hotMethods().stream().noneMatch(m -> m.name().equals(COMPUTE_HASHES)),
                "the hot methods follow");
        Path exported = temp.resolve("merged.txt");
        fxRun(robot, () -> support.window().exportActions().exportTo(tab, dev.firesight.app.export.ExportFormat.COLLAPSED,
                exported));
        String text = read(exported);
        assertFalse(text.contains(COMPUTE_HASHES), "the export follows");
        assertEquals(CollapsedStacks.withoutFrame(CollapsedStacks.parse(read(plain)), COMPUTE_HASHES),
                CollapsedStacks.parse(text),
                "each stack lost the frame, its callees hang off its caller");

        robot.clickOn(chipRemoveButton(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(bar().isVisible(), "removing the chip removes the transform");
        assertEquals(totalOf(before, COMPUTE_HASHES), totalOf(flame().getTree(), COMPUTE_HASHES),
                "and the view is back");
        assertTrue(tab.viewModel().hotMethods().stream().anyMatch(m -> m.name().equals(COMPUTE_HASHES)));
    }

    @Test
    void theHotMethodsTableOffersTheSameActions(FxRobot robot) {
        fxRun(robot, () -> tab.hotMethods().filterField().setText("Workload.computeHashes"));
        Node cell = robot.from(tab.hotMethods().table()).lookup(".table-cell")
                .match((javafx.scene.control.Labeled l) -> l.getText() != null && l.getText().contains("computeHashes"))
                .queryAs(Node.class);
        // Monocle sends no context-menu request for a right click; the platforms do, and this is that request.
        javafx.geometry.Bounds b = cell.localToScene(cell.getBoundsInLocal());
        Point2D screen = cell.localToScreen(5, 5);
        fxRun(robot, () -> cell.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, screen.getX(), screen.getY(), false,
                new javafx.scene.input.PickResult(cell, b.getMinX() + 5, b.getMinY() + 5))));
        robot.clickOn("Collapse package " + Workload.class.getPackageName());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Collapse " + Workload.class.getPackageName()), chipTexts());
        assertTrue(tab.viewModel().hotMethods().stream().anyMatch(m -> m.name().equals(Workload.class.getPackageName())),
                "the package is one method now");
        assertTrue(tab.viewModel().hotMethods().stream().noneMatch(m -> m.name().equals(COMPUTE_HASHES)));
    }

    @Test
    void compareWithRestComparesTheTransformedStacks(FxRobot robot) {
        fxRun(robot, () -> tab.viewModel().addTransform(Transform.Merge.function(COMPUTE_HASHES)));
        var info = tab.viewModel().profileProperty().get().info();
        fxRun(robot, () -> support.vm().compareWithRest(tab.viewModel(), new dev.firesight.parser.query.TimeRange(
                info.startNanos(), info.startNanos() + info.durationNanos() / 2)));
        List<javafx.scene.control.Tab> extra = WindowTestSupport.fx(robot, () -> support.window().extraTabs());
        assertEquals(1, extra.size());
        dev.firesight.app.compare.ComparisonView view = (dev.firesight.app.compare.ComparisonView) extra.get(0)
                .getUserData();
        dev.firesight.app.flame.model.FlameTree diff = WindowTestSupport.fx(robot,
                () -> view.diffGraph().getFlameTree());
        assertNotNull(diff);
        boolean caller = false;
        for (int n = 1; n < diff.size(); n++) {
            assertFalse(diff.name(n).equals(COMPUTE_HASHES), "the merged method is merged in the comparison too");
            caller |= diff.name(n).equals(Workload.frame("burnCpu"));
        }
        assertTrue(caller, "its caller is there");
    }

    @Test
    void onlyMyCodeIsAToolbarToggleAndAChip(FxRobot robot) {
        long total = flame().getTree().total(CallTree.ROOT);
        assertTrue(tab.viewModel().hotMethods().stream().anyMatch(m -> m.name().startsWith("java.")));
        robot.clickOn("#only-my-code");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Only my code"), chipTexts());
        assertEquals(total, flame().getTree().total(CallTree.ROOT));
        CallTree mine = flame().getTree();
        for (int n = 1; n < mine.size(); n++) {
            if (mine.name(n).startsWith("java.")) {
                assertEquals(CallTree.ROOT, mine.parent(n), "only a stack with no code of its own keeps a JDK "
                        + "frame, its outermost: " + mine.name(n));
            }
        }
        robot.clickOn(chipRemoveButton(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tab.toolBar().onlyMyCode().isSelected(), "the toggle follows the chip");
        assertTrue(tab.viewModel().hotMethods().stream().anyMatch(m -> m.name().startsWith("java.")));
    }

    @Test
    void theSandwichsCallersAndCalleesEachWeighTheMethodsTotal(FxRobot robot) {
        MethodRow row = tab.viewModel().hotMethods().stream().filter(m -> m.name().equals(COMPUTE_HASHES))
                .findFirst().orElseThrow();
        robot.rightClickOn(pointOn(robot, COMPUTE_HASHES));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Show sandwich (callers and callees)");
        WaitForAsyncUtils.waitForFxEvents();

        SandwichView sandwich = tab.sandwich();
        assertTrue(sandwich.stage().isShowing());
        Sandwich s = tab.viewModel().sandwichProperty().get();
        assertNotNull(s);
        CallTree callers = sandwich.callersGraph().getTree();
        CallTree callees = sandwich.calleesGraph().getTree();
        assertEquals(row.total(), callers.total(CallTree.ROOT), "the callers weigh the method's total");
        assertEquals(row.total(), callees.total(CallTree.ROOT), "the callees weigh the method's total");
        assertEquals(COMPUTE_HASHES, callers.name(callers.firstChild(CallTree.ROOT)));
        assertEquals(COMPUTE_HASHES, callees.name(callees.firstChild(CallTree.ROOT)));
        assertTrue(callers.child(callers.firstChild(CallTree.ROOT), nameId(callers, Workload.frame("burnCpu")))
                != CallTree.NONE, "burnCpu calls computeHashes");
        Label title = robot.lookup("#sandwich-callers-title").queryAs(Label.class);
        assertTrue(title.getText().startsWith("Callers of Workload.computeHashes"), title.getText());

        // It follows the tab's transforms: merging the caller away hands the callers to burnCpu's caller.
        fxRun(robot, () -> tab.viewModel().addTransform(Transform.Merge.function(Workload.frame("burnCpu"))));
        CallTree merged = sandwich.callersGraph().getTree();
        assertEquals(row.total(), merged.total(CallTree.ROOT));
        assertTrue(merged.child(merged.firstChild(CallTree.ROOT), nameId(merged, Workload.frame("burnCpu")))
                == CallTree.NONE, "burnCpu is merged away in the sandwich too");

        robot.clickOn("#sandwich-callers-title");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sandwich.stage().isShowing(), "Esc closes it");
        assertEquals(-1, tab.viewModel().sandwichMethodProperty().get());
        assertNull(tab.viewModel().sandwichProperty().get());

        fxRun(robot, () -> tab.viewModel().sandwichMethodProperty().set(row.nameId()));
        assertTrue(sandwich.stage().isShowing(), "it opens again");
        fxRun(robot, () -> support.vm().close(tab.viewModel()));
        assertFalse(sandwich.stage().isShowing(), "closing the tab closes its sandwich");
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private FlameGraph flame() {
        return tab.flameGraph();
    }

    private Pane bar() {
        return tab.transformBar();
    }

    private List<String> chipTexts() {
        return bar().getChildren().stream().filter(n -> n.getStyleClass().contains(TransformBar.CHIP))
                .map(n -> ((Label) ((Pane) n).getChildren().get(0)).getText()).toList();
    }

    private Node chipRemoveButton(int i) {
        Pane chip = (Pane) bar().getChildren().stream().filter(n -> n.getStyleClass().contains(TransformBar.CHIP))
                .toList().get(i);
        return chip.getChildren().stream().filter(n -> n instanceof Button).findFirst().orElseThrow();
    }

    /** The summed total of a method's outermost frames in a tree. */
    private static long totalOf(CallTree t, String name) {
        long sum = 0;
        for (int n = 1; n < t.size(); n++) {
            if (t.name(n).equals(name) && !hasAncestorNamed(t, n, name)) {
                sum += t.total(n);
            }
        }
        return sum;
    }

    private static boolean hasAncestorNamed(CallTree t, int n, String name) {
        for (int p = t.parent(n); p > CallTree.ROOT; p = t.parent(p)) {
            if (t.name(p).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int nameId(CallTree t, String name) {
        for (int n = 1; n < t.size(); n++) {
            if (t.name(n).equals(name)) {
                return t.nameId(n);
            }
        }
        return -1;
    }

    /** A point on screen over the widest drawn frame of a method, found by asking the skin what is where. */
    private Point2D pointOn(FxRobot robot, String name) {
        Canvas canvas = robot.from(flame()).lookup(".flame-canvas").queryAs(Canvas.class);
        FlameGraphSkin skin = (FlameGraphSkin) flame().getSkin();
        CallTree t = flame().getTree();
        Point2D best = null;
        long bestTotal = 0;
        for (double y = 2; y < canvas.getHeight(); y += 4) {
            for (double x = 2; x < canvas.getWidth(); x += canvas.getWidth() / 64) {
                int node = skin.nodeAt(x, y);
                if (node > CallTree.ROOT && t.name(node).equals(name) && t.total(node) > bestTotal) {
                    bestTotal = t.total(node);
                    best = canvas.localToScreen(x, y);
                }
            }
        }
        assertNotNull(best, name + " is drawn");
        return best;
    }
}
