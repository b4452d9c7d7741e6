package dev.firesight.app.window;

/** A closed range of sample times in epoch nanoseconds, as a timeline selection produces it. */
public record TimeRange(long fromNanos, long toNanos) {
    public TimeRange {
        if (toNanos < fromNanos) {
            throw new IllegalArgumentException("range ends before it starts");
        }
    }
}
