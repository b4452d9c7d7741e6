package dev.firesight.app.compare;

import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.app.window.Comparisons;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffTreeBuilder.Capture;
import dev.firesight.parser.query.ProfileQuery;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.function.Consumer;

/**
 * The ways into a comparison, passed to the window's view model as its {@link Comparisons}: two recording
 * tabs once both have loaded (the Compare menu, a tab's context menu, a drop, two files on the command line),
 * or time ranges of one tab (the timeline's "compare with the rest" and "compare with baseline"). Each
 * builds the two captures, a {@link ComparisonViewModel} that diffs them off the FX thread, and a
 * {@link ComparisonView} tab it hands the window to show.
 */
public final class CompareActions implements Comparisons {
    private final TaskRunner tasks;
    private final Consumer<Tab> show;
    private final Consumer<String> notice;

    /**
     * @param show   adds a tab to the window and selects it
     * @param notice shows a one-line message
     */
    public CompareActions(TaskRunner tasks, Consumer<Tab> show, Consumer<String> notice) {
        this.tasks = tasks;
        this.show = show;
        this.notice = notice;
    }

    /** Opens a comparison of two captures (two recordings, or two time ranges of one) in a new tab. */
    public ComparisonView openComparison(Capture base, Capture target) {
        ComparisonViewModel vm = new ComparisonViewModel(base, target, tasks);
        ComparisonView view = new ComparisonView(vm);
        show.accept(view.tab());
        vm.compute();
        return view;
    }

    /**
     * Compares two recording tabs, waiting for both to load: the whole of both recordings in the baseline's
     * current view. A time or thread selection made in a tab is for that tab; using it here unseen compared
     * what the user no longer had in mind (issue 11, item 6).
     */
    @Override
    public void compareTabs(RecordingTabViewModel base, RecordingTabViewModel target) {
        Runnable attempt = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done) {
                    return;
                }
                RecordingTabViewModel.State b = base.stateProperty().get();
                RecordingTabViewModel.State t = target.stateProperty().get();
                // A tab turns READY just before it picks its first view; wait for the view as well.
                if (b == RecordingTabViewModel.State.READY && t == RecordingTabViewModel.State.READY
                        && base.viewProperty().get() != null && target.viewProperty().get() != null) {
                    done = true;
                    // Whole recordings, never a time or thread selection left in either tab from earlier (the
                    // comparison tab says what it compares and lets the user change the view), each as the tab
                    // shows it, with its transforms.
                    ProfileQuery q = ProfileQuery.of(sharedView(base.shownProfile(), target.shownProfile(),
                            base.viewProperty().get(), target.viewProperty().get()));
                    openComparison(new Capture(base.shownProfile(), q, base.fileName()),
                            new Capture(target.shownProfile(), q, target.fileName()));
                } else if (b != RecordingTabViewModel.State.LOADING && b != RecordingTabViewModel.State.READY
                        || t != RecordingTabViewModel.State.LOADING && t != RecordingTabViewModel.State.READY) {
                    done = true;
                    notice.accept("Cannot compare: " + (b != RecordingTabViewModel.State.READY ? base : target).fileName()
                            + " did not load.");
                }
            }
        };
        attempt.run();
        ChangeListener<Object> retry = (o, a, s) -> attempt.run();
        base.stateProperty().addListener(retry);
        target.stateProperty().addListener(retry);
        base.viewProperty().addListener(retry);
        target.viewProperty().addListener(retry);
    }

    /**
     * The view to compare two recordings in: of the views the two tabs show, the one both recordings have and the
     * sparser of them has most samples in; else, of all views both have, that one. A baseline shown in CPU beside a
     * target shown in allocations, with 8 CPU samples, opened a comparison of those 8 samples.
     */
    static ViewKind sharedView(Profile base, Profile target, ViewKind... shown) {
        ToLongFunction<ViewKind> fewer = v -> !base.has(v) || !target.has(v) ? -1
                : Math.min(base.samples(v).sampleCount(), target.samples(v).sampleCount());
        Comparator<ViewKind> bySamples = Comparator.comparingLong(fewer);
        ViewKind best = Arrays.stream(shown).filter(v -> v != null && fewer.applyAsLong(v) > 0)
                .max(bySamples).orElse(null);
        if (best == null) {
            best = base.views().stream().filter(target::has).max(bySamples).orElse(shown[0]);
        }
        return best;
    }

    /**
     * The selection of a recording tab (target) against the rest of the recording (baseline), in the tab's
     * current view and filters.
     */
    @Override
    public void compareWithRest(RecordingTabViewModel tab, TimeRange selection) {
        RangeCaptures.Pair p = RangeCaptures.selectionAndRest(tab.shownProfile(), unranged(tab),
                selection, tab.fileName());
        openComparison(p.base(), p.target());
    }

    /** Two ranges of one recording, in the tab's current view and filters. */
    @Override
    public void compareRanges(RecordingTabViewModel tab, TimeRange baseline, TimeRange target) {
        RangeCaptures.Pair p = RangeCaptures.twoRanges(tab.shownProfile(), unranged(tab), baseline,
                target, tab.fileName());
        openComparison(p.base(), p.target());
    }

    /** One JVM against the others, in the tab's current view, range and frame filters. */
    @Override
    public void compareSourceWithOthers(RecordingTabViewModel tab, int source) {
        RangeCaptures.Pair p = RangeCaptures.sourceAndOthers(tab.shownProfile(), tab.currentQuery(), source,
                tab.fileName());
        openComparison(p.base(), p.target());
    }

    private static ProfileQuery unranged(RecordingTabViewModel tab) {
        return tab.currentQuery().withRange(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * A query's time range as seconds from the recording's start: "5.0–10.0 s", or for a range cut out of
     * the recording the pieces either side of it, "0.0–5.0 s + 10.0–60.0 s".
     */
    public static String range(RecordingInfo info, ProfileQuery q) {
        long start = info.startNanos();
        long end = info.endNanos();
        long from = Math.max(start, q.fromNanos());
        long to = Math.min(end, q.toNanos());
        if (!q.outside()) {
            return seconds(info, from, to);
        }
        StringBuilder pieces = new StringBuilder();
        if (from > start) {
            pieces.append(seconds(info, start, from));
        }
        if (to < end) {
            pieces.append(pieces.length() > 0 ? " + " : "").append(seconds(info, to, end));
        }
        return pieces.length() > 0 ? pieces.toString() : "nothing";
    }

    private static String seconds(RecordingInfo info, long from, long to) {
        return String.format(Locale.ROOT, "%.1f\u2013%.1f s", Math.max(0, from - info.startNanos()) / 1e9,
                Math.max(0, to - info.startNanos()) / 1e9);
    }
}
