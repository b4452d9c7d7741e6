package dev.firesight.parser;

import dev.firesight.parser.util.IntColumn;

import java.util.HashMap;
import java.util.Map;

/**
 * The samples of one view as columns of time, thread, stack and weight. Times are stored as ints in
 * {@link #timeUnitNanos()} after {@link #originNanos()}; weights as ints with the rare value beyond
 * int range kept aside, and no weight column at all for views where every sample weighs one.
 */
public final class SampleTable {
    private static final int OVERFLOW = Integer.MIN_VALUE;

    private final ViewKind view;
    private final long originNanos;
    private final long timeUnitNanos;
    private final IntColumn times;
    private final IntColumn threads;
    private final IntColumn stacks;
    private final IntColumn weights;
    private final Map<Integer, Long> bigWeights = new HashMap<>();
    /** The table whose columns this one shares and counts (see {@link #countView}), or null. */
    private final SampleTable counted;
    private long totalWeight;

    public SampleTable(ViewKind view, long originNanos, long timeUnitNanos) {
        this.view = view;
        this.originNanos = originNanos;
        this.timeUnitNanos = timeUnitNanos;
        this.times = new IntColumn();
        this.threads = new IntColumn();
        this.stacks = new IntColumn();
        this.weights = view == ViewKind.CPU || view == ViewKind.ALLOC_COUNT ? null : new IntColumn();
        this.counted = null;
    }

    private SampleTable(ViewKind view, SampleTable counted) {
        this.view = view;
        this.originNanos = counted.originNanos;
        this.timeUnitNanos = counted.timeUnitNanos;
        this.times = counted.times;
        this.threads = counted.threads;
        this.stacks = counted.stacks;
        this.weights = null;
        this.counted = counted;
        this.totalWeight = counted.size();
    }

    /**
     * The same samples, each weighing one, as a view of its own ({@code alloc-count} of {@code alloc}). It
     * shares this table's columns, so counting allocations costs no memory; build this table first.
     */
    public SampleTable countView(ViewKind countView) {
        return new SampleTable(countView, this);
    }

    public ViewKind view() {
        return view;
    }

    public int size() {
        return stacks.size();
    }

    public long originNanos() {
        return originNanos;
    }

    public long timeUnitNanos() {
        return timeUnitNanos;
    }

    /** The sample's time in nanoseconds since the epoch. */
    public long timeNanos(int i) {
        return originNanos + times.get(i) * timeUnitNanos;
    }

    /** The sample's time in {@link #timeUnitNanos()} after {@link #originNanos()}. */
    public int timeUnits(int i) {
        return times.get(i);
    }

    public int thread(int i) {
        return threads.get(i);
    }

    public int stack(int i) {
        return stacks.get(i);
    }

    public long weight(int i) {
        if (weights == null) {
            return 1;
        }
        int w = weights.get(i);
        return w == OVERFLOW ? bigWeights.get(i) : w;
    }

    /** The sum of all weights. */
    public long totalWeight() {
        return totalWeight;
    }

    /** Converts an absolute time to this table's units, clamped to int range. */
    public int toUnits(long nanos) {
        long units = Math.floorDiv(nanos - originNanos, timeUnitNanos);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, units));
    }

    /** Heap bytes the table's columns hold; a {@link #countView} reports those of the table it counts. */
    public long bytes() {
        if (counted != null) {
            return counted.bytes();
        }
        return times.bytes() + threads.bytes() + stacks.bytes() + (weights == null ? 0 : weights.bytes());
    }

    /** The table this one counts, sharing its columns, or null. */
    SampleTable counted() {
        return counted;
    }

    // ---- building (used by the reader only) ----

    public void add(long timeNanos, int thread, int stack, long weight) {
        times.add(toUnits(timeNanos));
        threads.add(thread);
        stacks.add(stack);
        if (weights != null) {
            if (weight == OVERFLOW || weight != (int) weight) {
                bigWeights.put(weights.size(), weight);
                weights.add(OVERFLOW);
            } else {
                weights.add((int) weight);
            }
        }
        totalWeight += weight;
    }

    /** Rewrites sample {@code from} into slot {@code to} with resolved thread and stack ids. */
    public void move(int from, int to, int thread, int stack) {
        threads.set(to, thread);
        stacks.set(to, stack);
        if (from != to) {
            times.set(to, times.get(from));
            if (weights != null) {
                int w = weights.get(from);
                weights.set(to, w);
                if (w == OVERFLOW) {
                    bigWeights.put(to, bigWeights.remove(from));
                }
            }
        }
    }

    /** Takes sample {@code i} out of the total; a later {@link #truncate} removes its slot. */
    public void drop(int i) {
        totalWeight -= weight(i);
        bigWeights.remove(i);
    }

    /** Cuts the table to {@code newSize} after dropped samples were compacted away. */
    public void truncate(int newSize) {
        times.truncate(newSize);
        threads.truncate(newSize);
        stacks.truncate(newSize);
        if (weights != null) {
            weights.truncate(newSize);
        }
    }
}
