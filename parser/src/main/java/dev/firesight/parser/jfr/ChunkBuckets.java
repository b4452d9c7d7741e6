package dev.firesight.parser.jfr;

import dev.firesight.parser.ViewKind;
import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.LongIntMap;
import dev.firesight.parser.util.LongList;
import dev.firesight.parser.util.UInt128;

import java.util.Arrays;

/**
 * One chunk's samples summed per (view, time bucket, thread, stack, thread state), with the chunk's own
 * thread and stack keys: what the chunk holds grows with the distinct keys, not with its samples. The
 * state is kept because it tells execution samples that are really wall-clock samples apart, which is only
 * known once the chunk's constant pools are read.
 */
final class ChunkBuckets {
    /** The state of a sample that is not an execution sample. */
    static final int NO_STATE = -1;
    private static final ViewKind[] VIEWS = ViewKind.values();

    private int width;
    private LongIntMap index = new LongIntMap(1024);
    private final LongIntMap stateIds = new LongIntMap(16);
    private final IntList stateValues = new IntList();
    private IntList buckets = new IntList();
    private IntList threads = new IntList();
    private IntList stacks = new IntList();
    /** The view's ordinal in the low 8 bits, the dense state id above them. */
    private IntList kinds = new IntList();
    private IntList counts = new IntList();
    private LongList weights = new LongList();
    private LongList lows = new LongList();
    private LongList highs = new LongList();

    ChunkBuckets(int width) {
        this.width = width;
    }

    void add(ViewKind view, int units, int thread, int stack, int state, long weight, int count, long lo, long hi) {
        addToBucket(Math.floorDiv(units, width) * width, view.ordinal() | stateId(state) << 8, thread, stack,
                weight, count, lo, hi);
    }

    private int stateId(int state) {
        int id = stateIds.get(state);
        if (id == LongIntMap.MISSING) {
            id = stateValues.size();
            stateValues.add(state);
            stateIds.put(state, id);
        }
        return id;
    }

    private void addToBucket(int bucket, int kind, int thread, int stack, long weight, int count, long lo, long hi) {
        long k1 = ((long) bucket << 32) | (thread & 0xFFFFFFFFL);
        long k2 = ((long) stack << 32) | (kind & 0xFFFFFFFFL);
        int k = index.get(k1, k2);
        if (k == LongIntMap.MISSING) {
            k = buckets.size();
            index.put(k1, k2, k);
            buckets.add(bucket);
            threads.add(thread);
            stacks.add(stack);
            kinds.add(kind);
            counts.add(count);
            weights.add(weight);
            lows.add(lo);
            highs.add(hi);
            return;
        }
        counts.set(k, counts.get(k) + count);
        weights.set(k, weights.get(k) + weight);
        long before = lows.get(k);
        long after = before + lo;
        lows.set(k, after);
        highs.set(k, highs.get(k) + hi + UInt128.carry(before, after));
    }

    /** Re-sums what is held into buckets {@code newWidth} wide (a multiple of the width so far). */
    void widen(int newWidth) {
        if (newWidth == width) {
            return;
        }
        IntList b = buckets;
        IntList t = threads;
        IntList s = stacks;
        IntList kd = kinds;
        IntList c = counts;
        LongList w = weights;
        LongList lo = lows;
        LongList hi = highs;
        width = newWidth;
        index = new LongIntMap(1024);
        buckets = new IntList();
        threads = new IntList();
        stacks = new IntList();
        kinds = new IntList();
        counts = new IntList();
        weights = new LongList();
        lows = new LongList();
        highs = new LongList();
        for (int k = 0; k < b.size(); k++) {
            addToBucket(Math.floorDiv(b.get(k), width) * width, kd.get(k), t.get(k), s.get(k), w.get(k), c.get(k),
                    lo.get(k), hi.get(k));
        }
    }

    int size() {
        return buckets.size();
    }

    /** The entries in the order of their buckets, so rows of one bucket reach the tables together. */
    int[] byBucket() {
        long[] keys = new long[size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ((long) buckets.get(k) << 32) | k;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    int bucket(int k) {
        return buckets.get(k);
    }

    ViewKind view(int k) {
        return VIEWS[kinds.get(k) & 0xFF];
    }

    /** The thread state of entry {@code k}'s samples, or {@link #NO_STATE}. */
    int state(int k) {
        return stateValues.get(kinds.get(k) >>> 8);
    }

    int thread(int k) {
        return threads.get(k);
    }

    int stack(int k) {
        return stacks.get(k);
    }

    int count(int k) {
        return counts.get(k);
    }

    long weight(int k) {
        return weights.get(k);
    }

    long squaresLow(int k) {
        return lows.get(k);
    }

    long squaresHigh(int k) {
        return highs.get(k);
    }

    /** Approximate heap bytes held: the entries and their index. */
    long bytes() {
        return size() * (6 * 4L + 3 * 8L + 40L);
    }
}
