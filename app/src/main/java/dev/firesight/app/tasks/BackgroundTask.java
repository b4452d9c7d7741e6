package dev.firesight.app.tasks;

/**
 * Work that must not run on the FX thread: parsing, query building, file writes. It checks
 * {@link TaskContext#isCancelled()} now and then and may report progress.
 */
@FunctionalInterface
public interface BackgroundTask<T> {
    T call(TaskContext context) throws Exception;
}
