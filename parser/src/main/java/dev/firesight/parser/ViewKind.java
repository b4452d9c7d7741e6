package dev.firesight.parser;

/**
 * The views a recording can offer. Weights follow async-profiler's converter with {@code --total}, so
 * totals match what users see there.
 */
public enum ViewKind {
    /** Execution samples, one each. */
    CPU("cpu", "CPU", Unit.SAMPLES),
    /** Wall-clock samples, weighted by their {@code samples} field. */
    WALL("wall", "Wall clock", Unit.SAMPLES),
    /** Estimated bytes allocated: TLAB size, outside-TLAB size or allocation-sample weight. */
    ALLOC("alloc", "Allocations (bytes)", Unit.BYTES),
    /** Allocation events, one each. */
    ALLOC_COUNT("alloc-count", "Allocations (count)", Unit.SAMPLES),
    /**
     * Bytes of objects allocated outside thread-local buffers ({@code jdk.ObjectAllocationOutsideTLAB}): objects
     * too large for a TLAB, which take the slow path; under G1 the largest are humongous. Part of {@link #ALLOC}.
     */
    ALLOC_OUTSIDE_TLAB("alloc-outside-tlab", "Allocations outside TLABs", Unit.BYTES),
    /** Bytes still live at the end of the recording. */
    LIVE("live", "Live objects", Unit.BYTES),
    /** Nanoseconds blocked on monitors and parked. */
    LOCK("lock", "Lock", Unit.NANOS),
    /** Bytes of native memory allocated (async-profiler's {@code nativemem}), freed or not. */
    NATIVE_ALLOC("nativemem", "Native allocations", Unit.BYTES),
    /**
     * Bytes of native memory allocated and never freed, as async-profiler's converter counts them with
     * {@code --nativemem --leak}: allocations made in the last tenth of the recording are too young to tell.
     */
    NATIVE_LEAK("nativemem-leak", "Native leaks", Unit.BYTES);

    /** The unit of a view's weights. */
    public enum Unit {
        SAMPLES("samples"), BYTES("bytes"), NANOS("ns");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String id;
    private final String title;
    private final Unit unit;

    ViewKind(String id, String title, Unit unit) {
        this.id = id;
        this.title = title;
        this.unit = unit;
    }

    /** The name used on the command line, e.g. {@code alloc-count}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    /** What the view's events are called in sentences, plural: "CPU samples", "allocation events". */
    public String eventNoun() {
        switch (this) {
            case CPU: return "CPU samples";
            case WALL: return "wall-clock samples";
            case LIVE: return "live objects";
            case LOCK: return "lock events";
            case NATIVE_ALLOC: return "native allocations";
            case NATIVE_LEAK: return "native allocations never freed";
            default: return "allocation events";
        }
    }

    /** Looks a view up by its command-line name; null when there is none. */
    public static ViewKind byId(String id) {
        for (ViewKind v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        return null;
    }
}
