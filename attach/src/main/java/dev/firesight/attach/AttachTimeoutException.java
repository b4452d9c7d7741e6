package dev.firesight.attach;

/** An attach call did not finish within its time limit. */
public final class AttachTimeoutException extends AttachException {
    private static final long serialVersionUID = 1L;

    public AttachTimeoutException(String message) {
        super(message);
    }

    public AttachTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
