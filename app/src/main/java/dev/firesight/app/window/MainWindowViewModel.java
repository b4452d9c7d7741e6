package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.ViewKind;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The window's state: the open recordings (one tab each), which one is selected, the title, recent
 * files; comparisons and the attach flow come in through its constructor. It knows nothing of controls.
 */
public final class MainWindowViewModel {
    private final TaskRunner tasks;
    private final RecentFiles recent;
    private final ObservableList<RecordingTabViewModel> tabs = FXCollections.observableArrayList();
    private final ObservableList<RecordingTabViewModel> tabsView = FXCollections.unmodifiableObservableList(tabs);
    private final ObjectProperty<RecordingTabViewModel> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Firesight");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final Comparisons comparisons;
    private final AttachLauncher attach;
    private final ObjectProperty<WindowLayout> layout = new SimpleObjectProperty<>(WindowLayout.DEFAULT);
    private final Path layoutStore;
    private boolean layoutRestored;
    private boolean recentRestored;
    private boolean recentChanged;

    /**
     * @param comparisons opens comparisons of tabs and of time ranges
     * @param attach      starts the attach flow, whose recordings open here as live tabs
     */
    public MainWindowViewModel(TaskRunner tasks, RecentFiles recent, Comparisons comparisons, AttachLauncher attach) {
        this.tasks = tasks;
        this.recent = recent;
        this.comparisons = comparisons;
        this.attach = attach;
        title.bind(Bindings.createStringBinding(() -> {
            RecordingTabViewModel t = selected.get();
            return t == null ? "Firesight" : t.fileName() + " — Firesight";
        }, selected));
        empty.bind(Bindings.isEmpty(tabs));
        tasks.submit("read recent files", ctx -> recent.read(), TaskCallbacks.of(stored -> {
            recent.restore(stored);
            recentRestored = true;
            if (recentChanged) {
                saveRecent(List.copyOf(recent.files()));
            }
        }, e -> recentRestored = true));
        layoutStore = recent.siblingStore("layout");
        tasks.submit("read window layout", ctx -> WindowLayout.read(layoutStore), TaskCallbacks.of(stored -> {
            if (!layoutRestored) {
                layout.set(stored);
            }
            layoutRestored = true;
        }, e -> layoutRestored = true));
        layout.addListener((o, a, b) -> {
            if (layoutRestored || !b.equals(WindowLayout.DEFAULT)) {
                layoutRestored = true; // a change made before the store was read wins over it
                tasks.submit("save window layout", ctx -> {
                    b.save(layoutStore);
                    return null;
                }, TaskCallbacks.of(x -> { }, e -> { }));
            }
        });
    }

    /**
     * The recording tabs' layout (timeline height, timeline shown), one for all tabs and remembered across
     * restarts; the tabs set it when the user drags the divider or collapses the timeline.
     */
    public ObjectProperty<WindowLayout> layoutProperty() {
        return layout;
    }

    /**
     * Opens each file in its own tab (or selects its tab when already open); the last one ends up
     * selected. What File ▸ Open, a drop, the command line and Open Recent all come down to.
     */
    public void openFiles(List<Path> files) {
        openFiles(files, null);
    }

    /** Opens files as {@link #openFiles(List)} does, showing {@code view} first where a recording has it. */
    public void openFiles(List<Path> files, ViewKind view) {
        for (Path file : files) {
            Path abs = file.toAbsolutePath().normalize();
            RecordingTabViewModel existing = tabs.stream().filter(t -> t.path().equals(abs)).findFirst().orElse(null);
            if (existing != null) {
                selected.set(existing);
                continue;
            }
            RecordingTabViewModel tab = new RecordingTabViewModel(abs, tasks);
            tabs.add(tab);
            selected.set(tab);
            rememberOnceRead(tab, abs);
            tab.setPreferredView(view);
            tab.load();
        }
    }

