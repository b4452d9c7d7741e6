package dev.firesight.parser.jfr;

import dev.firesight.parser.ViewKind;
import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.LongList;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk's samples while their stacks and threads are still the chunk's own keys: the rows the chunk added
 * to the profile's tables, with each execution sample's thread state, or its buckets once the profile keeps
 * buckets. When the chunk ends, {@link #resolve} puts global ids in their place; until then a partial
 * profile takes the rows whose stacks are known ({@link #addPartialRows}).
 */
final class ChunkSamples {
    private final ProfileBuilder builder;
    private final LoadControl control;
    /** Each view's table size before this chunk: its rows start there. */
    private final EnumMap<ViewKind, Integer> firstSample;
    /** The thread state of each execution sample of this chunk, in the order they entered the CPU table. */
    private final IntList executionStates = new IntList();
    /**
     * This chunk's samples summed per bucket, thread, stack and thread state, once the profile keeps buckets:
     * then no sample gets a row of its own. Null while samples are kept one by one.
     */
    private ChunkBuckets buckets;
    /** True when the CPU table got samples other than execution samples in this chunk (no wall split then). */
    private boolean otherCpuSamples;

    /** Starts the chunk's samples at the tables' current ends. */
    ChunkSamples(ProfileBuilder builder, LoadControl control) {
        this.builder = builder;
        this.control = control;
        this.firstSample = builder.tableSizes();
        if (builder.bucketUnits > 0) {
            buckets = new ChunkBuckets(builder.bucketUnits);
        }
    }

    /** True once samples go to buckets rather than rows. */
    boolean bucketed() {
        return buckets != null;
    }

    /** Each view's table size before this chunk, for a partial profile's copy of the rows before it. */
    EnumMap<ViewKind, Integer> firstSample() {
        return firstSample;
    }

    /** Records the thread state of the execution sample just added to the CPU table. */
    void executionState(int state) {
        executionStates.add(state);
    }

    /** Adds one sample to the buckets of each of {@code views} (only when {@link #bucketed}). */
    void addToBuckets(ViewKind[] views, int units, int thread, int stack, int state, long weight, boolean otherCpu) {
        for (ViewKind view : views) {
            buckets.add(view, units, thread, stack, state, weight, 1, weight * weight,
                    dev.firesight.parser.util.UInt128.squareHigh(weight));
        }
        otherCpuSamples |= otherCpu;
    }

    /** Heap bytes of the buckets, which the memory budget counts beside the tables. */
    long pendingBytes() {
        return buckets == null ? 0 : buckets.bytes();
    }

    /**
     * Makes the profile's buckets wider, mid-chunk, because its samples passed their budget. The first time,
     * this chunk's samples so far leave the tables for buckets of their own (with their thread states, which
     * the wall-clock split still needs), so the tables hold only resolved rows when they are re-summed.
     */
    void coarsen() {
        int width = builder.nextWidth(control.sampleBudget());
        if (buckets == null) {
            buckets = new ChunkBuckets(width);
            for (ChunkRows r : chunkRows()) {
                ViewKind view = r.view();
                SampleRows table = r.table();
                int from = r.from();
                boolean execution = r.execution();
                otherCpuSamples |= view == ViewKind.CPU && !execution && r.end() > from;
                for (int i = from; i < r.end(); i++) {
                    long w = table.weight(i);
                    buckets.add(view, table.timeUnits(i), table.thread(i), table.stack(i),
                            execution ? executionStates.get(i - from) : ChunkBuckets.NO_STATE, w, 1, w * w,
                            dev.firesight.parser.util.UInt128.squareHigh(w));
                    table.drop(i);
                }
                table.truncate(from);
            }
            executionStates.clear();
        }
        builder.coarsen(width);
        buckets.widen(width);
        builder.pendingBytes = buckets.bytes();
    }

    /**
     * Replaces the chunk's keys with the global {@code stacks} and {@code threads}, drops samples that carry no
     * stack, and moves execution samples that are really wall-clock samples into the wall view.
     */
    void resolve(IntList stacks, BitSet truncated, IntList threads, ExecutionStates states) {
        if (buckets != null) {
            flushBuckets(stacks, truncated, threads, states);
        } else {
            resolveRows(stacks, truncated, threads, states);
        }
    }

    /** Puts this chunk's buckets into the tables with resolved stacks and threads. */
    private void flushBuckets(IntList stacks, BitSet truncated, IntList threads, ExecutionStates states) {
        for (int k : buckets.byBucket()) {
            ViewKind view = buckets.view(k);
            int local = buckets.stack(k);
            int stack = stacks.get(local);
            int count = buckets.count(k);
            int state = buckets.state(k);
            boolean wall = view == ViewKind.CPU && !otherCpuSamples && state != ChunkBuckets.NO_STATE
                    && states.isWall(state);
            ViewKind shown = wall ? ViewKind.WALL : view;
            if (stack >= 0 && truncated.get(local)) {
                builder.truncatedSamples.computeIfAbsent(shown, v -> new long[1])[0] += count;
            }
            int thread = threads.get(buckets.thread(k));
            if (stack < 0) {
                builder.sampleWithoutStack(shown, count);
            } else if (wall) {
                if (control.wants(ViewKind.WALL)) { // wall-clock samples weigh one each
                    builder.table(ViewKind.WALL).addBucket(buckets.bucket(k), thread, stack, count, count, count, 0);
                }
            } else if (view != ViewKind.CPU || control.wants(ViewKind.CPU)) {
                builder.table(view).addBucket(buckets.bucket(k), thread, stack, buckets.weight(k), count,
                        buckets.squaresLow(k), buckets.squaresHigh(k));
            }
        }
    }

    /** Resolves the samples this chunk added one by one to the tables. */
    private void resolveRows(IntList stacks, BitSet truncated, IntList threads, ExecutionStates states) {
        WallSamples wall = new WallSamples();
        for (ChunkRows r : chunkRows()) {
            ViewKind view = r.view();
            SampleRows table = r.table();
            int from = r.from();
            boolean execution = r.execution();
            int to = from;
            for (int i = from; i < r.end(); i++) {
                int stack = stacks.get(table.stack(i));
                if (stack >= 0 && truncated.get(table.stack(i))) {
                    ViewKind shown = execution && states.isWall(executionStates.get(i - from)) ? ViewKind.WALL : view;
                    builder.truncatedSamples.computeIfAbsent(shown, k -> new long[1])[0]++;
                }
                if (stack < 0) {
                    table.drop(i);
                    builder.sampleWithoutStack(view == ViewKind.CPU && execution
                            && states.isWall(executionStates.get(i - from)) ? ViewKind.WALL : view, 1);
                } else if (execution && states.isWall(executionStates.get(i - from))) {
                    wall.add(table.timeNanos(i), threads.get(table.thread(i)), stack);
                    table.drop(i);
                } else if (view == ViewKind.CPU && !control.wants(ViewKind.CPU)) {
                    table.drop(i); // read only for the wall-clock samples among them
                } else {
                    table.move(i, to++, threads.get(table.thread(i)), stack);
                }
            }
            table.truncate(to);
        }
        if (control.wants(ViewKind.WALL)) {
            wall.addTo(builder.table(ViewKind.WALL));
        }
    }

    /**
     * Adds this chunk's samples so far to a partial profile's rows, as {@link #resolve} will; a sample whose
     * stack key is past those in {@code known} (the stack thread stopped before it) is left out, and so are CPU
     * samples while {@code settled} is false (an execution sample of an async-profiler recording without a CPU
     * state may turn out a wall-clock sample).
     */
    void addPartialRows(EnumMap<ViewKind, SampleRows> rows, int threadBase, IntList known, ExecutionStates states,
                        boolean settled) {
        for (ChunkRows r : chunkRows()) {
            ViewKind view = r.view();
            SampleRows table = r.table();
            int from = r.from();
            boolean execution = r.execution();
            if (view == ViewKind.CPU && !settled) {
                continue;
            }
            for (int i = from; i < r.end(); i++) {
                int local = table.stack(i);
                int stack = local < known.size() ? known.get(local) : -1;
                boolean wall = execution && states.isWall(executionStates.get(i - from));
                if (stack < 0 || (wall ? !control.wants(ViewKind.WALL)
                        : view == ViewKind.CPU && !control.wants(ViewKind.CPU))) {
                    continue; // as resolveRows leaves them out
                }
                ViewKind shown = wall ? ViewKind.WALL : view;
                rows.computeIfAbsent(shown, builder::partialRows).add(table.timeNanos(i),
                        threadBase + table.thread(i), stack, wall ? 1 : table.weight(i));
            }
        }
    }

    /**
     * This chunk's rows so far in one view's table, {@code [from, end)}; {@code execution} when they are CPU
     * samples with one thread state each (which tells wall-clock samples from CPU ones).
     */
    private record ChunkRows(ViewKind view, SampleRows table, int from, int end, boolean execution) {
    }

    /** Each view's {@link ChunkRows}, taken before any table is changed. */
    private List<ChunkRows> chunkRows() {
        List<ChunkRows> out = new ArrayList<>();
        for (Map.Entry<ViewKind, Integer> e : builder.tableSizes().entrySet()) {
            ViewKind view = e.getKey();
            int from = firstSample.getOrDefault(view, 0);
            int end = e.getValue();
            out.add(new ChunkRows(view, builder.table(view), from, end,
                    view == ViewKind.CPU && executionStates.size() == end - from));
        }
        return out;
    }

    /** Wall-clock samples found among a chunk's execution samples, resolved, to append to the wall view. */
    private static final class WallSamples {
        private final LongList times = new LongList();
        private final IntList threads = new IntList();
        private final IntList stacks = new IntList();

        void add(long timeNanos, int thread, int stack) {
            times.add(timeNanos);
            threads.add(thread);
            stacks.add(stack);
        }

        void addTo(SampleRows wall) {
            for (int i = 0; i < stacks.size(); i++) {
                wall.add(times.get(i), threads.get(i), stacks.get(i), 1);
            }
        }
    }
}
