package dev.firesight.attach;

import java.nio.file.Path;
import java.util.List;

/**
 * A recording in progress inside one target JVM. The target writes the recording to {@link #file()}
 * as it goes; {@link #stop()} completes it. Thread-safe: calls from several threads (a status poll,
 * a {@link PeriodicDump}, the stop button) run one after another. Each call blocks for at most the
 * attacher's time limit, so call it off the UI thread.
 */
public interface RecordingSession extends AutoCloseable {
    long pid();

    RecordingEngine engine();

    /** What is recorded, for sentences: "process 4711", or "the JVM at localhost:9091" for a remote one. */
    default String target() {
        return "process " + pid();
    }

    /** The recording file, which stays on disk whatever happens. */
    Path file();

    /** Asks the engine whether it is still recording. */
    RecordingStatus status() throws AttachException;

    /**
     * Writes what was recorded so far into {@code snapshot} (a new file), while recording continues.
     * The snapshot is a complete, readable JFR file.
     *
     * @return the size of the snapshot in bytes
     */
    long dump(Path snapshot) throws AttachException;

    /**
     * Stops recording and completes {@link #file()}. When the target exited meanwhile this throws
     * {@link TargetGoneException} and the partial file, if the target wrote one, is kept.
     */
    Path stop() throws AttachException;

    /**
     * Messages from the engine worth showing the user, e.g. which CPU sampler ran when perf_events
     * were not permitted, or why the engine changed. Each is one sentence.
     */
    List<String> messages();

    /** Stops the recording if still running (ignoring failures) and releases the connection. */
    @Override
    void close();
}
