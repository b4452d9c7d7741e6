package dev.firesight.parser.jfr;

import dev.firesight.parser.ViewKind;

/**
 * How one JFR event type feeds the views: which fields hold the thread, stack, leaf class and weight.
 * The table here is the one place that encodes async-profiler's converter rules.
 */
enum SampleEvent {
    /**
     * CPU samples, and async-profiler's wall-clock samples where it has no {@code profiler.WallClockSample}
     * to write them as: their thread state tells them apart (see {@link ExecutionStates}).
     */
    EXECUTION("jdk.ExecutionSample", "sampledThread", null, null, ViewKind.CPU, ViewKind.WALL),
    WALL_CLOCK("profiler.WallClockSample", "sampledThread", null, "samples", ViewKind.WALL),
    ALLOCATION_IN_NEW_TLAB("jdk.ObjectAllocationInNewTLAB", "eventThread", "objectClass", "tlabSize",
            ViewKind.ALLOC, ViewKind.ALLOC_COUNT),
    ALLOCATION_OUTSIDE_TLAB("jdk.ObjectAllocationOutsideTLAB", "eventThread", "objectClass", "allocationSize",
            ViewKind.ALLOC, ViewKind.ALLOC_COUNT, ViewKind.ALLOC_OUTSIDE_TLAB),
    ALLOCATION_SAMPLE("jdk.ObjectAllocationSample", "eventThread", "objectClass", "weight",
            ViewKind.ALLOC, ViewKind.ALLOC_COUNT),
    LIVE_OBJECT("profiler.LiveObject", "eventThread", "objectClass", "allocationSize", ViewKind.LIVE),
    MONITOR_ENTER("jdk.JavaMonitorEnter", "eventThread", "monitorClass", "duration", ViewKind.LOCK),
    THREAD_PARK("jdk.ThreadPark", "eventThread", "parkedClass", "duration", ViewKind.LOCK),
    /** A native allocation: its bytes, and its address for {@link NativeLeaks} to match frees against. */
    MALLOC("profiler.Malloc", "eventThread", null, "size", ViewKind.NATIVE_ALLOC, ViewKind.NATIVE_LEAK);

    static final int TIME = 0;
    static final int THREAD = 1;
    static final int STACK = 2;
    static final int CLASS = 3;
    static final int WEIGHT = 4;
    static final int STATE = 5;
    static final int ADDRESS = 6;
    static final int SLOTS = 7;

    final String typeName;
    final String threadField;
    final String classField;
    final String weightField;
    final ViewKind[] views;

    SampleEvent(String typeName, String threadField, String classField, String weightField, ViewKind... views) {
        this.typeName = typeName;
        this.threadField = threadField;
        this.classField = classField;
        this.weightField = weightField;
        this.views = views;
    }

    /** Durations are ticks in the file and nanoseconds in the view. */
    boolean weightIsDuration() {
        return "duration".equals(weightField);
    }

    /** A reader for this event's fields in slot order, or null when the type lacks a needed field. */
    FieldReader reader(JfrType type) {
        String thread = FieldReader.has(type, threadField) ? threadField
                : FieldReader.has(type, "eventThread") ? "eventThread" : null;
        if (!FieldReader.has(type, "startTime") || thread == null || !FieldReader.has(type, "stackTrace")) {
            return null;
        }
        // A live object is placed in time where it was allocated (it is written when the recording ends), so
        // that a time range picks live objects by age: "still alive, allocated more than an hour ago".
        String time = this == LIVE_OBJECT && FieldReader.has(type, "allocationTime") ? "allocationTime" : "startTime";
        return new FieldReader(type, time, thread, "stackTrace",
                classField == null ? "" : classField, weightField == null ? "" : weightField,
                this == EXECUTION ? "state" : "", this == MALLOC ? "address" : "");
    }
}
