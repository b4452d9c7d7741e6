package dev.firesight.app.attach;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.FxTaskRunner;
import dev.firesight.app.window.FileDialogs;
import dev.firesight.app.window.RecentFiles;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The real window with a real (threaded) task runner and recordings written into a test folder. */
final class AttachTestSupport {
    final Path recordings;
    final FxTaskRunner tasks = new FxTaskRunner(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), Platform::runLater);
    FiresightApp app;

    AttachTestSupport(Path temp) {
        this.recordings = temp.resolve("recordings");
    }

    void start(Stage stage, Duration attachTimeout, Path temp) {
        FileDialogs none = new FileDialogs() {
            @Override
            public List<Path> chooseRecordings(Window owner) {
                return List.of();
            }

            @Override
            public Optional<Path> chooseExportTarget(Window owner, String description, String extension,
                                                     String suggestedName) {
                return Optional.empty();
            }
        };
        app = new FiresightApp(tasks, new RecentFiles(temp.resolve("recent-files")), none, List.of(),
                () -> AttachBackend.writingTo(recordings, attachTimeout));
        app.start(stage);
    }

    void stop() {
        Platform.runLater(() -> {
            if (app.attachDialog() != null) {
                app.attachDialog().hide();
            }
            app.window().viewModel().dispose();
        });
        WaitForAsyncUtils.waitForFxEvents();
        tasks.shutdown();
    }

    /** Reads state on the FX thread. */
    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (bounded) until {@code condition}, evaluated on the FX thread, holds. */
    static void await(String what, Duration limit, Callable<Boolean> condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(onFx(condition))) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
    }

    static void awaitOffFx(String what, Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
