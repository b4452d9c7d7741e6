package dev.firesight.app.window;

import dev.firesight.parser.query.TimeRange;

/**
 * How the window asks for a comparison; the composition root passes one into {@link MainWindowViewModel}.
 * Each opens a comparison tab of two captures: two recording tabs, a tab's time selection against the
 * rest of its recording, or two time ranges of one tab, each in the tab's current view and filters.
 */
public interface Comparisons {
    /** Compares two recording tabs (waiting for both to load), the first the baseline. */
    void compareTabs(RecordingTabViewModel base, RecordingTabViewModel target);

    /** The timeline's "Compare with rest": the selection (target) against the rest of the recording. */
    void compareWithRest(RecordingTabViewModel tab, TimeRange selection);

    /** The timeline's "Compare with baseline": two ranges of one recording. */
    void compareRanges(RecordingTabViewModel tab, TimeRange baseline, TimeRange target);

    /** "Compare with the other JVMs": one source of a recording made from many against the rest of them. */
    void compareSourceWithOthers(RecordingTabViewModel tab, int source);
}
