package dev.firesight.parser.jfr;

/**
 * Thrown inside the reader when bytes contradict the format (a size past the end, a bad encoding).
 * Internal: the reader catches it, keeps what was read so far and turns it into a warning or a
 * {@link dev.firesight.parser.RecordingException}.
 */
final class CorruptDataException extends RuntimeException {
    CorruptDataException(String message) {
        super(message, null, false, false);
    }
}
