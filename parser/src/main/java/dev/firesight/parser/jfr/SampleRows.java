package dev.firesight.parser.jfr;

import dev.firesight.parser.ViewKind;
import dev.firesight.parser.util.IntColumn;
import dev.firesight.parser.util.LongColumn;
import dev.firesight.parser.util.LongIntMap;
import dev.firesight.parser.util.UInt128;

import java.util.HashMap;
import java.util.Map;

/**
 * The columns behind one {@link dev.firesight.parser.SampleTable}, and the only code that writes them: the
 * reader fills them, the table reads them. Two forms:
 * <ul>
 *   <li>per sample: one row per sample of (time, thread, stack, weight), weights as ints with the rare value
 *   beyond int range kept aside, and no weight column where every sample weighs one;</li>
 *   <li>bucketed: one row per (time bucket, thread, stack) with the summed weight, the sample count and the
 *   exact sum of squared weights. A bucket is {@link #bucketUnits()} time units wide, a power of two,
 *   aligned to the origin; a row's time is its bucket's start.</li>
 * </ul>
 * Every total, tree and diff computed from either form is the same: only where in time a sample fell is
 * coarsened to its bucket.
 */
public final class SampleRows {
    private static final int OVERFLOW = Integer.MIN_VALUE;
    /** Rows remembered for merging before the map starts afresh: bounds its memory; rows come mostly in time order. */
    private static final int MERGE_WINDOW = 1 << 16;

    private final long originNanos;
    private final long timeUnitNanos;
    private final boolean weighted;
    private final IntColumn times = new IntColumn();
    private final IntColumn threads = new IntColumn();
    private final IntColumn stacks = new IntColumn();
    // per sample
    private IntColumn weights;
    private final Map<Integer, Long> bigWeights = new HashMap<>();
    // bucketed
    private int bucketUnits;
    private IntColumn counts;
    private LongColumn sums;
    private LongColumn squaresLow;
    private final Map<Integer, Long> squaresHigh = new HashMap<>();
    private LongIntMap recent;
    private long totalWeight;
    private long sampleCount;

    /** @param weighted false for views where every sample weighs one: no weight column is kept */
    public SampleRows(long originNanos, long timeUnitNanos, boolean weighted) {
        this.originNanos = originNanos;
        this.timeUnitNanos = timeUnitNanos;
        this.weighted = weighted;
        this.weights = weighted ? new IntColumn() : null;
    }

    /** Rows of the given samples, one each, times kept to the microsecond. */
    public static SampleRows of(long originNanos, long[] timesNanos, int[] threads, int[] stacks, long[] weights) {
        SampleRows rows = new SampleRows(originNanos, 1000, true);
        for (int i = 0; i < stacks.length; i++) {
            rows.add(timesNanos[i], threads[i], stacks[i], weights[i]);
        }
        return rows;
    }

    /** Rows for a view: CPU samples and allocation counts weigh one each. */
    static SampleRows forView(ViewKind view, long originNanos, long timeUnitNanos) {
        return new SampleRows(originNanos, timeUnitNanos, view != ViewKind.CPU && view != ViewKind.ALLOC_COUNT);
    }

    // ---- reading ----

    public int size() {
        return stacks.size();
    }

    public long originNanos() {
        return originNanos;
    }

    public long timeUnitNanos() {
        return timeUnitNanos;
    }

    /** The bucket width in time units, 0 while rows are single samples. */
    public int bucketUnits() {
        return bucketUnits;
    }

