package dev.firesight.app.tasks;

import java.util.concurrent.atomic.AtomicBoolean;

/** A submitted task: it can be cancelled, after which its callbacks no longer run. */
public class TaskHandle implements TaskContext {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile double progress;

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void progress(double fraction) {
        progress = fraction;
    }

    /** The last progress the task reported. */
    public double progress() {
        return progress;
    }
}
