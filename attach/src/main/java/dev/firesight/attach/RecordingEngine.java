package dev.firesight.attach;

/** What records inside the target JVM. */
public enum RecordingEngine {
    /** async-profiler, loaded into the target as a JVMTI agent. */
    ASYNC_PROFILER("async-profiler"),
    /** The JDK's own Flight Recorder, driven through the target's diagnostic commands. */
    FLIGHT_RECORDER("JDK Flight Recorder");

    private final String displayName;

    RecordingEngine(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
