package dev.firesight.app.compare;

import dev.firesight.app.search.FrameFilters;
import dev.firesight.app.search.SearchModel;
import dev.firesight.app.search.TreeSearch;
import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTree.Normalization;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.DiffTreeBuilder.Capture;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.ProfileQuery;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The state of one comparison of two captures: the merged diff (built off the FX thread), its flame
 * tree under the chosen normalisation, the two sides' own call trees for side by side, the methods
 * table and the caveats. A focus frame and a thread-name filter apply to both captures; threads are
 * matched by name because their ids differ between recordings.
 */
public final class ComparisonViewModel {
    /** What one computation produced. */
    record Result(DiffTree diff, CallTree base, CallTree target) {
    }

    private final TaskRunner tasks;
    private Capture base;
    private Capture target;
    private final ObjectProperty<ViewKind> view = new SimpleObjectProperty<>(this, "view");
    private final ObservableList<ViewKind> views = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ObjectProperty<Normalization> normalization =
            new SimpleObjectProperty<>(this, "normalization", Normalization.SHARE);
    private final FrameFilters filters = new FrameFilters();
    private final StringProperty threadFilter = new SimpleStringProperty(this, "threadFilter", "");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<DiffFlameTree> diffFlame = new ReadOnlyObjectWrapper<>(this, "diffFlame");
    private final ReadOnlyObjectWrapper<SideFlameTree> baseFlame = new ReadOnlyObjectWrapper<>(this, "baseFlame");
    private final ReadOnlyObjectWrapper<SideFlameTree> targetFlame = new ReadOnlyObjectWrapper<>(this, "targetFlame");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Comparing…");
    private final ObservableList<DiffMethods.Row> methods = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty hideNoise =
            new javafx.beans.property.SimpleBooleanProperty(this, "hideNoise", false);
    private final javafx.beans.property.BooleanProperty byTotal =
            new javafx.beans.property.SimpleBooleanProperty(this, "byTotal", false);
    /** The methods shown: every one, or only those whose change is more than sampling noise. */
    private final javafx.collections.transformation.FilteredList<DiffMethods.Row> methodsView =
            new javafx.collections.transformation.FilteredList<>(methods);
    private final ObservableList<String> caveats = FXCollections.observableArrayList();
    private final ObservableList<String> caveatsView = FXCollections.unmodifiableObservableList(caveats);
    private final SearchModel search = new SearchModel();
    private final TreeSearch diffSearch;
    private final TreeSearch baseSearch;
    private final TreeSearch targetSearch;
    private TaskHandle running;

    public ComparisonViewModel(Capture base, Capture target, TaskRunner tasks) {
        this.base = base;
        this.target = target;
        this.tasks = tasks;
        diffSearch = new TreeSearch(tasks, diffFlame, search.patternProperty());
        baseSearch = new TreeSearch(tasks, baseFlame, search.patternProperty());
        targetSearch = new TreeSearch(tasks, targetFlame, search.patternProperty());
        normalization.addListener((o, a, b) -> present());
        for (var c : filters.changes()) {
            c.addListener((javafx.beans.InvalidationListener) o -> compute());
        }
        for (ViewKind v : base.profile().views()) {
            if (target.profile().has(v)) {
                views.add(v);
            }
        }
        view.set(base.query().view());
        view.addListener((o, a, v) -> {
            if (v != null && v != this.base.query().view()) {
                this.base = new Capture(this.base.profile(), this.base.query().withView(v), this.base.label());
                this.target = new Capture(this.target.profile(), this.target.query().withView(v), this.target.label());
                describe();
                compute();
            }
        });
        describe();
        threadFilter.addListener((o, a, b) -> compute());
        hideNoise.addListener((o, a, hide) -> methodsView.setPredicate(hide ? DiffMethods.Row::significant : null));
        byTotal.addListener((o, a, b) -> present());
    }

    /** When true, the methods table weighs each method by its total (the stacks through it), else by its self. */
    public javafx.beans.property.BooleanProperty byTotalProperty() {
        return byTotal;
    }

    /** When true, the methods table leaves out changes within sampling noise. */
    public javafx.beans.property.BooleanProperty hideNoiseProperty() {
        return hideNoise;
    }

    /** Builds the diff and both call trees in the background, cancelling an older build. */
    public void compute() {
        if (running != null) {
            running.cancel();
        }
        Pattern threads;
        try {
            String t = threadFilter.get();
            threads = t == null || t.isBlank() ? null : Pattern.compile(t);
        } catch (PatternSyntaxException e) {
            message.set("The thread filter is not a valid regular expression: " + e.getDescription() + ".");
            return;
        }
        Capture b = narrowed(base, filters, threads);
        Capture t = narrowed(target, filters, threads);
        message.set("Comparing…");
        running = tasks.submit("compare", ctx -> {
            DiffTree diff = DiffTreeBuilder.build(b, t, ctx::isCancelled);
            CallTree bt = CallTreeBuilder.build(b.profile(), b.query(), ctx::isCancelled);
            CallTree tt = CallTreeBuilder.build(t.profile(), t.query(), ctx::isCancelled);
            return new Result(diff, bt, tt);
        }, TaskCallbacks.of(r -> {
            result.set(r);
            message.set("");
            present();
        }, e -> message.set("The comparison failed: " + e.getMessage())));
    }

