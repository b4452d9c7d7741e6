package dev.firesight.app.search;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.SearchPattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * One tree's search, kept up to date in the background: whenever the tree or the pattern changes, the
 * frames are matched again on a worker thread (a newer change cancels the older search) and the result
 * replaces the last one. Until it arrives the last result stays, so typing never blocks the FX thread.
 */
public final class TreeSearch {
    private final TaskRunner tasks;
    private final ObservableValue<? extends FrameSearch.Tree> tree;
    private final ObservableValue<SearchPattern> pattern;
    private final ReadOnlyObjectWrapper<FrameSearch> result = new ReadOnlyObjectWrapper<>(this, "result",
            FrameSearch.none());
    private TaskHandle running;

    public TreeSearch(TaskRunner tasks, ObservableValue<? extends FrameSearch.Tree> tree,
                      ObservableValue<SearchPattern> pattern) {
        this.tasks = tasks;
        this.tree = tree;
        this.pattern = pattern;
        tree.addListener((o, a, b) -> run());
        pattern.addListener((o, a, b) -> run());
        run();
    }

    private void run() {
        if (running != null) {
            running.cancel();
        }
        FrameSearch.Tree t = tree.getValue();
        SearchPattern p = pattern.getValue();
        if (t == null || p == null) {
            running = null;
            result.set(FrameSearch.none());
            return;
        }
        running = tasks.submit("search", TaskRunner.Priority.SHOWN, ctx -> FrameSearch.run(t, p, ctx::isCancelled),
                TaskCallbacks.of(result::set, e -> result.set(FrameSearch.none())));
    }

    /** The latest search of the tree; {@link FrameSearch#none()} while there is no pattern. */
    public ReadOnlyObjectProperty<FrameSearch> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public void dispose() {
        if (running != null) {
            running.cancel();
        }
    }
}
