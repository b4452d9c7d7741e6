package dev.firesight.app.window;

import dev.firesight.app.format.Units;
import dev.firesight.app.tasks.AppEvents;
import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.window.RecordingTabViewModel.State;
import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.PartialProfiles;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewAbsence;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Warning;
import dev.firesight.parser.query.Query;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Reading one tab's recording: the first load with its progress, cancel and errors, a live recording's
 * reloads from newer snapshots, and a retry with less detail after a load ran out of memory. It hands each
 * profile it reads to the tab's {@link RecordingQueryViewModel}; all reading goes through the task runner.
 */
public final class RecordingLoadViewModel {
    private final Path path;
    private final TaskRunner tasks;
    private final RecordingQueryViewModel query;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Warning> warnings = FXCollections.observableArrayList();
    private final ObservableList<Warning> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ObservableList<ViewKind> views = FXCollections.observableArrayList();
    private final ObservableList<ViewKind> viewsView = FXCollections.unmodifiableObservableList(views);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper liveText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper reloads = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Path> shownFile = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Runnable> stopAction = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper outOfMemory = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper partial = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper stopped = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper partialCoverage = new ReadOnlyStringWrapper("");
    /** The view drawn exact while the rest of the recording is read (see {@link #read}), or null. */
    private final ReadOnlyObjectWrapper<ViewKind> exactView = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Profile> drawn = new ReadOnlyObjectWrapper<>();

    /**
     * {@code -Dfiresight.partialOpen=false} reads every recording whole before drawing it, as before partial
     * profiles: for benchmarks that compare the two in the same build.
     */
    private static final boolean PARTIAL_OPEN = !"false".equals(System.getProperty("firesight.partialOpen"));
    /** When the load makes its partial profiles. */
    private final PartialPacing pacing = new PartialPacing();
    /** The partial profile the query shows while reading, or null. */
    private Profile shownPartial;
    /**
     * Reading waits after the load's first partial profile until its flame graph is on screen, at most this long.
     * On two cores the first partial's query, timeline and paint shared them with three reading threads and the
     * JIT: the 228 MiB file's first flame graph came 0.7-0.85 s after its partial, and 0.26-0.46 s with reading
     * held (README, "File to pixels"). Only the first: each hold makes the complete profile later by about as long.
     */
    static final long HOLD_NANOS = 800_000_000L;
    /** Whether this load's first partial is still to come; only it holds reading. */
    private volatile boolean holdNext;
    /** Released when the held partial's flame graph is painted (or it will not be); null when none is held. */
    private volatile java.util.concurrent.CountDownLatch onScreen;
    /** Whether the tab is the one shown: a tab behind another paints nothing, so reading is not held for it. */
    private volatile boolean tabShown;

    private TaskHandle loading;
    private TaskHandle reloading;
    /** Less detail asked for after a load ran out of memory; everything until then. */
    private UnaryOperator<LoadOptions> detail = UnaryOperator.identity();
    /** The most heap a load may take, or 0 for the parser's default share of the maximum heap. */
    private long memoryBudget;

    /** @param query shown each profile read, first or swapped in */
    public RecordingLoadViewModel(Path path, TaskRunner tasks, RecordingQueryViewModel query) {
        this.path = path;
        this.tasks = tasks;
        this.query = query;
        // A partial profile's flame graph is computed: the next one may be made.
        query.resultProperty().addListener((o, a, r) -> {
            if (shownPartial != null && state.get() == State.LOADING) {
                pacing.computed(System.nanoTime());
            }
        });
    }

    /**
     * The timeline of {@code p} was computed: when it is the partial profile shown, its work is all done, and
     * the next partial is paced by the whole of it (see {@link PartialPacing#settled}).
     */
    public void timelineComputed(Profile p) {
        if (p != null && p == shownPartial && state.get() == State.LOADING) {
            pacing.settled(System.nanoTime());
        }
    }

    private String fileName() {
        return String.valueOf(path.getFileName());
    }

    /** Starts reading the recording in the background. */
    public void load() {
        loadFrom(path);
    }

