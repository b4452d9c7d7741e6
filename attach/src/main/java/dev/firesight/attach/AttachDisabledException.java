package dev.firesight.attach;

/** The target JVM refuses attach connections, e.g. it runs with {@code -XX:+DisableAttachMechanism}. */
public final class AttachDisabledException extends AttachException {
    private static final long serialVersionUID = 1L;

    public AttachDisabledException(String message) {
        super(message);
    }

    public AttachDisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
