package dev.firesight.app.compare;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.window.MainWindowView;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
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

import static dev.firesight.app.compare.ComparisonWindowTest.ALLOC;
import static dev.firesight.app.compare.ComparisonWindowTest.fx;
import static dev.firesight.app.compare.ComparisonWindowTest.onlyComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 1: File ▸ Compare Recordings offers the open recordings by file name, and Ctrl+Shift+D
 * compares the two open recordings wherever the keyboard focus is, not only on the flame graph.
 */
@ExtendWith(ApplicationExtension.class)
class CompareRecordingsTest {
    private static final Path BASE = TestRecordings.halved(1.0);
    private static final Path TARGET = TestRecordings.halved(0.5);

    @TempDir
    Path temp;
    private final ComparisonWindowTest.Dialogs dialogs = new ComparisonWindowTest.Dialogs();
    private FiresightApp app;

    @Start
    void start(Stage stage) {
        app = ComparisonWindowTest.startWindow(stage, dialogs, temp);
    }

    @Test
    void compareRecordingsOffersTheOtherRecordingsByFileName(FxRobot robot) {
        Path third = TestRecordings.jdk17();
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(BASE, third, TARGET), ALLOC));
        dialogs.baseline = BASE.getFileName().toString();
        robot.clickOn("File").clickOn("Compare Recordings…");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(BASE.getFileName().toString(), third.getFileName().toString()),
                dialogs.offeredBaselines, "the selected recording is the target; the others are offered by name");
        ComparisonView view = onlyComparison(robot, window);
        assertEquals(BASE.getFileName().toString(), view.viewModel().base().label());
        assertEquals(TARGET.getFileName().toString(), view.viewModel().target().label());
    }

    @Test
    void ctrlShiftDComparesWhereverTheFocusIs(FxRobot robot) {
        openPair(robot);
        for (String id : new String[] {"#search", "#hot-methods", "#view-selector", "#method-filter", "#reverse",
                "#search-case", "#recordings", "#flame-graph", "#timeline-toggle", ".color-mode", "#thread-filter"}) {
            Node focus = robot.lookup(id).query();
            robot.interact(focus::requestFocus);
            assertTrue(fx(robot, focus::isFocused), id + " has the focus");
            pressCompare(robot);
            assertPairCompared(robot, id);
            robot.interact(() -> {
                javafx.scene.control.Tab tab = app.window().extraTabs().get(0);
                tab.getTabPane().getTabs().remove(tab);
                tab.getOnClosed().handle(null);
            });
        }
    }

    /** The thread filter's search field sits in a popup window of its own, where the keys go first. */
    @Test
    void ctrlShiftDComparesFromTheThreadFiltersPopup(FxRobot robot) {
        openPair(robot);
        robot.clickOn("#thread-filter");
        Node field = robot.lookup("#thread-search").query();
        assertTrue(fx(robot, field::isFocused), "the popup's search field has the focus");
        pressCompare(robot);
        assertPairCompared(robot, "#thread-search");
    }

    private void openPair(FxRobot robot) {
        robot.interact(() -> app.window().viewModel().openFiles(List.of(BASE, TARGET), ALLOC));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void pressCompare(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertPairCompared(FxRobot robot, String focus) {
        assertEquals(1, fx(robot, () -> app.window().extraTabs().size()), "Ctrl+Shift+D with the focus on " + focus);
        ComparisonView view = onlyComparison(robot, app.window());
        assertEquals(BASE.getFileName().toString(), view.viewModel().base().label());
        assertEquals(TARGET.getFileName().toString(), view.viewModel().target().label());
    }
}
