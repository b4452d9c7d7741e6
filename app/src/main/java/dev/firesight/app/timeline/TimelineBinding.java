package dev.firesight.app.timeline;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;
import dev.firesight.parser.query.TimeRange;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.BitSet;

/**
 * Puts a {@link RecordingTimeline} to work for a recording tab: computes its model in the background whenever the
 * tab's profile arrives, and keeps the timeline's selection and the tab's query range the same both ways,
 * so selecting a range re-filters the flame graph and hot methods.
 */
public final class TimelineBinding {
    private TimelineBinding() {
    }

    /**
     * @param range   the tab's time range, null for the whole recording
     * @param threads the tab's thread filter, null for all: the allocation and CPU-sample lanes draw those
     *                threads' samples, and when they are one JVM of several (the JVM chooser sets it so), the
     *                heap, memory and CPU-load lanes draw that JVM's
     */
    public static RecordingTimeline create(TaskRunner tasks, ObservableValue<Profile> profile,
                                           ObjectProperty<TimeRange> range, ObservableValue<BitSet> threads) {
        RecordingTimeline timeline = new RecordingTimeline();
        TaskHandle[] computing = new TaskHandle[1];
        boolean[] syncing = {false};
        Runnable load = () -> {
            if (computing[0] != null) {
                computing[0].cancel();
            }
            Profile p = profile.getValue();
            if (p == null) {
                timeline.setModel(null);
                return;
            }
            BitSet filter = threads.getValue();
            computing[0] = tasks.submit("timeline", ctx -> TimelineModel.of(p, filter), TaskCallbacks.of(model -> {
                // A new profile of the same recording (a live recording's next snapshot) keeps the tab's
                // range: the model change clears the timeline's selection, which must not reach the tab.
                TimeRange r = range.get();
                TimelineModel before = timeline.getModel();
                TimeRange visible = timeline.getVisibleRange();
                syncing[0] = true;
                try {
                    timeline.setModel(model);
                    timeline.setSelection(r);
                    if (before != null && visible != null && !visible.equals(before.full())) {
                        timeline.setVisibleRange(visible); // the user's zoom stays; an unzoomed view grows
                    }
                } finally {
                    syncing[0] = false;
                }
            }, failure -> timeline.setModel(null)));
        };
        profile.addListener((o, old, p) -> load.run());
        threads.addListener((o, old, t) -> load.run()); // other threads or another JVM: range and zoom kept
        timeline.selectionProperty().addListener((o, old, s) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    // Samples kept per time bucket answer whole buckets: the selection shown (and its
                    // "Selected ..." label) is the range the numbers are for, snapped by the profile's one rule.
                    Profile p = profile.getValue();
                    TimeRange snapped = s == null || p == null ? s : p.snap(s);
                    if (snapped != null && !snapped.equals(s)) {
                        timeline.setSelection(snapped);
                    }
                    range.set(snapped);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        range.addListener((o, old, r) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    timeline.setSelection(r);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        load.run();
        return timeline;
    }
}
