package dev.firesight.parser.query;

/**
 * A time range in epoch nanoseconds, both ends inclusive like
 * {@link ProfileQuery#withRange}; {@code from <= to}.
 */
public record TimeRange(long fromNanos, long toNanos) {
    public TimeRange {
        if (fromNanos > toNanos) {
            throw new IllegalArgumentException("range starts after it ends: " + fromNanos + " > " + toNanos);
        }
    }

    /** The range between two times in either order. */
    public static TimeRange between(long a, long b) {
        return new TimeRange(Math.min(a, b), Math.max(a, b));
    }

    public long durationNanos() {
        return toNanos - fromNanos;
    }

    public boolean contains(long nanos) {
        return nanos >= fromNanos && nanos <= toNanos;
    }

    /** This range cut to lie within {@code bounds}; null when they do not overlap. */
    public TimeRange clampTo(TimeRange bounds) {
        long f = Math.max(fromNanos, bounds.fromNanos);
        long t = Math.min(toNanos, bounds.toNanos);
        return f <= t ? new TimeRange(f, t) : null;
    }
}
