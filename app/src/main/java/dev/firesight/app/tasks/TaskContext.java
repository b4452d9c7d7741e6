package dev.firesight.app.tasks;

/** What a running {@link BackgroundTask} sees of its surroundings. */
public interface TaskContext {
    /** True once the task's handle was cancelled (or a newer request replaced it). */
    boolean isCancelled();

    /** Reports progress as a fraction from 0 to 1; cheap to call often. */
    void progress(double fraction);
}
