package dev.firesight.app;

import dev.firesight.app.cli.Cli;
import dev.firesight.app.tasks.AppEvents;
import dev.firesight.parser.Recordings;

import java.util.Optional;

/**
 * The jar's entry point. It is deliberately not a JavaFX {@code Application}: the JDK refuses to start
 * an Application subclass from a plain class path, and the command-line subcommands must run without
 * a display (or JavaFX natives) at all.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        AppEvents.event("launcher main");
        Recordings.removeStaleScratchFiles();
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        Optional<String> noDisplay = DesktopLauncher.missingDisplay(System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            System.exit(2);
        }
        int status = DesktopLauncher.launch(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
