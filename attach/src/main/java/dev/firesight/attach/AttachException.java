package dev.firesight.attach;

/**
 * Something went wrong while finding, attaching to or recording a local JVM. The message is one
 * sentence for the user: what happened and what to do about it. Subclasses name the cases a caller may
 * want to treat differently.
 */
public class AttachException extends Exception {
    private static final long serialVersionUID = 1L;

    public AttachException(String message) {
        super(message);
    }

    public AttachException(String message, Throwable cause) {
        super(message, cause);
    }
}
