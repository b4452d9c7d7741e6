package dev.firesight.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Grows a local recording file chunk by chunk from pieces fetched from a remote JVM (ranged reads, or dumps of the
 * JDK's remote recording stream), each of which may repeat chunks already here or lack ones fetched before. A
 * chunk is known by its start time; each new, complete one is appended, so the file is always a readable
 * recording, in the order the chunks arrived (which is their time order).
 */
final class ChunkAppender {
    /** Offset of the chunk's start time (epoch nanoseconds) in its header. */
    private static final int START_NANOS = 32;

    private final Path file;
    private final Set<Long> seen = new HashSet<>();
    private long newestStartNanos = -1;
    private long bytes;

    /** @param file an existing (owner-only) file, empty at first */
    ChunkAppender(Path file) {
        this.file = file;
    }

    /** The start of the newest chunk appended, in epoch nanoseconds; -1 before the first. */
    synchronized long newestStartNanos() {
        return newestStartNanos;
    }

    /**
     * Appends each complete chunk of {@code part} whose start time is new.
     *
     * @return the size of the file
     */
    synchronized long append(Path part) throws IOException {
        try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long length = in.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(JfrChunks.HEADER);
            while (position + JfrChunks.HEADER <= length) {
                header.clear();
                if (in.read(header, position) < JfrChunks.HEADER || header.getInt(0) != JfrChunks.MAGIC) {
                    break;
                }
                long size = header.getLong(8);
                if (size < JfrChunks.HEADER || position + size > length) {
                    break;
                }
                long start = header.getLong(START_NANOS);
                if (seen.add(start)) {
                    long copied = 0;
                    while (copied < size) {
                        copied += in.transferTo(position + copied, size - copied, out);
                    }
                    newestStartNanos = Math.max(newestStartNanos, start);
                }
                position += size;
            }
            bytes = out.size();
            return bytes;
        }
    }
}
