package dev.firesight.attach;

/** The target JVM belongs to another operating-system user, so it cannot be attached to. */
public final class OtherUserException extends AttachException {
    private static final long serialVersionUID = 1L;

    public OtherUserException(String message) {
        super(message);
    }

    public OtherUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
