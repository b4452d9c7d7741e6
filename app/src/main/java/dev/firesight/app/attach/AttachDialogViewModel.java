package dev.firesight.app.attach;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.attach.JvmWatcher;
import dev.firesight.attach.LocalJvm;
import dev.firesight.attach.ProfilingEvent;
import dev.firesight.attach.RecordingRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The attach dialog's state: the local JVMs (refreshed by a {@link JvmWatcher} and on demand), the
 * filter over them, the chosen one, what to record and for how long, and the recording in progress.
 * Discovery and recording run off the FX thread; this class changes only on it.
 */
public final class AttachDialogViewModel {
    private final AttachBackend backend;
    private final TaskRunner tasks;
    private final Consumer<Runnable> uiThread;
    private final MainWindowViewModel window;
    private final Duration watchInterval;
    private final Duration dumpInterval;

    private final ObservableList<JvmRow> jvms = FXCollections.observableArrayList();
    private final FilteredList<JvmRow> shown = new FilteredList<>(jvms, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<JvmRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();

    private final BooleanProperty cpu = new SimpleBooleanProperty(true);
    private final BooleanProperty alloc = new SimpleBooleanProperty(true);
    private final BooleanProperty lock = new SimpleBooleanProperty(false);
    private final BooleanProperty wall = new SimpleBooleanProperty(false);
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private final BooleanProperty nativemem = new SimpleBooleanProperty(false);
    private final IntegerProperty allocIntervalKb = new SimpleIntegerProperty(
            (int) (RecordingRequest.DEFAULT_ALLOC_INTERVAL / 1024));
    private final BooleanProperty untilStopped = new SimpleBooleanProperty(true);
    private final IntegerProperty seconds = new SimpleIntegerProperty(30);

    private final ReadOnlyObjectWrapper<LiveRecording> recording = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper recordingNow = new ReadOnlyBooleanWrapper();
    private JvmWatcher watcher;

    public AttachDialogViewModel(AttachBackend backend, TaskRunner tasks, Consumer<Runnable> uiThread,
                                 MainWindowViewModel window, Duration watchInterval, Duration dumpInterval) {
        this.backend = backend;
        this.tasks = tasks;
        this.uiThread = uiThread;
        this.window = window;
        this.watchInterval = watchInterval;
        this.dumpInterval = dumpInterval;
        filter.addListener((o, a, f) -> shown.setPredicate(r -> r.matches(f)));
        // live objects are allocation samples that survived, so choosing them implies allocations
        live.addListener((o, a, on) -> {
            if (on) {
                alloc.set(true);
            }
        });
        alloc.addListener((o, a, on) -> {
            if (!on) {
                live.set(false);
            }
        });
    }

    /** Starts watching the local JVMs (the first refresh at once); called when the dialog shows. */
    public void open() {
        if (watcher != null) {
            return;
        }
        watcher = backend.watcher(watchInterval, new JvmWatcher.Listener() {
            @Override
            public void started(dev.firesight.attach.LocalJvm jvm) {
                uiThread.accept(AttachDialogViewModel.this::showCurrent);
            }

            @Override
            public void ended(dev.firesight.attach.LocalJvm jvm) {
                uiThread.accept(AttachDialogViewModel.this::showCurrent);
            }
        });
        refreshing.set(true);
        watcher.start();
        refresh();
    }

    /** Lists the JVMs again now (in the background). */
    public void refresh() {
        JvmWatcher w = watcher;
        if (w == null) {
            open();
            return;
        }
        refreshing.set(true);
        tasks.submit("list JVMs", ctx -> w.refresh(), TaskCallbacks.of(this::show, t -> {
            refreshing.set(false);
            error.set("The list of JVMs could not be read: " + dev.firesight.app.window.ErrorMessages.sentence(t) + ".");
        }));
    }

    private void showCurrent() {
        if (watcher != null) {
            show(watcher.current());
        }
    }

    private void show(List<LocalJvm> list) {
        refreshing.set(false);
        JvmRow keep = selected.get();
        jvms.setAll(list.stream().sorted(Comparator.comparing(LocalJvm::attachable).reversed()
                .thenComparing(LocalJvm::pid)).map(JvmRow::new).toList());
        if (keep != null) {
            jvms.stream().filter(r -> r.pid() == keep.pid()).findFirst().ifPresent(selected::set);
        }
    }

    /** Stops watching; a recording in progress carries on in its tab. */
    public void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** The request the choices describe; null when no event is chosen. */
    public RecordingRequest request() {
        Set<ProfilingEvent> events = EnumSet.noneOf(ProfilingEvent.class);
        if (cpu.get()) events.add(ProfilingEvent.CPU);
        if (alloc.get()) events.add(ProfilingEvent.ALLOC);
        if (lock.get()) events.add(ProfilingEvent.LOCK);
        if (wall.get()) events.add(ProfilingEvent.WALL);
        if (live.get()) events.add(ProfilingEvent.LIVE);
        if (nativemem.get()) events.add(ProfilingEvent.NATIVEMEM);
        if (events.isEmpty()) {
            return null;
        }
        return RecordingRequest.of(events).withAllocInterval(Math.max(1, allocIntervalKb.get()) * 1024L);
    }

    /**
     * Chooses what the memory views need (the "Memory leak" preset): allocations, what is still alive, and native
     * allocations, at the preset's production-safe rates; CPU, locks and wall clock off.
     */
    public void chooseMemoryLeakPreset() {
        RecordingRequest preset = RecordingRequest.memoryLeak();
        cpu.set(preset.events().contains(ProfilingEvent.CPU));
        alloc.set(preset.events().contains(ProfilingEvent.ALLOC));
        lock.set(preset.events().contains(ProfilingEvent.LOCK));
        wall.set(preset.events().contains(ProfilingEvent.WALL));
        live.set(preset.events().contains(ProfilingEvent.LIVE));
        nativemem.set(preset.events().contains(ProfilingEvent.NATIVEMEM));
        allocIntervalKb.set((int) (preset.allocInterval() / 1024));
    }

    /** What the chosen events cost the recorded JVM, one sentence each; empty when nothing is chosen. */
    public String costs() {
        RecordingRequest r = request();
        return r == null ? "" : String.join("\n", r.costs());
    }

    /** Starts recording the selected JVM with the chosen events, for the chosen time. */
    public boolean start() {
        JvmRow row = selected.get();
        if (row == null) {
            error.set("Choose a JVM in the list first.");
            return false;
        }
        return start(row.pid());
    }

    /** Starts recording {@code pid} (also one that is no longer in the list). */
    public boolean start(long pid) {
        if (recordingNow.get()) {
            error.set("A recording is already running; stop it first.");
            return false;
        }
        RecordingRequest request = request();
        if (request == null) {
            error.set("Choose at least one thing to record: CPU, allocations, locks, wall clock or live objects.");
            return false;
        }
        if (!untilStopped.get() && seconds.get() < 1) {
            error.set("Record for at least one second.");
            return false;
        }
        error.set("");
        Duration limit = untilStopped.get() ? null : Duration.ofSeconds(seconds.get());
        LiveRecording r = new LiveRecording(pid, request, limit, dumpInterval, backend, tasks, uiThread, window);
        recordingNow.bind(activePhase(r));
        recording.set(r);
        r.start();
        return true;
    }

    private static BooleanBinding activePhase(LiveRecording r) {
        return Bindings.createBooleanBinding(() -> r.phaseProperty().get() == LiveRecording.Phase.STARTING
                || r.phaseProperty().get() == LiveRecording.Phase.RECORDING, r.phaseProperty());
    }

    /** Stops the recording in progress; its final file opens in its tab. */
    public void stop() {
        LiveRecording r = recording.get();
        if (r != null) {
            r.stop();
        }
    }

    /** Firesight is quitting: stops watching and completes the recording in progress, if any. */
    public void stopBeforeExit() {
        close();
        LiveRecording r = recording.get();
        if (r != null) {
            r.stopBeforeExit();
        }
    }

    public ObservableList<JvmRow> jvms() { return jvms; }
    /** The JVMs that match the filter, as the table shows them. */
    public ObservableList<JvmRow> shownJvms() { return shown; }
    public StringProperty filterProperty() { return filter; }
    public ObjectProperty<JvmRow> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty refreshingProperty() { return refreshing.getReadOnlyProperty(); }
    public BooleanProperty cpuProperty() { return cpu; }
    public BooleanProperty allocProperty() { return alloc; }
    public BooleanProperty nativememProperty() { return nativemem; }
    public BooleanProperty lockProperty() { return lock; }
    public BooleanProperty wallProperty() { return wall; }
    public BooleanProperty liveProperty() { return live; }
    /** Bytes between allocation samples, in KiB. */
    public IntegerProperty allocIntervalKbProperty() { return allocIntervalKb; }
    public BooleanProperty untilStoppedProperty() { return untilStopped; }
    public IntegerProperty secondsProperty() { return seconds; }
    /** The current (or last) recording, or null before the first. */
    public ReadOnlyObjectProperty<LiveRecording> recordingProperty() { return recording.getReadOnlyProperty(); }
    /** True from Start until the recording stops or fails. */
    public ReadOnlyBooleanProperty recordingNowProperty() { return recordingNow.getReadOnlyProperty(); }
    /** A sentence about a mistake in the choices, or empty. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
