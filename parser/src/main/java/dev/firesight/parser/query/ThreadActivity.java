package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What each thread did over time, from the samples: CPU samples and allocated bytes per bucket. Threads
 * with neither are left out; the rest are ordered by CPU samples, then allocated bytes. What the timeline's
 * thread lanes draw.
 */
public final class ThreadActivity {
    /** One thread's row. */
    public record Row(int thread, String name, int[] cpuSamples, long[] allocBytes, long totalCpu,
                      long totalAlloc) {
    }

    private final long startNanos;
    private final long bucketNanos;
    private final int buckets;
    private final List<Row> rows;
    private final int maxCpu;
    private final long maxAlloc;

    private ThreadActivity(long startNanos, long bucketNanos, int buckets, List<Row> rows) {
        this.startNanos = startNanos;
        this.bucketNanos = bucketNanos;
        this.buckets = buckets;
        this.rows = rows;
        int mc = 0;
        long ma = 0;
        for (Row r : rows) {
            for (int b = 0; b < buckets; b++) {
                mc = Math.max(mc, r.cpuSamples[b]);
                ma = Math.max(ma, r.allocBytes[b]);
            }
        }
        this.maxCpu = mc;
        this.maxAlloc = ma;
    }

    public static ThreadActivity compute(Profile profile, long startNanos, long endNanos, long bucketNanos) {
        bucketNanos = profile.seriesBucketNanos(bucketNanos); // never finer than the samples' buckets
        startNanos = profile.snap(new TimeRange(startNanos, Math.max(startNanos, endNanos))).fromNanos();
        int buckets = (int) Math.max(1, (endNanos - startNanos) / bucketNanos + 1);
        int threads = profile.threadCount();
        int[][] cpu = new int[threads][];
        long[][] alloc = new long[threads][];
        long[] totalCpu = new long[threads];
        long[] totalAlloc = new long[threads];
        SampleTable cpuTable = profile.samples(profile.has(ViewKind.CPU) ? ViewKind.CPU : ViewKind.WALL);
        for (int i = 0, n = cpuTable.size(); i < n; i++) {
            int t = cpuTable.thread(i);
            int b = bucket(cpuTable.timeNanos(i), startNanos, bucketNanos, buckets);
            if (cpu[t] == null) {
                cpu[t] = new int[buckets];
            }
            cpu[t][b] += (int) Math.min(Integer.MAX_VALUE, cpuTable.weight(i));
            totalCpu[t] += cpuTable.weight(i);
        }
        SampleTable allocTable = profile.samples(ViewKind.ALLOC);
        for (int i = 0, n = allocTable.size(); i < n; i++) {
            int t = allocTable.thread(i);
            int b = bucket(allocTable.timeNanos(i), startNanos, bucketNanos, buckets);
            if (alloc[t] == null) {
                alloc[t] = new long[buckets];
            }
            alloc[t][b] += allocTable.weight(i);
            totalAlloc[t] += allocTable.weight(i);
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            if (cpu[t] == null && alloc[t] == null) {
                continue;
            }
            rows.add(new Row(t, profile.threadName(t), cpu[t] == null ? new int[buckets] : cpu[t],
                    alloc[t] == null ? new long[buckets] : alloc[t], totalCpu[t], totalAlloc[t]));
        }
        rows.sort(Comparator.comparingLong(Row::totalCpu).reversed()
                .thenComparing(Comparator.comparingLong(Row::totalAlloc).reversed()).thenComparing(Row::name));
        return new ThreadActivity(startNanos, bucketNanos, buckets, List.copyOf(rows));
    }

    /**
     * The same activity summed per source (JVM): one row per source that did anything, in source order, named
     * by the source and numbered by it in {@link Row#thread()}; so many JVMs' recordings lie side by side.
     */
    public ThreadActivity bySource(dev.firesight.parser.Sources sources) {
        int[][] cpu = new int[sources.count()][];
        long[][] alloc = new long[sources.count()][];
        long[] totalCpu = new long[sources.count()];
        long[] totalAlloc = new long[sources.count()];
        for (Row r : rows) {
            int s = sources.threadSource()[r.thread()];
            if (cpu[s] == null) {
                cpu[s] = new int[buckets];
                alloc[s] = new long[buckets];
            }
            for (int b = 0; b < buckets; b++) {
                cpu[s][b] = (int) Math.min(Integer.MAX_VALUE, (long) cpu[s][b] + r.cpuSamples()[b]);
                alloc[s][b] += r.allocBytes()[b];
            }
            totalCpu[s] += r.totalCpu();
            totalAlloc[s] += r.totalAlloc();
        }
        List<Row> perSource = new ArrayList<>();
        for (int s = 0; s < sources.count(); s++) {
            if (cpu[s] != null) {
                perSource.add(new Row(s, sources.names().get(s), cpu[s], alloc[s], totalCpu[s], totalAlloc[s]));
            }
        }
        return new ThreadActivity(startNanos, bucketNanos, buckets, List.copyOf(perSource));
    }

    private static int bucket(long t, long start, long width, int buckets) {
        return (int) Math.max(0, Math.min(buckets - 1, Math.floorDiv(t - start, width)));
    }

    public long startNanos() {
        return startNanos;
    }

    public long bucketNanos() {
        return bucketNanos;
    }

    public int buckets() {
        return buckets;
    }

    public List<Row> rows() {
        return rows;
    }

    public int maxCpu() {
        return maxCpu;
    }

    public long maxAlloc() {
        return maxAlloc;
    }
}
