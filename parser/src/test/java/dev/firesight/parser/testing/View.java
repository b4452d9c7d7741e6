package dev.firesight.parser.testing;

/**
 * The views the oracles compute, named as Firesight names them; {@link #id()} is the map key the oracles
 * use ({@code "cpu"}, {@code "wall"}, {@code "alloc"}, {@code "alloc-count"}, {@code "live"}, {@code "lock"}).
 */
public enum View {
    /** jdk.ExecutionSample, weight 1 each. */
    CPU("cpu"),
    /** profiler.WallClockSample, weight = its {@code samples} field. */
    WALL("wall"),
    /** Allocation events, weight in bytes; leaf frame = allocated class. */
    ALLOC("alloc"),
    /** Allocation events, weight 1 each; leaf frame = allocated class. */
    ALLOC_COUNT("alloc-count"),
    /** profiler.LiveObject, weight = allocationSize; leaf frame = object class. */
    LIVE("live"),
    /** jdk.JavaMonitorEnter and jdk.ThreadPark, weight = duration in ns; leaf frame = monitor/parked class. */
    LOCK("lock"),
    /** profiler.Malloc, weight = size. */
    NATIVE_ALLOC("nativemem"),
    /** profiler.Malloc never matched by a profiler.Free, outside the last tenth of the span; weight = size. */
    NATIVE_LEAK("nativemem-leak");

    private final String id;

    View(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static View byId(String id) {
        for (View v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown view: " + id);
    }
}
