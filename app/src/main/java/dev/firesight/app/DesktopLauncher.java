package dev.firesight.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts the window. Kept apart from {@link Launcher} so that the JavaFX classes are only loaded when a
 * window is really wanted, and only when there is a display to show it on.
 */
final class DesktopLauncher {
    static final String CONFIGURATION_WARNING = "Unsupported JavaFX configuration";
    /**
     * JavaFX's logger, held so that it (and the filter set on it) is not collected. JavaFX warns through it
     * that its classes come from the class path rather than modules: true of every runnable jar, harmless,
     * and nothing a user can act on.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private DesktopLauncher() {
    }

    /** Shows the window until it is closed; returns the exit status (not 0 when a signal ended it). */
    static int launch(String[] args) {
        silenceConfigurationWarning();
        QuitOnSignal.install(() -> javafx.application.Platform.runLater(javafx.application.Platform::exit));
        javafx.application.Application.launch(FiresightApp.class, args);
        return QuitOnSignal.exitStatus();
    }

    static void silenceConfigurationWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CONFIGURATION_WARNING));
    }

    /**
     * The one line to print instead of starting the window when there is no display, or empty. Only X11 and
     * Wayland systems need one named in the environment; macOS and Windows always have theirs, and a glass
     * platform set explicitly (Monocle, headless) needs none.
     */
    static Optional<String> missingDisplay(Map<String, String> environment, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (glassPlatform != null || os.startsWith("mac") || os.startsWith("windows")
                || !blank(environment.get("DISPLAY")) || !blank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("firesight: there is no display to open the window on (DISPLAY is not set); without one,"
                + " use the command line, e.g. 'firesight summary FILE.jfr' ('firesight --help' lists the commands).");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
