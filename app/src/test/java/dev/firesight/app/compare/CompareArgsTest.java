package dev.firesight.app.compare;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.app.window.RecentFiles;
import dev.firesight.parser.testing.TestRecordings;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code firesight A.jfr B.jfr}: two files on the command line open as a comparison. */
@ExtendWith(ApplicationExtension.class)
class CompareArgsTest {
    @TempDir
    Path temp;
    private FiresightApp app;

    @Start
    void start(Stage stage) {
        Path base = TestRecordings.halved(1.0);
        Path target = TestRecordings.halved(0.5);
        app = new FiresightApp(new SynchronousTaskRunner(), new RecentFiles(temp.resolve("recent")),
                new ComparisonWindowTest.Dialogs(), List.of(base.toString(), target.toString(), "--view=alloc"));
        app.start(stage);
    }

    @Test
    void twoFilesOpenAComparison(FxRobot robot) {
        ComparisonView view = ComparisonWindowTest.onlyComparison(robot, app.window());
        ComparisonWindowTest.assertHalvedDiff(robot, view);
        assertEquals("halved-1_00", view.viewModel().base().label().substring(0, 11));
        assertEquals(2, app.window().viewModel().tabs().size());
    }
}
