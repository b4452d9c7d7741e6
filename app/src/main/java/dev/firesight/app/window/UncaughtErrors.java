package dev.firesight.app.window;

import java.util.function.Consumer;

/**
 * The last line of defence: any exception nobody caught becomes one sentence for the user (shown
 * through {@code show}, on the UI thread), never a stack trace on screen. The trace still goes to
 * standard error for a bug report.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private final Consumer<Runnable> uiThread;
    private final Consumer<String> show;

    public UncaughtErrors(Consumer<Runnable> uiThread, Consumer<String> show) {
        this.uiThread = uiThread;
        this.show = show;
    }

    public static String describe(Throwable e) {
        return "Something went wrong: " + ErrorMessages.sentence(e) + ". Your recordings are unchanged.";
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        System.err.println("Firesight: uncaught " + e + " in thread " + t.getName());
        e.printStackTrace();
        String sentence = describe(e);
        try {
            uiThread.accept(() -> show.accept(sentence));
        } catch (RuntimeException ignored) {
            // the UI is gone; standard error has it
        }
    }
}
