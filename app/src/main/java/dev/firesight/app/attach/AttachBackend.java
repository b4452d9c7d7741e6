package dev.firesight.app.attach;

import dev.firesight.app.window.RecentFiles;
import dev.firesight.attach.AsyncProfilerLibrary;
import dev.firesight.attach.AttachException;
import dev.firesight.attach.Attacher;
import dev.firesight.attach.JmxTarget;
import dev.firesight.attach.JvmDiscovery;
import dev.firesight.attach.JvmWatcher;
import dev.firesight.attach.RecentConnections;
import dev.firesight.attach.Recorder;
import dev.firesight.attach.RecordingRequest;
import dev.firesight.attach.RecordingSession;
import dev.firesight.attach.RecordingsFolder;
import dev.firesight.attach.RemoteJvm;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the attach dialog needs from the attach module: finding JVMs, starting recordings, and connecting to
 * remote JVMs over JMX. Every call blocks (attaching, reading system properties, connecting, file I/O), so
 * callers run them off the FX thread.
 */
public interface AttachBackend {
    /** A watcher over the local JVMs, not yet started. */
    JvmWatcher watcher(Duration interval, JvmWatcher.Listener listener);

    /** Attaches to {@code pid} and starts recording into a new file in the recordings folder. */
    RecordingSession start(long pid, RecordingRequest request) throws AttachException;

    /** Connects to a remote JVM's JMX agent; its recordings go to the same recordings folder. */
    RemoteJvm connect(JmxTarget target) throws AttachException;

    /** The remote JVMs connected to lately (host and port only). */
    RecentConnections recentConnections();

    /** The real thing: each attach call gives up after {@code timeout} with a sentence saying so. */
    static AttachBackend standard(Duration timeout) {
        return of(new JvmDiscovery(new Attacher(timeout)), Recorder.standard(timeout), timeout,
                new RecentConnections(RecentFiles.defaultStore().resolveSibling("recent-jmx")));
    }

    /** Recordings go to {@code recordings} instead of the user's recordings folder (tests, portable use). */
    static AttachBackend writingTo(Path recordings, Duration timeout) {
        Attacher attacher = new Attacher(timeout);
        return of(new JvmDiscovery(attacher), new Recorder(attacher, AsyncProfilerLibrary.forThisPlatform(),
                new RecordingsFolder(recordings), recordings.resolve(".sessions")), timeout,
                new RecentConnections(recordings.resolve(".recent-jmx")));
    }

    static AttachBackend of(JvmDiscovery discovery, Recorder recorder, Duration timeout, RecentConnections recent) {
        return new AttachBackend() {
            @Override
            public JvmWatcher watcher(Duration interval, JvmWatcher.Listener listener) {
                return new JvmWatcher(discovery, interval, listener);
            }

            @Override
            public RecordingSession start(long pid, RecordingRequest request) throws AttachException {
                return recorder.start(pid, request);
            }

            @Override
            public RemoteJvm connect(JmxTarget target) throws AttachException {
                return RemoteJvm.connect(target, timeout, recorder.recordings());
            }

            @Override
            public RecentConnections recentConnections() {
                return recent;
            }
        };
    }
}
