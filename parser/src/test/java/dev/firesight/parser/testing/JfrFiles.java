package dev.firesight.parser.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/** Small facts about .jfr files that the oracles and fixture tests need. */
public final class JfrFiles {
    private static final int CHUNK_MAGIC = 0x464c5200; // "FLR\0"

    private JfrFiles() {
    }

    /** True if the file starts with the gzip magic bytes 1f 8b. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * The file itself if it is plain JFR; for a gzip file, its content decompressed into a temporary file
     * next to it ({@code <name>.uncompressed.jfr}; reused while newer than the gzip file).
     */
    public static Path plain(Path file) throws IOException {
        if (!isGzip(file)) {
            return file;
        }
        Path out = file.resolveSibling(file.getFileName() + ".uncompressed.jfr");
        if (Files.isRegularFile(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(file)) >= 0) {
            return out;
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "gunzip", ".tmp");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    /**
     * Number of chunks, found by walking the chunk headers (magic "FLR\0", then version, then chunk size).
     *
     * @throws IOException if a chunk header is not where the previous chunk's size says
     */
    public static int chunkCount(Path file) throws IOException {
        Path plain = plain(file);
        try (FileChannel ch = FileChannel.open(plain)) {
            long size = ch.size();
            long pos = 0;
            int chunks = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos < size) {
                header.clear();
                ch.read(header, pos);
                header.flip();
                if (header.remaining() < 16 || header.getInt(0) != CHUNK_MAGIC) {
                    throw new IOException("no chunk header at offset " + pos + " of " + plain);
                }
                long chunkSize = header.getLong(8);
                if (chunkSize <= 0) {
                    throw new IOException("invalid chunk size " + chunkSize + " at offset " + pos + " of " + plain);
                }
                pos += chunkSize;
                chunks++;
            }
            return chunks;
        }
    }

    /** The JFR format version of the first chunk, e.g. "2.1" for JDK 17, "2.0" for async-profiler. */
    public static String version(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(plain(file)))) {
            in.readInt();
            return in.readUnsignedShort() + "." + in.readUnsignedShort();
        }
    }
}
