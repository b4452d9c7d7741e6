package dev.firesight.storage;

/** A failure reading object storage, as one sentence a user can act on. */
public final class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageException(String sentence) {
        super(sentence);
    }

    public StorageException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
