package dev.firesight.app.window;

import dev.firesight.app.search.SearchModel;
import dev.firesight.app.search.TreeSearch;
import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.query.TimeRange;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One open recording: loading it, then the query the user shapes (view, time range, threads, reverse)
 * and everything derived from it (call tree, hot methods, search matches, callers and callees). All
 * computation goes through the {@link TaskRunner}; a newer request cancels the older one.
 */
public final class RecordingTabViewModel {
    /** Where the tab is in its life. */
    public enum State { LOADING, READY, FAILED, CANCELLED }

    private final Path path;
    private final TaskRunner tasks;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ObservableList<ViewKind> views = FXCollections.observableArrayList();
    private final ObservableList<ViewKind> viewsView = FXCollections.unmodifiableObservableList(views);

    private final ObjectProperty<ViewKind> view = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>();
    private final ObjectProperty<BitSet> threads = new SimpleObjectProperty<>();
    private final BooleanProperty reverse = new SimpleBooleanProperty();
    private final BooleanProperty icicle = new SimpleBooleanProperty();
    private final SearchModel search = new SearchModel();
    private final ReadOnlyObjectWrapper<FrameSearch.Tree> searchedTree = new ReadOnlyObjectWrapper<>();
    private final TreeSearch searchResult;
    private final ObjectProperty<int[]> zoomPath = new SimpleObjectProperty<>(new int[0]);
    private final IntegerProperty selectedMethod = new SimpleIntegerProperty(-1);

    private final ReadOnlyObjectWrapper<QueryResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MethodRow> hotMethods = FXCollections.observableArrayList();
    private final ObservableList<MethodRow> hotMethodsView = FXCollections.unmodifiableObservableList(hotMethods);
    private final ReadOnlyObjectWrapper<Butterfly> butterfly = new ReadOnlyObjectWrapper<>(Butterfly.empty());
    private final ReadOnlyObjectWrapper<Throwable> queryError = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper liveText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper reloads = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Path> shownFile = new ReadOnlyObjectWrapper<>();

    private ViewKind preferredView;
    private TaskHandle loading;
    private TaskHandle reloading;
    private Integer pendingSelection;
    private final ObjectProperty<Runnable> stopAction = new SimpleObjectProperty<>();
    private TaskHandle querying;
    /** The whole-recording tree of the last unranged query, from which selected ranges are cut fast. */
    private TaskHandle butterflying;

    private final javafx.beans.property.ReadOnlyBooleanWrapper outOfMemory =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    /** Less detail asked for after a load ran out of memory; everything until then. */
    private java.util.function.UnaryOperator<LoadOptions> detail = java.util.function.UnaryOperator.identity();
    /** The most heap a load may take, or 0 for the parser's default share of the maximum heap. */
    private long memoryBudget;

    public RecordingTabViewModel(Path path, TaskRunner tasks) {
        this.path = path;
        this.tasks = tasks;
        view.addListener((o, a, b) -> requery());
        timeRange.addListener((o, a, b) -> requery());
        threads.addListener((o, a, b) -> requery());
        reverse.addListener((o, a, b) -> requery());
        this.searchResult = new TreeSearch(tasks, searchedTree, search.patternProperty());
        selectedMethod.addListener((o, a, b) -> recomputeButterfly());
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return String.valueOf(path.getFileName());
    }

    /** The view to show first once loaded, when the recording has it (else CPU, else the first). */
    public void setPreferredView(ViewKind v) {
        preferredView = v;
    }

    /** Starts reading the recording in the background. */
    public void load() {
        loadFrom(path);
    }

    /**
     * Starts reading {@code file} in the background as this tab's recording: a live recording's first
     * snapshot, which stands in for {@link #path()} until the recording is complete.
     */
    public void loadFrom(Path file) {
        outOfMemory.set(false);
        state.set(State.LOADING);
        progress.set(-1);
        message.set("Reading " + fileName() + "…");
        loading = tasks.submit("load " + fileName(), ctx -> Recordings.open(file, options()
                        .withProgress((done, total) -> ctx.progress(total <= 0 ? -1 : (double) done / total))
                        .withCancel(ctx::isCancelled)),
                TaskCallbacks.<Profile>of(p -> {
                    shownFile.set(file);
                    loaded(p);
                }, this::loadFailed).withProgress(progress::set));
    }

