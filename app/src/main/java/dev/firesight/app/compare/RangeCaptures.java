package dev.firesight.app.compare;

import dev.firesight.app.timeline.TimeRange;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.query.DiffTreeBuilder.Capture;
import dev.firesight.parser.query.ProfileQuery;

/**
 * Captures from time ranges of one recording, for the timeline's "compare with the rest" and "compare
 * with another range". Free of JavaFX.
 */
public final class RangeCaptures {
    /** A baseline and a target. */
    public record Pair(Capture base, Capture target) {
    }

    private RangeCaptures() {
    }

    /**
     * The selected range (target) against the rest of the recording (baseline). When the selection
     * touches the start or the end the rest is one range and exact; a selection in the middle leaves two
     * pieces, which one query cannot hold, so the baseline is then the whole recording and its label says
     * the selection is included.
     */
    public static Pair selectionAndRest(Profile profile, ProfileQuery query, TimeRange selection, String name) {
        RecordingInfo info = profile.info();
        long start = info.startNanos();
        long end = info.endNanos();
        ProfileQuery base;
        String baseLabel;
        if (selection.fromNanos() <= start && selection.toNanos() < end) {
            base = query.withRange(selection.toNanos() + 1, end);
            baseLabel = name + " " + CompareActions.range(info, base) + " (the rest)";
        } else if (selection.toNanos() >= end && selection.fromNanos() > start) {
            base = query.withRange(start, selection.fromNanos() - 1);
            baseLabel = name + " " + CompareActions.range(info, base) + " (the rest)";
        } else {
            base = query.withRange(start, end);
            baseLabel = name + " whole recording (selection included)";
        }
        ProfileQuery target = query.withRange(selection.fromNanos(), selection.toNanos());
        return new Pair(new Capture(profile, base, baseLabel),
                new Capture(profile, target, name + " " + CompareActions.range(info, target)));
    }

    /** Two ranges of one recording: the first the baseline, the second the target. */
    public static Pair twoRanges(Profile profile, ProfileQuery query, TimeRange first, TimeRange second,
                                 String name) {
        ProfileQuery a = query.withRange(first.fromNanos(), first.toNanos());
        ProfileQuery b = query.withRange(second.fromNanos(), second.toNanos());
        return new Pair(new Capture(profile, a, name + " " + CompareActions.range(profile.info(), a)),
                new Capture(profile, b, name + " " + CompareActions.range(profile.info(), b)));
    }
}
