package dev.firesight.app.window;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.SynchronousTaskRunner;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Starts the real window through its composition root, with a synchronous runner and scripted dialogs. */
final class WindowTestSupport {
    /** File dialogs that answer from queues the test fills, the way a user would pick files. */
    static final class ScriptedDialogs implements FileDialogs {
        final List<Path> nextRecordings = new ArrayList<>();
        Path nextExportTarget;
        String lastSuggestedName;

        @Override
        public List<Path> chooseRecordings(Window owner) {
            List<Path> out = List.copyOf(nextRecordings);
            nextRecordings.clear();
            return out;
        }

        @Override
        public Optional<Path> chooseExportTarget(Window owner, String description, String extension,
                                                 String suggestedName) {
            lastSuggestedName = suggestedName;
            return Optional.ofNullable(nextExportTarget);
        }
    }

    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final Path recentStore;
    FiresightApp app;

    WindowTestSupport(Path tempDir) {
        this.recentStore = tempDir.resolve("config").resolve("recent-files");
    }

    void start(Stage stage) {
        app = new FiresightApp(new SynchronousTaskRunner(), new RecentFiles(recentStore), dialogs, List.of());
        app.start(stage);
    }

    MainWindowView window() {
        return app.window();
    }

    MainWindowViewModel vm() {
        return app.window().viewModel();
    }

    /** Opens a recording as the user would and returns its tab, failing unless it loaded. */
    RecordingTabView open(FxRobot robot, Path recording) {
        fxRun(robot, () -> vm().openFiles(List.of(recording)));
        RecordingTabView tab = window().selectedTab();
        org.junit.jupiter.api.Assertions.assertNotNull(tab);
        org.junit.jupiter.api.Assertions.assertEquals(RecordingTabViewModel.State.READY,
                tab.viewModel().stateProperty().get(), tab.viewModel().messageProperty().get());
        return tab;
    }

    /** Runs on the FX thread and waits for the result and the layout passes it causes. */
    static <T> T fx(FxRobot robot, Callable<T> action) {
        T[] out = newArray();
        robot.interact(() -> {
            try {
                out[0] = action.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return out[0];
    }

    static void fxRun(FxRobot robot, Runnable action) {
        robot.interact(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray() {
        return (T[]) new Object[1];
    }

    /** A copy of a recording cut to a fraction of its length: a real damaged file. */
    static Path truncatedCopy(Path recording, double fraction, Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        Path out = dir.resolve("damaged-" + recording.getFileName());
        Files.write(out, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return out;
    }
}