    /**
     * Starts reading {@code file} in the background as this tab's recording: a live recording's first
     * snapshot, which stands in for the tab's path until the recording is complete.
     */
    public void loadFrom(Path file) {
        if (stopped.get()) {
            // What an earlier read left on screen goes first: a retry with less detail needs its memory.
            stopped.set(false);
            drawn.set(null);
            query.clear();
        }
        outOfMemory.set(false);
        state.set(State.LOADING);
        progress.set(-1);
        message.set("Reading " + fileName() + "…");
        partial.set(false);
        shownPartial = null;
        holdNext = true;
        pacing.start(System.nanoTime(), PARTIAL_OPEN);
        AppEvents.event("open started " + fileName());
        // What the user just asked for: queued before the tab's first pulse, not after it.
        exactView.set(null);
        loading = tasks.submit("load " + fileName(), TaskRunner.Priority.SHOWN, ctx -> read(file, ctx),
                TaskCallbacks.<Profile>of(p -> {
                    AppEvents.event("open complete " + fileName());
                    shownFile.set(file);
                    loaded(p);
                }, this::loadFailed).withProgress(progress::set));
    }

    /**
     * Reads {@code file} on the load's thread. A large recording whose first view is a small part of its samples
     * (a JDK recording's CPU samples beside millions of allocation samples) is read twice: first for that view
     * alone, which skips the other samples' stacks, and shown exact as soon as that is done; then whole, with the
     * other views. On the 513 MiB JDK recording of the benchmark the CPU view alone reads in about 2.5 s, the
     * whole file in 6.5 s, and the converter needs 3.6 s for its CPU flame graph.
     */
    private Profile read(Path file, dev.firesight.app.tasks.TaskContext ctx) throws RecordingException {
        LoadOptions base = options().withCancel(ctx::isCancelled);
        PartialProfiles partials = PARTIAL_OPEN && fitsBesidePartials(file) ? partials(ctx) : null;
        // The exact view is held while the rest is read, as a partial profile is: only where partials fit beside it.
        ViewKind first = partials == null ? null : viewFirst(file, base);
        if (first == null) {
            return Recordings.open(file, base.withProgress(progress(ctx, 0, 1)), partials);
        }
        AppEvents.event("open view first " + first.id() + " " + fileName());
        Profile exact = Recordings.open(file, base.withViews(java.util.EnumSet.of(first))
                .withProgress(progress(ctx, 0, VIEW_FIRST_PROGRESS)), partials);
        if (exact.has(first)) {
            ctx.publish(() -> showExactView(exact, first));
        }
        return Recordings.open(file, base.withProgress(progress(ctx, VIEW_FIRST_PROGRESS, 1)));
    }

    /** Reports a read's progress as the part {@code [from, to]} of the bar. */
    private LoadOptions.ProgressListener progress(dev.firesight.app.tasks.TaskContext ctx, double from, double to) {
        return (done, total) -> {
            double fraction = total <= 0 ? -1 : (double) done / total;
            pacing.progress(fraction, System.nanoTime());
            ctx.progress(fraction < 0 ? -1 : from + (to - from) * fraction);
        };
    }

    /** Recordings smaller than this are read whole at once: reading them twice cannot pay. Tests lower it. */
    static volatile long viewFirstBytes = 64L << 20;
    /** A first view with fewer than this share of the samples is read on its own first. */
    static final double VIEW_FIRST_SHARE = 0.25;
    /** The bar's part for the read of the first view alone: it passes the same bytes, faster. */
    private static final double VIEW_FIRST_PROGRESS = 0.3;
    /**
     * How much of the first chunk {@link Recordings#sampleMix} looks at: tens of thousands of events on the
     * benchmark's files, in 70-80 ms of a fresh JVM (all 32 MB of the 228 MiB file's events took 160 ms).
     */
    private static final long MIX_BYTES = 4L << 20;

    /**
     * The view to read on its own first, or null to read the recording whole: the view the recording opens in
     * (the preferred one, else CPU) when the recording is large, other views are wanted too, and the start of the
     * file has it as at least a few but under a quarter of its samples. Runs on the load's thread: 70-80 ms of a
     * fresh JVM on a large file, nothing on a small one.
     */
    private ViewKind viewFirst(Path file, LoadOptions options) {
        ViewKind first = query.preferredView() != null ? query.preferredView() : ViewKind.CPU;
        if (!options.views().contains(first) || options.views().size() < 2 || !java.nio.file.Files.isRegularFile(file)
                || file.toFile().length() < viewFirstBytes) {
            return null;
        }
        java.util.Map<ViewKind, Long> mix = Recordings.sampleMix(file, MIX_BYTES);
        long all = mix.values().stream().mapToLong(Long::longValue).sum();
        long shown = mix.getOrDefault(first, 0L);
        return shown >= RecordingQueryViewModel.FEW_SAMPLES && shown < all * VIEW_FIRST_SHARE ? first : null;
    }

