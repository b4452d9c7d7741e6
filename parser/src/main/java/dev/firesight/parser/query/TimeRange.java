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

    /**
     * This range widened to whole buckets of {@code bucketNanos} laid from {@code originNanos}: what samples
     * kept per bucket can answer exactly. The one rule for selections on a bucketed profile (see
     * {@code Profile.snap}); a width of 0 or less leaves the range as it is.
     */
    public TimeRange snapOut(long originNanos, long bucketNanos) {
        if (bucketNanos <= 0) {
            return this;
        }
        long from = fromNanos == Long.MIN_VALUE ? fromNanos
                : originNanos + Math.floorDiv(fromNanos - originNanos, bucketNanos) * bucketNanos;
        long to = toNanos == Long.MAX_VALUE ? toNanos
                : originNanos + (Math.floorDiv(toNanos - originNanos, bucketNanos) + 1) * bucketNanos - 1;
        return new TimeRange(from, to);
    }
}
