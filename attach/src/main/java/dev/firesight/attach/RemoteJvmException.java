package dev.firesight.attach;

/** Connecting to or recording a remote JVM over JMX failed; {@link #kind()} says how, the message in one sentence. */
public final class RemoteJvmException extends AttachException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that treat the cases differently (and for tests). */
    public enum Kind {
        /** Nothing listens at the address, or the host is unknown. */
        REFUSED,
        /** The agent refused the user name or password, or wants some. */
        AUTHENTICATION,
        /** One side speaks TLS and the other does not, or the certificate is not trusted. */
        TLS,
        /** Something answers at the address, but not a JMX agent. */
        NOT_JMX,
        /** The JVM has no Flight Recorder MBean. */
        NO_FLIGHT_RECORDER,
        /** Anything else the agent or the recorder refused. */
        FAILED
    }

    private final Kind kind;

    RemoteJvmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
