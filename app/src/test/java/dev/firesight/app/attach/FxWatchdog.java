package dev.firesight.app.attach;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how responsive the FX thread stays: a ping posted every 20 ms with Platform.runLater; the
 * longest time between two pings running on the FX thread is how long the UI could not react.
 */
final class FxWatchdog implements AutoCloseable {
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong last = new AtomicLong();
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();

    FxWatchdog start() {
        pinger.scheduleAtFixedRate(() -> Platform.runLater(() -> {
            long now = System.nanoTime();
            long before = last.getAndSet(now);
            if (before != 0) {
                longest.accumulateAndGet(now - before, Math::max);
            }
            pings.incrementAndGet();
        }), 0, 20, TimeUnit.MILLISECONDS);
        pinger.scheduleAtFixedRate(this::sampleStuckFxThread, 50, 50, TimeUnit.MILLISECONDS);
        return this;
    }

    private final StringBuilder stuck = new StringBuilder();

    /** When the FX thread has not answered for 100 ms, notes what it is doing (for the failure message). */
    private void sampleStuckFxThread() {
        long l = last.get();
        if (l == 0 || System.nanoTime() - l < 100_000_000L || stuck.length() > 2_000_000) {
            return;
        }
        for (java.util.Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().equals("JavaFX Application Thread")) {
                stuck.append("--- FX thread ").append((System.nanoTime() - l) / 1_000_000).append(" ms without a ping:\n");
                for (int i = 0; i < Math.min(40, e.getValue().length); i++) {
                    stuck.append("    ").append(e.getValue()[i]).append('\n');
                }
            }
        }
    }

    /** Where the FX thread was while it did not answer. */
    String stuckStacks() {
        return stuck.toString();
    }

    /** The longest gap between two pings on the FX thread so far, in milliseconds. */
    long longestGapMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longest.get());
    }

    long pings() {
        return pings.get();
    }

    @Override
    public void close() {
        pinger.shutdownNow();
    }
}
