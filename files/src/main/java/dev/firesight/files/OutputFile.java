package dev.firesight.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output Firesight writes for the user (an export, a diff, a redacted copy, an extracted library):
 * written into an owner-only temporary file in the target's own folder and renamed into place only when
 * complete, so a reader never sees half a file and a failure leaves the old file untouched. The rename
 * replaces the name itself, so a symbolic link planted at the target is never followed; and a target that
 * is not a regular file (a link, a folder, a pipe) is refused with a sentence rather than replaced.
 *
 * <p>Use: {@code try (OutputFile out = OutputFile.create(target)) { write to out.stream(); out.commit(); }}.
 * Closing without {@link #commit()} deletes the temporary file, and so does a shutdown (Ctrl-C, SIGTERM)
 * in the middle of writing.
 */
public final class OutputFile implements Closeable {
    private final Path target;
    private final Path temporary;
    private OutputStream stream;
    private boolean committed;

    private OutputFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Prepares to write {@code target}.
     *
     * @throws CreationRefusedException when the target is not a regular file or its folder is missing
     */
    public static OutputFile create(Path target) throws IOException {
        check(target);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            Path temporary = OwnerOnly.tempFile(folder, "." + absolute.getFileName() + "-", ".part");
            ScratchFiles.deleteAtShutdown(temporary);
            return new OutputFile(absolute, temporary);
        } catch (NoSuchFileException e) {
            throw OwnerOnly.missingFolder(target, e);
        }
    }

    /**
     * Checks, before any work is done, that {@code target} could be written: its folder exists and the name
     * is free or held by a regular file.
     *
     * @throws CreationRefusedException with the sentence for the user otherwise
     */
    public static void check(Path target) throws CreationRefusedException {
        Path absolute = target.toAbsolutePath();
        OwnerOnly.refuseNonRegular(absolute);
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw OwnerOnly.missingFolder(target, null);
        }
    }

    /** Writes {@code target} as UTF-8 text in one go. */
    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(writer);
            writer.flush();
        });
    }

    /** What fills a text output. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** Writes {@code target} in one go. */
    public static void write(Path target, Body body) throws IOException {
        try (OutputFile out = create(target)) {
            body.write(out.stream());
            out.commit();
        }
    }

    /** What fills an output. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** The temporary file being written, for writers that need a path (memory-mapped editing). */
    public Path temporary() {
        return temporary;
    }

    /** A buffered stream into the temporary file; closing it is left to {@link #commit()}. */
    public OutputStream stream() throws IOException {
        if (stream == null) {
            stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
        }
        return stream;
    }

    /** Finishes the file and renames it into place, replacing a regular file of that name. */
    public void commit() throws IOException {
        if (stream != null) {
            stream.close();
        }
        OwnerOnly.refuseNonRegular(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        ScratchFiles.forget(temporary);
    }

    /** Deletes the temporary file unless the output was committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            if (stream != null) {
                stream.close();
            }
        } finally {
            ScratchFiles.release(temporary);
        }
    }
}
