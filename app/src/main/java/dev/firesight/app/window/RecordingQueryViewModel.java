package dev.firesight.app.window;

import dev.firesight.app.search.FrameFilters;
import dev.firesight.app.format.MethodNames;
import dev.firesight.app.search.SearchModel;
import dev.firesight.app.search.TreeSearch;
import dev.firesight.app.tasks.AppEvents;
import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.Butterfly;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.NameMap;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Query;
import dev.firesight.parser.query.Sandwich;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.query.Transform;
import dev.firesight.parser.query.Transforms;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user shapes in one tab's loaded profile (view, time range, threads, reverse, transforms, search,
 * zoom, selected method) and everything derived from it: the call tree, hot methods, search matches, callers
 * and callees, a method's sandwich. All computation goes through the {@link TaskRunner}; a newer request
 * cancels the older one. Transforms apply first, to the profile itself, so every result sees them.
 */
public final class RecordingQueryViewModel {
    private final TaskRunner tasks;
    private Profile profile;
    private ViewKind preferredView;

    private final ObjectProperty<ViewKind> view = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>();
    /** The live view's "alive for at least": 0 for any age (see {@link #showOlderThan}). */
    private final javafx.beans.property.LongProperty olderThan = new javafx.beans.property.SimpleLongProperty();
    /** The range the user had chosen before an age was, which the age narrows and "any age" gives back. */
    private TimeRange beforeAge;
    /** True while the age filter itself sets the range. */
    private boolean settingAge;
    private final ObjectProperty<BitSet> threads = new SimpleObjectProperty<>();
    private final BooleanProperty reverse = new SimpleBooleanProperty();
    private final ObjectProperty<Transforms> transforms = new SimpleObjectProperty<>(Transforms.none());
    private final BooleanProperty icicle = new SimpleBooleanProperty();
    private final SearchModel search = new SearchModel();
    private final FrameFilters frameFilters = new FrameFilters();
    private final ReadOnlyObjectWrapper<FrameSearch.Tree> searchedTree = new ReadOnlyObjectWrapper<>();
    private final TreeSearch searchResult;
    private final ObjectProperty<int[]> zoomPath = new SimpleObjectProperty<>(new int[0]);
    private final IntegerProperty selectedMethod = new SimpleIntegerProperty(-1);
    private final ObjectProperty<AllocationSites.By> allocationGrouping =
            new SimpleObjectProperty<>(AllocationSites.By.METHOD);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    private final ReadOnlyObjectWrapper<QueryResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MethodRow> hotMethods = FXCollections.observableArrayList();
    private final ObservableList<MethodRow> hotMethodsView = FXCollections.unmodifiableObservableList(hotMethods);
    private final ReadOnlyObjectWrapper<CallersAndCallees> butterfly =
            new ReadOnlyObjectWrapper<>(CallersAndCallees.NONE);
    private final ReadOnlyObjectWrapper<Throwable> queryError = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty sandwichMethod = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Sandwich> sandwich = new ReadOnlyObjectWrapper<>();

    /**
     * Where the user was before each jump (a finding or a stack opened), latest first, for {@link #back}: a
     * finding sets the view, threads, range, search and selection at once, and the user's own choice of them
     * should be one step away, not lost.
     */
    private final Deque<Place> history = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private static final int HISTORY = 20;

    private Integer pendingSelection;
    private TaskHandle querying;
    private TaskHandle butterflying;
    private TaskHandle sandwiching;
    /** Shows a series on the timeline (a finding about the heap's growth or GC pauses is read there). */
    private java.util.function.Consumer<dev.firesight.parser.TimeSeries.Kind> onShowSeries = kind -> { };

