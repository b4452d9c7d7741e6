package dev.firesight.app.attach;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.FxTaskRunner;
import dev.firesight.app.window.FileDialogs;
import dev.firesight.app.window.RecentFiles;
import dev.firesight.attach.AttachException;
import dev.firesight.attach.JvmWatcher;
import dev.firesight.attach.RecordingRequest;
import dev.firesight.attach.RecordingSession;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The real window with a real (threaded) task runner and recordings written into a test folder. */
final class AttachTestSupport {
    final Path recordings;
    final FxThreadGuard tasks = new FxThreadGuard(
            new FxTaskRunner(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), Platform::runLater));
    /** Each attach that started on the FX thread (it blocks until the JVM answers); empty when all is well. */
    final List<String> attachesOnFx = new CopyOnWriteArrayList<>();
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
                () -> checkingThread(AttachBackend.writingTo(recordings, attachTimeout)));
        app.start(stage);
    }

    private AttachBackend checkingThread(AttachBackend backend) {
        return new AttachBackend() {
            @Override
            public JvmWatcher watcher(Duration interval, JvmWatcher.Listener listener) {
                return backend.watcher(interval, listener);
            }

            @Override
            public RecordingSession start(long pid, RecordingRequest request) throws AttachException {
                if (Platform.isFxApplicationThread()) {
                    attachesOnFx.add("attach to " + pid);
                }
                return backend.start(pid, request);
            }

            @Override
            public dev.firesight.attach.RemoteJvm connect(dev.firesight.attach.JmxTarget target)
                    throws AttachException {
                if (Platform.isFxApplicationThread()) {
                    attachesOnFx.add("connect to " + target);
                }
                return backend.connect(target);
            }

            @Override
            public dev.firesight.attach.RecentConnections recentConnections() {
                return backend.recentConnections();
            }
        };
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
