package dev.firesight.app.attach;

import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.AttachLauncher;
import dev.firesight.app.window.MainWindowViewModel;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The attach flow as the window starts it: the attach dialog over the window's stage, built (with its
 * backend) the first time it opens and shown again after that.
 */
public final class AttachDialogLauncher implements AttachLauncher {
    private final Stage owner;
    private final TaskRunner tasks;
    private final Supplier<AttachBackend> backend;
    private final Duration jvmListRefresh;
    private final Duration liveViewRefresh;
    private AttachDialogView dialog;

    /**
     * @param backend         makes the attach backend the first time the dialog opens
     * @param jvmListRefresh  how often the dialog lists the JVMs again by itself
     * @param liveViewRefresh how often a live recording's tab is refreshed from a new snapshot
     */
    public AttachDialogLauncher(Stage owner, TaskRunner tasks, Supplier<AttachBackend> backend,
                                Duration jvmListRefresh, Duration liveViewRefresh) {
        this.owner = owner;
        this.tasks = tasks;
        this.backend = backend;
        this.jvmListRefresh = jvmListRefresh;
        this.liveViewRefresh = liveViewRefresh;
    }

    @Override
    public void open(MainWindowViewModel window) {
        if (dialog == null) {
            dialog = new AttachDialogView(new AttachDialogViewModel(backend.get(), tasks, Platform::runLater, window,
                    jvmListRefresh, liveViewRefresh));
        }
        dialog.show(owner, owner.getScene() == null ? List.of() : owner.getScene().getStylesheets());
    }

    /** The dialog once opened, else null. */
    public AttachDialogView dialog() {
        return dialog;
    }

    /** Lets a recording in progress complete its file before the application exits. */
    public void stopBeforeExit() {
        if (dialog != null) {
            dialog.viewModel().stopBeforeExit();
        }
    }
}
