package dev.firesight.app.window;

import dev.firesight.app.search.FrameFilters;
import dev.firesight.app.search.SearchModel;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Warning;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Sandwich;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.query.Transform;
import dev.firesight.parser.query.Transforms;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.function.UnaryOperator;

/**
 * One open recording: its {@link RecordingLoadViewModel loading} (first load, live reloads, retry with
 * less detail) and its {@link RecordingQueryViewModel query} (view, range, threads, search, zoom and what
 * they produce). The accessors below are the two parts' own, so the tab's views bind to one object.
 */
public final class RecordingTabViewModel {
    /** Where the tab is in its life. */
    public enum State { LOADING, READY, FAILED, CANCELLED }

    private final Path path;
    private final RecordingQueryViewModel query;
    private final RecordingLoadViewModel loading;
    private final InsightsViewModel insights;

    public RecordingTabViewModel(Path path, TaskRunner tasks) {
        this.path = path;
        this.query = new RecordingQueryViewModel(tasks);
        this.loading = new RecordingLoadViewModel(path, tasks, query);
        this.insights = new InsightsViewModel(tasks, loading.profileProperty(), query);
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return String.valueOf(path.getFileName());
    }

    /** The findings and leak suspects beside the flame graph. */
    public InsightsViewModel insights() {
        return insights;
    }

    /** Reading the recording. */
    public RecordingLoadViewModel loading() {
        return loading;
    }

    /** What the user asks of the loaded recording, and its answers. */
    public RecordingQueryViewModel query() {
        return query;
    }

    /** Cancels everything still running for this tab; called when the tab closes. */
    public void dispose() {
        loading.dispose();
        query.dispose();
        insights.dispose();
    }

    // ---- loading ----
    public void setPreferredView(ViewKind v) { query.setPreferredView(v); }
    public void load() { loading.load(); }
    public void loadFrom(Path file) { loading.loadFrom(file); }
    public void reload(Path file) { loading.reload(file); }
    public void cancelLoad() { loading.cancelLoad(); }
    public void retryWith(UnaryOperator<LoadOptions> lessDetail) { loading.retryWith(lessDetail); }
    public void setMemoryBudget(long bytes) { loading.setMemoryBudget(bytes); }
    public void setLive(boolean recording, String text) { loading.setLive(recording, text); }
    public ObjectProperty<Runnable> stopActionProperty() { return loading.stopActionProperty(); }
    public ReadOnlyBooleanProperty outOfMemoryProperty() { return loading.outOfMemoryProperty(); }
    public ReadOnlyBooleanProperty liveProperty() { return loading.liveProperty(); }
    public ReadOnlyStringProperty liveTextProperty() { return loading.liveTextProperty(); }
    public ReadOnlyIntegerProperty reloadsProperty() { return loading.reloadsProperty(); }
    public ReadOnlyObjectProperty<Path> shownFileProperty() { return loading.shownFileProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return loading.stateProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return loading.progressProperty(); }
    public ReadOnlyStringProperty messageProperty() { return loading.messageProperty(); }
    public ReadOnlyObjectProperty<Profile> profileProperty() { return loading.profileProperty(); }
    public ReadOnlyBooleanProperty partialProperty() { return loading.partialProperty(); }
    public ReadOnlyBooleanProperty stoppedProperty() { return loading.stoppedProperty(); }
    public ReadOnlyStringProperty partialCoverageProperty() { return loading.partialCoverageProperty(); }
    /** The view drawn exact while the rest of the recording is read, or null (see RecordingLoadViewModel#read). */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.firesight.parser.ViewKind> exactViewProperty() { return loading.exactViewProperty(); }
    public ReadOnlyObjectProperty<Profile> drawnProfileProperty() { return loading.drawnProfileProperty(); }
    public ObservableList<Warning> warnings() { return loading.warnings(); }
    public ObservableList<String> notes() { return loading.notes(); }
    public ObservableList<ViewKind> views() { return loading.views(); }

    // ---- query ----
    public void requery() { query.requery(); }
    public ProfileQuery currentQuery() { return query.currentQuery(); }
    /** The loaded profile with the tab's transforms, as its views show it; for comparisons of what is shown. */
    public Profile shownProfile() { return query.shownProfile(); }
    public void escape() { query.escape(); }
    /** The tab's flame graph drew a tree (see {@link RecordingLoadViewModel#flamePainted}). */
    public void flamePainted() { loading.flamePainted(); }
    /** Whether the tab is the one shown (see {@link RecordingLoadViewModel#setTabShown}). */
    public void setTabShown(boolean shown) { loading.setTabShown(shown); }
    /** Back to where the user was before the last finding or stack opened. */
    public void back() { query.back(); }
    public ReadOnlyBooleanProperty canGoBackProperty() { return query.canGoBackProperty(); }
    public ObjectProperty<ViewKind> viewProperty() { return query.viewProperty(); }
    public ObjectProperty<TimeRange> timeRangeProperty() { return query.timeRangeProperty(); }
    public ObjectProperty<BitSet> threadsProperty() { return query.threadsProperty(); }
    public BooleanProperty reverseProperty() { return query.reverseProperty(); }
    public BooleanProperty icicleProperty() { return query.icicleProperty(); }
    public ObjectProperty<Transforms> transformsProperty() { return query.transformsProperty(); }
    public void addTransform(Transform t) { query.addTransform(t); }
    public void removeTransform(Transform t) { query.removeTransform(t); }
    public IntegerProperty sandwichMethodProperty() { return query.sandwichMethodProperty(); }
    public ReadOnlyObjectProperty<Sandwich> sandwichProperty() { return query.sandwichProperty(); }
    public SearchModel search() { return query.search(); }
    public FrameFilters frameFilters() { return query.frameFilters(); }
    public StringProperty searchTextProperty() { return query.search().textProperty(); }
    public ReadOnlyObjectProperty<FrameSearch> searchProperty() { return query.searchProperty(); }
    public ObjectProperty<int[]> zoomPathProperty() { return query.zoomPathProperty(); }
    public IntegerProperty selectedMethodProperty() { return query.selectedMethodProperty(); }
    public ReadOnlyObjectProperty<QueryResult> resultProperty() { return query.resultProperty(); }
    public ObservableList<MethodRow> hotMethods() { return query.hotMethods(); }
    public ReadOnlyObjectProperty<CallersAndCallees> butterflyProperty() { return query.butterflyProperty(); }
    public ReadOnlyObjectProperty<Throwable> queryErrorProperty() { return query.queryErrorProperty(); }
}
