package dev.firesight.parser;

/**
 * The part of a recording's time whose samples a load keeps, worked out from the recording's span once its
 * chunk headers are read (before any event): a share of the span (the window's "last quarter"), or times
 * from the command line ({@code --from 12.5 --to 20:01:55}) that may count from the recording's start.
 */
@FunctionalInterface
public interface TimeWindow {
    /**
     * The samples to keep, {from, to} in epoch nanoseconds (inclusive; {@link Long#MIN_VALUE} and
     * {@link Long#MAX_VALUE} leave an end open), for a recording spanning {@code start} to {@code end}.
     */
    long[] resolve(long start, long end);

    /** A share of the span: 0.75 to 1 is its last quarter. */
    static TimeWindow fraction(double from, double to) {
        if (!(from >= 0 && to <= 1 && from < to)) {
            throw new IllegalArgumentException("need 0 <= from < to <= 1, not " + from + " and " + to);
        }
        return (start, end) -> new long[] {start + (long) ((end - start) * from), start + (long) ((end - start) * to)};
    }
}
