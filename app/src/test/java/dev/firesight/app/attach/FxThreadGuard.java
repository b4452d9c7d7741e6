package dev.firesight.app.attach;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskContext;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A task runner around the real one that checks, on every task, that the work runs off the FX thread
 * (and so does every poll of its cancel flag, which the parser and the queries make from inside their
 * loops) and that its outcome comes back on the FX thread. Nothing here measures time: a finding is a
 * call on the wrong thread, which is a bug however fast the machine is.
 */
final class FxThreadGuard implements TaskRunner {
    private final TaskRunner runner;
    private final List<String> wrongThread = new CopyOnWriteArrayList<>();
    private final Set<String> ranInBackground = ConcurrentHashMap.newKeySet();
    private final Set<String> polledInBackground = ConcurrentHashMap.newKeySet();

    FxThreadGuard(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public <T> TaskHandle submit(String name, TaskRunner.Priority priority, dev.firesight.app.tasks.BackgroundTask<T> task,
                                 TaskCallbacks<T> callbacks) {
        return runner.submit(name, priority, ctx -> {
            if (Platform.isFxApplicationThread()) {
                wrongThread.add("task \"" + name + "\" ran on the FX thread");
            } else {
                ranInBackground.add(name);
            }
            return task.call(new TaskContext() {
                @Override
                public boolean isCancelled() {
                    if (Platform.isFxApplicationThread()) {
                        wrongThread.add("task \"" + name + "\" polled its cancel flag on the FX thread");
                    } else {
                        polledInBackground.add(name);
                    }
                    return ctx.isCancelled();
                }

                @Override
                public void progress(double fraction) {
                    ctx.progress(fraction);
                }
            });
        }, new TaskCallbacks<T>(
                v -> {
                    onFx(name);
                    callbacks.onSuccess().accept(v);
                },
                t -> {
                    onFx(name);
                    callbacks.onFailure().accept(t);
                },
                p -> {
                    onFx(name);
                    callbacks.onProgress().accept(p);
                }));
    }

    private void onFx(String name) {
        if (!Platform.isFxApplicationThread()) {
            wrongThread.add("the outcome of task \"" + name + "\" came back off the FX thread");
        }
    }

    @Override
    public void shutdown() {
        runner.shutdown();
    }

    /** Every call so far that ran on the wrong thread; empty when all is well. */
    List<String> wrongThread() {
        return new ArrayList<>(wrongThread);
    }

    /** The names of the tasks that ran on a worker thread. */
    Set<String> ranInBackground() {
        return Set.copyOf(ranInBackground);
    }

    /** The names of the tasks whose work polled the cancel flag, on a worker thread. */
    Set<String> polledInBackground() {
        return Set.copyOf(polledInBackground);
    }
}
