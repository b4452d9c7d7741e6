package dev.firesight.attach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes the JVM list periodically on its own daemon thread and tells a listener which JVMs started
 * and which ended since the last refresh. Listener calls arrive on the watcher's thread; a UI hands
 * them over to its own thread.
 */
public final class JvmWatcher implements AutoCloseable {
    /** Hears about JVMs appearing and disappearing. */
    public interface Listener {
        void started(LocalJvm jvm);

        void ended(LocalJvm jvm);

        /** A refresh failed unexpectedly; the watcher keeps going. */
        default void refreshFailed(Exception e) {
        }
    }

    private final JvmDiscovery discovery;
    private final Duration interval;
    private final Listener listener;
    private final Map<Long, LocalJvm> known = new LinkedHashMap<>();
    private ScheduledExecutorService timer;

    public JvmWatcher(JvmDiscovery discovery, Duration interval, Listener listener) {
        this.discovery = discovery;
        this.interval = interval;
        this.listener = listener;
    }

    /** Starts refreshing: once now, then every interval. Calling it twice has no further effect. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "firesight-attach: JVM watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshReporting, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Refreshes now on the caller's thread and reports the changes; returns the current JVMs. */
    public List<LocalJvm> refresh() {
        List<LocalJvm> now = discovery.list();
        List<LocalJvm> started = new ArrayList<>();
        List<LocalJvm> ended = new ArrayList<>();
        synchronized (known) {
            Map<Long, LocalJvm> current = new LinkedHashMap<>();
            for (LocalJvm jvm : now) {
                current.put(jvm.pid(), jvm);
                if (!known.containsKey(jvm.pid())) {
                    started.add(jvm);
                }
            }
            for (LocalJvm jvm : known.values()) {
                if (!current.containsKey(jvm.pid())) {
                    ended.add(jvm);
                }
            }
            known.clear();
            known.putAll(current);
        }
        ended.forEach(listener::ended);
        started.forEach(listener::started);
        return now;
    }

    /** The JVMs as of the last refresh. */
    public List<LocalJvm> current() {
        synchronized (known) {
            return List.copyOf(known.values());
        }
    }

    private void refreshReporting() {
        try {
            refresh();
        } catch (RuntimeException e) {
            listener.refreshFailed(e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