    /** The row's time in nanoseconds since the epoch: its sample's, or its bucket's start. */
    public long timeNanos(int i) {
        return originNanos + times.get(i) * timeUnitNanos;
    }

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
        if (sums != null) {
            return sums.get(i);
        }
        if (counts != null) {
            return counts.get(i);
        }
        if (weights == null) {
            return 1;
        }
        int w = weights.get(i);
        return w == OVERFLOW ? bigWeights.get(i) : w;
    }

    /** How many samples row {@code i} stands for. */
    public int count(int i) {
        return counts == null ? 1 : counts.get(i);
    }

    /** The low 64 bits of the row's sum of squared sample weights (see {@link UInt128}). */
    public long squaresLow(int i) {
        if (squaresLow != null) {
            return squaresLow.get(i);
        }
        if (counts != null) {
            return counts.get(i); // every sample weighs one
        }
        long w = weight(i);
        return w * w;
    }

    /** The high 64 bits of the row's sum of squared sample weights. */
    public long squaresHigh(int i) {
        if (squaresLow != null) {
            return squaresHigh.getOrDefault(i, 0L);
        }
        return counts != null ? 0 : UInt128.squareHigh(weight(i));
    }

    public long totalWeight() {
        return totalWeight;
    }

    public long sampleCount() {
        return sampleCount;
    }

    public int toUnits(long nanos) {
        long units = Math.floorDiv(nanos - originNanos, timeUnitNanos);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, units));
    }

    public long bytes() {
        return times.bytes() + threads.bytes() + stacks.bytes() + (weights == null ? 0 : weights.bytes())
                + (counts == null ? 0 : counts.bytes()) + (sums == null ? 0 : sums.bytes())
                + (squaresLow == null ? 0 : squaresLow.bytes()) + (recent == null ? 0 : recent.size() * 24L);
    }

    /**
     * Heap bytes the rows themselves take, leaving out the unused end of the columns' last blocks and the
     * bounded map of recent rows: what the sample budget weighs, so a small recording's few rows are not
     * judged by its blocks' size.
     */
    public long usedBytes() {
        int perRow = 12 + (weights == null ? 0 : 4) + (counts == null ? 0 : 4) + (sums == null ? 0 : 16);
        return (long) size() * perRow + (bigWeights.size() + squaresHigh.size()) * 64L;
    }

    // ---- writing (the reader only) ----

    /** Adds one sample: a row of its own, or its share of its bucket's row once rows are bucketed. */
    void add(long timeNanos, int thread, int stack, long weight) {
        if (bucketUnits > 0) {
            addBucket(bucketStart(toUnits(timeNanos)), thread, stack, weight, 1, weight * weight,
                    UInt128.squareHigh(weight));
            return;
        }
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
        sampleCount++;
    }

    /**
     * Adds what several samples of one bucket, thread and stack sum to, merged into a recent row of the same
     * three when there is one. Only for bucketed rows; {@code bucketStart} is in time units.
     */
    void addBucket(int bucketStart, int thread, int stack, long weight, int count, long squaresLo, long squaresHi) {
        totalWeight += weight;
        sampleCount += count;
        long k1 = ((long) bucketStart << 32) | (thread & 0xFFFFFFFFL);
        int row = recent.get(k1, stack);
        if (row != LongIntMap.MISSING) {
            counts.set(row, counts.get(row) + count);
            if (sums != null) {
                sums.set(row, sums.get(row) + weight);
                addSquares(row, squaresLo, squaresHi);
            }
            return;
        }
        row = stacks.size();
        times.add(bucketStart);
        threads.add(thread);
        stacks.add(stack);
        counts.add(count);
        if (sums != null) {
            sums.add(weight);
            squaresLow.add(0);
            addSquares(row, squaresLo, squaresHi);
        }
        remember(k1, stack, row);
    }

    private void remember(long k1, int stack, int row) {
        if (recent.size() >= MERGE_WINDOW) {
            recent.clear();
        }
        recent.put(k1, stack, row);
    }

    private void addSquares(int row, long lo, long hi) {
        long old = squaresLow.get(row);
        long sum = old + lo;
        long high = hi + UInt128.carry(old, sum);
        squaresLow.set(row, sum);
        if (high != 0) {
            squaresHigh.merge(row, high, Long::sum);
        }
    }

    /** The start, in time units, of the bucket a time in units falls in. */
    int bucketStart(int units) {
        return Math.floorDiv(units, bucketUnits) * bucketUnits;
    }

    /**
     * Makes the rows buckets {@code units} wide (a power of two, wider than now), merging the rows that then
     * share a bucket, thread and stack. Done in place: a merged row is written at or before the rows it
     * came from, so the columns never hold both forms of the same rows.
     */
    void rebucket(int units) {
        if (units <= bucketUnits) {
            throw new IllegalArgumentException("buckets only grow: " + units + " after " + bucketUnits);
        }
        int n = size();
        IntColumn oldWeights = weights;
        boolean fromSamples = bucketUnits == 0;
        if (fromSamples) {
            counts = new IntColumn();
            sums = weighted ? new LongColumn() : null;
            squaresLow = weighted ? new LongColumn() : null;
            weights = null;
            recent = new LongIntMap(1024);
        }
        recent.clear();
        bucketUnits = units;
        long weightBefore = totalWeight;
        long countBefore = sampleCount;
        totalWeight = 0;
        sampleCount = 0;
        Map<Integer, Long> oldHigh = new HashMap<>(squaresHigh);
        squaresHigh.clear();
        int out = 0;
        for (int i = 0; i < n; i++) {
            int bucket = bucketStart(times.get(i));
            int thread = threads.get(i);
            int stack = stacks.get(i);
            long w;
            int c;
            long lo;
            long hi;
            if (fromSamples) {
                int raw = oldWeights == null ? 1 : oldWeights.get(i);
                w = raw == OVERFLOW && oldWeights != null ? bigWeights.get(i) : raw;
                c = 1;
                lo = w * w;
                hi = UInt128.squareHigh(w);
            } else {
                c = counts.get(i);
                w = sums == null ? c : sums.get(i);
                lo = squaresLow == null ? c : squaresLow.get(i);
                hi = oldHigh.getOrDefault(i, 0L);
            }
            long k1 = ((long) bucket << 32) | (thread & 0xFFFFFFFFL);
            int row = recent.get(k1, stack);
            totalWeight += w;
            sampleCount += c;
            if (row != LongIntMap.MISSING) {
                counts.set(row, counts.get(row) + c);
                if (sums != null) {
                    sums.set(row, sums.get(row) + w);
                    addSquares(row, lo, hi);
                }
                continue;
            }
            row = out++;
            times.set(row, bucket);
            threads.set(row, thread);
            stacks.set(row, stack);
            if (fromSamples) {
                counts.add(c);
                if (sums != null) {
                    sums.add(w);
                    squaresLow.add(lo);
                }
            } else {
                counts.set(row, c);
                if (sums != null) {
                    sums.set(row, w);
                    squaresLow.set(row, lo);
                }
            }
            if (hi != 0) {
                squaresHigh.put(row, hi);
            }
            remember(k1, stack, row);
        }
        bigWeights.clear();
        truncateColumns(out);
        if (totalWeight != weightBefore || sampleCount != countBefore) {
            throw new IllegalStateException("rebucketing changed the totals"); // cannot happen: sums only move
        }
    }

    /** Rewrites sample {@code from} into slot {@code to} with resolved thread and stack ids (per sample only). */
    void move(int from, int to, int thread, int stack) {
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

    /** Takes sample {@code i} out of the totals; a later {@link #truncate} removes its slot (per sample only). */
    void drop(int i) {
        totalWeight -= weight(i);
        sampleCount--;
        bigWeights.remove(i);
    }

    /** Cuts the rows to {@code newSize} after dropped samples were compacted away (per sample only). */
    void truncate(int newSize) {
        truncateColumns(newSize);
    }

    private void truncateColumns(int newSize) {
        times.truncate(newSize);
        threads.truncate(newSize);
        stacks.truncate(newSize);
        if (weights != null) {
            weights.truncate(newSize);
        }
        if (counts != null) {
            counts.truncate(newSize);
        }
        if (sums != null) {
            sums.truncate(newSize);
            squaresLow.truncate(newSize);
        }
    }
}
