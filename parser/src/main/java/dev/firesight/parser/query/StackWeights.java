package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.util.LongIntMap;
import dev.firesight.parser.util.LongList;
import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.UInt128;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The first step of every query: one pass over a view's samples that sums weight per distinct stack
 * (and thread, when split per thread), applying the time, thread and frame filters. Trees, hot methods
 * and collapsed output are all built from this much smaller result.
 */
public final class StackWeights {
    private static final int CHECK_EVERY = 1 << 16;

    private final ViewKind view;
    private final IntList stacks;
    private final IntList threads;
    private final LongList weights;
    private final double[] squares;
    private final long total;
    private final long samples;

    private StackWeights(ViewKind view, IntList stacks, IntList threads, LongList weights, double[] squares,
                         long total, long samples) {
        this.view = view;
        this.stacks = stacks;
        this.threads = threads;
        this.weights = weights;
        this.squares = squares;
        this.total = total;
        this.samples = samples;
    }

    /** The view whose samples these are. */
    public ViewKind view() {
        return view;
    }

    public int size() {
        return stacks.size();
    }

    public int stack(int i) {
        return stacks.get(i);
    }

    /** The thread of entry {@code i}, or -1 when the query did not split per thread. */
    public int thread(int i) {
        return threads == null ? -1 : threads.get(i);
    }

    public long weight(int i) {
        return weights.get(i);
    }

    /**
     * The sum of the squares of entry {@code i}'s sample weights: with {@link #weight} it gives the sampling
     * variance of a share (see {@link ShareChange}). Summed exactly (see {@code UInt128}), so it is the same
     * whether samples are kept one by one or per bucket, then given as a double since byte weights squared
     * overflow a long. Only weights made by {@link #withSquares} have them.
     */
    public double squares(int i) {
        if (squares == null) {
            throw new IllegalStateException("these stack weights were computed without their squares");
        }
        return squares[i];
    }

    /** The summed weight of everything that passed the filters. */
    public long total() {
        return total;
    }

    /** How many samples passed the filters. */
    public long samples() {
        return samples;
    }

    public static StackWeights compute(Profile profile, ProfileQuery query, BooleanSupplier cancelled) {
        return compute(profile, query, false, cancelled);
    }

    /** The same, also summing each entry's squared sample weights, which only a diff's significance needs. */
    public static StackWeights withSquares(Profile profile, ProfileQuery query, BooleanSupplier cancelled) {
        return compute(profile, query, true, cancelled);
    }

