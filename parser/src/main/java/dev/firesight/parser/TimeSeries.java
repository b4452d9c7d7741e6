package dev.firesight.parser;

/**
 * One series a timeline draws: points of (time, value), sorted by time. Rates are bucketed; per-event
 * series such as heap after GC or pause durations have one point per event.
 */
public final class TimeSeries {
    /** The series Firesight knows, with their units. */
    /**
     * The kinds that are memory limits, in the order that decides which applies (the container's, the maximum heap,
     * physical memory). A JVM writes them at its start: a part of a recording keeps them whole.
     */
    public static final java.util.List<Kind> LIMITS = java.util.List.of(Kind.CONTAINER_MEMORY_LIMIT, Kind.MAX_HEAP,
            Kind.PHYSICAL_MEMORY);

    public enum Kind {
        ALLOCATION_RATE("Allocation rate", "bytes/s"),
        CPU_SAMPLES("CPU samples", "samples/s"),
        HEAP_AFTER_GC("Heap used after GC", "bytes"),
        GC_PAUSE("GC pause", "ns"),
        JVM_CPU_LOAD("JVM CPU load", "fraction"),
        MACHINE_CPU_LOAD("Machine CPU load", "fraction"),
        // The memory budget: what the JVM uses of each kind of memory, and the limits it runs into.
        HEAP_USED("Heap used", "bytes"),
        HEAP_COMMITTED("Heap committed", "bytes"),
        METASPACE_USED("Metaspace used", "bytes"),
        METASPACE_COMMITTED("Metaspace committed", "bytes"),
        DIRECT_BUFFERS("Direct buffers", "bytes"),
        NATIVE_MEMORY_COMMITTED("Native memory committed (NMT)", "bytes"),
        RESIDENT_SET_SIZE("Resident set size", "bytes"),
        CONTAINER_MEMORY_USAGE("Container memory usage", "bytes"),
        THREADS("Java threads", "threads"),
        MAX_HEAP("Maximum heap (-Xmx)", "bytes"),
        CONTAINER_MEMORY_LIMIT("Container memory limit", "bytes"),
        PHYSICAL_MEMORY("Physical memory", "bytes"),
        /** Throwables created since the JVM started (jdk.ExceptionStatistics): a count that only grows. */
        THROWABLES("Throwables created", "count"),
        /** One class's live bytes after each collection that counted them (jdk.ObjectCountAfterGC). */
        CLASS_LIVE_BYTES("Live bytes of a class", "bytes");

        private final String title;
        private final String unit;

        Kind(String title, String unit) {
            this.title = title;
            this.unit = unit;
        }

        public String title() {
            return title;
        }

        public String unit() {
            return unit;
        }
    }

    private final Kind kind;
    private final long[] timesNanos;
    private final double[] values;
    private final long bucketNanos;

    /** @param bucketNanos the width of each point for bucketed series, 0 for per-event series */
    public TimeSeries(Kind kind, long[] timesNanos, double[] values, long bucketNanos) {
        if (timesNanos.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        this.kind = kind;
        this.timesNanos = timesNanos;
        this.values = values;
        this.bucketNanos = bucketNanos;
    }

    public Kind kind() {
        return kind;
    }

    /** The readings in {@code [from, to]} (a bucket by its start). */
    public TimeSeries within(long from, long to) {
        int first = 0;
        while (first < timesNanos.length && timesNanos[first] < from) {
            first++;
        }
        int last = first;
        while (last < timesNanos.length && timesNanos[last] <= to) {
            last++;
        }
        return first == 0 && last == timesNanos.length ? this : new TimeSeries(kind,
                java.util.Arrays.copyOfRange(timesNanos, first, last), java.util.Arrays.copyOfRange(values, first, last),
                bucketNanos);
    }

    public int size() {
        return values.length;
    }

    public long timeNanos(int i) {
        return timesNanos[i];
    }

    public double value(int i) {
        return values[i];
    }

    public long bucketNanos() {
        return bucketNanos;
    }

    public double max() {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * A rate series: a view's weight per bucket, per second, of the samples of {@code threads} (null for all).
     * Buckets are sized so a recording of any length gives at most about a thousand points, and never finer than
     * 10 ms; bucketed samples give whole sample buckets per point, laid from their origin. Null without samples.
     */
    public static TimeSeries rate(SampleTable table, Kind kind, long start, long end, java.util.BitSet threads) {
        return rate(table, kind, start, end, threads, null);
    }

    /** As above, with allocation samples spread over the time they stand for ({@link AllocationSpread}), or not (null). */
    public static TimeSeries rate(SampleTable table, Kind kind, long start, long end, java.util.BitSet threads,
                                  AllocationSpread spread) {
        if (table == null || table.size() == 0) {
            return null;
        }
        long span = Math.max(1, end - start);
        long bucket = Math.max(10_000_000L, niceBucket(span / 1000));
        if (table.bucketed()) {
            long width = table.bucketNanos();
            while (width < bucket) {
                width *= 2;
            }
            bucket = width;
            start = table.originNanos() + Math.floorDiv(start - table.originNanos(), bucket) * bucket;
            span = Math.max(1, end - start);
        }
        int n = (int) Math.min(100_000, span / bucket + 1);
        double[] sums = new double[n];
        for (int i = 0, size = table.size(); i < size; i++) {
            if (threads != null && !threads.get(table.thread(i))) {
                continue;
            }
            long t = table.timeNanos(i);
            long over = spread == null ? 0 : spread.spreadNanos(i);
            AllocationSpread.add(sums, null, start, bucket, t, t < start ? 0 : over, table.weight(i));
        }
        long[] times = new long[n];
        double perSecond = 1e9 / bucket;
        for (int b = 0; b < n; b++) {
            times[b] = start + b * bucket;
            sums[b] *= perSecond;
        }
        return new TimeSeries(kind, times, sums, bucket);
    }

    /** Rounds a bucket width up to 1, 2 or 5 times a power of ten nanoseconds. */
    private static long niceBucket(long nanos) {
        long p = 1;
        while (p < nanos / 10) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (p * m >= nanos) {
                return p * m;
            }
        }
        return p * 10;
    }
}
