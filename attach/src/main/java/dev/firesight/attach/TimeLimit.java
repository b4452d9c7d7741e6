package dev.firesight.attach;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one blocking attach call on its own daemon thread and waits for it at most a given time. The
 * JDK's attach calls (connect, load agent, read properties, JMX connect) can block indefinitely on a
 * busy or stuck target, so no call in this module runs without one.
 */
final class TimeLimit {
    /** A call that may throw anything; its exception is handed back unchanged. */
    interface Call<T> {
        T call() throws Exception;
    }

    private final Duration limit;

    TimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /**
     * Runs {@code call}, returning its result or rethrowing its exception.
     *
     * @throws AttachTimeoutException when the call takes longer than the limit; the thread is
     *         interrupted and left to die on its own (it is a daemon)
     */
    <T> T run(String what, Call<T> call) throws Exception {
        return run(what, call, true);
    }

    /**
     * Like {@link #run}, but a call that is given up on is left to finish undisturbed instead of interrupted: for
     * calls that react to an interrupt by giving up for good (the JDK's remote recording stream closes itself).
     */
    <T> T runToEnd(String what, Call<T> call) throws Exception {
        return run(what, call, false);
    }

    private <T> T run(String what, Call<T> call, boolean interrupt) throws Exception {
        Callable<T> callable = call::call;
        FutureTask<T> task = new FutureTask<>(callable);
        Thread thread = new Thread(task, "firesight-attach: " + what);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(interrupt);
            throw new AttachTimeoutException(capitalized(what) + " took longer than " + seconds()
                    + "; the JVM may be busy (for example in a long garbage collection), so try again.");
        } catch (InterruptedException e) {
            task.cancel(interrupt);
            Thread.currentThread().interrupt();
            throw new AttachTimeoutException(capitalized(what) + " was interrupted; try again.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private String seconds() {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String capitalized(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
