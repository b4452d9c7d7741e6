package dev.firesight.app.window;

import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, item 5: Ctrl+W closes the tab shown and selects its neighbour; comparisons outlive recordings. */
@ExtendWith(ApplicationExtension.class)
class TabClosingTest {
    @TempDir
    Path temp;
    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    private static void ctrlW(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Tab shown(FxRobot robot) {
        return fx(robot, () -> support.window().tabPane().getSelectionModel().getSelectedItem());
    }

    @Test
    void ctrlWClosesTheShownTabAndSelectsItsNeighbour(FxRobot robot) {
        List<Path> four = List.of(TestRecordings.jdk17(), FlameTabTest.publicRecording("v2.1-jdk21.jfr"),
                FlameTabTest.DEEP, FlameTabTest.publicRecording("v2.0-jdk11-recording.jfr"));
        four.forEach(p -> support.open(robot, p));
        List<RecordingTabViewModel> tabs = List.copyOf(support.vm().tabs());
        assertEquals(4, tabs.size());
        fxRun(robot, () -> support.vm().selectedProperty().set(tabs.get(2)));
        // the keyboard focus somewhere inside the tab
        fxRun(robot, () -> support.window().selectedTab().hotMethods().table().requestFocus());

        ctrlW(robot);
        assertEquals(List.of(tabs.get(0), tabs.get(1), tabs.get(3)), support.vm().tabs());
        assertSame(tabs.get(3), support.vm().selectedProperty().get(), "the next tab, not the first");
        assertSame(tabs.get(3), shown(robot).getUserData(), "the tab pane shows the selected recording");

        ctrlW(robot);
        assertSame(tabs.get(1), support.vm().selectedProperty().get(), "the last tab closed: the previous one");
        assertSame(tabs.get(1), shown(robot).getUserData());
    }

    @Test
    void comparisonTabsStayShownWhenEveryRecordingIsClosed(FxRobot robot) {
        RecordingTabView a = support.open(robot, TestRecordings.halved(1.0));
        RecordingTabView b = support.open(robot, TestRecordings.halved(0.5));
        fxRun(robot, () -> support.vm().compare(a.viewModel(), b.viewModel()));
        Tab comparison = support.window().extraTabs().get(0);
        assertSame(comparison, shown(robot));

        fxRun(robot, () -> support.vm().close(a.viewModel()));
        fxRun(robot, () -> support.vm().close(b.viewModel()));
        TabPane pane = support.window().tabPane();
        assertEquals(List.of(comparison), fx(robot, () -> List.copyOf(pane.getTabs())));
        assertTrue(fx(robot, pane::isVisible), "the comparison is still shown");
        assertFalse(fx(robot, () -> robot.lookup("#empty-state").query().isVisible()));

        support.open(robot, TestRecordings.halved(1.0));
        assertEquals(2, fx(robot, () -> pane.getTabs().size()));
        fxRun(robot, () -> pane.getSelectionModel().select(comparison));
        ctrlW(robot);
        assertEquals(List.of(), support.window().extraTabs(), "Ctrl+W closes the comparison shown");
        assertEquals(1, support.vm().tabs().size(), "and not the recording");
        assertSame(support.vm().tabs().get(0), shown(robot).getUserData());

        ctrlW(robot);
        assertTrue(fx(robot, () -> pane.getTabs().isEmpty()));
        assertTrue(fx(robot, () -> robot.lookup("#empty-state").query().isVisible()), "nothing open: the empty state");
    }
}
