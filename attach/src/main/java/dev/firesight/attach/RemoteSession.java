package dev.firesight.attach;

import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * A recording in a remote JVM, started by Firesight over JMX. Its file in the recordings folder always holds
 * what has been received so far as complete chunks, so it opens even after the target died mid-recording.
 * {@link #dump} (the live view's refresh) brings the file up to date and copies it into a snapshot.
 *
 * <p>How the data comes over ({@link RemoteStreaming}): for JDK 17+ targets, a
 * {@link RemoteRecordingStream} runs in Firesight's JVM and downloads the target's chunks as they are
 * written; each refresh asks it for a dump. For older targets, ranged reads ({@link ChunkFeed}).
 */
public final class RemoteSession implements RecordingSession {
    private static final Duration KEEP_ALL = Duration.ofDays(3650);

    private final RemoteJvm jvm;
    private final Path file;
    private final List<String> messages = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    /** Ranged reads: the recording's id and its feed; null while streaming. */
    private final ChunkFeed feed;
    private final long id;
    /** Streaming: the JDK's remote stream; null with ranged reads. */
    private final RemoteRecordingStream stream;
    private boolean stopped;
    private int dumps;
    private Path privateFolder;
    /** Streaming: keeps every chunk the stream's dumps bring. */
    private ChunkAppender appender;
    /** Counted down when the stream has read its first data: a dump before that finds nothing and closes it. */
    private java.util.concurrent.CountDownLatch firstFlush;

    private RemoteSession(RemoteJvm jvm, Path file, ChunkFeed feed, long id, RemoteRecordingStream stream) {
        this.jvm = jvm;
        this.file = file;
        this.feed = feed;
        this.id = id;
        this.stream = stream;
    }

    static RemoteSession start(RemoteJvm jvm, Path file, Map<String, String> settings, RecordingRequest request,
            RemoteStreaming streaming) throws AttachException {
        RemoteSession session;
        if (streaming == RemoteStreaming.AUTOMATIC && jvm.javaFeature() >= 17) {
            RemoteRecordingStream stream = jvm.call("opening a recording stream",
                    () -> new RemoteRecordingStream(jvm.server()));
            java.util.concurrent.CountDownLatch flushed = new java.util.concurrent.CountDownLatch(1);
            stream.onFlush(flushed::countDown);
            try {
                // Without a limit the stream deletes each chunk it has read, and a dump holds only the newest;
                // an age it never reaches keeps them all (where the JDK honours it), so a dump is the whole recording.
                jvm.call("choosing how long the recording is kept", () -> {
                    stream.setMaxAge(KEEP_ALL);
                    return null;
                });
                jvm.call("choosing the recording settings", () -> {
                    stream.setSettings(settings);
                    return null;
                });
                jvm.call("starting the recording stream", () -> {
                    stream.startAsync();
                    return null;
                });
            } catch (AttachException e) {
                closeInBackground(stream);
                throw e;
            }
            session = new RemoteSession(jvm, file, null, -1, stream);
            session.firstFlush = flushed;
            session.appender = new ChunkAppender(file);
        } else {
            long id = jvm.call("creating a recording", () -> jvm.recorder().newRecording());
            try {
                jvm.call("choosing the recording settings", () -> {
                    jvm.recorder().setRecordingSettings(id, settings);
                    jvm.recorder().setRecordingOptions(id, Map.of("name", "firesight-" + file.getFileName(),
                            "disk", "true"));
                    jvm.recorder().startRecording(id);
                    return null;
                });
            } catch (AttachException e) {
                closeRecording(jvm, id);
                throw e;
            }
            session = new RemoteSession(jvm, file, new ChunkFeed(jvm, id, file), id, null);
            if (jvm.javaFeature() >= 17) {
                session.messages.add("The live view is refreshed by ranged reads of the recording.");
            }
        }
        session.messages.addAll(FlightRecorderSession.limitations(request));
        return session;
    }

    /** The remote JVM's process id, as its container sees it. */
    @Override
    public long pid() {
        return jvm.pid();
    }

    @Override
    public String target() {
        return "the JVM at " + jvm.target().address();
    }

    @Override
    public RecordingEngine engine() {
        return RecordingEngine.FLIGHT_RECORDER;
    }

    @Override
    public Path file() {
        return file;
    }

    /** True when the JDK's remote recording stream carries the data, false with ranged reads. */
    public boolean streaming() {
        return stream != null;
    }

    @Override
    public synchronized RecordingStatus status() throws AttachException {
        if (stopped) {
            return new RecordingStatus(false, Duration.ZERO, "Recording stopped");
        }
        List<RemoteRecording> all = jvm.recordings();
        boolean running = stream != null || all.stream().anyMatch(r -> r.id() == id && r.running());
        Duration elapsed = Duration.ofSeconds((System.nanoTime() - startNanos) / 1_000_000_000L);
        return new RecordingStatus(running, running ? elapsed : Duration.ZERO,
                running ? "Recording " + target() : "The recording in " + target() + " is no longer running");
    }

    @Override
    public synchronized long dump(Path snapshot) throws AttachException {
        if (!stopped) {
            try {
                bringUpToDate();
            } catch (TargetGoneException e) {
                throw gone(e);
            }
        }
        try {
            return JfrChunks.copyComplete(file, snapshot);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not write the snapshot " + snapshot + " (" + e.getMessage()
                    + "); check the free space in its folder.", e);
        }
    }

    /** Brings {@link #file} up to what the target has recorded (while it records). */
    private void bringUpToDate() throws AttachException {
        if (feed != null) {
            feed.update(true);
            return;
        }
        Path next = null;
        try {
            jvm.call("sending its first data", () -> {
                firstFlush.await();
                return null;
            });
            if (dumps == 0) {
                // the stream writes its dumps with default permissions: into a folder only the user can enter
                privateFolder = OwnerOnly.tempFolder(file.toAbsolutePath().getParent(), ".firesight-stream-");
            }
            next = privateFolder.resolve("dump-" + (++dumps) + ".jfr");
            Path target = next;
            // never interrupted: the stream closes itself for good when a dump is (a live view stopping does it)
            jvm.callToEnd("reading the recording stream", () -> {
                stream.dump(target);
                return null;
            });
            if (!Files.exists(next)) {
                // the stream closes itself, silently, when the target stops answering during a dump
                throw new TargetGoneException("The JVM at " + jvm.target().address() + " stopped answering.");
            }
            // a dump may lack chunks an earlier one had (on JDK 17 the stream deletes each chunk it has read
            // whatever its age limit): the file keeps every chunk any dump brought
            appender.append(next);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not write what was received into " + file + " ("
                    + e.getMessage() + "); check the free space in its folder.", e);
        } finally {
            ChunkFeed.deleteQuietly(next);
        }
    }

    @Override
    public synchronized Path stop() throws AttachException {
        if (stopped) {
            return file;
        }
        try {
            if (feed != null) {
                jvm.call("stopping the recording", () -> jvm.recorder().stopRecording(id));
                feed.update(false);
            } else {
                bringUpToDate();
            }
            stopped = true;
            release();
            return file;
        } catch (TargetGoneException e) {
            stopped = true;
            release();
            throw gone(e);
        }
    }

    /** The target stopped answering: say so, and what is kept. */
    private TargetGoneException gone(TargetGoneException e) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException io) {
            bytes = 0;
        }
        String kept = bytes > 0 ? "what was received until then is kept in " + file
                : "nothing had been received yet";
        return new TargetGoneException("The JVM at " + jvm.target().address() + " stopped answering during the"
                + " recording (it exited, or the forwarded port closed); " + kept + ".", e);
    }

    @Override
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            try {
                stop();
            } catch (AttachException ignored) {
                // what was received is in the file already
            }
        }
        release();
    }

    private void release() {
        if (stream != null) {
            closeInBackground(stream);
            ChunkFeed.deleteQuietly(privateFolder);
        } else {
            closeRecording(jvm, id);
        }
        jvm.close();
    }

    /** Frees the target's copy of a recording whose data is here now. */
    private static void closeRecording(RemoteJvm jvm, long id) {
        try {
            jvm.call("closing the recording", () -> {
                jvm.recorder().closeRecording(id);
                return null;
            });
        } catch (AttachException ignored) {
            // a target that is gone has freed it already
        }
    }

    private static void closeInBackground(RemoteRecordingStream stream) {
        Thread thread = new Thread(stream::close, "firesight-attach: close recording stream");
        thread.setDaemon(true);
        thread.start();
    }
}
