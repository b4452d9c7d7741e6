package dev.firesight.files;

import java.io.IOException;

/**
 * A file or folder Firesight was asked to create could not be, or must not be, created: a missing or
 * unwritable folder, or a name held by something that is not a regular file. The message is one sentence
 * for the user, ending with a full stop.
 */
public final class CreationRefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    CreationRefusedException(String sentence, String reason, Throwable cause) {
        super(sentence, cause);
        this.reason = reason;
    }

    /** Why, in a few words without a full stop, e.g. {@code permission denied}. */
    public String reason() {
        return reason;
    }
}
