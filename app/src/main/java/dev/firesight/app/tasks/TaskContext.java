package dev.firesight.app.tasks;

/** What a running {@link BackgroundTask} sees of its surroundings. */
public interface TaskContext {
    /** True once the task's handle was cancelled (or a newer request replaced it). */
    boolean isCancelled();

    /** Reports progress as a fraction from 0 to 1; cheap to call often. */
    void progress(double fraction);

    /**
     * Runs {@code onUiThread} on the UI thread while the task goes on (a partial result to show), unless the
     * task has been cancelled by then. Runs it at once where the runner is synchronous.
     */
    default void publish(Runnable onUiThread) {
        if (!isCancelled()) {
            onUiThread.run();
        }
    }
}
