package dev.firesight.parser;

/** A recording that cannot be read at all. The message is one sentence a user can act on. */
public final class RecordingException extends Exception {
    private final boolean tooLarge;

    public RecordingException(String message) {
        this(message, null, false);
    }

    public RecordingException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param tooLarge the recording is readable but does not fit in memory as asked */
    public RecordingException(String message, Throwable cause, boolean tooLarge) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    /**
     * True when the recording is readable but did not fit in the memory allowed: loading it again with
     * less detail ({@link LoadOptions#withViews}, {@link LoadOptions#withTimeFraction},
     * {@link LoadOptions#withMaxStackDepth}) may succeed.
     */
    public boolean tooLarge() {
        return tooLarge;
    }
}
