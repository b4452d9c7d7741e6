package dev.firesight.app.tasks;

/**
 * Runs background work and hands its outcome back on the UI thread. The window takes one through its
 * constructor: {@link FxTaskRunner} in the application, {@link SynchronousTaskRunner} in tests, so a
 * test sees the result as soon as the call returns.
 */
public interface TaskRunner {
    <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskCallbacks<T> callbacks);

    /** Stops accepting work and lets running tasks wind down. */
    default void shutdown() {
    }
}
