package dev.firesight.app;

import sun.misc.Signal;

import java.util.List;

/**
 * Quits the window the way File ▸ Quit does when a terminal or the desktop session ends it (SIGINT, SIGHUP,
 * SIGTERM). Left to the JVM, such a signal runs only the shutdown hooks: the application's own stop() never
 * ran, so a live recording was not stopped and saved, and JavaFX's hook tore the renderer down under a pulse,
 * which printed a stack trace on the terminal. A second signal, or a quit that hangs, exits at once.
 */
final class QuitOnSignal {
    /** How long a quit may take (a live recording being saved) before the process exits anyway. */
    static final long GRACE_MS = 15_000;
    private static final List<String> SIGNALS = List.of("INT", "HUP", "TERM");

    /** The signal that asked to quit, 0 while none did. */
    private static volatile int received;

    private QuitOnSignal() {
    }

    /**
     * Makes these signals run {@code quit}, which must end the window (or throw when there is none yet: then
     * the process exits as it would have).
     */
    static void install(Runnable quit) {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> onSignal(signal.getNumber(), quit));
            } catch (IllegalArgumentException e) {
                // not a signal on this platform (Windows has no HUP), or the JVM keeps it (-Xrs): as before
            }
        }
    }

    private static void onSignal(int number, Runnable quit) {
        if (received != 0) {
            System.exit(128 + number); // asked twice: no more waiting
        }
        received = number;
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(128 + number);
        }, "firesight-quit-deadline");
        deadline.setDaemon(true); // a quit that ends in time ends the JVM without it
        deadline.start();
        try {
            quit.run();
        } catch (RuntimeException e) {
            System.exit(128 + number); // no window to close yet
        }
    }

    /** The exit status a shell expects of a process ended by the signal received (128 + its number), or 0. */
    static int exitStatus() {
        return received == 0 ? 0 : 128 + received;
    }
}
