package dev.firesight.attach;

/**
 * The process is not a JVM that can be attached to. Attaching to it anyway would send it SIGQUIT,
 * which ends most programs that are not JVMs, so Firesight refuses before trying.
 */
public final class NotAJvmException extends AttachException {
    private static final long serialVersionUID = 1L;

    public NotAJvmException(String message) {
        super(message);
    }
}
