package dev.firesight.attach;

/** The recording engine refused a command or failed; the message carries the engine's own words. */
public final class RecordingFailedException extends AttachException {
    private static final long serialVersionUID = 1L;

    public RecordingFailedException(String message) {
        super(message);
    }

    public RecordingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
