package dev.firesight.parser;

/** What kind of code a frame is, for colouring and tooltips. */
public enum FrameKind {
    INTERPRETED("Interpreted"),
    JIT("JIT compiled"),
    C1("C1 compiled"),
    INLINED("Inlined"),
    NATIVE("Native"),
    CPP("C++"),
    KERNEL("Kernel"),
    /** The allocated, live, monitor or parked class that ends an allocation, live or lock stack. */
    CLASS("Class"),
    /** A thread as the root frame of a per-thread call tree. */
    THREAD("Thread"),
    UNKNOWN("Unknown");

    /** Every kind by ordinal: {@code values()} copies its array on each call, and hot loops ask per frame. */
    private static final FrameKind[] BY_ORDINAL = values();

    private final String label;

    FrameKind(String label) {
        this.label = label;
    }

    /** The kind whose {@link #ordinal()} is {@code ordinal}. */
    public static FrameKind of(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    public String label() {
        return label;
    }

    /** Maps a JFR {@code jdk.types.FrameType} description to a kind. */
    public static FrameKind fromDescription(String description) {
        if (description == null) {
            return UNKNOWN;
        }
        switch (description) {
            case "Interpreted":
                return INTERPRETED;
            case "JIT compiled":
                return JIT;
            case "C1 compiled":
                return C1;
            case "Inlined":
                return INLINED;
            case "Native":
                return NATIVE;
            case "C++":
                return CPP;
            case "Kernel":
                return KERNEL;
            default:
                return UNKNOWN;
        }
    }
}
