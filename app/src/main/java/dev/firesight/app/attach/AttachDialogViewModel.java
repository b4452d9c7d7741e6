package dev.firesight.app.attach;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.attach.JmxAddress;
import dev.firesight.attach.JmxTarget;
import dev.firesight.attach.JvmWatcher;
import dev.firesight.attach.LocalJvm;
import dev.firesight.attach.ProfilingEvent;
import dev.firesight.attach.RecordingRequest;
import dev.firesight.attach.RemoteJvm;
import dev.firesight.attach.RemoteRecording;
import dev.firesight.attach.RemoteStreaming;
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
 * In remote mode, a JVM reached over JMX instead: its address, credentials, the recordings it holds.
 * Discovery, connecting and recording run off the FX thread; this class changes only on it.
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

    // remote JVM over JMX
    private final BooleanProperty remote = new SimpleBooleanProperty(false);
    private final StringProperty host = new SimpleStringProperty("localhost");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    /** Held only until Connect; never stored (recent connections keep host and port only). */
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty tls = new SimpleBooleanProperty(false);
    private final ObservableList<JmxAddress> recentAddresses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RemoteJvm> connected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private final ObservableList<RemoteRecording> remoteRecordings = FXCollections.observableArrayList();
    private final ObjectProperty<RemoteRecording> selectedRemoteRecording = new SimpleObjectProperty<>();
    private boolean recentRead;

    public AttachDialogViewModel(AttachBackend backend, TaskRunner tasks, Consumer<Runnable> uiThread,
                                 MainWindowViewModel window, Duration watchInterval, Duration dumpInterval) {
        this.backend = backend;
        this.tasks = tasks;
        this.uiThread = uiThread;
        this.window = window;
        this.watchInterval = watchInterval;
        this.dumpInterval = dumpInterval;
        filter.addListener((o, a, f) -> shown.setPredicate(r -> r.matches(f)));
        // A recording of the connected JVM that starts or ends changes its list; one that ended because the JVM went
        // away lets go of the connection (refreshRemote finds it gone).
        recordingNow.addListener((o, a, b) -> refreshRemote());
        // The error line is shared by the two tabs: what went wrong over JMX is not said under this machine's JVMs.
        remote.addListener((o, a, b) -> error.set(""));
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
        if (!recentRead) {
            recentRead = true;
            tasks.submit("read recent JMX connections", ctx -> backend.recentConnections().read(),
                    TaskCallbacks.of(this::showRecent, t -> { }));
        }
    }

    private void showRecent(List<JmxAddress> list) {
        recentAddresses.setAll(list);
        if (port.get().isBlank() && !list.isEmpty()) {
            chooseRecent(list.get(0));
        }
    }

    /** Fills host and port from a recent connection. */
    public void chooseRecent(JmxAddress address) {
        if (address != null) {
            host.set(address.host());
            port.set(Integer.toString(address.port()));
        }
    }

    /**
     * Connects to the remote JVM at host:port with the user, password and TLS choice, and lists its recordings.
     * The password field is emptied at once; the connection keeps the password in memory (for the second
     * connection a recording opens) until it is closed.
     */
    public boolean connect() {
        JmxAddress address;
        try {
            address = JmxAddress.parse(host.get().strip() + ":" + port.get().strip());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        JmxTarget target = JmxTarget.of(address, user.get(), password.get().toCharArray(), tls.get());
        password.set("");
        error.set("");
        connecting.set(true);
        connection.set("Connecting to " + address + "…");
        tasks.submit("connect to " + address, ctx -> {
            RemoteJvm jvm = backend.connect(target);
            try {
                List<RemoteRecording> list = jvm.recordings();
                List<JmxAddress> recent = backend.recentConnections().remember(address);
                return new Connected(jvm, list, recent);
            } catch (dev.firesight.attach.AttachException | RuntimeException e) {
                jvm.close();
                throw e;
            }
        }, TaskCallbacks.of(this::connected, t -> {
            connecting.set(false);
            connection.set("");
            error.set(LiveRecording.sentence(t));
        }));
        return true;
    }

    private record Connected(RemoteJvm jvm, List<RemoteRecording> recordings, List<JmxAddress> recent) {
    }

    private void connected(Connected c) {
        disconnect();
        connecting.set(false);
        connected.set(c.jvm());
        connection.set("Connected to " + c.jvm().description() + ".");
        remoteRecordings.setAll(c.recordings());
        recentAddresses.setAll(c.recent());
    }

    /** Lists the connected JVM's recordings again. */
    public void refreshRemote() {
        RemoteJvm jvm = connected.get();
        if (jvm == null) {
            return;
        }
        tasks.submit("list the recordings of " + jvm.target().address(), ctx -> jvm.recordings(),
                TaskCallbacks.of(list -> {
                    if (connected.get() == jvm) {
                        remoteRecordings.setAll(list);
                    }
                }, t -> remoteFailed(jvm, t)));
    }

    /**
     * A call to the remote JVM failed: says why, and when the JVM is gone lets go of the connection, which still
     * read "Connected to JVM …" with Start recording enabled after the JVM had exited.
     */
    private void remoteFailed(RemoteJvm jvm, Throwable t) {
        if (t instanceof dev.firesight.attach.TargetGoneException && connected.get() == jvm) {
            disconnect();
        }
        error.set(LiveRecording.sentence(t));
    }

    /** Downloads the chosen remote recording into the recordings folder and opens it in a tab. */
    public boolean openRemoteRecording() {
        RemoteJvm jvm = connected.get();
        RemoteRecording r = selectedRemoteRecording.get();
        if (!remoteRecordingChosen(jvm, r)) {
            return false;
        }
        connection.set("Downloading recording " + r.id() + " (" + r.name() + ")…");
        tasks.submit("download recording " + r.id(), ctx -> jvm.download(r.id(), java.util.Optional.empty()),
                TaskCallbacks.of(file -> {
                    connection.set("Downloaded recording " + r.id() + " into " + file + ".");
                    window.openFiles(List.of(file));
                }, t -> {
                    connection.set("");
                    remoteFailed(jvm, t);
                }));
        return true;
    }

    /**
     * Stops the chosen recording on the remote JVM, such as one a pod started with -XX:StartFlightRecording
     * and would otherwise keep until it exits; its data stays there and can still be downloaded.
     */
    public boolean stopRemoteRecording() {
        RemoteJvm jvm = connected.get();
        RemoteRecording r = selectedRemoteRecording.get();
        if (!remoteRecordingChosen(jvm, r)) {
            return false;
        }
        tasks.submit("stop recording " + r.id(), ctx -> {
            jvm.stop(r.id());
            return jvm.recordings();
        }, TaskCallbacks.of(list -> {
            if (connected.get() == jvm) {
                remoteRecordings.setAll(list);
                connection.set("Stopped recording " + r.id() + " (" + r.name() + "); its data is still on the JVM to"
                        + " download.");
            }
        }, t -> remoteFailed(jvm, t)));
        return true;
    }

    /** True when a JVM is connected and one of its recordings chosen; else says so. */
    private boolean remoteRecordingChosen(RemoteJvm jvm, RemoteRecording r) {
        error.set(jvm == null || r == null ? "Connect to a JVM and choose one of its recordings first." : "");
        return jvm != null && r != null;
    }

    /** Closes the connection to the remote JVM; a recording in progress keeps its own. */
    public void disconnect() {
        RemoteJvm jvm = connected.get();
        if (jvm != null) {
            connected.set(null);
            jvm.close(); // closes in the background
            remoteRecordings.clear();
            connection.set("");
        }
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

    /** Stops watching and disconnects; a recording in progress carries on in its tab. */
    public void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        disconnect();
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

    /** Starts recording the selected JVM (or in remote mode the connected one) with the chosen events. */
    public boolean start() {
        if (remote.get()) {
            return startRemote();
        }
        JvmRow row = selected.get();
        if (row == null) {
            error.set("Choose a JVM in the list first.");
            return false;
        }
        return start(row.pid());
    }

    /** Starts recording {@code pid} (also one that is no longer in the list). */
    public boolean start(long pid) {
        RecordingRequest request = checkedRequest();
        if (request == null) {
            return false;
        }
        begin(new LiveRecording(pid, request, limit(), dumpInterval, backend, tasks, uiThread, window));
        return true;
    }

    /**
     * Starts a recording in the connected remote JVM with the chosen preset (the JDK's Flight Recorder records
     * it, as for a local JVM where async-profiler cannot run) and opens it in a live tab.
     */
    public boolean startRemote() {
        RemoteJvm jvm = connected.get();
        if (jvm == null) {
            error.set("Connect to a remote JVM first.");
            return false;
        }
        RecordingRequest request = checkedRequest();
        if (request == null) {
            return false;
        }
        begin(new LiveRecording(jvm.pid(), "the JVM at " + jvm.target().address(),
                () -> jvm.start(request, RemoteStreaming.AUTOMATIC), request, limit(), dumpInterval, tasks, uiThread,
                window));
        return true;
    }

    /** The request, or null after saying what is wrong with the choices. */
    private RecordingRequest checkedRequest() {
        if (recordingNow.get()) {
            error.set("A recording is already running; stop it first.");
            return null;
        }
        RecordingRequest request = request();
        if (request == null) {
            error.set("Choose at least one thing to record: CPU, allocations, locks, wall clock or live objects.");
            return null;
        }
        if (!untilStopped.get() && seconds.get() < 1) {
            error.set("Record for at least one second.");
            return null;
        }
        error.set("");
        return request;
    }

    private Duration limit() {
        return untilStopped.get() ? null : Duration.ofSeconds(seconds.get());
    }

    private void begin(LiveRecording r) {
        recordingNow.bind(activePhase(r));
        recording.set(r);
        r.start();
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
    /** True while the dialog shows the remote JVM form instead of the local JVMs. */
    public BooleanProperty remoteProperty() { return remote; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty tlsProperty() { return tls; }
    /** Recent remote connections, newest first. */
    public ObservableList<JmxAddress> recentAddresses() { return recentAddresses; }
    /** The connected remote JVM, or null. */
    public ReadOnlyObjectProperty<RemoteJvm> connectedProperty() { return connected.getReadOnlyProperty(); }
    /** "Connected to JVM 1 (...) at localhost:9091.", or what is under way; empty when not connected. */
    public ReadOnlyStringProperty connectionProperty() { return connection.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectingProperty() { return connecting.getReadOnlyProperty(); }
    /** The recordings the connected JVM holds. */
    public ObservableList<RemoteRecording> remoteRecordings() { return remoteRecordings; }
    public ObjectProperty<RemoteRecording> selectedRemoteRecordingProperty() { return selectedRemoteRecording; }
    /** A sentence about a mistake in the choices, or empty. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