    /**
     * Shows the first view read on its own: exact, though the tab still reads the others. Shown as partial profiles
     * are (the toolbar and exports wait for the whole recording), and so kept if the rest of the read fails.
     */
    private void showExactView(Profile p, ViewKind view) {
        if (state.get() != State.LOADING) {
            return;
        }
        AppEvents.event("open view complete " + view.id() + " " + fileName());
        exactView.set(view);
        showPartial(p, progress.get(), "all of its " + view.title() + " samples; its other views were not read");
    }

    /**
     * Re-reads the recording from {@code file} (a newer snapshot of a live recording, or its final
     * file) in the background and swaps the profile in place; the query keeps its place (see
     * {@link RecordingQueryViewModel#swap}). A newer reload replaces an older one still reading. Before the
     * first profile has been read this is a plain {@link #loadFrom}.
     */
    public void reload(Path file) {
        Profile old = profile.get();
        if (reloading != null) {
            reloading.cancel();
        }
        if (old == null || state.get() != State.READY) {
            if (loading != null) {
                loading.cancel();
            }
            loadFrom(file);
            return;
        }
        reloading = tasks.submit("reload " + fileName(), ctx -> Recordings.open(file,
                        options().withCancel(ctx::isCancelled)),
                TaskCallbacks.<Profile>of(p -> {
                    shownFile.set(file);
                    swap(p);
                }, query::snapshotFailed)); // a bad snapshot is skipped: the tab keeps showing the last good one
    }

