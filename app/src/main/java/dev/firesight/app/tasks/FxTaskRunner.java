package dev.firesight.app.tasks;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs tasks on a small pool of daemon threads and posts their outcome to the UI thread through
 * {@code uiThread} (Platform::runLater in the application). Progress reports are coalesced so a
 * chatty task cannot flood the UI thread.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final Consumer<Runnable> uiThread;

    public FxTaskRunner(int threads, Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "firesight-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), factory);
    }

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        AtomicBoolean progressPosted = new AtomicBoolean();
        TaskHandle handle = new TaskHandle() {
            @Override
            public void progress(double fraction) {
                super.progress(fraction);
                if (progressPosted.compareAndSet(false, true)) {
                    uiThread.accept(() -> {
                        progressPosted.set(false);
                        if (!isCancelled()) {
                            callbacks.onProgress().accept(progress());
                        }
                    });
                }
            }

            @Override
            public void publish(Runnable onUiThread) {
                uiThread.accept(() -> {
                    if (!isCancelled()) {
                        onUiThread.run();
                    }
                });
            }
        };
        pool.execute(() -> {
            try {
                T result = task.call(handle);
                uiThread.accept(() -> {
                    if (!handle.isCancelled()) {
                        callbacks.onSuccess().accept(result);
                    }
                });
            } catch (CancellationException e) {
                // dropped on purpose: a newer request or the user replaced this one
            } catch (Exception | Error e) {
                uiThread.accept(() -> {
                    if (!handle.isCancelled()) {
                        callbacks.onFailure().accept(e);
                    }
                });
            }
        });
        return handle;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
