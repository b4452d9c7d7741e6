package dev.firesight.parser;

import dev.firesight.parser.jfr.SampleRows;

/**
 * The samples of one view, read-only: rows of time, thread, stack and weight. Times are stored as ints in
 * {@link #timeUnitNanos()} after {@link #originNanos()}.
 *
 * <p>A row is one sample, or, once a recording's samples outgrew their budget, a <em>bucket</em>: every
 * sample of one thread and stack within {@link #bucketNanos()} of time, with their summed weight, their
 * {@link #count} and their summed squared weights. Totals, trees and diffs are the same either way; only
 * where in time a sample fell is coarsened to its bucket (a row's time is then its bucket's start).
 */
public final class SampleTable {
    private final ViewKind view;
    private final SampleRows rows;
    /** The table whose rows this one shares and counts (see {@link #countView}), or null. */
    private final SampleTable counted;

    /** A table over rows the reader wrote; the rows are not to be written after this. */
    public SampleTable(ViewKind view, SampleRows rows) {
        this(view, rows, null);
    }

    private SampleTable(ViewKind view, SampleRows rows, SampleTable counted) {
        this.view = view;
        this.rows = rows;
        this.counted = counted;
    }

    /** A table with no samples. */
    public static SampleTable empty(ViewKind view, long originNanos) {
        return new SampleTable(view, new SampleRows(originNanos, 1000, true));
    }

    /**
     * A table of the given samples, one row each (times in epoch nanoseconds, kept to the microsecond), for
     * profiles made without a recording.
     */
    public static SampleTable of(ViewKind view, long originNanos, long[] timesNanos, int[] threads, int[] stacks,
                                 long[] weights) {
        return new SampleTable(view, SampleRows.of(originNanos, timesNanos, threads, stacks, weights));
    }

    /**
     * The same samples, each weighing one, as a view of its own ({@code alloc-count} of {@code alloc}). It
     * shares this table's rows, so counting allocations costs no memory.
     */
    public SampleTable countView(ViewKind countView) {
        return new SampleTable(countView, rows, this);
    }

    public ViewKind view() {
        return view;
    }

    /**
     * The view whose rows, and so whose stacks, this table reads: the counted view for a count view
     * ({@code alloc} for {@code alloc-count}), else its own. Views with the same rows share a call tree.
     */
    public ViewKind rowsView() {
        return counted != null ? counted.view : view;
    }

    /** The number of rows: samples, or buckets once {@link #bucketed()}. */
    public int size() {
        return rows.size();
    }

    /** The number of samples the rows stand for. */
    public long sampleCount() {
        return rows.sampleCount();
    }

    public long originNanos() {
        return rows.originNanos();
    }

    public long timeUnitNanos() {
        return rows.timeUnitNanos();
    }

    /** True when rows are buckets of samples rather than single samples. */
    public boolean bucketed() {
        return rows.bucketUnits() > 0;
    }

    /** The width of a bucket in nanoseconds (buckets start at {@link #originNanos()}), 0 for single samples. */
    public long bucketNanos() {
        return rows.bucketUnits() * rows.timeUnitNanos();
    }

    /** The row's time in nanoseconds since the epoch: the sample's, or its bucket's start. */
    public long timeNanos(int i) {
        return rows.timeNanos(i);
    }

    /** The row's time in {@link #timeUnitNanos()} after {@link #originNanos()}. */
    public int timeUnits(int i) {
        return rows.timeUnits(i);
    }

    public int thread(int i) {
        return rows.thread(i);
    }

    public int stack(int i) {
        return rows.stack(i);
    }

    /** The row's weight: its sample's, or the sum of its bucket's. */
    public long weight(int i) {
        return counted != null ? rows.count(i) : rows.weight(i);
    }

    /** How many samples row {@code i} stands for: 1 unless {@link #bucketed()}. */
    public int count(int i) {
        return rows.count(i);
    }

    /**
     * The low 64 bits of the exact sum of the squares of row {@code i}'s sample weights, an unsigned 128-bit
     * number with {@link #squaresHigh}; a diff's significance needs it.
     */
    public long squaresLow(int i) {
        return counted != null ? rows.count(i) : rows.squaresLow(i);
    }

    /** The high 64 bits of that sum. */
    public long squaresHigh(int i) {
        return counted != null ? 0 : rows.squaresHigh(i);
    }

    /** The sum of all weights. */
    public long totalWeight() {
        return counted != null ? rows.sampleCount() : rows.totalWeight();
    }

    /** Converts an absolute time to this table's units, clamped to int range. */
    public int toUnits(long nanos) {
        return rows.toUnits(nanos);
    }

    /** Heap bytes the table's rows hold; a {@link #countView} reports those of the table it counts. */
    public long bytes() {
        return rows.bytes();
    }

    /** The table this one counts, sharing its rows, or null. */
    SampleTable counted() {
        return counted;
    }
}