    public RecordingQueryViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        view.addListener((o, a, b) -> {
            if (b != ViewKind.LIVE && olderThan.get() != 0) {
                showOlderThan(0); // the age is the live view's: leaving it, the user's own range comes back
            }
        });
        view.addListener((o, a, b) -> requery());
        timeRange.addListener((o, a, b) -> requery());
        timeRange.addListener((o, a, b) -> {
            if (!settingAge && olderThan.get() != 0) {
                settingAge = true; // a range chosen elsewhere replaces the age's: the age no longer applies
                olderThan.set(0);
                settingAge = false;
            }
        });
        threads.addListener((o, a, b) -> requery());
        reverse.addListener((o, a, b) -> requery());
        for (javafx.beans.Observable c : frameFilters.changes()) {
            c.addListener(o -> requery());
        }
        transforms.addListener((o, a, b) -> requery());
        allocationGrouping.addListener((o, a, b) -> {
            if (groups(view.get())) {
                requery();
            }
        });
        zoomPath.addListener((o, a, b) -> {
            if (!detailedAt(result.get(), b)) {
                requery(); // zoomed into a frame whose callers were too narrow to build: build them now
            }
        });
        this.searchResult = new TreeSearch(tasks, searchedTree, search.patternProperty());
        selectedMethod.addListener((o, a, b) -> recomputeButterfly());
        sandwichMethod.addListener((o, a, b) -> recomputeSandwich());
    }

    /** The view to show first once loaded, when the recording has it (else CPU, else the first). */
    public void setPreferredView(ViewKind v) {
        preferredView = v;
    }

    /** The view set by {@link #setPreferredView}, or null. */
    ViewKind preferredView() {
        return preferredView;
    }

    /** Shows a freshly loaded profile (with at least one view) in the preferred view. */
    void show(Profile p) {
        forgetHistory();
        profile = p;
        ViewKind first = firstView(p);
        if (view.get() == first) {
            requery();
        } else {
            view.set(first);
        }
    }

    /**
     * Swaps in a newer profile of the same recording (a live recording's snapshot): the view, time range and
     * search stay, and zoom, selected method and thread filter are carried over by name, since the new
     * profile interns names afresh.
     */
    void swap(Profile old, Profile p) {
        swap(old, p, view.get());
    }

    /**
     * Swaps in a fuller profile of the recording being read (a partial one, or at last the complete one): as
     * {@link #swap}, but in the view a freshly loaded profile opens in, since the first partial profile may
     * lack it (its samples so far may all be of another view) and the view cannot be changed while reading.
     */
    void refine(Profile old, Profile p) {
        swap(old, p, firstView(p));
    }

    /** A view of fewer samples than this draws next to nothing: a recording does not open in it. */
    static final int FEW_SAMPLES = 10;
    /**
     * CPU samples per second of recording below which a recording of memory opens in its memory view instead: a
     * fifth of one thread at JFR's default 20 ms. An async-profiler native-memory recording had 18 CPU samples in
     * 3 s beside 2,774 native allocations, and opened on a nearly empty CPU flame graph.
     */
    static final double FEW_CPU_SAMPLES_PER_SECOND = 10;

    /**
     * The view to show first: the preferred one when the recording has it, else CPU, unless CPU has next to no
     * samples (a memory leak's or a lock's recording: one CPU sample, an empty flame graph), then the view with
     * the most samples. A recording of memory whose CPU samples are sparse for its length opens in its memory view
     * with the most samples, unless it has wall-clock samples: that one was made to profile time.
     */
    static ViewKind firstView(Profile p, ViewKind preferred) {
        if (preferred != null && p.has(preferred)) {
            return preferred;
        }
        if (p.has(ViewKind.CPU) && p.samples(ViewKind.CPU).size() >= FEW_SAMPLES) {
            int cpu = p.samples(ViewKind.CPU).size();
            double seconds = p.time().durationNanos() / 1e9;
            boolean sparse = seconds > 0 && cpu < FEW_CPU_SAMPLES_PER_SECOND * seconds && !p.has(ViewKind.WALL);
            return !sparse ? ViewKind.CPU : p.views().stream()
                    .filter(v -> (ALLOCATION_VIEWS.contains(v) || v == ViewKind.NATIVE_ALLOC || v == ViewKind.NATIVE_LEAK)
                            && p.samples(v).size() > cpu)
                    .max(java.util.Comparator.comparingInt((ViewKind v) -> p.samples(v).size())).orElse(ViewKind.CPU);
        }
        return p.views().stream().max(java.util.Comparator.comparingInt((ViewKind v) -> p.samples(v).size())
                .thenComparing(v -> v == ViewKind.CPU)).orElseThrow();
    }

    private ViewKind firstView(Profile p) {
        return firstView(p, preferredView);
    }

    private void swap(Profile old, Profile p, ViewKind wanted) {
        NameMap names = new NameMap(old, p);
        int[] zoom = names.path(zoomPath.get());
        int selected = names.name(selectedMethod.get());
        BitSet kept = names.threads(threads.get());
        Place[] places = history.toArray(new Place[0]);
        history.clear();
        for (Place place : places) {
            history.add(place.in(names));
        }
        profile = p;
        zoomPath.set(zoom);
        pendingSelection = selected; // applied with the new tree, so callers never mix two profiles
        if (kept != threads.get()) {
            threads.set(kept); // requeries
        }
        if (wanted == null || !p.has(wanted)) {
            view.set(firstView(p));
        } else if (wanted != view.get()) {
            view.set(wanted); // requeries
        } else {
            requery();
        }
    }

    /**
     * Runs {@code then} once the flame graph of {@code p} is computed (now, if it is), on the FX thread; never
     * if another profile is shown first. What is built from a profile besides its flame graph waits for this:
     * on two cores, building it beside the first query took CPU from that query.
     */
    void afterFirstResult(Profile p, Runnable then) {
        if (isResultOf(result.get(), p)) {
            then.run(); // a runner on this thread computed it already
            return;
        }
        result.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends QueryResult> o, QueryResult a, QueryResult r) {
                if (isResultOf(r, p)) {
                    result.removeListener(this);
                    then.run();
                } else if (profile != p) {
                    result.removeListener(this); // another profile is shown: this listener must not keep p
                }
            }
        });
    }

    private static boolean isResultOf(QueryResult r, Profile p) {
        return r != null && r.loaded() == p;
    }

    /**
     * Forgets the profile and everything computed from it, cancelling what still computes: a read that failed
     * leaves nothing holding its memory, and the next profile opens as in {@link #show}.
     */
    void clear() {
        forgetHistory();
        cancelComputing();
        profile = null;
        busy.set(false);
        pendingSelection = null;
        result.set(null);
        searchedTree.set(null);
        hotMethods.clear();
        butterfly.set(CallersAndCallees.NONE);
        sandwich.set(null);
    }

    /** A live snapshot that could not be read: said once; the last good profile stays shown. */
    void snapshotFailed(Throwable t) {
        queryError.set(t);
    }

    /** Rebuilds the query's results in the background, cancelling any older rebuild. */
    public void requery() {
        Profile p = profile;
        ViewKind v = view.get();
        if (p == null || v == null) {
            return;
        }
        if (querying != null) {
            querying.cancel();
        }
        ProfileQuery query = currentQuery();
        Transforms t = transforms.get();
        int[] zoom = zoomPath.get();
        AllocationSites.By by = groups(v) ? allocationGrouping.get() : null;
        busy.set(true);
        querying = tasks.submit("query " + v.id(), TaskRunner.Priority.SHOWN, ctx -> {
            // The transformed profile is kept per profile, so only a change of transforms rewrites stacks.
            Profile shown = t.apply(p, ctx::isCancelled);
            Query run = shown.query(query);
            StackWeights weights = run.weights(ctx::isCancelled);
            // Views, ranges and filters all project onto the profile's shared stack tree: no rebuild. A reversed
            // tree is built only where the flame graph, zoomed as it is, can draw it.
            CallTree tree = run.visibleCallTree(zoom, ctx::isCancelled);
            List<HotMethods.Method> methods = run.hotMethods(by, ctx::isCancelled);
            Map<String, String> labels = MethodNames.unique(methods.stream().map(HotMethods.Method::name).toList());
            List<MethodRow> rows = methods.stream()
                    .map(m -> MethodRow.of(m, weights.total(), labels.get(m.name()))).toList();
            return new QueryResult(weights, tree, rows, labels, p);
        }, TaskCallbacks.of(this::queried, failure -> {
            busy.set(false);
            queryError.set(failure);
        }));
    }

    /** The views whose stacks end in the allocated class: their hot methods group by method or by class. */
    private static final Set<ViewKind> ALLOCATION_VIEWS = EnumSet.of(ViewKind.ALLOC, ViewKind.ALLOC_COUNT,
            ViewKind.ALLOC_OUTSIDE_TLAB, ViewKind.LIVE);

    /** True when the hot methods of {@code v} list allocating methods or allocated classes, as chosen. */
    public static boolean groups(ViewKind v) {
        return v != null && ALLOCATION_VIEWS.contains(v);
    }

    /**
     * The profile the tab's views show: the loaded one with the tab's transforms applied, taken from the last
     * result (so nothing is computed here); the loaded one while there are no transforms.
     */
    public Profile shownProfile() {
        QueryResult r = result.get();
        return transforms.get().isEmpty() || r == null ? profile : r.tree().profile();
    }

    /** The query the tab currently shows. */
    public ProfileQuery currentQuery() {
        ProfileQuery q = frameFilters.apply(ProfileQuery.of(view.get()).withReverse(reverse.get())
                .withThreads(threads.get()));
        TimeRange r = timeRange.get();
        return r == null ? q : q.withRange(r.fromNanos(), r.toNanos());
    }

    private void queried(QueryResult r) {
        AppEvents.event("query done " + view.get().id());
        busy.set(false);
        queryError.set(null);
        int[] path = zoomPath.get();
        result.set(r);
        searchedTree.set(r.tree());
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
        recomputeSandwich();
        int selected = selectedMethod.get();
        if (selected >= 0 && r.hotMethods().stream().noneMatch(m -> m.nameId() == selected)) {
            selectedMethod.set(-1);
        } else {
            recomputeButterfly();
        }
    }

    /**
     * True when a result's tree shows, zoomed along {@code path}, all a flame graph can draw there: always for
     * a complete tree; for a reversed tree built only where visible, when the zoomed node's callers were built
     * to its own width.
     */
    static boolean detailedAt(QueryResult r, int[] path) {
        if (r == null || r.tree().isComplete()) {
            return true;
        }
        CallTree tree = r.tree();
        return tree.detailedUnder(tree.find(longestPresentPrefix(tree, path)));
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
        return n == path.length ? path : Arrays.copyOf(path, n);
    }

    private void recomputeButterfly() {
        QueryResult r = result.get();
        int method = selectedMethod.get();
        if (butterflying != null) {
            butterflying.cancel();
        }
        if (r == null || method < 0) {
            butterfly.set(CallersAndCallees.NONE);
            return;
        }
        Profile p = r.tree().profile(); // the transformed one the result was computed on
        butterflying = tasks.submit("callers and callees", TaskRunner.Priority.SHOWN, ctx -> CallersAndCallees.of(Butterfly.of(p, r.weights(),
                method, ctx::isCancelled), r.labels()), TaskCallbacks.of(butterfly::set, queryError::set));
    }

    /**
     * Opens the view a finding points at: its view (when the recording has it), its time range, and its frame
     * searched for and selected, so the flame graph marks it and the table shows its callers.
     */
    public void open(Finding.Evidence evidence) {
        Profile p = profile;
        if (p == null) {
            return;
        }
        remember();
        if (p.has(evidence.view())) {
            view.set(evidence.view());
        }
        // The evidence shows the finding's own numbers: of its JVM, else of every thread (the JVM chooser follows).
        threads.set(evidence.source() >= 0 && evidence.source() < p.sources().count()
                ? p.sources().threads(evidence.source()) : null);
        boolean whole = evidence.fromNanos() == Long.MIN_VALUE && evidence.toNanos() == Long.MAX_VALUE;
        TimeRange range = whole ? null : new TimeRange(Math.max(evidence.fromNanos(), p.time().fromNanos()),
                Math.min(evidence.toNanos(), p.time().toNanos()));
        if (!java.util.Objects.equals(range, timeRange.get())) { // the same range again recomputes nothing
            timeRange.set(range);
        }
        // The evidence is the whole place: what an earlier jump left (a suspect's zoom, a finding's search) goes.
        zoomPath.set(new int[0]);
        if (evidence.search() != null) {
            search.plainTextProperty().set(false);
            search.textProperty().set(evidence.search());
        } else if (evidence.frame() != null) {
            search.plainTextProperty().set(true);
            search.textProperty().set(evidence.frame());
        } else {
            search.textProperty().set("");
        }
        int id = evidence.frame() == null ? -1 : nameId(p, evidence.frame());
        selectedMethod.set(id);
        if (evidence.series() != null) {
            onShowSeries.accept(evidence.series());
        }
    }

    /** What opening a finding read on the timeline does: the window shows the timeline there. */
    public void setOnShowSeries(java.util.function.Consumer<dev.firesight.parser.TimeSeries.Kind> show) {
        onShowSeries = show;
    }

    /**
     * Opens one of the profile's stacks (say, where a leak suspect was allocated) in the flame graph: in the
     * first of {@code views} the recording has, zoomed along the stack as far as that view's tree has it, over the
     * whole recording and, of a folder, in the JVM {@code source} (-1: every JVM), with the method that allocated
     * searched. An earlier jump's range and search go: the stack is shown whole.
     */
    public void openStack(int stack, List<ViewKind> views, int source) {
        Profile p = profile;
        if (p == null || stack < 0 || stack >= p.stacks().size()) {
            return;
        }
        remember();
        views.stream().filter(p::has).findFirst().ifPresent(view::set);
        reverse.set(false);
        threads.set(source >= 0 && source < p.sources().count() ? p.sources().threads(source) : null);
        timeRange.set(null);
        selectedMethod.set(-1);
        int depth = p.stacks().depth(stack);
        int[] path = new int[depth];
        for (int d = 0; d < depth; d++) {
            path[d] = p.frames().nameId(p.stacks().frame(stack, d));
        }
        // The method that made the object (above its class) is searched: the view's samples may lack the stack
        // past some caller, where the zoom stops, and a user then saw the caller's other allocations as if they
        // were the suspect's; highlighted, it shows where in them it is, and "no match" says it is not there.
        boolean classLeaf = depth >= 2 && p.frames().kind(p.stacks().frame(stack, depth - 1)) == dev.firesight.parser.FrameKind.CLASS;
        search.plainTextProperty().set(true);
        search.textProperty().set(classLeaf ? p.frames().name(p.stacks().frame(stack, depth - 2)) : "");
        zoomPath.set(path);
        requery(); // trims the path to what the view's tree has
    }

    /**
     * Keeps only what was allocated at least {@code ageNanos} before the recording ended: in the live-objects
     * view, whose samples sit at their allocation time, the objects that have stayed alive that long. Zero or
     * less shows every age again.
     */
    public void showOlderThan(long ageNanos) {
        Profile p = profile;
        long age = Math.max(0, ageNanos);
        if (p == null || settingAge || age == olderThan.get()) {
            return;
        }
        if (olderThan.get() == 0) {
            beforeAge = timeRange.get();
        }
        settingAge = true;
        try {
            olderThan.set(age);
            if (age == 0) {
                timeRange.set(beforeAge); // the user's own range comes back
                return;
            }
            // Within the user's range, the objects allocated at least that long before the recording ended.
            long from = beforeAge == null ? p.info().startNanos() : beforeAge.fromNanos();
            long to = Math.min(beforeAge == null ? p.info().endNanos() : beforeAge.toNanos(), p.info().endNanos() - age);
            timeRange.set(new TimeRange(from, Math.max(from + 1, to)));
        } finally {
            settingAge = false;
        }
    }

    /** The age chosen for the live view, in nanoseconds; 0 for any age, as it is again once a range is chosen elsewhere. */
    public javafx.beans.property.ReadOnlyLongProperty olderThanProperty() {
        return olderThan;
    }

    private static int nameId(Profile p, String name) {
        for (int n = 0, count = p.frames().nameCount(); n < count; n++) {
            if (p.frames().nameOf(n).equals(name)) {
                return n;
            }
        }
        return -1;
    }

    /** The sandwich of {@link #sandwichMethodProperty()} over the current result, or none. */
    private void recomputeSandwich() {
        QueryResult r = result.get();
        int method = sandwichMethod.get();
        if (sandwiching != null) {
            sandwiching.cancel();
        }
        if (r == null || method < 0 || method >= r.tree().profile().frames().nameCount()) {
            sandwich.set(null);
            return;
        }
        Profile p = r.tree().profile();
        ProfileQuery q = r.tree().query();
        sandwiching = tasks.submit("sandwich", TaskRunner.Priority.SHOWN, ctx -> Sandwich.of(p, q, method, ctx::isCancelled),
                TaskCallbacks.of(sandwich::set, queryError::set));
    }

    /** Applies a transform after those applied; nothing when it is applied already. */
    public void addTransform(Transform t) {
        transforms.set(transforms.get().with(t));
    }

    /** Takes a transform away, as removing its chip does; the view it changed comes back. */
    public void removeTransform(Transform t) {
        transforms.set(transforms.get().without(t));
    }

    /** Where the user is now, remembered before a jump. */
    private void remember() {
        history.push(new Place(view.get(), reverse.get(), threads.get(), timeRange.get(), search.textProperty().get(),
                search.plainTextProperty().get(), zoomPath.get(), selectedMethod.get()));
        while (history.size() > HISTORY) {
            history.removeLast();
        }
        canGoBack.set(true);
    }

    /**
     * Goes back to where the user was before the last finding or stack they opened: its view, direction,
     * threads, time range, search, zoom and selected method.
     */
    public void back() {
        Place place = history.poll();
        canGoBack.set(!history.isEmpty());
        if (place == null || profile == null) {
            return;
        }
        pendingSelection = place.selected(); // applied with the new tree, as after a swap
        reverse.set(place.reverse());
        threads.set(place.threads());
        timeRange.set(place.range());
        search.plainTextProperty().set(place.plainText());
        search.textProperty().set(place.search());
        zoomPath.set(place.zoom());
        if (place.view() != null && place.view() != view.get() && profile.has(place.view())) {
            view.set(place.view()); // requeries
        } else {
            requery();
        }
    }

    private void forgetHistory() {
        history.clear();
        canGoBack.set(false);
    }

    /** The query state {@link #back} returns to; ids are of the shown profile, mapped when it is swapped. */
    private record Place(ViewKind view, boolean reverse, BitSet threads, TimeRange range, String search,
                         boolean plainText, int[] zoom, int selected) {
        Place in(NameMap names) {
            return new Place(view, reverse, names.threads(threads), range, search, plainText, names.path(zoom),
                    names.name(selected));
        }
    }

    /** Clears the search, or when there is none, the zoom: what Esc does. */
    public void escape() {
        if (!search.clear()) {
            zoomPath.set(new int[0]);
        }
    }

    /** Cancels everything still computing; called when the tab closes. */
    public void dispose() {
        sandwichMethod.set(-1); // closes the tab's sandwich window with it
        cancelComputing();
        searchResult.dispose();
    }

    private void cancelComputing() {
        for (TaskHandle h : new TaskHandle[] {querying, butterflying, sandwiching}) {
            if (h != null) {
                h.cancel();
            }
        }
    }

    public ObjectProperty<ViewKind> viewProperty() { return view; }
    /** True when {@link #back} has a place to go back to. */
    public ReadOnlyBooleanProperty canGoBackProperty() { return canGoBack.getReadOnlyProperty(); }
    /** The time range of every view of this tab; null for the whole recording. A timeline sets it. */
    public ObjectProperty<TimeRange> timeRangeProperty() { return timeRange; }
    /** The thread ids to show; null for all threads. */
    public ObjectProperty<BitSet> threadsProperty() { return threads; }
    public BooleanProperty reverseProperty() { return reverse; }
    public BooleanProperty icicleProperty() { return icicle; }
    /** The flame graph's "Focus on frame" and "Exclude frame", applied to every view of this tab. */
    public FrameFilters frameFilters() { return frameFilters; }
    /** The transforms every view of this tab shows, in order; {@link Transforms#none()} for none. */
    public ObjectProperty<Transforms> transformsProperty() { return transforms; }
    /** The name id of the method whose sandwich is shown, or -1 for none. */
    public IntegerProperty sandwichMethodProperty() { return sandwichMethod; }
    /** The sandwich of {@link #sandwichMethodProperty()} in the current result, or null while none. */
    public ReadOnlyObjectProperty<Sandwich> sandwichProperty() { return sandwich.getReadOnlyProperty(); }
    /** The tab's search: text, plain-text and match-case toggles. */
    public SearchModel search() { return search; }
    /** The search run on the current call tree, off the FX thread; {@link FrameSearch#none()} for none. */
    public ReadOnlyObjectProperty<FrameSearch> searchProperty() { return searchResult.resultProperty(); }
    /** The flame graph's zoom: name ids from the root's child down to the zoomed frame. */
    public ObjectProperty<int[]> zoomPathProperty() { return zoomPath; }
    /** The name id of the selected method, or -1. */
    public IntegerProperty selectedMethodProperty() { return selectedMethod; }
    /**
     * In allocation views ({@link #groups}), whether hot methods list allocating methods (each with what it
     * allocates itself) or allocated classes.
     */
    public ObjectProperty<AllocationSites.By> allocationGroupingProperty() { return allocationGrouping; }
    /** True from a query's start until its result (or failure) arrives: the tables show progress, not "none". */
    public ReadOnlyBooleanProperty queryingProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<QueryResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ObservableList<MethodRow> hotMethods() { return hotMethodsView; }
    public ReadOnlyObjectProperty<CallersAndCallees> butterflyProperty() { return butterfly.getReadOnlyProperty(); }
    /** The last failure of a query, search, callers computation or live snapshot, or null. */
    public ReadOnlyObjectProperty<Throwable> queryErrorProperty() { return queryError.getReadOnlyProperty(); }
}
