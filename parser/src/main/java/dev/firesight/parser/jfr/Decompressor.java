package dev.firesight.parser.jfr;

import dev.firesight.parser.RecordingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Expands gzip- and zip-compressed recordings into a private temporary file so they can be mapped like
 * any other. The expansion stops at a cap, so a compression bomb cannot fill the disk.
 */
final class Decompressor {
    /** The outcome: the expanded file (to delete after reading) and whether the cap cut it short. */
    record Expanded(Path file, boolean capped) {
    }

    private Decompressor() {
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    static Expanded expand(Path source, boolean zip, long cap) throws RecordingException, IOException {
        Path file = Files.createTempFile(privateTempDirectory(), "expanded-", ".jfr");
        boolean capped;
        try (InputStream raw = Files.newInputStream(source);
             InputStream in = zip ? firstRecording(new ZipInputStream(raw), source) : new GZIPInputStream(raw, 1 << 16);
             OutputStream out = Files.newOutputStream(file)) {
            capped = copy(in, out, cap);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // A damaged or cut-off archive: keep what was expanded, the reader flags the cut.
            capped = false;
        } catch (RecordingException | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Expanded(file, capped);
    }

    private static InputStream firstRecording(ZipInputStream zip, Path source) throws IOException, RecordingException {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            if (!entry.isDirectory() && entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".jfr")) {
                return zip;
            }
        }
        zip.close();
        throw new RecordingException(source.getFileName() + " is a zip archive with no .jfr file inside.");
    }

    private static boolean copy(InputStream in, OutputStream out, long cap) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            int keep = (int) Math.min(n, cap - total);
            out.write(buffer, 0, keep);
            total += keep;
            if (total >= cap) {
                return true;
            }
        }
        return false;
    }

    /** A folder only this user can read, under the user's cache, never a shared predictable name. */
    static Path privateTempDirectory() throws IOException {
        String base = System.getenv("XDG_CACHE_HOME");
        Path dir = (base != null && !base.isBlank() ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("firesight").resolve("tmp");
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile folder is already private.
        }
        return dir;
    }
}
