package dev.firesight.attach;

import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds the complete chunks at the start of a JFR file that is still being written. A JFR file is a
 * sequence of self-contained chunks; each starts with the magic "FLR\0", a version, and the chunk's
 * size. A chunk still being written has a placeholder size that runs past the end of the file.
 */
final class JfrChunks {
    static final int MAGIC = 0x464c5200;
    static final int HEADER = 68;

    private JfrChunks() {
    }

    /** The number of leading bytes that form complete chunks; 0 when there is none yet. */
    static long completeLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position + HEADER <= length) {
                header.clear();
                if (channel.read(header, position) < 16 || header.getInt(0) != MAGIC) {
                    break;
                }
                long size = header.getLong(8);
                if (size < HEADER || position + size > length) {
                    break;
                }
                position += size;
            }
            return position;
        }
    }

    /**
     * Copies the complete chunks of {@code source} into a new, owner-only file {@code target}.
     *
     * @return the number of bytes copied
     */
    static long copyComplete(Path source, Path target) throws IOException {
        long length = completeLength(source);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(OwnerOnly.newFile(target), StandardOpenOption.WRITE)) {
            long copied = 0;
            while (copied < length) {
                copied += in.transferTo(copied, length - copied, out);
            }
            return copied;
        }
    }
}
