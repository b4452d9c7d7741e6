package dev.firesight.app.tasks;

/**
 * Runs background work and hands its outcome back on the UI thread. The window takes one through its
 * constructor: {@link FxTaskRunner} in the application, {@link SynchronousTaskRunner} in tests, so a
 * test sees the result as soon as the call returns.
 */
public interface TaskRunner {
    /** Which waiting work a free worker takes first. */
    enum Priority {
        /**
         * What the user is looking at or just asked for: opening a recording, the flame graph's query, a search,
         * callers and callees.
         * It goes before waiting {@link #NORMAL} work, so a new flame graph does not wait behind findings.
         */
        SHOWN,
        /** Everything else, in the order it was asked for. */
        NORMAL
    }

    <T> TaskHandle submit(String name, Priority priority, BackgroundTask<T> task, TaskCallbacks<T> callbacks);

    default <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        return submit(name, Priority.NORMAL, task, callbacks);
    }

    /** Stops accepting work and lets running tasks wind down. */
    default void shutdown() {
    }
}
