package dev.firesight.app.window;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.Label;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window started with a recording and --view=alloc on its command line, as the jar passes them. */
@ExtendWith(ApplicationExtension.class)
class CommandLineTest {
    @TempDir
    Path temp;

    private FiresightApp app;

    @Start
    void start(Stage stage) {
        WindowTestSupport.ScriptedDialogs dialogs = new WindowTestSupport.ScriptedDialogs();
        app = new FiresightApp(new SynchronousTaskRunner(), new RecentFiles(temp.resolve("recent")), dialogs,
                List.of("--view=alloc", TestRecordings.jdk17().toString()));
        app.start(stage);
    }

    @Test
    void opensTheFileFromTheCommandLineAtTheAskedView(FxRobot robot) {
        MainWindowViewModel vm = app.window().viewModel();
        assertEquals(1, vm.tabs().size());
        RecordingTabViewModel tab = vm.tabs().get(0);
        assertEquals(RecordingTabViewModel.State.READY, tab.stateProperty().get());
        assertEquals(ViewKind.ALLOC, tab.viewProperty().get());
        assertFalse(robot.lookup("#empty-state").query().isVisible());
    }

    @Test
    void uncaughtErrorsBecomeASentence(FxRobot robot) {
        Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(),
                new IllegalStateException("the widget fell over"));
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = robot.lookup("#notice").query();
        assertTrue(notice.isVisible());
        assertEquals("Something went wrong: the widget fell over. Your recordings are unchanged.", notice.getText());
    }
}
