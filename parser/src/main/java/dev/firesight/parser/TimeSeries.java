package dev.firesight.parser;

/**
 * One series a timeline draws: points of (time, value), sorted by time. Rates are bucketed; per-event
 * series such as heap after GC or pause durations have one point per event.
 */
public final class TimeSeries {
    /** The series Firesight knows, with their units. */
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
}
