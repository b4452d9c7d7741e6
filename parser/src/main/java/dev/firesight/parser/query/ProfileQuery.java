package dev.firesight.parser.query;

import dev.firesight.parser.ViewKind;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * What to aggregate: a view, a time range, a set of threads, frame filters and the tree's shape.
 * Immutable; each {@code with} method returns a changed copy.
 *
 * @param fromNanos first sample time included (epoch nanoseconds), or {@link Long#MIN_VALUE}
 * @param toNanos   last sample time included, or {@link Long#MAX_VALUE}
 * @param threads   the thread ids to keep, or null for all threads
 * @param include   keep only stacks with a frame whose whole name matches, or null
 * @param exclude   drop stacks with a frame whose whole name matches, or null
 * @param reverse   bottom-up: stacks run from leaf to root, merging callers of the leaves
 * @param perThread the thread becomes the root frame of each stack
 * @param outside   the range is a hole: keep the samples before and after it, drop those in it. This is "the
 *                  rest of the recording" around a selection in its middle, which one range cannot express.
 */
public record ProfileQuery(ViewKind view, long fromNanos, long toNanos, BitSet threads, Pattern include,
                           Pattern exclude, boolean reverse, boolean perThread, boolean outside) {

    public static ProfileQuery of(ViewKind view) {
        return new ProfileQuery(view, Long.MIN_VALUE, Long.MAX_VALUE, null, null, null, false, false, false);
    }

    public ProfileQuery withView(ViewKind v) {
        return new ProfileQuery(v, fromNanos, toNanos, threads, include, exclude, reverse, perThread, outside);
    }

    /** Samples from {@code from} to {@code to}, both inclusive. */
    public ProfileQuery withRange(long from, long to) {
        return new ProfileQuery(view, from, to, threads, include, exclude, reverse, perThread, false);
    }

    /** Every sample except those from {@code from} to {@code to} (both inclusive). */
    public ProfileQuery withoutRange(long from, long to) {
        return new ProfileQuery(view, from, to, threads, include, exclude, reverse, perThread, true);
    }

    public ProfileQuery withThreads(BitSet t) {
        return new ProfileQuery(view, fromNanos, toNanos, t == null ? null : (BitSet) t.clone(), include, exclude,
                reverse, perThread, outside);
    }

    public ProfileQuery withInclude(Pattern p) {
        return new ProfileQuery(view, fromNanos, toNanos, threads, p, exclude, reverse, perThread, outside);
    }

    public ProfileQuery withExclude(Pattern p) {
        return new ProfileQuery(view, fromNanos, toNanos, threads, include, p, reverse, perThread, outside);
    }

    public ProfileQuery withReverse(boolean r) {
        return new ProfileQuery(view, fromNanos, toNanos, threads, include, exclude, r, perThread, outside);
    }

    public ProfileQuery withPerThread(boolean t) {
        return new ProfileQuery(view, fromNanos, toNanos, threads, include, exclude, reverse, t, outside);
    }

    public boolean hasRange() {
        return fromNanos != Long.MIN_VALUE || toNanos != Long.MAX_VALUE;
    }
}
