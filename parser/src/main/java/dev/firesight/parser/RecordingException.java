package dev.firesight.parser;

/** A recording that cannot be read at all. The message is one sentence a user can act on. */
public final class RecordingException extends Exception {
    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