    /**
     * Re-reads the recording from {@code file} (a newer snapshot of a live recording, or its final
     * file) in the background and swaps the profile in place: the view, time range, search, zoom,
     * selected method and thread filter stay where they are (zoom, selection and threads are carried
     * over by name, since the new profile interns names afresh). A newer reload replaces an older one
     * still reading. Before the first profile has been read this is a plain {@link #loadFrom}.
     */
    public void reload(Path file) {
        Profile old = profile.get();
        if (old == null || state.get() != State.READY) {
            if (reloading != null) {
                reloading.cancel();
            }
            if (loading != null) {
                loading.cancel();
            }
            loadFrom(file);
            return;
        }
        if (reloading != null) {
            reloading.cancel();
        }
        reloading = tasks.submit("reload " + fileName(), ctx -> Recordings.open(file,
                        options().withCancel(ctx::isCancelled)),
                TaskCallbacks.<Profile>of(p -> {
                    shownFile.set(file);
                    swap(p);
                }, t -> {
                    // a bad snapshot is skipped: the tab keeps showing the last good one
                    queryError.set(t);
                }));
    }

    private void swap(Profile p) {
        Profile old = profile.get();
        if (old == null || p.views().isEmpty()) {
            loaded(p);
            return;
        }
        NameMap names = new NameMap(old, p);
        int[] zoom = names.path(zoomPath.get());
        int selected = names.name(selectedMethod.get());
        BitSet kept = names.threads(threads.get());
        profile.set(p);
        warnings.setAll(p.warnings());
        views.setAll(p.views());
        reloads.set(reloads.get() + 1);
        zoomPath.set(zoom);
        pendingSelection = selected; // applied with the new tree, so callers never mix two profiles
        if (kept != threads.get()) {
            threads.set(kept); // requeries
        }
        ViewKind v = view.get();
        if (v == null || !p.has(v)) {
            view.set(p.has(ViewKind.CPU) ? ViewKind.CPU : views.get(0));
        } else {
            requery();
        }
    }

    /** Translates name and thread ids of one profile into another's by their names. */
    private static final class NameMap {
        private final Profile from;
        private final java.util.Map<String, Integer> to = new java.util.HashMap<>();
        private final Profile target;

        NameMap(Profile from, Profile target) {
            this.from = from;
            this.target = target;
            for (int i = 0; i < target.frames().nameCount(); i++) {
                to.putIfAbsent(target.frames().nameOf(i), i);
            }
        }

        int name(int id) {
            if (id < 0 || id >= from.frames().nameCount()) {
                return -1;
            }
            return to.getOrDefault(from.frames().nameOf(id), -1);
        }

        int[] path(int[] ids) {
            if (ids == null) {
                return new int[0];
            }
            int[] out = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                out[i] = name(ids[i]);
                if (out[i] < 0) {
                    return java.util.Arrays.copyOf(out, i);
                }
            }
            return out;
        }

