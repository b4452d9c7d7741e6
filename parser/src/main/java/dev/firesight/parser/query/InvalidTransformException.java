package dev.firesight.parser.query;

/** A transform that could not be read (see {@link Transforms#parse}); the message says why, in one sentence. */
public final class InvalidTransformException extends Exception {
    InvalidTransformException(String sentence) {
        super(sentence);
    }
}
