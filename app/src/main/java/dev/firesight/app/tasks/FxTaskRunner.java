package dev.firesight.app.tasks;

import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs tasks on a small pool of daemon threads and posts their outcome to the UI thread through
 * {@code uiThread} (Platform::runLater in the application). Progress reports are coalesced so a
 * chatty task cannot flood the UI thread: one is posted when the fraction moves to another whole step
 * ({@link #PROGRESS_STEPS}), and what is shown is the latest fraction when the post runs.
 *
 * <p>Waiting tasks are taken by {@link Priority}, then in the order they came. A task cancelled while it
 * waited does not run: a partial profile's timeline that a newer one replaced would otherwise hold a worker
 * that the complete profile's flame graph waits for.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ThreadPoolExecutor pool;
    private final Consumer<Runnable> uiThread;
    private final AtomicLong submitted = new AtomicLong();
    /**
     * Progress reaches the UI thread once per step of this many to the whole. Posting every report kept a
     * pulse a frame busy through a read (60 a second, each laying out and drawing the window) for a bar that
     * moves a pixel or two a step; in the window's open of the 245 MiB benchmark file that was about a
     * twentieth of the process's CPU.
     */
    static final int PROGRESS_STEPS = 100;

    public FxTaskRunner(int threads, Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "firesight-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        int n = Math.max(1, threads);
        this.pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(16, Comparator.comparingLong(r -> ((Queued) r).order())), factory);
    }

    /** A task waiting for a worker: its priority first, then first come, first served. */
    private record Queued(long order, Runnable body) implements Runnable {
        Queued(Priority priority, long sequence, Runnable run) {
            this(((long) priority.ordinal() << 56) | sequence, run);
        }

        @Override
        public void run() {
            body.run();
        }
    }

    @Override
    public <T> TaskHandle submit(String name, Priority priority, BackgroundTask<T> task,
                                 TaskCallbacks<T> callbacks) {
        AtomicBoolean progressPosted = new AtomicBoolean();
        AtomicInteger postedStep = new AtomicInteger(Integer.MIN_VALUE);
        TaskHandle handle = new TaskHandle() {
            @Override
            public void progress(double fraction) {
                super.progress(fraction);
                int step = fraction < 0 ? -1 : (int) (fraction * PROGRESS_STEPS);
                if (step != postedStep.get() && progressPosted.compareAndSet(false, true)) {
                    postedStep.set(step);
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
        Queued queued = new Queued(priority, submitted.incrementAndGet(), () -> {
            if (handle.isCancelled()) {
                return;
            }
            AppEvents.event("task started " + name);
            try {
                T result = task.call(handle);
                AppEvents.event("task done " + name);
                uiThread.accept(() -> {
                    if (!handle.isCancelled()) {
                        callbacks.onSuccess().accept(result);
                    }
                });
            } catch (CancellationException e) {
                // dropped on purpose: a newer request or the user replaced this one
            } catch (Exception | Error e) {
                AppEvents.event("task failed " + name + ": " + e.getClass().getSimpleName());
                uiThread.accept(() -> {
                    if (!handle.isCancelled()) {
                        callbacks.onFailure().accept(e);
                    }
                });
            }
        });
        if (priority == Priority.SHOWN) {
            execute(queued);
        } else {
            // An idle worker takes a task the moment it is queued, before the priority queue can compare it with
            // the next. The complete profile's arrival asks for findings, the timeline and the flame graph in one
            // UI callback, in that order; queued after the callback, the flame graph's query goes first.
            uiThread.accept(() -> execute(queued));
        }
        return handle;
    }

    private void execute(Queued queued) {
        try {
            pool.execute(queued);
        } catch (RejectedExecutionException e) {
            // shut down: the window is closing and nothing waits for this task
        }
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
