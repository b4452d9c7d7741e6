package dev.firesight.app.attach;


import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.ErrorMessages;
import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.attach.AttachException;
import dev.firesight.attach.PeriodicDump;
import dev.firesight.attach.ProfilingEvent;
import dev.firesight.attach.RecordingRequest;
import dev.firesight.attach.RecordingSession;
import dev.firesight.attach.TargetGoneException;
import dev.firesight.files.OwnerOnly;
import dev.firesight.parser.ViewKind;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One recording of one JVM, from the attach to its final file open in a tab. While it records, a
 * {@link PeriodicDump} writes a complete snapshot every few seconds; the first one opens the tab, each
 * later one replaces the tab's profile in place, and stopping opens the final file in the same tab.
 * The target writes the recording file itself from the start, so nothing is lost if Firesight dies.
 * All attach calls and file work run through the task runner; the properties change on the FX thread.
 */
public final class LiveRecording {
    /** Where the recording is in its life. */
    public enum Phase { STARTING, RECORDING, STOPPING, STOPPED, FAILED }

    private record Started(RecordingSession session, PeriodicDump dump, Path snapshots, List<String> messages) {
    }

    private record Stopped(Path file, String note) {
    }

    /** Starts the recording; blocks (attaching, connecting), so it runs on the task runner. */
    @FunctionalInterface
    public interface Starter {
        RecordingSession start() throws AttachException;
    }

