package dev.firesight.storage;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The time an object's recording covers, worked out without downloading it: a JFR file is a run of chunks,
 * each starting with a 68-byte header that gives the chunk's size, start and duration at fixed offsets
 * (magic at 0, size at 8, start nanoseconds at 32, duration at 40; the parser's ChunkHeader reads the same
 * layout). Walking the headers with ranged reads costs one small request per chunk. What cannot be walked
 * (a compressed object, a chunk still being written, very many chunks) ends at the object's last-modified
 * time, which is never before its recording ended: the window then takes the object when in doubt.
 *
 * @param kind      what the object's first bytes say it is
 * @param startNanos the first chunk's start, epoch nanoseconds (0 when unknown)
 * @param endNanos   the last chunk's end, or the last-modified time when the headers do not tell
 */
record RecordingSpan(Kind kind, long startNanos, long endNanos) {
    static final int HEADER = 68;
    private static final int MAGIC = 0x464C5200; // "FLR\0"
    /** Past this many chunks the rest of the span is taken from last-modified instead of more requests. */
    static final int MAX_WALKED_CHUNKS = 16;

    enum Kind {
        /** A plain JFR recording. */
        JFR(".jfr"),
        /** A gzip-compressed recording (or so its first bytes say). */
        GZIP(".jfr.gz"),
        /** A zip archive holding a recording. */
        ZIP(".zip"),
        /** Anything else: skipped with a note. */
        OTHER("");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    /** The kind of object its first bytes show. */
    static Kind kind(byte[] head) {
        if (head.length >= 4 && ByteBuffer.wrap(head).getInt(0) == MAGIC) {
            return Kind.JFR;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return Kind.GZIP;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Kind.ZIP;
        }
        return Kind.OTHER;
    }

    /** Reads the bytes of an object at an offset; the store's ranged GET, or a cached file. */
    @FunctionalInterface
    interface Bytes {
        byte[] read(long offset, int length) throws StorageException;
    }

    /** Walks the object's chunk headers. */
    static RecordingSpan of(StoredObject object, Bytes bytes) throws StorageException {
        long modified = nanos(object.lastModified());
        byte[] head = bytes.read(0, HEADER);
        Kind kind = kind(head);
        if (kind != Kind.JFR || head.length < HEADER) {
            return new RecordingSpan(kind, 0, modified);
        }
        ByteBuffer first = ByteBuffer.wrap(head);
        long start = first.getLong(32);
        long end = Long.MIN_VALUE;
        long offset = 0;
        ByteBuffer header = first;
        for (int chunk = 0; chunk < MAX_WALKED_CHUNKS; chunk++) {
            long size = header.getLong(8);
            long duration = header.getLong(40);
            if (header.getInt(0) != MAGIC || size < HEADER || offset + size > object.size() || duration <= 0) {
                return new RecordingSpan(kind, start, Math.max(modified, end)); // damaged or still being written
            }
            end = Math.max(end, header.getLong(32) + duration);
            offset += size;
            if (offset == object.size()) {
                return new RecordingSpan(kind, start, end);
            }
            byte[] next = bytes.read(offset, HEADER);
            if (next.length < HEADER) {
                return new RecordingSpan(kind, start, Math.max(modified, end));
            }
            header = ByteBuffer.wrap(next);
        }
        return new RecordingSpan(kind, start, Math.max(modified, end));
    }

    /** True when the recording may hold samples between {@code from} and {@code to} (epoch ns, inclusive). */
    boolean overlaps(long from, long to) {
        return endNanos >= from && (startNanos == 0 || startNanos <= to);
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** As stored in the cache's index: {@code KIND start end}. */
    String format() {
        return kind + " " + startNanos + " " + endNanos;
    }

    static RecordingSpan parse(String text) {
        String[] parts = text.trim().split(" ");
        return new RecordingSpan(Kind.valueOf(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }
}
