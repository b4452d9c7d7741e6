package dev.firesight.app.compare;

import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.query.DiffTreeBuilder.Capture;
import dev.firesight.parser.query.ProfileQuery;

/**
 * Captures from parts of one recording: time ranges, for the timeline's "compare with the rest" and "compare
 * with another range", and sources, for "compare this JVM with the others". Free of JavaFX.
 */
public final class RangeCaptures {
    /** A baseline and a target. */
    public record Pair(Capture base, Capture target) {
    }

    private RangeCaptures() {
    }

    /**
     * The selected range (target) against the rest of the recording (baseline). A selection in the middle
     * leaves the rest in two pieces, which the baseline holds as the recording with the selection cut out.
     */
    public static Pair selectionAndRest(Profile profile, ProfileQuery query, TimeRange selection, String name) {
        RecordingInfo info = profile.info();
        ProfileQuery base = query.withoutRange(selection.fromNanos(), selection.toNanos());
        ProfileQuery target = query.withRange(selection.fromNanos(), selection.toNanos());
        return new Pair(new Capture(profile, base, name + " " + CompareActions.range(info, base) + " (the rest)"),
                new Capture(profile, target, name + " " + CompareActions.range(info, target)));
    }

    /**
     * One source (JVM) of a recording made from many (target) against all the others (baseline), in the
     * query's view, range and filters; each side keeps only its own threads.
     */
    public static Pair sourceAndOthers(Profile profile, ProfileQuery query, int source, String name) {
        dev.firesight.parser.Sources sources = profile.sources();
        java.util.BitSet mine = sources.threads(source);
        java.util.BitSet others = new java.util.BitSet();
        others.set(0, sources.threadSource().length);
        others.andNot(mine);
        return new Pair(new Capture(profile, query.withThreads(others), name + " other JVMs"),
                new Capture(profile, query.withThreads(mine), name + " " + sources.names().get(source)));
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
