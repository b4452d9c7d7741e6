package dev.firesight.app;

/**
 * Starts the window. Kept apart from {@link Launcher} so that the JavaFX classes are only loaded when a
 * window is really wanted.
 */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        javafx.application.Application.launch(FiresightApp.class, args);
    }
}
