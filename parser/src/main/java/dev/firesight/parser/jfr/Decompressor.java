package dev.firesight.parser.jfr;

import dev.firesight.files.CreationRefusedException;
import dev.firesight.files.ScratchFiles;
import dev.firesight.files.UserFolders;
import dev.firesight.parser.RecordingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Expands gzip- and zip-compressed recordings into a private scratch file so they can be mapped like any
 * other. A compression bomb (a few megabytes that expand to gigabytes) must cost neither time nor disk, so
 * the expansion checks what it produces as it goes:
 * <ul>
 *   <li>the first bytes must be a JFR chunk header: anything else stops it at once, with a sentence;</li>
 *   <li>a run of {@value #ZERO_RUN_LIMIT_MB} MB of zero bytes ends it (no recording holds one; bombs are
 *       made of them), and zeros are only written once data follows them;</li>
 *   <li>it never writes more than the cap of the load options, nor more than the disk has free, keeping
 *       {@value #DISK_RESERVE_MB} MB free for everything else.</li>
 * </ul>
 * The scratch file is named after this process and deleted when read, or at shutdown; files of processes
 * that died without cleaning up are swept when the next one starts.
 */
final class Decompressor {
    static final int ZERO_RUN_LIMIT_MB = 64;
    static final int DISK_RESERVE_MB = 512;
    private static final long ZERO_RUN_LIMIT = (long) ZERO_RUN_LIMIT_MB << 20;
    private static final long DISK_RESERVE = (long) DISK_RESERVE_MB << 20;
    /** How often (in bytes written) the free disk space is looked at again; other programs write too. */
    private static final long DISK_CHECK_INTERVAL = 256L << 20;
    private static final byte[] ZEROS = new byte[1 << 16];

    /**
     * The outcome: the expanded file (to {@link #release} after reading) and, when the expansion stopped
     * before the end of the compressed data, the warning that says why (else null).
     */
    record Expanded(Path file, String cut) {
    }

    private Decompressor() {
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The folder for expanded recordings, {@code $XDG_CACHE_HOME/firesight/tmp}. */
    static Path scratchFolder() {
        return UserFolders.cache().resolve("tmp");
    }

    /** Deletes the expanded recordings that processes no longer running left behind. */
    static int sweepStale() {
        return ScratchFiles.sweep(scratchFolder());
    }

    static Expanded expand(Path source, boolean zip, long cap) throws RecordingException, IOException {
        try (InputStream raw = Files.newInputStream(source)) {
            return expand(raw, zip, cap, String.valueOf(source.getFileName()));
        }
    }

    /** Expands {@code raw} (the compressed bytes) into a new scratch file. */
    static Expanded expand(InputStream raw, boolean zip, long cap, String name) throws RecordingException, IOException {
        Path folder = scratchFolder();
        Path file;
        try {
            file = ScratchFiles.create(folder, "expanded", ".jfr");
        } catch (CreationRefusedException e) {
            throw new RecordingException("Cannot open " + name + ": it is compressed, and the cache folder " + folder
                    + " to expand it into could not be created (" + e.reason() + "); set XDG_CACHE_HOME to a folder"
                    + " you can write to.", e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            Limits limits = new Limits(cap, folder);
            String cut;
            try (InputStream in = zip ? firstRecording(new ZipInputStream(raw), name) : new GZIPInputStream(raw, 1 << 16)) {
                cut = copy(in, out, limits, name);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                // A damaged or cut-off archive: keep what was expanded, the reader flags the cut.
                cut = null;
            }
            return new Expanded(file, cut);
        } catch (RecordingException | IOException | RuntimeException e) {
            release(file);
            throw e;
        }
    }

    static void release(Expanded expanded) throws IOException {
        release(expanded.file());
    }

    private static void release(Path file) throws IOException {
        ScratchFiles.release(file);
    }

    private static InputStream firstRecording(ZipInputStream zip, String name) throws IOException, RecordingException {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".jfr")) {
                return zip;
            }
        }
        zip.close();
        throw new RecordingException(name + " is a zip archive with no .jfr file inside.");
    }

    /** How far the expansion may go: the cap asked for, and the disk space free. */
    private static final class Limits {
        final long cap;
        final Path folder;
        long disk;
        long nextDiskCheck;

        Limits(long cap, Path folder) throws IOException {
            this.cap = cap;
            this.folder = folder;
            checkDisk(0);
        }

        /** Looks at the free space again; returns the most bytes the file may hold. */
        long checkDisk(long written) throws IOException {
            disk = written + Math.max(0, Files.getFileStore(folder).getUsableSpace() - DISK_RESERVE);
            nextDiskCheck = written + DISK_CHECK_INTERVAL;
            return disk;
        }
    }

    /**
     * Copies until the end of the data or a limit; returns null when all was copied, else the warning.
     *
     * @throws RecordingException when the data does not start as a JFR recording does
     */
    private static String copy(InputStream in, OutputStream out, Limits limits, String name)
            throws IOException, RecordingException {
        byte[] buffer = new byte[1 << 16];
        ByteBuffer head = ByteBuffer.allocate(ChunkHeader.SIZE);
        long written = 0;
        long zeros = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (head.hasRemaining()) {
                int take = Math.min(n, head.remaining());
                head.put(buffer, 0, take);
                if (!startsAsJfr(head, name)) {
                    // Keep only the header, for the reader to name the format it does not read.
                    writeZeros(out, zeros);
                    out.write(buffer, 0, take);
                    return null;
                }
            }
            for (int i = 0; i < n; ) {
                int start = i;
                while (i < n && buffer[i] == 0) {
                    i++;
                }
                zeros += i - start;
                if (zeros >= ZERO_RUN_LIMIT) {
                    return "The compressed recording holds more than " + ZERO_RUN_LIMIT_MB + " MiB of zero bytes after"
                            + " its first " + mb(written) + " of data; it was expanded only up to them.";
                }
                start = i;
                while (i < n && buffer[i] != 0) {
                    i++;
                }
                if (i > start) {
                    long limit = Math.min(limits.cap, written >= limits.nextDiskCheck ? limits.checkDisk(written)
                            : limits.disk);
                    long wanted = zeros + (i - start);
                    if (written + wanted > limit) {
                        return limit == limits.cap
                                ? "The compressed recording expands beyond " + mb(limits.cap) + "; only the part"
                                        + " before that cap was read."
                                : "The compressed recording expands beyond the disk space free in " + limits.folder
                                        + "; only its first " + mb(written) + " were read.";
                    }
                    writeZeros(out, zeros);
                    out.write(buffer, start, i - start);
                    written += wanted;
                    zeros = 0;
                }
            }
        }
        // Zeros at the very end belong to the data (they are not a run that stopped the expansion).
        writeZeros(out, Math.min(zeros, Math.max(0, limits.cap - written)));
        return null;
    }

    /**
     * True when the header bytes so far could start a JFR recording; false when its header is complete but
     * names a format the reader will refuse anyway (it reports that from the bytes kept).
     *
     * @throws RecordingException when the data does not start with the JFR signature
     */
    private static boolean startsAsJfr(ByteBuffer head, String name) throws RecordingException {
        int have = head.position();
        byte[] magic = {'F', 'L', 'R', 0};
        for (int i = 0; i < Math.min(have, magic.length); i++) {
            if (head.get(i) != magic[i]) {
                throw new RecordingException(name + " is compressed, but what it holds is not a JFR recording"
                        + " (it does not start with the JFR file signature).");
            }
        }
        if (head.hasRemaining()) {
            return true;
        }
        long declaredSize = head.getLong(8);
        return head.getShort(4) == 2 && (declaredSize == 0 || declaredSize >= ChunkHeader.SIZE);
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        for (long left = count; left > 0; ) {
            int n = (int) Math.min(left, ZEROS.length);
            out.write(ZEROS, 0, n);
            left -= n;
        }
    }

    private static String mb(long bytes) {
        return bytes >= (10L << 20) ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
