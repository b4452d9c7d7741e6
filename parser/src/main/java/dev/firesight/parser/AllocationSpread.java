package dev.firesight.parser;

import dev.firesight.parser.util.IntIntMap;

import java.util.Arrays;
import java.util.Map;

/**
 * When an allocation sample's bytes were allocated, for rates over time. A {@code jdk.ObjectAllocationSample}
 * weighs what its thread allocated since the thread's previous sample, and the JDK throttles them to a few hundred
 * a second, so one sample can stand for 200 ms of a thread's allocation: its bytes belong to the time between the
 * two samples, not to the instant it was taken. Put at that instant, a sample of 1.2 GiB made a 10 ms bucket read
 * 120 GiB/s: a program allocating a steady 7 GiB/s showed a "peak of 139 GiB/s" and allocation spikes that never
 * happened.
 *
 * <p>So a rate spreads such a sample's weight evenly over the time since its thread's previous sample, when that
 * is {@value #MIN_GAP_NANOS} ns or more (shorter, it stays within the finest bucket a rate uses anyway), and over
 * at most {@value #MAX_SPREAD_NANOS} ns before it. A thread's first sample stays at its instant. Totals, stacks and
 * time ranges still take each sample at its instant; only rates spread.
 *
 * <p>Only a recording whose allocation view holds allocation samples alone: TLAB events are written as a thread
 * takes a new buffer, at the time of the allocation they weigh, and a table of them is millions of rows (a JVM's
 * events can be out of time order in the file, so the previous sample of a thread is found by sorting its rows).
 * Bucketed samples are sums already and stay as they are.
 */
public final class AllocationSpread {
    static final long MIN_GAP_NANOS = 10_000_000L;
    static final long MAX_SPREAD_NANOS = 10_000_000_000L;

    /** Rows whose weight is spread, and over how many microseconds before their time. */
    private final IntIntMap spreadMicros;

    private AllocationSpread(IntIntMap spreadMicros) {
        this.spreadMicros = spreadMicros;
    }

    /**
     * The spread of the allocation table's rows, or null when its rates take samples at their instants: the table
     * is bucketed, or the recording's allocation events are not allocation samples alone ({@code eventCounts}).
     */
    public static AllocationSpread of(SampleTable table, Map<String, Long> eventCounts) {
        boolean samplesOnly = eventCounts.getOrDefault("jdk.ObjectAllocationSample", 0L) > 0
                && eventCounts.getOrDefault("jdk.ObjectAllocationInNewTLAB", 0L) == 0
                && eventCounts.getOrDefault("jdk.ObjectAllocationOutsideTLAB", 0L) == 0;
        return table == null || table.bucketed() || !samplesOnly ? null : compute(table);
    }

    /** The profile's, computed once. */
    public static AllocationSpread of(Profile profile) {
        if (!profile.has(ViewKind.ALLOC)) {
            return null;
        }
        return profile.derived("allocation-spread", () -> java.util.Optional.ofNullable(
                of(profile.samples(ViewKind.ALLOC), profile.info().eventCounts()))).orElse(null);
    }

    private static AllocationSpread compute(SampleTable table) {
        int n = table.size();
        // the rows of each thread (a counting sort by thread), then each thread's in time order
        int threads = 0;
        for (int i = 0; i < n; i++) {
            threads = Math.max(threads, table.thread(i) + 1);
        }
        int[] start = new int[threads + 1];
        for (int i = 0; i < n; i++) {
            if (table.thread(i) >= 0) {
                start[table.thread(i) + 1]++;
            }
        }
        for (int t = 0; t < threads; t++) {
            start[t + 1] += start[t];
        }
        int[] byThread = new int[start[threads]];
        int[] fill = Arrays.copyOf(start, threads);
        for (int i = 0; i < n; i++) {
            if (table.thread(i) >= 0) {
                byThread[fill[table.thread(i)]++] = i;
            }
        }
        IntIntMap spread = new IntIntMap();
        long[] keys = new long[0];
        for (int t = 0; t < threads; t++) {
            int count = start[t + 1] - start[t];
            if (keys.length < count) {
                keys = new long[count];
            }
            // microseconds from the table's origin above, the row's place in the thread's list in the low bits
            int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, count));
            long place = (1L << bits) - 1;
            for (int k = 0; k < count; k++) {
                long micros = Math.max(0, (table.timeNanos(byThread[start[t] + k]) - table.originNanos()) / 1000);
                keys[k] = micros << bits | k;
            }
            Arrays.sort(keys, 0, count);
            for (int k = 1; k < count; k++) {
                long gapMicros = (keys[k] >>> bits) - (keys[k - 1] >>> bits);
                if (gapMicros * 1000 >= MIN_GAP_NANOS) {
                    spread.put(byThread[start[t] + (int) (keys[k] & place)],
                            (int) Math.min(gapMicros, MAX_SPREAD_NANOS / 1000));
                }
            }
        }
        return new AllocationSpread(spread);
    }

    /** How long before its time row {@code row}'s weight was allocated over; 0 for an instant. */
    public long spreadNanos(int row) {
        int micros = spreadMicros.get(row);
        return micros == IntIntMap.MISSING ? 0 : micros * 1000L;
    }

    /**
     * Adds {@code weight}, allocated evenly over ({@code timeNanos - spreadNanos}, {@code timeNanos}], to the
     * buckets of {@code sums} ({@code bucketNanos} wide from {@code startNanos}; the last bucket takes what is
     * after it), and to {@code alsoSums} when not null. What falls before the first bucket is left out.
     */
    public static void add(double[] sums, double[] alsoSums, long startNanos, long bucketNanos, long timeNanos,
                           long spreadNanos, double weight) {
        int n = sums.length;
        int last = (int) Math.max(0, Math.min(n - 1, Math.floorDiv(timeNanos - startNanos, bucketNanos)));
        if (spreadNanos <= 0) {
            sums[last] += weight;
            if (alsoSums != null) {
                alsoSums[last] += weight;
            }
            return;
        }
        long from = timeNanos - spreadNanos;
        double perNano = weight / spreadNanos;
        for (int b = last; b >= 0; b--) {
            long bucketStart = startNanos + b * bucketNanos;
            long lo = Math.max(from, bucketStart);
            long hi = b == last ? timeNanos : Math.min(timeNanos, bucketStart + bucketNanos);
            if (hi > lo) {
                double part = (hi - lo) * perNano;
                sums[b] += part;
                if (alsoSums != null) {
                    alsoSums[b] += part;
                }
            }
            if (bucketStart <= from) {
                break;
            }
        }
    }
}