    /** A capture with the frame filters and the thread-name filter applied to its own query. */
    static Capture narrowed(Capture c, FrameFilters frames, Pattern threadNames) {
        ProfileQuery q = frames.apply(c.query());
        if (threadNames != null) {
            Profile p = c.profile();
            BitSet ids = new BitSet();
            for (int i = 0; i < p.threadCount(); i++) {
                String name = p.threadName(i);
                if (name != null && threadNames.matcher(name).find()) {
                    ids.set(i);
                }
            }
            q = q.withThreads(ids);
        }
        return new Capture(c.profile(), q, c.label());
    }

    private void present() {
        Result r = result.get();
        if (r == null) {
            return;
        }
        Normalization n = normalization.get();
        String baseTitle = base.label();
        String targetTitle = target.label();
        diffFlame.set(new DiffFlameTree(r.diff(), n, base.query().view().unit(), baseTitle, targetTitle));
        baseFlame.set(new SideFlameTree(r.base(), r.diff(), true, "Baseline: " + baseTitle));
        targetFlame.set(new SideFlameTree(r.target(), r.diff(), false, "Target: " + targetTitle));
        methods.setAll(byTotal.get() ? DiffMethods.byTotal(r.diff(), n) : DiffMethods.of(r.diff(), n));
        List<String> c = r.diff().caveats();
        if (!caveats.equals(c)) {
            caveats.setAll(c);
        }
    }

    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        for (TreeSearch t : new TreeSearch[] {diffSearch, baseSearch, targetSearch}) {
            t.dispose();
        }
    }

    /** The comparison's search, one for the diff and both sides. */
    public SearchModel search() {
        return search;
    }

    /** The search run on the diff flame graph's tree, off the FX thread. */
    public ReadOnlyObjectProperty<FrameSearch> diffSearchProperty() {
        return diffSearch.resultProperty();
    }

    public ReadOnlyObjectProperty<FrameSearch> baseSearchProperty() {
        return baseSearch.resultProperty();
    }

    public ReadOnlyObjectProperty<FrameSearch> targetSearchProperty() {
        return targetSearch.resultProperty();
    }

    public Capture base() {
        return base;
    }

    public Capture target() {
        return target;
    }

    public ObjectProperty<Normalization> normalizationProperty() {
        return normalization;
    }

    /** A frame name both captures are narrowed to (stacks through it); null or empty for none. */
    public StringProperty focusProperty() {
        return filters.focusProperty();
    }

    /** Focus on a frame and excluded frames, applied to both captures: the same filters as a recording tab's. */
    public FrameFilters filters() {
        return filters;
    }

    /** The view both captures are compared in; setting it compares again. */
    public ObjectProperty<ViewKind> viewProperty() {
        return view;
    }

    /** The views both recordings have, which {@link #viewProperty()} may take. */
    public ObservableList<ViewKind> views() {
        return views;
    }

    /**
     * What is compared, in words: the view and each side's file and time range, such as "CPU samples ·
     * Baseline a.jfr, whole recording (0.0–60.0 s) · Target b.jfr, 5.0–10.0 s".
     */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    private void describe() {
        description.set(base.query().view().title() + " \u00b7 Baseline " + side(base) + " \u00b7 Target " + side(target));
    }

    /** A capture's file and the time it covers; a range capture's label already names its range. */
    private static String side(Capture c) {
        return c.query().hasRange() ? c.label()
                : c.label() + ", whole recording (" + CompareActions.range(c.profile().info(), c.query()) + ")";
    }

    /** A regular expression over thread names applied to both captures; empty for all threads. */
    public StringProperty threadFilterProperty() {
        return threadFilter;
    }

    public ReadOnlyObjectProperty<DiffFlameTree> diffFlameProperty() {
        return diffFlame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SideFlameTree> baseFlameProperty() {
        return baseFlame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SideFlameTree> targetFlameProperty() {
        return targetFlame.getReadOnlyProperty();
    }

    /** Progress or an error in words; empty once the comparison is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<DiffMethods.Row> methods() {
        return methodsView;
    }

    /** Sentences saying why the captures may not compare well. */
    public ObservableList<String> caveats() {
        return caveatsView;
    }

    /** A short tab title: "A ↔ B". */
    public String title() {
        return shortLabel(base.label()) + " \u2194 " + shortLabel(target.label());
    }

    private static String shortLabel(String s) {
        String t = s.endsWith(".jfr") ? s.substring(0, s.length() - 4) : s;
        return t.length() > 22 ? t.substring(0, 21) + "\u2026" : t;
    }
}
