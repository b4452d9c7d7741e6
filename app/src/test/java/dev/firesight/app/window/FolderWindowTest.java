package dev.firesight.app.window;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A folder of dumps from two JVMs opens from File ▸ Open Folder as one recording, in one tab, and the source
 * filter shows one JVM: the flame graph then weighs exactly that JVM's samples.
 */
@ExtendWith(ApplicationExtension.class)
class FolderWindowTest {
    @TempDir
    Path temp;
    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @Test
    void aFolderOpensAsOneRecordingAndFiltersToOneSource(FxRobot robot) throws Exception {
        Path folder = TestRecordings.twoJvms();
        support.dialogs.nextFolder = folder;
        fxRun(robot, () -> support.window().showOpenFolderDialog());
        RecordingTabView tab = support.window().selectedTab();
        RecordingTabViewModel vm = tab.viewModel();
        assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertEquals(1, fx(robot, () -> support.window().tabPane().getTabs().size()), "one tab for the folder");

        Profile reference = Recordings.open(folder);
        assertEquals(2, reference.sources().count(), "two JVMs: " + reference.sources().names());
        ViewKind view = fx(robot, () -> vm.viewProperty().get());
        assertEquals(StackWeights.compute(reference, ProfileQuery.of(view), () -> false).total(),
                (long) fx(robot, () -> tab.flameGraph().getTree().total()), "every JVM's samples at first");

        @SuppressWarnings("unchecked")
        ComboBox<Integer> sources = robot.lookup("#source-filter").queryAs(ComboBox.class);
        assertTrue(fx(robot, sources::isVisible), "the source filter shows for two JVMs");
        assertEquals(3, (int) fx(robot, () -> sources.getItems().size()), "all, and each JVM");
        for (int source = 0; source < 2; source++) {
            int pick = source + 1;
            fxRun(robot, () -> sources.setValue(pick));
            long expected = StackWeights.compute(reference, ProfileQuery.of(view)
                    .withThreads(reference.sources().threads(pick - 1)), () -> false).total();
            assertEquals(expected, (long) fx(robot, () -> tab.flameGraph().getTree().total()),
                    reference.sources().names().get(pick - 1));
            assertTrue(expected > 0, "each JVM has samples");
        }
        fxRun(robot, () -> sources.setValue(0));
        assertEquals(null, fx(robot, () -> vm.threadsProperty().get()), "all JVMs again");
    }

    @Test
    void aSingleRecordingHasNoSourceFilter(FxRobot robot) {
        fxRun(robot, () -> support.vm().openFiles(java.util.List.of(TestRecordings.jdk17())));
        assertFalse(fx(robot, () -> robot.lookup("#source-filter").queryAs(ComboBox.class).isVisible()));
    }
}
