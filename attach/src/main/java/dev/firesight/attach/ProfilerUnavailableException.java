package dev.firesight.attach;

/** async-profiler cannot run here or in the target (unsupported OS or CPU, library not loadable); the JDK's Flight Recorder can record instead. */
public final class ProfilerUnavailableException extends AttachException {
    private static final long serialVersionUID = 1L;

    public ProfilerUnavailableException(String message) {
        super(message);
    }

    public ProfilerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