    /**
     * Opens a tab for a recording still being written to {@code file}, reading {@code snapshot} (a
     * complete copy of what was recorded so far) until the file itself is complete; the attach flow
     * then calls {@link RecordingTabViewModel#reload(Path)} with newer snapshots and the final file.
     */
    public RecordingTabViewModel openLive(Path file, Path snapshot, ViewKind view) {
        Path abs = file.toAbsolutePath().normalize();
        RecordingTabViewModel tab = new RecordingTabViewModel(abs, tasks);
        tabs.add(tab);
        selected.set(tab);
        rememberRecent(abs);
        tab.setPreferredView(view);
        tab.loadFrom(snapshot);
        return tab;
    }

    /**
     * Puts a file in Open Recent once its tab has read it (or stopped reading it with part shown): a file that
     * cannot be read at all (empty, not a recording, gone) would only push recordings off the list.
     */
    private void rememberOnceRead(RecordingTabViewModel tab, Path file) {
        tab.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RecordingTabViewModel.State> o,
                                RecordingTabViewModel.State before, RecordingTabViewModel.State now) {
                if (now == RecordingTabViewModel.State.LOADING) {
                    return;
                }
                o.removeListener(this);
                if (now == RecordingTabViewModel.State.READY || tab.stoppedProperty().get()) {
                    rememberRecent(file);
                }
            }
        });
    }

    private void rememberRecent(Path file) {
        List<Path> list = recent.add(file);
        recentChanged = true;
        if (recentRestored) {
            saveRecent(list);
        } // else saved once the stored list is read and merged, so a file opened at start-up keeps the history
    }

    public void clearRecent() {
        recentChanged = true;
        saveRecent(recent.clear());
    }

    private void saveRecent(List<Path> list) {
        tasks.submit("save recent files", ctx -> {
            recent.save(list);
            return null;
        }, TaskCallbacks.of(x -> { }, e -> { }));
    }

    /** Closes a tab, cancelling whatever it still computes. */
    public void close(RecordingTabViewModel tab) {
        if (tab == null) {
            return;
        }
        int i = tabs.indexOf(tab);
        tab.dispose();
        tabs.remove(tab);
        if (selected.get() == tab) {
            selected.set(tabs.isEmpty() ? null : tabs.get(Math.min(i, tabs.size() - 1)));
        }
    }

    public void closeSelected() {
        close(selected.get());
    }

    /** Starts the attach flow: Ctrl+Shift+A. */
    public void attach() {
        attach.open(this);
    }

    /** Compares two open recordings (baseline, target); false when they are not two different tabs. */
    public boolean compare(RecordingTabViewModel base, RecordingTabViewModel target) {
        if (base == null || target == null || base == target) {
            return false;
        }
        comparisons.compareTabs(base, target);
        return true;
    }

    /**
     * Opens {@code file} (or finds its tab) and compares it, as the target, with the baseline tab;
     * what "Compare with…" on a drop and two files on the command line come down to.
     */
    public boolean openAndCompare(RecordingTabViewModel base, Path file) {
        if (base == null) {
            return false;
        }
        openFiles(List.of(file));
        RecordingTabViewModel target = selected.get();
        selected.set(base);
        return compare(base, target);
    }

    /** The timeline's "Compare with baseline": two ranges of one tab. */
    public void compareRanges(RecordingTabViewModel tab, TimeRange baseline, TimeRange target) {
        comparisons.compareRanges(tab, baseline, target);
    }

    /** The timeline's "Compare with rest" for a tab's selection. */
    public void compareWithRest(RecordingTabViewModel tab, TimeRange selection) {
        comparisons.compareWithRest(tab, selection);
    }

    public void compareSourceWithOthers(RecordingTabViewModel tab, int source) {
        comparisons.compareSourceWithOthers(tab, source);
    }

    public void dispose() {
        tabs.forEach(RecordingTabViewModel::dispose);
    }

    public ObservableList<RecordingTabViewModel> tabs() {
        return tabsView;
    }

    public ObjectProperty<RecordingTabViewModel> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recent.files();
    }

    /** A file for remembered settings in the config folder, beside the recent files. */
    public Path settingsStore(String name) {
        return recent.siblingStore(name);
    }

    public TaskRunner tasks() {
        return tasks;
    }
}
