package dev.firesight.app.window;

/**
 * Starts the attach flow (Ctrl+Shift+A); the composition root passes one into {@link MainWindowViewModel}.
 * What it records opens in {@code window} as a live tab.
 */
@FunctionalInterface
public interface AttachLauncher {
    void open(MainWindowViewModel window);
}
