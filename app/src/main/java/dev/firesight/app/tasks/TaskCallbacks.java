package dev.firesight.app.tasks;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Where a task's outcome goes. All three run on the UI thread, and none runs after the task was
 * cancelled: a cancelled task's result is dropped.
 */
public record TaskCallbacks<T>(Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                               DoubleConsumer onProgress) {
    public static <T> TaskCallbacks<T> of(Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return new TaskCallbacks<>(onSuccess, onFailure, p -> { });
    }

    public TaskCallbacks<T> withProgress(DoubleConsumer progress) {
        return new TaskCallbacks<>(onSuccess, onFailure, progress);
    }
}
