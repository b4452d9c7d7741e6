package dev.firesight.app.tasks;

import java.util.concurrent.CancellationException;

/** Runs each task on the calling thread and calls back at once: deterministic tests of the window. */
public final class SynchronousTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle submit(String name, Priority priority, BackgroundTask<T> task,
                                 TaskCallbacks<T> callbacks) {
        TaskHandle handle = new TaskHandle();
        T result;
        try {
            result = task.call(handle);
        } catch (CancellationException e) {
            return handle;
        } catch (Exception | Error e) {
            if (!handle.isCancelled()) {
                callbacks.onFailure().accept(e);
            }
            return handle;
        }
        if (!handle.isCancelled()) {
            callbacks.onProgress().accept(1.0);
            callbacks.onSuccess().accept(result);
        }
        return handle;
    }
}
