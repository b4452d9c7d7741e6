package dev.firesight.attach;

/** The target JVM is too old for live-object profiling (async-profiler needs JDK 11 or later). */
public final class LiveProfilingUnsupportedException extends AttachException {
    private static final long serialVersionUID = 1L;

    public LiveProfilingUnsupportedException(String message) {
        super(message);
    }

    public LiveProfilingUnsupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
