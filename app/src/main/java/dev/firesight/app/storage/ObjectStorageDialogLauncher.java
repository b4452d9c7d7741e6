package dev.firesight.app.storage;

import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.storage.ObjectCache;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * File ▸ Open from Object Storage as the window starts it: the dialog over the window's stage, built the
 * first time it opens and shown again after that; what it downloads opens in the window as a folder does.
 */
public final class ObjectStorageDialogLauncher {
    private final Stage owner;
    private final MainWindowViewModel window;
    private Path cacheFolder = ObjectCache.standardFolder();
    private ObjectStorageDialogView dialog;

    public ObjectStorageDialogLauncher(Stage owner, MainWindowViewModel window) {
        this.owner = owner;
        this.window = window;
    }

    public void open() {
        dialog().show(owner, owner.getScene() == null ? List.of() : owner.getScene().getStylesheets());
    }

    /** The dialog, made the first time it is asked for. */
    public ObjectStorageDialogView dialog() {
        if (dialog == null) {
            dialog = new ObjectStorageDialogView(new ObjectStorageDialogViewModel(window.tasks(),
                    window.settingsStore("object-storage"), cacheFolder, ObjectCache.DEFAULT_CAP,
                    this::opened, Platform::runLater));
        }
        return dialog;
    }

    /** The downloaded recordings open in the window, which the dialog then leaves in view. */
    private void opened(Path folder) {
        window.openFiles(List.of(folder));
        dialog.hide();
    }

    /** Keeps downloaded objects in {@code folder} instead of the user's cache folder (tests); before the first open. */
    public void useCache(Path folder) {
        cacheFolder = folder;
    }
}
