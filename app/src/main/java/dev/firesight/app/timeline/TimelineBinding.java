package dev.firesight.app.timeline;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;

import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Puts a {@link Timeline} to work for a recording tab: computes its model in the background whenever the
 * tab's profile arrives, and keeps the timeline's selection and the tab's query range the same both ways,
 * so selecting a range re-filters the flame graph and hot methods. Generic in the tab's range type, so
 * the timeline knows nothing of the window.
 */
public final class TimelineBinding {
    private TimelineBinding() {
    }

    /**
     * @param toTimeline   the tab's range as a timeline range (never given null)
     * @param fromTimeline a timeline range as the tab's range (never given null)
     */
    public static <R> Timeline create(TaskRunner tasks, ObservableValue<Profile> profile, ObjectProperty<R> range,
                                      Function<R, TimeRange> toTimeline, Function<TimeRange, R> fromTimeline) {
        Timeline timeline = new Timeline();
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
            computing[0] = tasks.submit("timeline", ctx -> TimelineModel.of(p), TaskCallbacks.of(model -> {
                // A new profile of the same recording (a live recording's next snapshot) keeps the tab's
                // range: the model change clears the timeline's selection, which must not reach the tab.
                R r = range.get();
                TimelineModel before = timeline.getModel();
                TimeRange visible = timeline.getVisibleRange();
                syncing[0] = true;
                try {
                    timeline.setModel(model);
                    timeline.setSelection(r == null ? null : toTimeline.apply(r));
                    if (before != null && visible != null && !visible.equals(before.full())) {
                        timeline.setVisibleRange(visible); // the user's zoom stays; an unzoomed view grows
                    }
                } finally {
                    syncing[0] = false;
                }
            }, failure -> timeline.setModel(null)));
        };
        profile.addListener((o, old, p) -> load.run());
        timeline.selectionProperty().addListener((o, old, s) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    range.set(s == null ? null : fromTimeline.apply(s));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        range.addListener((o, old, r) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    timeline.setSelection(r == null ? null : toTimeline.apply(r));
                } finally {
                    syncing[0] = false;
                }
            }
        });
        load.run();
        return timeline;
    }
}
