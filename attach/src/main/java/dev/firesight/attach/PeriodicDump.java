package dev.firesight.attach;

import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live view's feed: every few seconds, writes what the session has recorded so far into a new
 * snapshot file ({@code snapshot-0001.jfr}, {@code snapshot-0002.jfr}, ...) in a folder the caller
 * owns, and hands its path to a listener, which re-reads it. Recording continues meanwhile. Snapshots
 * are not deleted here; the caller decides when an older one is no longer needed.
 */
public final class PeriodicDump implements AutoCloseable {
    /** Hears about each snapshot, on the dump thread. */
    public interface Listener {
        void dumped(Path snapshot, long bytes);

        /** A dump failed; when the target is gone ({@link TargetGoneException}) no more dumps follow. */
        void failed(AttachException e);
    }

    private final RecordingSession session;
    private final Path folder;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private int count;

    private PeriodicDump(RecordingSession session, Path folder, Listener listener) {
        this.session = session;
        this.folder = folder;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "firesight-attach: periodic dump " + session.pid());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts dumping {@code session} into {@code folder} every {@code interval}, first after one interval. */
    public static PeriodicDump start(RecordingSession session, Duration interval, Path folder, Listener listener)
            throws IOException {
        OwnerOnly.folder(folder);
        PeriodicDump dump = new PeriodicDump(session, folder, listener);
        dump.timer.scheduleWithFixedDelay(dump::dumpOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return dump;
    }

    /** Dumps now, on the caller's thread (also used by the timer). */
    public void dumpOnce() {
        synchronized (session) {
            Path snapshot;
            do {
                snapshot = folder.resolve(String.format("snapshot-%04d.jfr", ++count));
            } while (Files.exists(snapshot));
            try {
                long bytes = session.dump(snapshot);
                listener.dumped(snapshot, bytes);
            } catch (TargetGoneException e) {
                timer.shutdown();
                listener.failed(e);
            } catch (AttachException e) {
                listener.failed(e);
            }
        }
    }

    /** Stops dumping; the session keeps recording until it is stopped. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (session) {
            // waits for a dump in progress to finish before the caller stops the session
        }
    }
}
