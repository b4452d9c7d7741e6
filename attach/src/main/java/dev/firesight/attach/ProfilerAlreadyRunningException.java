package dev.firesight.attach;

/** async-profiler is already recording in the target JVM (started by someone else, or an earlier session). */
public final class ProfilerAlreadyRunningException extends AttachException {
    private static final long serialVersionUID = 1L;

    public ProfilerAlreadyRunningException(String message) {
        super(message);
    }

    public ProfilerAlreadyRunningException(String message, Throwable cause) {
        super(message, cause);
    }
}
