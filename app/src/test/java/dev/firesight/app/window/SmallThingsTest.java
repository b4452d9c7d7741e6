package dev.firesight.app.window;

import dev.firesight.app.info.RecordingInfoView;
import dev.firesight.app.tasks.ManualTaskRunner;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small things of issue 11, item 10, in the real window: a cancelled load is a neutral state with Retry,
 * Esc closes the recording info window and the thread filter, and a notice ends with the next action.
 */
class SmallThingsTest extends WindowTest {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }
    @Test
    void aCancelledLoadIsNeutralAndOffersRetry(FxRobot robot) {
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.jdk17(), runner);
        fx(robot, () -> {
            RecordingTabView v = new RecordingTabView(vm, () -> { });
            stage.setScene(new Scene((javafx.scene.Parent) v.tab().getContent(), 1000, 700));
            vm.load();
            return v;
        });
        robot.clickOn("#load-cancel");
        fxRun(robot, runner::runAll);
        assertEquals(RecordingTabViewModel.State.CANCELLED, vm.stateProperty().get());
        Node icon = ((Label) robot.lookup("#tab-state-icon").query()).getGraphic();
        assertTrue(icon.getStyleClass().contains("neutral"), "no error icon: " + icon.getStyleClass());
        // The pane is built on the cancel itself, and still styles its message as cancelled, not as an error.
        Label message = robot.lookup("#tab-error").query();
        assertTrue(message.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("cancelled")),
                "message styled as cancelled: " + message.getPseudoClassStates());
        Button retry = robot.lookup("#load-retry").query();
        assertTrue(retry.isVisible());

        robot.clickOn(retry);
        assertEquals(RecordingTabViewModel.State.LOADING, vm.stateProperty().get());
        fxRun(robot, runner::runAll);
        assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
    }

    /** Help ▸ Keyboard Shortcuts lists the menus' own accelerators, so it cannot drift from them, and the rest. */
    @Test
    void theShortcutsListIsReadFromTheMenus(FxRobot robot) {
        java.util.List<String> rows = fx(robot, () -> KeyboardShortcuts.rows(support.window().menus().node()))
                .stream().map(r -> r[0] + " = " + r[1]).toList();
        String open = javafx.scene.input.KeyCombination.keyCombination("Shortcut+O").getDisplayText();
        String back = javafx.scene.input.KeyCombination.keyCombination("Alt+Left").getDisplayText();
        assertTrue(rows.contains(open + " = File \u25b8 Open\u2026"), rows.toString());
        assertTrue(rows.contains(back + " = View \u25b8 Back"), rows.toString());
        assertTrue(rows.contains("Enter, Shift+Enter = Search field: next and previous match, heaviest first"));
        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        javafx.scene.layout.GridPane grid = robot.lookup("#keyboard-shortcuts").queryAs(javafx.scene.layout.GridPane.class);
        assertEquals(2 * rows.size(), grid.getChildren().size(), "a key and what it does, for each");
        robot.clickOn("Close");
        assertTrue(robot.lookup("#keyboard-shortcuts").tryQuery().isEmpty(), "closed");
    }

    @Test
    void aTabBuildsItsFailurePaneOnlyWhenItsLoadFails(FxRobot robot) throws Exception {
        support.open(robot, TestRecordings.jdk17());
        assertTrue(robot.lookup("#tab-error").tryQuery().isEmpty(), "a tab that loaded has no failure pane");
        Path notJfr = temp.resolve("notes.jfr");
        java.nio.file.Files.writeString(notJfr, "not a recording");
        fxRun(robot, () -> support.vm().openFiles(java.util.List.of(notJfr)));
        Label error = robot.lookup("#tab-error").query();
        assertTrue(error.isVisible(), "the failure pane shows");
        assertFalse(error.getText().isBlank(), "with a sentence");
    }

    @Test
    void theSideListsAreBuiltWhenTheirTabIsFirstShown(FxRobot robot) {
        support.open(robot, TestRecordings.jdk17());
        assertTrue(robot.lookup("#findings").tryQuery().isEmpty(), "Methods shows first; the findings list waits");
        javafx.scene.control.TabPane side = robot.lookup("#side-panel").queryAs(javafx.scene.control.TabPane.class);
        fxRun(robot, () -> side.getSelectionModel().select(side.getTabs().stream()
                .filter(t -> "findings-tab".equals(t.getId())).findFirst().orElseThrow()));
        assertTrue(robot.lookup("#findings").tryQuery().isPresent(), "built when its tab is shown");
        assertTrue(robot.lookup("#leak-suspects").tryQuery().isEmpty(), "the other lists still wait");
    }

    @Test
    void aFailedLoadKeepsItsErrorIconAndHasNoRetry(FxRobot robot) throws Exception {
        Path notJfr = temp.resolve("notes.jfr");
        java.nio.file.Files.writeString(notJfr, "not a recording");
        fxRun(robot, () -> support.vm().openFiles(java.util.List.of(notJfr)));
        assertEquals(RecordingTabViewModel.State.FAILED, support.window().selectedTab().viewModel().stateProperty().get());
        Node icon = ((Label) robot.lookup("#tab-state-icon").query()).getGraphic();
        assertFalse(icon.getStyleClass().contains("neutral"));
        assertFalse(robot.lookup("#load-retry").query().isVisible());
    }

    @Test
    void escClosesTheThreadFilterAndTheInfoWindow(FxRobot robot) {
        RecordingTabView tab = support.open(robot, TestRecordings.jdk17());
        MenuButton threads = tab.toolBar().threadFilter().node();
        robot.clickOn(threads);
        assertTrue(threads.isShowing());
        robot.type(KeyCode.ESCAPE);
        assertFalse(threads.isShowing(), "Esc closes the thread filter");

        Stage info = fx(robot, () -> RecordingInfoView.show(stage, tab.viewModel().profileProperty().get(), null));
        assertTrue(info.isShowing());
        fxRun(robot, info::requestFocus);
        robot.type(KeyCode.ESCAPE);
        assertFalse(info.isShowing(), "Esc closes the info window");
    }

    @Test
    void aNoticeEndsWithTheNextAction(FxRobot robot) {
        fxRun(robot, () -> support.window().notice("Exported SVG to /tmp/x.svg."));
        Label notice = robot.lookup("#notice").query();
        assertTrue(notice.isVisible());
        robot.clickOn(stage.getScene().getRoot());
        assertEquals("", notice.getText());
        assertFalse(notice.isVisible());
    }

    @Test
    void aNoticeNobodyActsOnGoesAfterItsTime(FxRobot robot) throws Exception {
        assertEquals(12, MainWindowView.NOTICE_TIME.toSeconds(), "long enough to read a path");
        fxRun(robot, () -> {
            support.window().notice("Exported SVG to /tmp/x.svg.");
            support.window().noticeTimeout().setRate(1000); // its 12 s pass in 12 ms: no test waits 12 s
        });
        Label notice = robot.lookup("#notice").query();
        // the guard only bounds a hang: the notice must go by itself, without any click or key
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !notice.isVisible());
        assertEquals("", notice.getText());
        fxRun(robot, () -> support.window().noticeTimeout().setRate(1));
    }
}
