package dev.firesight.parser;

import dev.firesight.parser.jfr.MemoryBudgetExceeded;
import dev.firesight.parser.jfr.RecordingReader;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * The parser's front door: turns a JFR file (plain, gzip or zip; from the JDK or async-profiler) into a
 * {@link Profile}. A damaged file yields what is readable plus warnings; an unreadable one yields one
 * {@link RecordingException} with a sentence for the user, never another exception.
 */
public final class Recordings {
    private Recordings() {
    }

    /**
     * Deletes the expanded copies of compressed recordings that Firesight processes no longer running left
     * behind (killed before their shutdown hook could run); called when Firesight starts, and by every
     * expansion. Never fails.
     */
    public static void removeStaleScratchFiles() {
        RecordingReader.removeStaleScratchFiles();
    }

    public static Profile open(Path file) throws RecordingException {
        return open(file, LoadOptions.defaults());
    }

    /**
     * Refuses anything but a regular file (a symbolic link to one is fine) before it is opened: opening a
     * named pipe waits for a writer, forever if none comes, and a pipe or device cannot be mapped anyway.
     */
    static void requireRegularFile(Path file) throws RecordingException {
        String name = String.valueOf(file.getFileName());
        if (Files.isDirectory(file)) {
            throw new RecordingException(name + " is a folder, not a recording file.");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new RecordingException(name + " is " + kind(file) + ", not a regular file; Firesight reads"
                    + " recordings from files only, so save the data to a file first.");
        }
    }

    private static String kind(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000, 0060000 -> "a device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /**
     * How the sample events in the first {@code maxBytes} of a recording divide among the views, from their event
     * headers alone (see {@link dev.firesight.parser.jfr.SampleMix}): milliseconds, to decide how to read it.
     * Empty for a folder, a compressed file or one that is not a readable recording.
     */
    public static java.util.Map<ViewKind, Long> sampleMix(Path file, long maxBytes) {
        return dev.firesight.parser.jfr.SampleMix.of(file, maxBytes);
    }

    /**
     * Loads a recording. Safe to call from any thread but the UI's.
     *
     * @throws CancellationException when {@code options} asked to cancel
     */
    public static Profile open(Path file, LoadOptions options) throws RecordingException {
        return open(file, options, null);
    }

    /**
     * Loads a recording and hands {@code partials} partial profiles of what has been read as reading goes on
     * (see {@link PartialProfiles}); the profile returned is the complete one. Safe to call from any thread
     * but the UI's.
     *
     * @param partials where partial profiles go, or null for none
     * @throws CancellationException when {@code options} asked to cancel
     */
    public static Profile open(Path file, LoadOptions options, PartialProfiles partials) throws RecordingException {
        String name = String.valueOf(file.getFileName());
        if (!Files.isDirectory(file)) {
            requireRegularFile(file); // a folder is read as one recording of all the recordings in it
        }
        try {
            return new RecordingReader(file, options, partials).read();
        } catch (NoSuchFileException e) {
            throw new RecordingException("File not found: " + file + ".", e);
        } catch (AccessDeniedException e) {
            throw new RecordingException("Cannot read " + name + ": permission denied.", e);
        } catch (IOException e) {
            throw new RecordingException("Cannot read " + name + ": " + e.getMessage() + ".", e);
        } catch (java.io.UncheckedIOException e) {
            // A read that failed under a stream or a callback: the disk's error, not damage in the file.
            throw new RecordingException("Cannot read " + name + ": " + e.getCause().getMessage() + ".", e);
        } catch (MemoryBudgetExceeded | OutOfMemoryError e) {
            String needs = e instanceof MemoryBudgetExceeded m && m.budget() >= 0
                    ? "more than the " + (m.budget() >> 20) + " MiB of memory Firesight may use for it"
                    : "more memory than this JVM has";
            throw new RecordingException(name + " needs " + needs + "; load it with less detail (fewer views, part"
                    + " of its time, or shorter stacks), or start Firesight with a larger heap (-Xmx).", e, true);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new RecordingException(name + " could not be read: it looks damaged ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }
}
