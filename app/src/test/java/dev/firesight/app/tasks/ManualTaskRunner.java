package dev.firesight.app.tasks;

import java.util.ArrayDeque;
import java.util.Deque;

/** Queues tasks until the test runs them, so a test can interleave requests, cancels and results. */
public final class ManualTaskRunner implements TaskRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final Deque<String> names = new ArrayDeque<>();
    private final SynchronousTaskRunner inline = new SynchronousTaskRunner();

    @Override
    public <T> TaskHandle submit(String name, TaskRunner.Priority priority, BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        TaskHandle outer = new TaskHandle();
        names.add(name);
        queue.add(() -> {
            if (!outer.isCancelled()) {
                inline.submit(name, priority, ctx -> task.call(outer), new TaskCallbacks<T>(r -> {
                    if (!outer.isCancelled()) {
                        callbacks.onSuccess().accept(r);
                    }
                }, e -> {
                    if (!outer.isCancelled()) {
                        callbacks.onFailure().accept(e);
                    }
                }, callbacks.onProgress()));
            }
        });
        return outer;
    }

    public int pending() {
        return queue.size();
    }

    /** The names of the queued tasks, oldest first. */
    public java.util.List<String> pendingNames() {
        return java.util.List.copyOf(names);
    }

    /** Runs the oldest queued task (and its callbacks) only; what it queues waits. */
    public void runNext() {
        names.poll();
        queue.poll().run();
    }

    /** Runs everything queued, including what the tasks' callbacks queue. */
    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }
}
