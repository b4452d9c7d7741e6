package dev.firesight.app.cli;

/** Wrong command-line arguments; the message is one sentence for the user. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
