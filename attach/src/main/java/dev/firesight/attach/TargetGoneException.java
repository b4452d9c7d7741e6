package dev.firesight.attach;

/** The target JVM does not exist or exited, before or during the recording. */
public final class TargetGoneException extends AttachException {
    private static final long serialVersionUID = 1L;

    public TargetGoneException(String message) {
        super(message);
    }

    public TargetGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