    private static StackWeights compute(Profile profile, ProfileQuery query, boolean squares,
                                        BooleanSupplier cancelled) {
        SampleTable table = profile.samples(query.view());
        StackTable stackTable = profile.stacks();
        FrameFilter filter = new FrameFilter(profile.frames(), stackTable, query.include(), query.exclude());
        // Samples kept per bucket answer whole buckets: the range widens to them (a bucket's row has its start).
        long fromNanos = query.fromNanos();
        long toNanos = query.toNanos();
        if (profile.isPart()) { // a part's samples are those in its time (see Profile.within)
            fromNanos = Math.max(fromNanos, profile.time().fromNanos());
            toNanos = Math.min(toNanos, profile.time().toNanos());
        }
        if (fromNanos <= toNanos) {
            TimeRange range = profile.snap(new TimeRange(fromNanos, toNanos));
            fromNanos = range.fromNanos();
            toNanos = range.toNanos();
        }
        int from = fromNanos == Long.MIN_VALUE ? Integer.MIN_VALUE : ceilUnits(table, fromNanos);
        int to = toNanos == Long.MAX_VALUE ? Integer.MAX_VALUE : table.toUnits(toNanos);
        boolean outside = query.outside();
        boolean perThread = query.perThread();
        long[] dense = perThread ? null : new long[stackTable.size()];
        int squareSlots = !squares ? 0 : perThread ? 1024 : stackTable.size();
        long[] squaresLow = squares ? new long[squareSlots] : null;
        long[] squaresHigh = squares ? new long[squareSlots] : null;
        LongIntMap index = perThread ? new LongIntMap(1024) : null;
        LongList sparse = perThread ? new LongList() : null;
        IntList sparseStacks = perThread ? new IntList() : null;
        IntList sparseThreads = perThread ? new IntList() : null;
        long total = 0;
        long samples = 0;
        for (int i = 0, n = table.size(); i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("query was cancelled");
            }
            int t = table.timeUnits(i);
            if ((t >= from && t <= to) == outside) {
                continue;
            }
            int thread = table.thread(i);
            if (query.threads() != null && !query.threads().get(thread)) {
                continue;
            }
            int stack = table.stack(i);
            if (!filter.keep(stack)) {
                continue;
            }
            long w = table.weight(i);
            total += w;
            samples += table.count(i);
            int k;
            if (dense != null) {
                dense[stack] += w;
                k = stack;
            } else {
                k = index.get(stack, thread);
                if (k == LongIntMap.MISSING) {
                    k = sparse.size();
                    index.put(stack, thread, k);
                    sparse.add(w);
                    sparseStacks.add(stack);
                    sparseThreads.add(thread);
                } else {
                    sparse.set(k, sparse.get(k) + w);
                }
                if (squares && k >= squaresLow.length) {
                    squaresLow = Arrays.copyOf(squaresLow, 2 * squaresLow.length);
                    squaresHigh = Arrays.copyOf(squaresHigh, 2 * squaresHigh.length);
                }
            }
            if (squares) {
                UInt128.add(squaresLow, squaresHigh, k, table.squaresLow(i), table.squaresHigh(i));
            }
        }
        if (dense == null) {
            return new StackWeights(query.view(), sparseStacks, sparseThreads, sparse,
                    squares ? toDoubles(squaresLow, squaresHigh, sparse.size()) : null, total, samples);
        }
        double[] denseSquares = squares ? new double[dense.length] : null;
        IntList stacks = new IntList();
        LongList weights = new LongList();
        int kept = 0;
        for (int s = 0; s < dense.length; s++) {
            if (dense[s] != 0) {
                stacks.add(s);
                weights.add(dense[s]);
                if (denseSquares != null) {
                    denseSquares[kept++] = UInt128.toDouble(squaresLow[s], squaresHigh[s]);
                }
            }
        }
        return new StackWeights(query.view(), stacks, null, weights, denseSquares, total, samples);
    }

    private static double[] toDoubles(long[] low, long[] high, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = UInt128.toDouble(low[k], high[k]);
        }
        return out;
    }

    /** The first unit at or after a time, so a range never takes a sample from before its start. */
    private static int ceilUnits(SampleTable table, long nanos) {
        int units = table.toUnits(nanos);
        long back = table.originNanos() + (long) units * table.timeUnitNanos();
        return back < nanos && units < Integer.MAX_VALUE ? units + 1 : units;
    }

    /** Include and exclude regexes over frame names, each name tested once and each stack once. */
    private static final class FrameFilter {
        private final FrameTable frames;
        private final StackTable stacks;
        private final Pattern include;
        private final Pattern exclude;
        private final byte[] nameMatch;
        private final byte[] stackKeep;

        FrameFilter(FrameTable frames, StackTable stacks, Pattern include, Pattern exclude) {
            this.frames = frames;
            this.stacks = stacks;
            this.include = include;
            this.exclude = exclude;
            boolean active = include != null || exclude != null;
            this.nameMatch = active ? new byte[frames.nameCount()] : null;
            this.stackKeep = active ? new byte[stacks.size()] : null;
        }

        boolean keep(int stack) {
            if (stackKeep == null) {
                return true;
            }
            byte k = stackKeep[stack];
            if (k == 0) {
                k = decide(stack) ? (byte) 1 : (byte) 2;
                stackKeep[stack] = k;
            }
            return k == 1;
        }

        private boolean decide(int stack) {
            boolean included = include == null;
            for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
                int m = match(frames.nameId(stacks.nodeFrame(node)));
                if ((m & 2) != 0) {
                    return false;
                }
                included |= (m & 1) != 0;
            }
            return included;
        }

        /** Bit 1: matches include; bit 2: matches exclude; bit 4: computed. */
        private int match(int nameId) {
            int m = nameMatch[nameId];
            if (m == 0) {
                String name = frames.nameOf(nameId);
                m = 4;
                if (include != null && include.matcher(name).matches()) {
                    m |= 1;
                }
                if (exclude != null && exclude.matcher(name).matches()) {
                    m |= 2;
                }
                nameMatch[nameId] = (byte) m;
            }
            return m;
        }
    }
}