        BitSet threads(BitSet ids) {
            if (ids == null) {
                return null;
            }
            java.util.Map<String, Integer> byName = new java.util.HashMap<>();
            for (int t = 0; t < target.threadCount(); t++) {
                byName.putIfAbsent(target.threadName(t), t);
            }
            BitSet out = new BitSet();
            for (int t = ids.nextSetBit(0); t >= 0 && t < from.threadCount(); t = ids.nextSetBit(t + 1)) {
                Integer n = byName.get(from.threadName(t));
                if (n != null) {
                    out.set(n);
                }
            }
            return out.equals(ids) ? ids : out;
        }
    }

    /** What the live badge's stop button runs (stops the recording); null when nothing can be stopped. */
    public ObjectProperty<Runnable> stopActionProperty() {
        return stopAction;
    }

    /** Marks the tab as showing a recording in progress, with a short status such as its elapsed time. */
    public void setLive(boolean recording, String text) {
        live.set(recording);
        liveText.set(text == null ? "" : text);
    }

    /** Stops loading; the tab then says so and offers nothing else. */
    public void cancelLoad() {
        if (loading != null && state.get() == State.LOADING) {
            loading.cancel();
            state.set(State.CANCELLED);
            message.set("Loading " + fileName() + " was cancelled.");
        }
    }

    /** Cancels everything still running for this tab; called when the tab closes. */
    public void dispose() {
        for (TaskHandle h : new TaskHandle[] {loading, reloading, querying, butterflying}) {
            if (h != null) {
                h.cancel();
            }
        }
        searchResult.dispose();
    }

    private void loaded(Profile p) {
        profile.set(p);
        warnings.setAll(p.warnings());
        notes.setAll(p.notes());
        views.setAll(p.views());
        progress.set(1);
        if (p.views().isEmpty()) {
            state.set(State.FAILED);
            message.set(fileName() + " has no samples to show: it holds no CPU, allocation, lock or wall-clock"
                    + " events.");
            return;
        }
        message.set("");
        state.set(State.READY);
        ViewKind first = preferredView != null && p.has(preferredView) ? preferredView
                : p.has(ViewKind.CPU) ? ViewKind.CPU : views.get(0);
        if (view.get() == first) {
            requery();
        } else {
            view.set(first);
        }
    }

    /**
     * After a load ran out of memory: loads again with less detail (fewer views, part of the time, or
     * shorter stacks), which needs far less heap; the failed tab offers these instead of giving up.
     */
    public void retryWith(java.util.function.UnaryOperator<LoadOptions> lessDetail) {
        detail = lessDetail;
        load();
    }

    /**
     * Caps the heap a load of this tab may take (0 for the default share of the maximum heap); past it the
     * load stops and the tab offers less detail, before the JVM runs out of memory.
     */
    public void setMemoryBudget(long bytes) {
        memoryBudget = bytes;
    }

    private LoadOptions options() {
        return detail.apply(LoadOptions.defaults().withMemoryBudget(memoryBudget));
    }

    /** True when the last load failed for lack of memory, so fewer views may still fit. */
    public javafx.beans.property.ReadOnlyBooleanProperty outOfMemoryProperty() {
        return outOfMemory.getReadOnlyProperty();
    }

    private void loadFailed(Throwable t) {
        outOfMemory.set(t instanceof RecordingException re && re.tooLarge() || t instanceof OutOfMemoryError);
        state.set(State.FAILED);
        message.set(t instanceof RecordingException ? t.getMessage()
                : fileName() + " could not be opened (" + ErrorMessages.sentence(t) + ").");
    }

    /** Rebuilds the query's results in the background, cancelling any older rebuild. */
    public void requery() {
        Profile p = profile.get();
        ViewKind v = view.get();
        if (p == null || v == null || state.get() != State.READY) {
            return;
        }
        if (querying != null) {
            querying.cancel();
        }
        ProfileQuery query = currentQuery();
        querying = tasks.submit("query " + v.id(), ctx -> {
            StackWeights weights = StackWeights.compute(p, query, ctx::isCancelled);
            // Views, ranges and filters all project onto the profile's shared stack tree: no rebuild.
            CallTree tree = CallTreeBuilder.build(p, query, weights, ctx::isCancelled);
            List<MethodRow> rows = new ArrayList<>();
            for (HotMethods.Method m : HotMethods.of(p, weights)) {
                rows.add(new MethodRow(m.nameId(), m.name(), m.self(), m.total(), weights.total()));
            }
            return new QueryResult(weights, tree, rows);
        }, TaskCallbacks.of(this::queried, queryError::set));
    }

    /** The query the tab currently shows. */
    public ProfileQuery currentQuery() {
        ProfileQuery q = ProfileQuery.of(view.get()).withReverse(reverse.get()).withThreads(threads.get());
        TimeRange r = timeRange.get();
        return r == null ? q : q.withRange(r.fromNanos(), r.toNanos());
    }

    private void queried(QueryResult r) {
        queryError.set(null);
        int[] path = zoomPath.get();
        result.set(r);
        searchedTree.set(FrameSearch.Tree.of(r.tree()));
        hotMethods.setAll(r.hotMethods());
        zoomPath.set(longestPresentPrefix(r.tree(), path));
        if (pendingSelection != null) {
            int s = pendingSelection;
            pendingSelection = null;
            if (s != selectedMethod.get()) {
                selectedMethod.set(s); // recomputes callers and callees from the new result
                return;
            }
        }
        int selected = selectedMethod.get();
        if (selected >= 0 && r.hotMethods().stream().noneMatch(m -> m.nameId() == selected)) {
            selectedMethod.set(-1);
        } else {
            recomputeButterfly();
        }
    }

    /** The part of a zoom path that the new tree still has, so switching view keeps the user's place. */
    static int[] longestPresentPrefix(CallTree tree, int[] path) {
        if (path == null) {
            return new int[0];
        }
        int node = CallTree.ROOT;
        int n = 0;
        while (n < path.length) {
            int child = tree.child(node, path[n]);
            if (child == CallTree.NONE) {
                break;
            }
            node = child;
            n++;
        }
        return n == path.length ? path : java.util.Arrays.copyOf(path, n);
    }

    private void recomputeButterfly() {
        QueryResult r = result.get();
        int method = selectedMethod.get();
        if (butterflying != null) {
            butterflying.cancel();
        }
        if (r == null || method < 0) {
            butterfly.set(Butterfly.empty());
            return;
        }
        Profile p = profile.get();
        butterflying = tasks.submit("callers and callees", ctx -> Butterfly.of(p, r.weights(), method,
                ctx::isCancelled), TaskCallbacks.of(butterfly::set, queryError::set));
    }

    /** Clears the search, or when there is none, the zoom: what Esc does. */
    public void escape() {
        if (!search.clear()) {
            zoomPath.set(new int[0]);
        }
    }

    /** True while the tab shows a recording in progress (snapshots replace its profile). */
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    /** What the live badge says beside "Recording", e.g. the elapsed time; empty when not live. */
    public ReadOnlyStringProperty liveTextProperty() { return liveText.getReadOnlyProperty(); }
    /** How many times the profile was swapped in place by {@link #reload(Path)}. */
    public ReadOnlyIntegerProperty reloadsProperty() { return reloads.getReadOnlyProperty(); }
    /** The file the shown profile was read from: {@link #path()}, or a live recording's latest snapshot. */
    public ReadOnlyObjectProperty<Path> shownFileProperty() { return shownFile.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile.getReadOnlyProperty(); }
    /** What could not be read: damage, shown as a warning banner. */
    public ObservableList<String> warnings() { return warningsView; }
    /** Caveats about reading the numbers that are not damage, shown as a quieter note. */
    public ObservableList<String> notes() { return notesView; }
    public ObservableList<ViewKind> views() { return viewsView; }
    public ObjectProperty<ViewKind> viewProperty() { return view; }
    /** The time range of every view of this tab; null for the whole recording. A timeline sets it. */
    public ObjectProperty<TimeRange> timeRangeProperty() { return timeRange; }
    /** The thread ids to show; null for all threads. */
    public ObjectProperty<BitSet> threadsProperty() { return threads; }
    public BooleanProperty reverseProperty() { return reverse; }
    public BooleanProperty icicleProperty() { return icicle; }
    /** The tab's search: text, plain-text and match-case toggles. */
    public SearchModel search() { return search; }
    public StringProperty searchTextProperty() { return search.textProperty(); }
    /** The flame graph's zoom: name ids from the root's child down to the zoomed frame. */
    public ObjectProperty<int[]> zoomPathProperty() { return zoomPath; }
    /** The name id of the selected method, or -1. */
    public IntegerProperty selectedMethodProperty() { return selectedMethod; }
    public ReadOnlyObjectProperty<QueryResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ObservableList<MethodRow> hotMethods() { return hotMethodsView; }
    /** The search run on the current call tree, off the FX thread; {@link FrameSearch#none()} for none. */
    public ReadOnlyObjectProperty<FrameSearch> searchProperty() { return searchResult.resultProperty(); }
    public ReadOnlyObjectProperty<Butterfly> butterflyProperty() { return butterfly.getReadOnlyProperty(); }
    /** The last failure of a query, search or callers computation, or null. */
    public ReadOnlyObjectProperty<Throwable> queryErrorProperty() { return queryError.getReadOnlyProperty(); }
}