    /**
     * Whether a recording is small enough next to the heap for partial profiles: each one copies what has been
     * read, and the one shown keeps its copy and its flame graph until reading ends. A 3.3 GB folder that opens
     * at -Xmx1g without them stopped with the memory sentence with one shown from 7% in; a recording as large
     * as the heap or larger is read whole instead. Once a chunk's stack keys were no longer held twice, the 228
     * MiB async-profiler file at -Xmx256m opened with them in 9 of 9 runs, its first flame graph 1.2-1.7 s after
     * the open instead of none for 6.4-7.8 s (the rule was half the heap, when it opened in 1 of 6 runs with
     * them). Runs on the load's thread (it lists a folder).
     */
    private static boolean fitsBesidePartials(Path file) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(file)) {
            long bytes = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            return bytes < Runtime.getRuntime().maxMemory();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false; // the load itself will say what is wrong with the file
        }
    }

    /** Where a load's partial profiles go: to the UI thread, one at a time (see {@link PartialPacing}). */
    PartialProfiles partials(dev.firesight.app.tasks.TaskContext ctx) {
        return new PartialProfiles() {
            @Override
            public boolean wanted() {
                return pacing.wanted(System.nanoTime());
            }

            @Override
            public void partial(Profile p, long done, long total) {
                double fraction = total <= 0 ? 0 : (double) done / total;
                pacing.made(fraction, System.nanoTime());
                String coverage = coverage(p, fraction);
                // The UI thread cannot paint while it waits: a synchronous runner reads on it.
                boolean hold = holdNext && tabShown && !javafx.application.Platform.isFxApplicationThread();
                holdNext = false;
                java.util.concurrent.CountDownLatch painted = hold ? new java.util.concurrent.CountDownLatch(1) : null;
                onScreen = painted;
                ctx.publish(() -> showPartial(p, fraction, coverage));
                if (painted != null) {
                    awaitOnScreen(painted, ctx);
                }
            }
        };
    }

    /** Holds the reading thread until the first partial is on screen, the load is cancelled, or HOLD_NANOS pass. */
    private void awaitOnScreen(java.util.concurrent.CountDownLatch painted, dev.firesight.app.tasks.TaskContext ctx) {
        long deadline = System.nanoTime() + HOLD_NANOS;
        try {
            while (!ctx.isCancelled() && deadline - System.nanoTime() > 0
                    && !painted.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // cancellation is looked at every 20 ms
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onScreen = null;
        }
    }

    /** The tab's flame graph drew a tree: a partial profile that reading waits for is on screen. */
    public void flamePainted() {
        release();
    }

    /** Whether the tab is the one shown; reading is held for the first partial of a shown tab only. */
    public void setTabShown(boolean shown) {
        tabShown = shown;
        if (!shown) {
            release();
        }
    }

    /** Whether reading is held now, waiting for a partial to be on screen. */
    boolean holding() {
        return onScreen != null;
    }

    private void release() {
        java.util.concurrent.CountDownLatch l = onScreen;
        if (l != null) {
            l.countDown();
        }
    }

    /**
     * Shows a partial profile while reading goes on: the first in the preferred view, later ones in place of
     * the last (view, range, search and zoom stay). The tab stays loading: its toolbar and exports wait for
     * the complete profile, which replaces the partial one the same way.
     */
    private void showPartial(Profile p, double fraction, String coverage) {
        if (state.get() != State.LOADING || p.views().isEmpty()) {
            pacing.notShown(System.nanoTime(), state.get() == State.LOADING);
            release(); // nothing will be painted for it
            return;
        }
        AppEvents.event("open partial " + fileName() + " " + Math.round(fraction * 100) + "%");
        Profile old = shownPartial;
        shownPartial = p;
        pacing.shown(System.nanoTime());
        drawn.set(p);
        partial.set(true);
        partialCoverage.set(coverage);
        if (old == null) {
            query.show(p);
        } else {
            query.refine(old, p);
        }
    }

    /**
     * How much of the recording a partial profile covers: "up to 2.31 s into the recording, from 54% of its
     * bytes". The time says more than the bytes: an async-profiler file's stacks come last, so half its bytes
     * may hold a fiftieth of its time. Its whole length is not said: a partial profile of a recording of many
     * chunks knows only the chunks read so far. Runs on the load's thread (it looks at every sample's time).
     */
    static String coverage(Profile p, double fraction) {
        long last = Long.MIN_VALUE;
        for (ViewKind v : p.views()) {
            SampleTable t = p.samples(v);
            if (t.rowsView() != v) {
                continue; // a count view shares its rows with the view it counts: read once
            }
            for (int i = 0, n = t.size(); i < n; i++) {
                last = Math.max(last, t.timeNanos(i));
            }
        }
        String bytes = "from " + Math.round(fraction * 100) + "% of its bytes";
        if (last == Long.MIN_VALUE) {
            return "none yet, " + bytes;
        }
        return "up to " + Units.nanos(Math.max(0, last - p.info().startNanos())) + " into the recording, " + bytes;
    }

    private void swap(Profile p) {
        Profile old = profile.get();
        if (old == null || p.views().isEmpty()) {
            loaded(p);
            return;
        }
        profile.set(p);
        drawn.set(p);
        warnings.setAll(p.warnings());
        views.setAll(p.views());
        reloads.set(reloads.get() + 1);
        query.swap(old, p);
    }

    private void loaded(Profile p) {
        exactView.set(null);
        Profile partialShown = shownPartial;
        shownPartial = null;
        partial.set(false);
        profile.set(p);
        drawn.set(p);
        warnings.setAll(p.warnings());
        notes.setAll(p.notes());
        views.setAll(p.views());
        progress.set(1);
        if (p.views().isEmpty()) {
            state.set(State.FAILED);
            message.set(fileName() + " has nothing to show. " + ViewAbsence.sentence(p));
            return;
        }
        message.set("");
        state.set(State.READY);
        if (partialShown != null) {
            query.refine(partialShown, p); // the user's range, search and zoom on the partial one stay
        } else {
            query.show(p);
        }
        prepareOtherViews(p);
    }

    /**
     * Once the flame graph of {@code p} is computed, builds its other views' call trees in the background, so that
     * switching to one is quick. Not before: on two cores, building them beside the first query took CPU from it
     * (0.44 s of it on the 228 MiB file, whose query took 1.3 s).
     */
    private void prepareOtherViews(Profile p) {
        query.afterFirstResult(p, () -> tasks.submit("view trees", ctx -> {
            Query.prepareViews(p, ctx::isCancelled);
            return p;
        }, TaskCallbacks.of(done -> { }, failure -> { })));
    }

    /** Marks the tab as showing a recording in progress, with a short status such as its elapsed time. */
    public void setLive(boolean recording, String text) {
        live.set(recording);
        liveText.set(text == null ? "" : text);
    }

    /**
     * Stops loading. A partial profile already drawn stays, as what was read before the stop (see
     * {@link #stoppedProperty()}); otherwise the tab says it was cancelled and offers to read it again.
     */
    public void cancelLoad() {
        if (loading != null && state.get() == State.LOADING) {
            loading.cancel();
            stop(State.CANCELLED, "Reading " + fileName() + " was cancelled.");
        }
    }

    /**
     * Ends a load that did not complete. A partial profile on screen is kept rather than swapped for an empty
     * failure page: what was read stays explorable, under a bar that says how much and why it stopped.
     */
    private void stop(State how, String sentence) {
        boolean keep = shownPartial != null;
        shownPartial = null;
        partial.set(keep);
        stopped.set(keep);
        if (!keep) {
            drawn.set(null);
            query.clear(); // nothing of the failed read holds on to memory
        }
        state.set(how);
        message.set(sentence);
    }

    /**
     * After a load ran out of memory: loads again with less detail (fewer views, part of the time, or
     * shorter stacks), which needs far less heap; the failed tab offers these instead of giving up.
     */
    public void retryWith(UnaryOperator<LoadOptions> lessDetail) {
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

    private void loadFailed(Throwable t) {
        outOfMemory.set(t instanceof RecordingException re && re.tooLarge() || t instanceof OutOfMemoryError);
        stop(State.FAILED, t instanceof RecordingException ? t.getMessage()
                : fileName() + " could not be opened (" + ErrorMessages.sentence(t) + ").");
    }

    /** Cancels any read still running; called when the tab closes. */
    public void dispose() {
        for (TaskHandle h : new TaskHandle[] {loading, reloading}) {
            if (h != null) {
                h.cancel();
            }
        }
    }

    /**
     * True while the tab draws a partial profile of what has been read so far: while reading goes on, and
     * after a read that stopped early ({@link #stoppedProperty()}).
     */
    public ReadOnlyBooleanProperty partialProperty() { return partial.getReadOnlyProperty(); }
    /**
     * True when reading failed or was cancelled after a partial profile was drawn: that profile stays, with
     * the state saying why reading stopped and {@link #messageProperty()} the sentence.
     */
    public ReadOnlyBooleanProperty stoppedProperty() { return stopped.getReadOnlyProperty(); }
    /**
     * The view the tab draws exact, read on its own first, while the rest of the recording is read; null when the
     * drawn profile is partial in every view, or complete.
     */
    public ReadOnlyObjectProperty<ViewKind> exactViewProperty() {
        return exactView.getReadOnlyProperty();
    }

    /** How much of the recording's time the drawn partial profile covers, e.g. "up to 2.31 s of its 100.45 s". */
    public ReadOnlyStringProperty partialCoverageProperty() { return partialCoverage.getReadOnlyProperty(); }
    /**
     * The profile the tab draws: a partial one while reading, then the complete one ({@link #profileProperty()}
     * holds only the complete one, for everything that exports, copies or reports figures).
     */
    public ReadOnlyObjectProperty<Profile> drawnProfileProperty() { return drawn.getReadOnlyProperty(); }
    /** True when the last load failed for lack of memory, so fewer views may still fit. */
    public ReadOnlyBooleanProperty outOfMemoryProperty() { return outOfMemory.getReadOnlyProperty(); }
    /** What the live badge's stop button runs (stops the recording); null when nothing can be stopped. */
    public ObjectProperty<Runnable> stopActionProperty() { return stopAction; }
    /** True while the tab shows a recording in progress (snapshots replace its profile). */
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    /** What the live badge says beside "Recording", e.g. the elapsed time; empty when not live. */
    public ReadOnlyStringProperty liveTextProperty() { return liveText.getReadOnlyProperty(); }
    /** How many times the profile was swapped in place by {@link #reload(Path)}. */
    public ReadOnlyIntegerProperty reloadsProperty() { return reloads.getReadOnlyProperty(); }
    /** The file the shown profile was read from: the tab's path, or a live recording's latest snapshot. */
    public ReadOnlyObjectProperty<Path> shownFileProperty() { return shownFile.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile.getReadOnlyProperty(); }
    /** What could not be read: damage, shown as a warning banner. */
    public ObservableList<Warning> warnings() { return warningsView; }
    /** Caveats about reading the numbers that are not damage, shown as a quieter note. */
    public ObservableList<String> notes() { return notesView; }
    public ObservableList<ViewKind> views() { return viewsView; }
}
