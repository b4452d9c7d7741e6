package dev.firesight.attach;

/** Which engine a recording should use. */
public enum EngineChoice {
    /** async-profiler where it can run, otherwise the JDK's Flight Recorder. */
    AUTOMATIC,
    /** async-profiler only; fail if it cannot run. */
    ASYNC_PROFILER,
    /** The JDK's Flight Recorder only. */
    FLIGHT_RECORDER
}