    private final long pid;
    /** What is recorded, in sentences: "process 4711" or "the JVM at localhost:9091". */
    private final String target;
    private final Starter starter;
    private final RecordingRequest request;
    private final java.time.Duration limit;
    private final java.time.Duration dumpInterval;
    private final TaskRunner tasks;
    private final Consumer<Runnable> uiThread;
    private final MainWindowViewModel window;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.STARTING);
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("0:00");
    private final ReadOnlyStringWrapper engine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));

    private RecordingSession session;
    private PeriodicDump dump;
    private Path snapshots;
    private RecordingTabViewModel tab;
    private long startNanos;
    private int snapshotCount;
    private long snapshotBytes;

    /**
     * @param limit        how long to record; null to record until {@link #stop()}
     * @param dumpInterval how often the live view is refreshed
     * @param uiThread     posts work to the FX thread (Platform::runLater)
     */
    public LiveRecording(long pid, RecordingRequest request, java.time.Duration limit, java.time.Duration dumpInterval,
                         AttachBackend backend, TaskRunner tasks, Consumer<Runnable> uiThread,
                         MainWindowViewModel window) {
        this(pid, "process " + pid, () -> backend.start(pid, request), request, limit, dumpInterval, tasks, uiThread,
                window);
    }

    /**
     * A recording started by {@code starter}, e.g. one in a remote JVM; it feeds the same live tab.
     *
     * @param pid    the process id, for display only (-1 when unknown)
     * @param target what is recorded, for sentences: "the JVM at localhost:9091"
     */
    public LiveRecording(long pid, String target, Starter starter, RecordingRequest request,
                         java.time.Duration limit, java.time.Duration dumpInterval, TaskRunner tasks,
                         Consumer<Runnable> uiThread, MainWindowViewModel window) {
        this.pid = pid;
        this.target = target;
        this.starter = starter;
        this.request = request;
        this.limit = limit;
        this.dumpInterval = dumpInterval;
        this.tasks = tasks;
        this.uiThread = uiThread;
        this.window = window;
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** Attaches and starts recording in the background. */
    public void start() {
        phase.set(Phase.STARTING);
        status.set("Attaching to " + target + "…");
        tasks.submit("attach to " + target, ctx -> begin(), TaskCallbacks.of(this::started, this::startFailed));
    }

    private Started begin() throws AttachException, IOException {
        RecordingSession s = starter.start();
        try {
            Path folder = OwnerOnly.tempFolder(Path.of(System.getProperty("java.io.tmpdir")), "firesight-live-" + s.pid() + "-");
            PeriodicDump d = PeriodicDump.start(s, dumpInterval, folder, new DumpListener());
            return new Started(s, d, folder, List.copyOf(s.messages()));
        } catch (IOException | RuntimeException e) {
            s.close(); // the recording file stays on disk
            throw e;
        }
    }

    private void started(Started s) {
        session = s.session();
        dump = s.dump();
        snapshots = s.snapshots();
        file.set(session.file());
        engine.set(session.engine().displayName());
        messages.setAll(s.messages());
        startNanos = System.nanoTime();
        phase.set(Phase.RECORDING);
        status.set("Recording " + target + " with " + engine.get() + " into " + session.file().getFileName()
                + "; the tab opens with the first snapshot.");
        ticker.play();
    }

    private void startFailed(Throwable t) {
        phase.set(Phase.FAILED);
        status.set("");
        error.set(sentence(t));
    }

    /** Hears about snapshots on the dump thread; keeps the two newest on disk and hands over to the FX thread. */
    private final class DumpListener implements PeriodicDump.Listener {
        private final Deque<Path> kept = new ArrayDeque<>();

        @Override
        public void dumped(Path snapshot, long bytes) {
            kept.addLast(snapshot);
            while (kept.size() > 2) {
                deleteQuietly(kept.removeFirst());
            }
            uiThread.accept(() -> snapshot(snapshot, bytes));
        }

        @Override
        public void failed(AttachException e) {
            uiThread.accept(() -> dumpFailed(e));
        }
    }

    private void snapshot(Path snapshot, long bytes) {
        if (phase.get() != Phase.RECORDING) {
            return;
        }
        snapshotCount++;
        snapshotBytes = bytes;
        if (tab == null) {
            tab = window.openLive(session.file(), snapshot, preferredView());
            tab.stopActionProperty().set(this::stop);
        } else if (window.tabs().contains(tab)) {
            tab.reload(snapshot);
        }
        tick();
    }

    private ViewKind preferredView() {
        return request.has(ProfilingEvent.CPU) ? ViewKind.CPU
                : request.has(ProfilingEvent.ALLOC) ? ViewKind.ALLOC
                : request.has(ProfilingEvent.WALL) ? ViewKind.WALL : null;
    }

    private void dumpFailed(AttachException e) {
        if (e instanceof TargetGoneException) {
            stop(); // completes with the partial file, if any
        } else if (phase.get() == Phase.RECORDING) {
            status.set("The live view could not be refreshed: " + e.getMessage());
        }
    }

    private void tick() {
        if (phase.get() != Phase.RECORDING) {
            return;
        }
        java.time.Duration d = java.time.Duration.ofNanos(System.nanoTime() - startNanos);
        elapsed.set(JvmRow.duration(d));
        if (tab != null) {
            tab.setLive(true, elapsed.get());
        }
        if (snapshotCount > 0) {
            status.set("Recording " + target + " with " + engine.get() + "; " + snapshotCount
                    + (snapshotCount == 1 ? " snapshot" : " snapshots") + " shown, the last "
                    + dev.firesight.app.format.Units.bytes(snapshotBytes) + ".");
        }
        if (limit != null && d.compareTo(limit) >= 0) {
            stop();
        }
    }

    /** Stops recording and opens the final file in the recording's tab; does nothing unless recording. */
    public void stop() {
        if (phase.get() != Phase.RECORDING) {
            return;
        }
        phase.set(Phase.STOPPING);
        ticker.stop();
        status.set("Stopping the recording of " + target + "…");
        if (tab != null) {
            tab.stopActionProperty().set(null);
            tab.setLive(true, elapsed.get() + " · stopping");
        }
        RecordingSession s = session;
        PeriodicDump d = dump;
        tasks.submit("stop recording " + target, ctx -> {
            d.close();
            try {
                return new Stopped(s.stop(), null);
            } catch (TargetGoneException e) {
                Path partial = s.file();
                boolean kept = Files.isRegularFile(partial) && Files.size(partial) > 0;
                // a remote session's sentence already says where what was received is kept
                return new Stopped(kept ? partial : null, e.getMessage()
                        + (kept && !e.getMessage().contains(" kept") ? " What was recorded until then is kept." : ""));
            } finally {
                s.close();
                deleteTree(snapshots);
            }
        }, TaskCallbacks.of(this::stopped, this::stopFailed));
    }

    /**
     * Stops the recording on the caller's thread, for when Firesight quits: the target completes the
     * file, so what was recorded is readable later. Blocks for at most the attach time limit.
     */
    public void stopBeforeExit() {
        RecordingSession s = session;
        PeriodicDump d = dump;
        if (s == null || phase.get() != Phase.RECORDING) {
            return;
        }
        phase.set(Phase.STOPPING);
        ticker.stop();
        if (d != null) {
            d.close();
        }
        s.close(); // stops and detaches, ignoring failures: the file stays on disk either way
        deleteTree(snapshots);
    }

    private void stopped(Stopped s) {
        if (s.note() != null) {
            error.set(s.note());
        }
        if (s.file() == null) {
            phase.set(Phase.FAILED);
            closeLiveTab();
            return;
        }
        file.set(s.file());
        messages.setAll(session.messages());
        phase.set(Phase.STOPPED);
        status.set("Recorded " + elapsed.get() + " of " + target + " with " + engine.get() + "; saved to "
                + s.file() + ".");
        if (tab != null && window.tabs().contains(tab)) {
            tab.setLive(false, "");
            tab.reload(s.file());
        } else {
            window.openFiles(List.of(s.file()));
            tab = window.selectedProperty().get();
        }
    }

    private void stopFailed(Throwable t) {
        phase.set(Phase.FAILED);
        error.set(sentence(t));
        closeLiveTab();
    }

    private void closeLiveTab() {
        if (tab != null) {
            tab.setLive(false, "");
            tab.stopActionProperty().set(null);
        }
    }

    /** What the user reads for a failure: the attach module's sentence, or a short phrase for anything else. */
    static String sentence(Throwable t) {
        if (t instanceof AttachException) {
            return t.getMessage();
        }
        if (t instanceof IOException) {
            return "The recording could not be prepared: " + ErrorMessages.sentence(t) + ".";
        }
        return "The recording failed: " + ErrorMessages.sentence(t) + ".";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a snapshot left behind in the temporary folder costs only disk space
        }
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(LiveRecording::deleteQuietly);
        } catch (IOException e) {
            // as above
        }
    }

    public long pid() { return pid; }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** Time since recording started, e.g. "0:07". */
    public ReadOnlyStringProperty elapsedProperty() { return elapsed.getReadOnlyProperty(); }
    /** "async-profiler" or "JDK Flight Recorder" once recording. */
    public ReadOnlyStringProperty engineProperty() { return engine.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** A sentence saying what went wrong, or empty. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The recording file the target writes. */
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    /** The engine's notes, e.g. which CPU sampler ran. */
    public ObservableList<String> messages() { return messages; }
    /** The tab showing this recording, once the first snapshot opened it. */
    public RecordingTabViewModel tab() { return tab; }
}
