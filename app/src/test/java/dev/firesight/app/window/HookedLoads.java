package dev.firesight.app.window;

import dev.firesight.app.tasks.BackgroundTask;
import dev.firesight.app.tasks.FxTaskRunner;
import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskContext;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import javafx.application.Platform;

/**
 * Runs tasks as the application does, on two background threads, but lets a test step into a recording's load at
 * each progress report and each result it hands to the UI thread: to hold it there, as a slow disk would, until
 * the test has looked at what the window shows meanwhile.
 */
abstract class HookedLoads implements TaskRunner {
    private final TaskRunner inner = new FxTaskRunner(2, Platform::runLater);

    /** Called on the load's thread after each progress report; may wait. */
    abstract void afterProgress(double fraction);

    /** Holds the load's thread until {@code release} opens (at most two minutes: a test that hangs fails). */
    static void holdUntil(java.util.concurrent.CountDownLatch release) {
        try {
            release.await(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called on the load's thread after it handed something to the UI thread. */
    void afterPublish() {
    }

    @Override
    public <T> TaskHandle submit(String name, Priority priority, BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        if (!name.startsWith("load ")) {
            return inner.submit(name, priority, task, callbacks);
        }
        return inner.submit(name, priority, ctx -> task.call(new TaskContext() {
            @Override
            public boolean isCancelled() {
                return ctx.isCancelled();
            }

            @Override
            public void progress(double fraction) {
                ctx.progress(fraction);
                afterProgress(fraction);
            }

            @Override
            public void publish(Runnable onUiThread) {
                ctx.publish(onUiThread);
                afterPublish();
            }
        }), callbacks);
    }

    @Override
    public void shutdown() {
        inner.shutdown();
    }
}
